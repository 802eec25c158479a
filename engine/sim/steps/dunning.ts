import { DUNNING_ACTIONS } from '../../domain/lists.ts';
import { CREDIT_TIERS, PRODUCTS, SEGMENTS } from '../../domain/lists.ts';
import type { Sim } from '../context.ts';
import type { Trace } from '../trace/trace.ts';
import { DECISIONS } from '../../random/decisions.ts';
import { ACTION_LISTS } from '../facts.ts';
import {
  CURE_BY_AGENCY,
  CURE_BY_CALL,
  CURE_BY_PLAN,
  CURE_BY_REMIND,
  CURE_BY_REVIEW,
  CURE_BY_SELF,
} from '../cure-chances.ts';
import { CAT } from '../ledger.ts';
import { daysPastDue } from '../state.ts';
import { uniform } from '../../random/streams.ts';
import { CHARGE_OFF, REPOSSESS, terminate, WRITE_OFF } from './termination.ts';

/*
 * Step 3: every delinquent contract gets this month's dunning decision. The actions are carried out in
 * decision order (each costs money and may cost goodwill), then the month's outcome is drawn, bucket by
 * bucket of days past due: the customer cures (pays the arrears) by themself or through an action, with
 * odds that fall as the arrears age (cureOddsByDaysPastDue) and depend on segment and tier; keeps or
 * breaks a payment plan; or, not cured, either pays the instalment due and stays in their bucket or
 * misses it too and rolls one bucket further (rollGivenNoCure by tier, lateRollGivenNoCure from 61 days).
 * A delinquency that reaches the world's default point (defaultDays) counts as defaulted, whatever
 * follows. A contract the policy terminates is repossessed or written off; one the policy never
 * terminates is written off by the world at chargeOffDays.
 *
 * Forbearance is not a cure: a payment plan holds days past due where they are while it is kept, and
 * the contract stays forborne through the plan and a probation after it (with higher miss odds, in
 * payments.ts). Payment protection pays only on a delinquency an insured event caused (death,
 * disability, unemployment): the insurer pays the arrears, the account is current again and the
 * insurer goes on paying the instalments for the benefit months; a claim on any other delinquency is
 * rejected.
 *
 * Days past due: daysPastDue in engine/sim/state.ts.
 */

const REMIND = DUNNING_ACTIONS.indexOf('remind');
const CALL = DUNNING_ACTIONS.indexOf('call');
const PLAN = DUNNING_ACTIONS.indexOf('payment-plan');
const REVIEW = DUNNING_ACTIONS.indexOf('dispute-review');
const AGENCY = DUNNING_ACTIONS.indexOf('collection-agency');
const CLAIM = DUNNING_ACTIONS.indexOf('insurance-claim');
const REPOSSESS_ACTION = DUNNING_ACTIONS.indexOf('repossess');
const WRITE_OFF_ACTION = DUNNING_ACTIONS.indexOf('write-off');

export function dunningStep(sim: Sim, t: number): void {
  const delinquent = sim.delinquent;
  const trace = sim.trace;
  for (let k = 0; k < delinquent.length; k++) {
    const i = delinquent.items[k]!;
    if (trace !== null && sim.contracts.customerId[i] === trace.customerId) {
      trace.dunningBegin(sim, i, t);
      dunContract(sim, i, t, trace);
      trace.dunningEnd(sim, i);
    } else dunContract(sim, i, t, null);
  }
  delinquent.clear();
}

