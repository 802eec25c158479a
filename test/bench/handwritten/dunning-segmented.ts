import type { DunningFacts } from './facts.ts';

/** The parameter defaults of rules/dunning/segmented.json, as constants. */
export const segmentedParameters = {
  callDays: 30,
  agencyDays: 90,
  habitualAgencyDays: 45,
  terminationDays: 120,
  writeOffBelow: 2500,
  maxBrokenPromises: 1,
  claimWaitingDays: 90,
  claimWindowDays: 180,
} as const;

const CALL_DAYS = segmentedParameters.callDays;
const AGENCY_DAYS = segmentedParameters.agencyDays;
const HABITUAL_AGENCY_DAYS = segmentedParameters.habitualAgencyDays;
const TERMINATION_DAYS = segmentedParameters.terminationDays;
const WRITE_OFF_BELOW = segmentedParameters.writeOffBelow;
const MAX_BROKEN_PROMISES = segmentedParameters.maxBrokenPromises;
const CLAIM_WAITING_DAYS = segmentedParameters.claimWaitingDays;
const CLAIM_WINDOW_DAYS = segmentedParameters.claimWindowDays;

/**
 * rules/dunning/segmented.json (hit policy collect) written by hand: writes the index of every
 * fired rule, in decision order (priority descending; the file lists its rules in that order),
 * into `out` and returns how many fired. `out` needs room for 13 entries.
 */
export function dunningSegmented(f: DunningFacts, out: Int32Array): number {
  let n = 0;
  const dpd = f.daysPastDue;
  const actions = f.actionsTaken;
  const undisputed = !f.disputeOpen;
  const keptPlan = f.paymentPlanActive && f.brokenPromises < MAX_BROKEN_PROMISES;
  const workable = undisputed && !keptPlan;
  const inHouse = workable && !f.agencyPlaced && dpd < TERMINATION_DAYS;
  const habitual = f.segment === 'habitual-late';
  const forgetter = f.segment === 'reliable' || f.segment === 'occasional';
  const trustedForgetter = forgetter && f.brokenPromises < MAX_BROKEN_PROMISES && dpd < AGENCY_DAYS;

  if (f.disputeOpen) out[n++] = 0;
  if (
    undisputed &&
    f.insured &&
    !f.claimFiled &&
    !actions.includes('insurance-claim') &&
    dpd >= CLAIM_WAITING_DAYS &&
    dpd <= CLAIM_WINDOW_DAYS
  )
    out[n++] = 1;
  if (undisputed && keptPlan) out[n++] = 2;
  if (workable && dpd >= TERMINATION_DAYS && f.outstanding < WRITE_OFF_BELOW) out[n++] = 3;
  if (workable && dpd >= TERMINATION_DAYS && f.outstanding >= WRITE_OFF_BELOW) out[n++] = 4;
  if (workable && f.agencyPlaced && dpd < TERMINATION_DAYS) out[n++] = 5;
  if (inHouse && habitual && dpd >= HABITUAL_AGENCY_DAYS) out[n++] = 6;
  if (inHouse && forgetter && (dpd >= AGENCY_DAYS || f.brokenPromises >= MAX_BROKEN_PROMISES)) out[n++] = 7;
  if (inHouse && habitual && dpd < HABITUAL_AGENCY_DAYS && !actions.includes('remind')) out[n++] = 8;
  if (
    inHouse &&
    habitual &&
    dpd < HABITUAL_AGENCY_DAYS &&
    actions.includes('remind') &&
    !actions.includes('call')
  )
    out[n++] = 9;
  if (inHouse && trustedForgetter && dpd < CALL_DAYS && !actions.includes('remind')) out[n++] = 10;
  if (inHouse && trustedForgetter && dpd >= CALL_DAYS && !actions.includes('call')) out[n++] = 11;
  if (
    inHouse &&
    trustedForgetter &&
    dpd >= CALL_DAYS &&
    actions.includes('call') &&
    !actions.includes('payment-plan')
  )
    out[n++] = 12;
  return n;
}
