import { DUNNING_ACTIONS } from '../domain/lists.ts';
import { logistic, logit, MAX_MONTHS_BEHIND, REMIND_CHANNELS, type ResolvedWorld } from '../world/resolve.ts';

/*
 * The dunning step's cure probabilities, remembered for the iteration. Each is a base rate of the world
 * with its odds moved by the customer's tier, the months behind, an open dispute and (for a reminder)
 * the channel: `logistic(logit(p) + odds)`, a logarithm and an exponential of the deterministic
 * mathematics (engine/math) per draw. They were the dunning step's largest cost, and every double
 * passed to those functions out of line was a new heap number. The inputs are a few small integers
 * and the iteration's world, so each combination is computed once per iteration, on first use, by
 * the same expression as before: the results do not change by a bit.
 */

/** The ways a cure is reached; a reminder has one per channel. */
export const CURE_BY_REMIND = 0;
export const CURE_BY_CALL = REMIND_CHANNELS.length;
export const CURE_BY_PLAN = CURE_BY_CALL + 1;
export const CURE_BY_REVIEW = CURE_BY_PLAN + 1;
export const CURE_BY_AGENCY = CURE_BY_REVIEW + 1;
/** The customer pays the arrears without any action. */
export const CURE_BY_SELF = CURE_BY_AGENCY + 1;
const WAYS = CURE_BY_SELF + 1;

const CALL = DUNNING_ACTIONS.indexOf('call');
const PLAN = DUNNING_ACTIONS.indexOf('payment-plan');
const REVIEW = DUNNING_ACTIONS.indexOf('dispute-review');
const AGENCY = DUNNING_ACTIONS.indexOf('collection-agency');
const REMIND = DUNNING_ACTIONS.indexOf('remind');

const BEHIND = MAX_MONTHS_BEHIND + 1;
/** Marks a probability not computed yet this iteration (probabilities are 0–1). */
const UNKNOWN = -1;

/** `p` with its odds multiplied by e^logOdds. */
function withOdds(p: number, logOdds: number): number {
  return logOdds === 0 ? p : logistic(logit(p) + logOdds);
}

export class CureChances {
  /** [(((way · 3 + segment) · 3 + tier) · BEHIND + months behind) · 2 + dispute], 0–1 or UNKNOWN. */
  private readonly table = new Float64Array(WAYS * 3 * 3 * BEHIND * 2).fill(UNKNOWN);

  /** Forgets the chances of the previous iteration (its world). */
  reset(): void {
    this.table.fill(UNKNOWN);
  }

  /**
   * The probability (0–1) that a customer of `segment` and `tier`, `behind` months behind (clamped to
   * MAX_MONTHS_BEHIND), cures this month by `way` (a CURE_BY_… constant; a reminder adds its
   * REMIND_CHANNELS index), with a dispute open when `dispute` is 1, in the world `w` of the iteration.
   */
  of(w: ResolvedWorld, way: number, segment: number, tier: number, behind: number, dispute: number): number {
    const b = behind < MAX_MONTHS_BEHIND ? behind : MAX_MONTHS_BEHIND;
    // Never below 0 in a run; were it, the chance is computed as it always was, not remembered.
    if (b < 0) return chance(w, way, segment, tier, b, dispute);
    const at = (((way * 3 + segment) * 3 + tier) * BEHIND + b) * 2 + dispute;
    const known = this.table[at]!;
    if (known !== UNKNOWN) return known;
    const p = chance(w, way, segment, tier, b, dispute);
    this.table[at] = p;
    return p;
  }
}

/** The cure probability as the dunning step has always computed it (the sums in the same order). */
function chance(
  w: ResolvedWorld,
  way: number,
  seg: number,
  tier: number,
  b: number,
  dispute: number,
): number {
  const tierOdds = w.tierCureLogOdds[tier]!;
  const cureOdds = tierOdds + w.cureLogOddsByMonthsBehind[b]!;
  const disputeOdds = dispute === 1 ? w.disputeActionLogOdds : 0;
  if (way < CURE_BY_CALL) {
    return withOdds(w.cure[REMIND * 3 + seg]!, w.remindChannelLogOdds[way]! + cureOdds + disputeOdds);
  }
  switch (way) {
    case CURE_BY_CALL:
      return withOdds(w.cure[CALL * 3 + seg]!, cureOdds + disputeOdds);
    case CURE_BY_PLAN:
      return withOdds(w.cure[PLAN * 3 + seg]!, tierOdds);
    case CURE_BY_REVIEW:
      return withOdds(w.cure[REVIEW * 3 + seg]!, cureOdds);
    case CURE_BY_AGENCY:
      return withOdds(w.cure[AGENCY * 3 + seg]!, cureOdds + disputeOdds);
    default:
      return withOdds(w.selfCure[seg]!, cureOdds);
  }
}
