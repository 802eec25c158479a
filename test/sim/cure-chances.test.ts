import { describe, expect, it } from 'vitest';
import { DUNNING_ACTIONS } from '../../engine/domain/lists.ts';
import { iterationKey } from '../../engine/random/streams.ts';
import {
  CURE_BY_AGENCY,
  CURE_BY_CALL,
  CURE_BY_PLAN,
  CURE_BY_REMIND,
  CURE_BY_REVIEW,
  CURE_BY_SELF,
  CureChances,
} from '../../engine/sim/cure-chances.ts';
import { defaultWorld } from '../../engine/world/defaults.ts';
import {
  logistic,
  logit,
  MAX_MONTHS_BEHIND,
  REMIND_CHANNELS,
  resolveWorld,
  type ResolvedWorld,
} from '../../engine/world/resolve.ts';

/** The dunning step's cure probability as it computed it inline, before it was remembered. */
function inline(
  w: ResolvedWorld,
  way: number,
  seg: number,
  tier: number,
  behind: number,
  dispute: number,
): number {
  const withOdds = (p: number, logOdds: number): number => (logOdds === 0 ? p : logistic(logit(p) + logOdds));
  const action = (name: (typeof DUNNING_ACTIONS)[number]): number => DUNNING_ACTIONS.indexOf(name) * 3 + seg;
  const tierOdds = w.tierCureLogOdds[tier]!;
  const cureOdds =
    tierOdds + w.cureLogOddsByMonthsBehind[behind < MAX_MONTHS_BEHIND ? behind : MAX_MONTHS_BEHIND]!;
  const disputeOdds = dispute === 1 ? w.disputeActionLogOdds : 0;
  if (way < CURE_BY_CALL) {
    return withOdds(w.cure[action('remind')]!, w.remindChannelLogOdds[way]! + cureOdds + disputeOdds);
  }
  if (way === CURE_BY_CALL) return withOdds(w.cure[action('call')]!, cureOdds + disputeOdds);
  if (way === CURE_BY_PLAN) return withOdds(w.cure[action('payment-plan')]!, tierOdds);
  if (way === CURE_BY_REVIEW) return withOdds(w.cure[action('dispute-review')]!, cureOdds);
  if (way === CURE_BY_AGENCY) return withOdds(w.cure[action('collection-agency')]!, cureOdds + disputeOdds);
  return withOdds(w.selfCure[seg]!, cureOdds);
}

const WAYS = [
  ...REMIND_CHANNELS.map((_, ch) => CURE_BY_REMIND + ch),
  CURE_BY_CALL,
  CURE_BY_PLAN,
  CURE_BY_REVIEW,
  CURE_BY_AGENCY,
  CURE_BY_SELF,
];
const BEHIND = [0, 1, 2, 3, 7, MAX_MONTHS_BEHIND, MAX_MONTHS_BEHIND + 5];

/** Every combination the dunning step can ask for, in a scrambled order (so remembered entries interleave). */
function combinations(): [number, number, number, number, number][] {
  const all: [number, number, number, number, number][] = [];
  for (const way of WAYS)
    for (let seg = 0; seg < 3; seg++)
      for (let tier = 0; tier < 3; tier++)
        for (const behind of BEHIND)
          for (const dispute of [0, 1]) all.push([way, seg, tier, behind, dispute]);
  return all
    .map((c, i) => ({ c, k: (i * 7919) % all.length }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.c);
}

describe('CureChances', () => {
  const drawn = resolveWorld(defaultWorld(), iterationKey(11, 1));
  // Another iteration's world: other base rates and tier odds.
  const other: ResolvedWorld = {
    ...drawn,
    cure: drawn.cure.map((p) => p / 2),
    selfCure: drawn.selfCure.map((p) => p / 2),
    tierCureLogOdds: drawn.tierCureLogOdds.map((x) => x + 0.5),
  };
  const worlds = [drawn, other];

  it('gives, asked twice, exactly the probability the dunning step computed inline', () => {
    const chances = new CureChances();
    for (const round of [0, 1]) {
      for (const [way, seg, tier, behind, dispute] of combinations()) {
        const expected = inline(worlds[0]!, way, seg, tier, behind, dispute);
        expect(
          Object.is(chances.of(worlds[0]!, way, seg, tier, behind, dispute), expected),
          `round ${round}`,
        ).toBe(true);
      }
    }
  });

  it('forgets the previous iteration’s world on reset', () => {
    const chances = new CureChances();
    const [first, second] = worlds as [ResolvedWorld, ResolvedWorld];
    const differs = combinations().filter((c) => inline(first, ...c) !== inline(second, ...c));
    expect(differs.length).toBe(combinations().length);
    for (const c of differs) chances.of(first, ...c);
    chances.reset();
    for (const c of differs) expect(chances.of(second, ...c)).toBe(inline(second, ...c));
  });
});
