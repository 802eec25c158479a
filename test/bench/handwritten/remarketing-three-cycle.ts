import type { RemarketingFacts } from './facts.ts';

/** The parameter defaults of rules/remarketing/three-cycle.json, as constants. */
export const threeCycleParameters = {
  maxRefurbCost: 2500,
  lowRetailValue: 12000,
  maxRefurbCostLowValue: 1200,
  maxMileageKm: 150000,
  maxVehicleAgeMonths: 96,
} as const;

const MAX_REFURB_COST = threeCycleParameters.maxRefurbCost;
const LOW_RETAIL_VALUE = threeCycleParameters.lowRetailValue;
const MAX_REFURB_COST_LOW_VALUE = threeCycleParameters.maxRefurbCostLowValue;
const MAX_MILEAGE_KM = threeCycleParameters.maxMileageKm;
const MAX_VEHICLE_AGE_MONTHS = threeCycleParameters.maxVehicleAgeMonths;

/**
 * rules/remarketing/three-cycle.json written by hand: the index of the deciding rule in decision
 * order (priority descending; the file lists its rules in that order), or -1 when none fires.
 */
export function remarketingThreeCycle(f: RemarketingFacts): number {
  if (f.cycleEnded >= 3) return 0;
  if (f.condition === 'poor') return 1;
  if (f.condition === 'fair') {
    if (f.damage.includes('mechanical') || f.damage.includes('body')) return 2;
    if (!f.serviceHistoryComplete) return 3;
  }
  const refurb = f.refurbCostEstimate;
  if (refurb > MAX_REFURB_COST || (f.retailValue < LOW_RETAIL_VALUE && refurb > MAX_REFURB_COST_LOW_VALUE))
    return 4;
  if (f.mileageKm > MAX_MILEAGE_KM || f.vehicleAgeMonths > MAX_VEHICLE_AGE_MONTHS) return 5;
  if (f.cycleEnded === 1) return 6;
  if (f.cycleEnded === 2) return 7;
  return -1;
}
