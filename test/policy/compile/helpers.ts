import type { PolicyKind } from '../../../engine/domain/lists.ts';
import { compileRuleSet, frameFromFacts } from '../../../engine/policy/compile/index.ts';
import { createReferenceEngine } from '../../../engine/policy/reference.ts';
import type { ParameterValue, Rule, RuleEvent, RuleSet } from '../../../engine/policy/rule-set.ts';

/** One valid fact object per kind, for tests that vary a fact or two. */
export const SAMPLE_FACTS: Readonly<Record<PolicyKind, Readonly<Record<string, unknown>>>> = {
  engagement: {
    cycle: 1,
    product: 'lease',
    monthsToEnd: 14,
    monthsOnBook: 22,
    termMonths: 36,
    equity: 1200,
    loyaltyScore: 0.6,
    segment: 'reliable',
    creditTier: 'prime',
    daysPastDue: 0,
    lastContactMonthsAgo: 3,
    contactsThisContract: 1,
    offersMade: ['service-package'],
    preferredChannel: 'phone',
    dealerHasBdc: true,
    region: 'north',
    powertrain: 'ev',
  },
  leads: {
    source: 'web-form',
    hourOfDay: 10,
    dayOfWeek: 2,
    withinOpeningHours: true,
    interest: 'new',
    isExistingCustomer: false,
    leadScore: 0.4,
    bdcAvailable: true,
    dealerHasBdc: true,
    region: 'south',
  },
  dunning: {
    daysPastDue: 35,
    missedPayments: 1,
    segment: 'occasional',
    creditTier: 'near-prime',
    outstanding: 18000,
    disputeOpen: false,
    brokenPromises: 0,
    insured: true,
    claimFiled: false,
    agencyPlaced: false,
    paymentPlanActive: false,
    actionsTaken: ['remind'],
    product: 'loan',
    cycle: 3,
  },
  remarketing: {
    cycleEnded: 1,
    vehicleAgeMonths: 36,
    mileageKm: 60000,
    condition: 'good',
    damage: [],
    marketValue: 21000,
    retailValue: 25000,
    refurbCostEstimate: 1500,
    serviceHistoryComplete: true,
    powertrain: 'hybrid',
  },
};

/** A rule set of `kind` around `rules` (and optionally shared conditions and parameters). */
export function ruleSetOf(kind: PolicyKind, rules: Rule[], extra: Partial<RuleSet> = {}): RuleSet {
  return { kind, name: 'test policy', description: '', hitPolicy: 'collect', rules, ...extra };
}

/** A rule whose event type is its name, so tests can read which rules fired. */
export function rule(name: string, conditions: Rule['conditions'], priority?: number): Rule {
  return { name, conditions, event: { type: name }, ...(priority === undefined ? {} : { priority }) };
}

export interface BothResults {
  /** Compiled events in decision order. */
  readonly compiled: RuleEvent[];
  /** json-rules-engine's events in its emitted order. */
  readonly reference: RuleEvent[];
  /** The compiled `first` result as an event, or undefined. */
  readonly first: RuleEvent | undefined;
}

/** Runs both engines on one fact object (the kind's sample facts, with `facts` laid over them). */
export async function runBoth(
  ruleSet: RuleSet,
  facts: Record<string, unknown> = {},
  overrides?: Record<string, ParameterValue>,
): Promise<BothResults> {
  const all = { ...SAMPLE_FACTS[ruleSet.kind], ...facts };
  const policy = compileRuleSet(ruleSet, overrides);
  const built = frameFromFacts(policy, all);
  if ('error' in built) throw new Error(built.error);
  const out = new Int32Array(policy.rules.length);
  const count = policy.fire(built.frame, out);
  const compiled = Array.from(out.subarray(0, count), (i) => policy.rules[i]!.event);
  const first = policy.first(built.frame);
  const reference = await createReferenceEngine(ruleSet, overrides).run(all);
  return { compiled, reference, first: first === -1 ? undefined : policy.rules[first]!.event };
}

/** Event types, for compact expectations. */
export function types(events: readonly RuleEvent[]): string[] {
  return events.map((e) => e.type);
}
