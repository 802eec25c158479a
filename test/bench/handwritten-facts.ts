/**
 * The hand-written contender's inputs: named-property facts objects built by one object literal per
 * kind, as a developer would write them, so every object of a kind has the same shape (one hidden
 * class, properties in-object) and the hand-written functions' property reads stay monomorphic.
 */
import type { PolicyKind } from '../../engine/domain/lists.ts';
import type {
  DunningFacts,
  EngagementFacts,
  FactsByKind,
  LeadsFacts,
  RemarketingFacts,
} from './handwritten/index.ts';
import type { Facts } from './policy-inputs.ts';

/** The typed facts object of `kind` from catalogue-valid JSON facts (lists copied). */
export function handwrittenFacts<K extends PolicyKind>(kind: K, facts: Facts): FactsByKind[K] {
  return BUILDERS[kind](facts) as FactsByKind[K];
}

// The input was drawn from the kind's catalogue, so each value already has the declared type.
const BUILDERS: { [K in PolicyKind]: (facts: Facts) => FactsByKind[K] } = {
  engagement: (facts) => {
    const f = facts as unknown as EngagementFacts;
    return {
      cycle: f.cycle,
      product: f.product,
      monthsToEnd: f.monthsToEnd,
      monthsOnBook: f.monthsOnBook,
      termMonths: f.termMonths,
      equity: f.equity,
      loyaltyScore: f.loyaltyScore,
      segment: f.segment,
      creditTier: f.creditTier,
      daysPastDue: f.daysPastDue,
      lastContactMonthsAgo: f.lastContactMonthsAgo,
      contactsThisContract: f.contactsThisContract,
      offersMade: [...f.offersMade],
      preferredChannel: f.preferredChannel,
      dealerHasBdc: f.dealerHasBdc,
      region: f.region,
      powertrain: f.powertrain,
    };
  },
  leads: (facts) => {
    const f = facts as unknown as LeadsFacts;
    return {
      source: f.source,
      hourOfDay: f.hourOfDay,
      dayOfWeek: f.dayOfWeek,
      withinOpeningHours: f.withinOpeningHours,
      interest: f.interest,
      isExistingCustomer: f.isExistingCustomer,
      leadScore: f.leadScore,
      bdcAvailable: f.bdcAvailable,
      dealerHasBdc: f.dealerHasBdc,
      region: f.region,
    };
  },
  dunning: (facts) => {
    const f = facts as unknown as DunningFacts;
    return {
      daysPastDue: f.daysPastDue,
      missedPayments: f.missedPayments,
      segment: f.segment,
      creditTier: f.creditTier,
      outstanding: f.outstanding,
      disputeOpen: f.disputeOpen,
      brokenPromises: f.brokenPromises,
      insured: f.insured,
      claimFiled: f.claimFiled,
      agencyPlaced: f.agencyPlaced,
      paymentPlanActive: f.paymentPlanActive,
      actionsTaken: [...f.actionsTaken],
      product: f.product,
      cycle: f.cycle,
    };
  },
  remarketing: (facts) => {
    const f = facts as unknown as RemarketingFacts;
    return {
      cycleEnded: f.cycleEnded,
      vehicleAgeMonths: f.vehicleAgeMonths,
      mileageKm: f.mileageKm,
      condition: f.condition,
      damage: [...f.damage],
      marketValue: f.marketValue,
      retailValue: f.retailValue,
      refurbCostEstimate: f.refurbCostEstimate,
      serviceHistoryComplete: f.serviceHistoryComplete,
      powertrain: f.powertrain,
    };
  },
};
