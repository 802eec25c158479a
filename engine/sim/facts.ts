import { catalogue } from '../policy/catalogue/index.ts';
import { type PolicyKind } from '../domain/lists.ts';
import { DUNNING_ACTIONS } from '../domain/lists.ts';
import { OFFERS } from '../domain/lists.ts';
import { DAMAGE } from '../domain/lists.ts';
import type { PolicyRuntime } from './policies.ts';

/*
 * Frame slot indices of every catalogue fact, per kind, looked up once per setup. The constructors check
 * that every fact of the kind's catalogue has a slot here: a fact added to a catalogue without teaching
 * the simulator to fill it fails at setup, not silently in the loop.
 *
 * `reads` says which facts the policy's rules read (directly or through shared conditions): the hot
 * loops may skip computing and writing the others, which no rule can observe.
 */

function bind<K extends string>(
  rt: PolicyRuntime,
  kind: PolicyKind,
  nums: readonly K[],
  refs: readonly K[],
): Record<K, number> {
  const known = new Set<string>([...nums, ...refs]);
  const missing = catalogue(kind).facts.filter((f) => !known.has(f.name));
  if (missing.length > 0) {
    throw new Error(
      `internal: the simulator does not fill ${kind} facts ${missing.map((f) => f.name).join(', ')}`,
    );
  }
  const out = {} as Record<K, number>;
  for (const name of nums) out[name] = rt.slot(name, 'num');
  for (const name of refs) out[name] = rt.slot(name, 'ref');
  return out;
}

/** Whether the policy's rules read each fact. */
export function reads<K extends string>(rt: PolicyRuntime, slots: Record<K, number>): Record<K, boolean> {
  const out = {} as Record<K, boolean>;
  for (const name of Object.keys(slots) as K[]) out[name] = rt.policy.referenced.has(name);
  return out;
}

export function engagementSlots(rt: PolicyRuntime) {
  return bind(
    rt,
    'engagement',
    [
      'cycle',
      'monthsToEnd',
      'monthsOnBook',
      'termMonths',
      'equity',
      'loyaltyScore',
      'daysPastDue',
      'lastContactMonthsAgo',
      'contactsThisContract',
    ] as const,
    [
      'product',
      'segment',
      'creditTier',
      'offersMade',
      'preferredChannel',
      'dealerHasBdc',
      'region',
      'powertrain',
    ] as const,
  );
}
export type EngagementSlots = ReturnType<typeof engagementSlots>;

export function leadsSlots(rt: PolicyRuntime) {
  return bind(
    rt,
    'leads',
    ['hourOfDay', 'dayOfWeek', 'leadScore'] as const,
    [
      'source',
      'withinOpeningHours',
      'interest',
      'isExistingCustomer',
      'bdcAvailable',
      'dealerHasBdc',
      'region',
    ] as const,
  );
}
export type LeadsSlots = ReturnType<typeof leadsSlots>;

export function dunningSlots(rt: PolicyRuntime) {
  return bind(
    rt,
    'dunning',
    ['daysPastDue', 'missedPayments', 'outstanding', 'brokenPromises', 'cycle'] as const,
    [
      'segment',
      'creditTier',
      'disputeOpen',
      'insured',
      'claimFiled',
      'agencyPlaced',
      'paymentPlanActive',
      'actionsTaken',
      'product',
    ] as const,
  );
}
export type DunningSlots = ReturnType<typeof dunningSlots>;

export function remarketingSlots(rt: PolicyRuntime) {
  return bind(
    rt,
    'remarketing',
    [
      'cycleEnded',
      'vehicleAgeMonths',
      'mileageKm',
      'marketValue',
      'retailValue',
      'refurbCostEstimate',
    ] as const,
    ['condition', 'damage', 'serviceHistoryComplete', 'powertrain'] as const,
  );
}
export type RemarketingSlots = ReturnType<typeof remarketingSlots>;

/**
 * Every subset of `values` as a frozen array, indexed by its bit set (bit i = values[i]), so a `list`
 * fact is filled from a bit mask without allocating.
 */
function subsets(values: readonly string[]): readonly (readonly string[])[] {
  const out: (readonly string[])[] = [];
  for (let mask = 0; mask < 1 << values.length; mask++) {
    out.push(Object.freeze(values.filter((_, i) => (mask & (1 << i)) !== 0)));
  }
  return Object.freeze(out);
}

/** `offersMade` lists by bit set of OFFERS. */
export const OFFER_LISTS = subsets(OFFERS);
/** `actionsTaken` lists by bit set of DUNNING_ACTIONS. */
export const ACTION_LISTS = subsets(DUNNING_ACTIONS);
/** `damage` lists by bit set of DAMAGE. */
export const DAMAGE_LISTS = subsets(DAMAGE);
