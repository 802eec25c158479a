import type { DunningFacts } from './facts.ts';

/** The parameter defaults of rules/dunning/uniform.json, as constants. */
export const uniformParameters = {
  callDays: 30,
  agencyDays: 60,
  terminationDays: 90,
  writeOffBelow: 2500,
} as const;

const CALL_DAYS = uniformParameters.callDays;
const AGENCY_DAYS = uniformParameters.agencyDays;
const TERMINATION_DAYS = uniformParameters.terminationDays;
const WRITE_OFF_BELOW = uniformParameters.writeOffBelow;

/**
 * rules/dunning/uniform.json written by hand: the index of the deciding rule in decision order
 * (priority descending; the file lists its rules in that order), or -1 when none fires.
 */
export function dunningUniform(f: DunningFacts): number {
  const dpd = f.daysPastDue;
  if (dpd >= TERMINATION_DAYS) return f.outstanding < WRITE_OFF_BELOW ? 0 : 1;
  if (f.agencyPlaced) return 2;
  if (dpd >= AGENCY_DAYS) return 3;
  if (dpd >= CALL_DAYS) return 4;
  if (dpd > 0) return 5;
  return -1;
}