/** Dunning of contract slot `i` in month `t`; `trace` is the trace when its customer is followed. */
function dunContract(sim: Sim, i: number, t: number, trace: Trace | null): void {
  const C = sim.contracts;
  const K = sim.customers;
  const w = sim.w;
  const key = sim.key;
  const c = C.customer[i]!;
  const seg = K.segment[c]!;
  const tier = K.tier[c]!;
  const id = C.id[i]!;
  const behind = t - C.delinquentSince[i]!;
  const dpd = daysPastDue(behind);
  // The bucket at the start of the month (−1 for a delinquency opened this month), for the roll counts.
  const from = behind > 4 ? 3 : behind - 1;
  if (dpd >= w.defaultDays && C.defaulted[i] === 0) {
    C.defaulted[i] = 1;
    sim.counters.defaultPoints++;
    if (sim.history !== null) sim.history.defaulted(i, t);
  }
  const arrears = C.missed[i]! * C.payment[i]!;

  const rt = sim.dunning;
  const f = sim.dunningSlots;
  const num = rt.num;
  const ref = rt.ref;
  num[f.daysPastDue] = dpd;
  num[f.missedPayments] = C.missed[i]!;
  num[f.outstanding] = C.balance[i]! + arrears;
  num[f.brokenPromises] = C.brokenPromises[i]!;
  num[f.cycle] = C.cycle[i]!;
  ref[f.segment] = SEGMENTS[seg];
  ref[f.creditTier] = CREDIT_TIERS[tier];
  ref[f.disputeOpen] = C.dispute[i] === 1;
  ref[f.insured] = C.insured[i] === 1;
  ref[f.claimFiled] = C.claim[i]! > 0;
  ref[f.agencyPlaced] = C.agencyPlaced[i] === 1;
  ref[f.paymentPlanActive] = C.planMonthsLeft[i]! > 0;
  ref[f.actionsTaken] = ACTION_LISTS[C.actionsTaken[i]!];
  ref[f.product] = PRODUCTS[C.product[i]!];
  const n = rt.decide();

  const plan = sim.dunningPlan;
  // Every cure: ability to pay by tier, less as the arrears age (cure-chances.ts).
  const chances = sim.cureChances;
  const disputed = C.dispute[i]!;
  const cycle = C.cycle[i]!;
  let cured = false;
  let planStarted = false;
  let termination = -1;
  for (let k = 0; k < n && termination < 0; k++) {
    const rule = rt.fired[k]!;
    const a = plan.action[rule]!;
    const cost = w.dunningCost[a * 3 + seg]!;
    if (cost !== 0) sim.book(CAT.collectionCosts, cycle, -cost, c);
    K.goodwillLogOdds[c]! += w.goodwillLogOdds[a * 3 + seg]!;
    C.actionsTaken[i]! |= 1 << a;
    // Each action type has its own draw, so the same action in two policies meets the same luck.
    const u = uniform(key, id, DECISIONS.dunningCure, t, a);
    switch (a) {
      case REMIND:
        if (u < chances.of(w, CURE_BY_REMIND + plan.channel[rule]!, seg, tier, behind, disputed))
          cured = true;
        break;
      case CALL:
        if (u < chances.of(w, CURE_BY_CALL, seg, tier, behind, disputed)) cured = true;
        break;
      case PLAN:
        // A plan spreads arrears the customer owes; a disputed amount needs a review first.
        if (
          C.planMonthsLeft[i] === 0 &&
          C.dispute[i] === 0 &&
          u < chances.of(w, CURE_BY_PLAN, seg, tier, behind, disputed)
        ) {
          C.planMonthsLeft[i] = plan.months[rule]!;
          C.forborneUntil[i] = t + plan.months[rule]! + w.forbearanceProbationMonths;
          sim.counters.forbearances++;
          planStarted = true;
        }
        break;
      case REVIEW:
        if (C.dispute[i] === 1) {
          if (uniform(key, id, DECISIONS.disputeResolve, t, 1) < w.disputeReviewResolve) {
            C.dispute[i] = 0;
            cured = true;
          }
        } else if (u < chances.of(w, CURE_BY_REVIEW, seg, tier, behind, disputed)) cured = true;
        break;
      case AGENCY:
        C.agencyPlaced[i] = 1;
        break;
      case CLAIM:
        // Before the waiting period the insurer refuses the claim; after the window it is filed but void;
        // in the window it pays the arrears if an insured event caused them, and rejects it otherwise.
        if (C.insured[i] === 1 && C.claim[i] === 0 && dpd >= w.claimWaitingDays) {
          if (dpd > w.claimWindowDays) C.claim[i] = 2;
          else if (C.insuredEvent[i] === 1) {
            C.claim[i] = 1;
            sim.counters.insuranceClaims += arrears;
            C.coveredUntil[i] = t + 1 + w.insuranceBenefitMonths;
            cured = true;
          } else {
            C.claim[i] = 3;
            sim.counters.claimsRejected++;
          }
        }
        break;
      case REPOSSESS_ACTION:
        termination = REPOSSESS;
        break;
      case WRITE_OFF_ACTION:
        termination = WRITE_OFF;
        break;
      default:
        break; // hold
    }
    if (trace !== null) trace.dunningAction(sim, i, rule, cured, planStarted, termination);
  }
  if (termination < 0 && dpd >= w.chargeOffDays) {
    termination = CHARGE_OFF;
    const cost = w.dunningCost[WRITE_OFF_ACTION * 3 + seg]!;
    if (cost !== 0) sim.book(CAT.collectionCosts, cycle, -cost, c);
  }
  if (termination >= 0) {
    // Terminated: the account left its bucket for default, which roll rates count as a roll.
    if (from >= 0) sim.counters.rolledFrom[tier * 4 + from]!++;
    terminate(sim, i, t, termination);
    return;
  }

  // The month's outcome for the customer.
  if (C.dispute[i] === 1) {
    if (uniform(key, id, DECISIONS.disputeResolve, t, 0) < w.disputeSelfResolve) {
      C.dispute[i] = 0;
      cured = true;
    }
  } else if (
    !cured &&
    uniform(key, id, DECISIONS.selfCure, t) < chances.of(w, CURE_BY_SELF, seg, tier, behind, disputed)
  ) {
    cured = true;
  }
  if (!cured && C.agencyPlaced[i] === 1) {
    const p = chances.of(w, CURE_BY_AGENCY, seg, tier, behind, disputed);
    if (uniform(key, id, DECISIONS.agencyCure, t) < p) {
      cured = true;
      sim.book(CAT.agencyFees, cycle, -w.agencyFeeShare * arrears, c);
    }
  }
  const bucket = tier * 4 + from;
  if (cured) {
    if (from >= 0) sim.counters.curedFrom[bucket]!++;
    cure(sim, i);
    return;
  }
  if (C.planMonthsLeft[i]! > 0) {
    if (!planStarted && uniform(key, id, DECISIONS.planBreak, t) < w.planBreak[seg]!) {
      C.planMonthsLeft[i] = 0;
      C.brokenPromises[i]!++;
      C.forborneUntil[i] = t + w.forbearanceProbationMonths;
    } else {
      // A kept plan month: the instalment is paid and the arrears shrink, so days past due stand still
      // (they are not reset: forbearance is not a cure until the arrears are paid).
      C.delinquentSince[i]!++;
      if (!planStarted && --C.planMonthsLeft[i]! === 0) {
        if (from >= 0) sim.counters.curedFrom[bucket]!++;
        C.forborneUntil[i] = t + w.forbearanceProbationMonths;
        cure(sim, i);
        return;
      }
      return;
    }
  }
  // Not cured: if an instalment fell due this month (none does past the term), the customer either pays
  // it and stays in their bucket, or misses it too and rolls one bucket further.
  if (C.delinquentSince[i]! < t && C.lastDueMonth[i] === t) {
    const roll = from <= 1 ? w.rollGivenNoCure[tier]! : w.lateRollGivenNoCure;
    if (uniform(key, id, DECISIONS.delinquencyRoll, t) < roll) {
      C.missed[i]!++;
      if (from >= 0) sim.counters.rolledFrom[bucket]!++;
    } else C.delinquentSince[i]!++;
  } else if (from >= 0) sim.counters.rolledFrom[bucket]!++;
}

function cure(sim: Sim, i: number): void {
  sim.contracts.clearDelinquency(i);
  sim.counters.cures++;
}
