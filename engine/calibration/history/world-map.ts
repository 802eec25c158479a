import { CREDIT_TIERS, SEGMENTS } from '../../domain/lists.ts';
import type { HistoryRateId } from './dimensions.ts';

/*
 * Which world parameter each rate of a history informs (docs/calibration.md, "Calibrating from a client's history"). A
 * knob is one number `cyclecast calibrate --history` fits: either a world number itself, or a factor
 * on the odds of several world probabilities that the history cannot tell apart (it has no payer
 * segment, so one factor moves a tier's three segment miss probabilities and keeps their proportions).
 * The fit runs the baseline on today's rules and moves the knob until the rate the simulated history
 * shows equals the client's: the policies' own effect on a rate (dunning's cures, engagement's
 * renewals) is then the model's, not counted a second time in the base rate.
 */

/** The cell of a rate a knob is fitted to; an absent dimension is pooled over (all its values). */
export interface RateSelection {
  readonly tier?: string;
  readonly bucket?: string;
  readonly product?: string;
}

export interface HistoryKnob {
  /** Short name, e.g. 'miss-prime' (`calibrate --history --knobs` picks knobs by it). */
  readonly id: string;
  readonly rate: HistoryRateId;
  readonly select: RateSelection;
  /** World paths the knob sets (numericPaths names). */
  readonly paths: readonly string[];
  /**
   * value: the knob is the number at its one path; odds-factor: the knob multiplies the odds of each
   * path's probability in the baseline's world (1 = unchanged).
   */
  readonly kind: 'value' | 'odds-factor';
  /** Where the fit searches, in the knob's unit. */
  readonly bracket: readonly [low: number, high: number];
  /** Why this rate informs these parameters. */
  readonly why: string;
}

const perTier = (make: (tier: (typeof CREDIT_TIERS)[number]) => HistoryKnob): HistoryKnob[] =>
  CREDIT_TIERS.map(make);

/** The knobs, fitted in this order (each on the world the earlier ones left). */
export const HISTORY_KNOBS: readonly HistoryKnob[] = [
  ...perTier((tier) => ({
    id: `miss-${tier}`,
    rate: 'roll',
    select: { tier, bucket: 'current' },
    paths: SEGMENTS.map((segment) => `payments.missProbability.${segment}.${tier}`),
    kind: 'odds-factor',
    bracket: [0.2, 5],
    why: 'a current contract one bucket behind at the next month-end: a missed instalment not cured in its month',
  })),
  ...perTier((tier) => ({
    id: `cure-${tier}`,
    rate: 'cure',
    select: { tier, bucket: '1-30' },
    paths: [`payments.tierCureOdds.${tier}`],
    kind: 'value',
    bracket: [0.02, 3],
    why: 'back to current from 1–30 days: the tier’s odds on every cure (self-cure and dunning alike)',
  })),
  ...perTier((tier) => ({
    id: `roll-${tier}`,
    rate: 'roll',
    select: { tier, bucket: '1-30' },
    paths: [`payments.rollGivenNoCure.${tier}`],
    kind: 'value',
    bracket: [0.02, 0.95],
    why: 'from 1–30 to 31–60 days: a delinquent customer who does not cure misses the next instalment too',
  })),
  {
    id: 'late-roll',
    rate: 'roll',
    select: { bucket: '61-90' },
    paths: ['payments.lateRollGivenNoCure'],
    kind: 'value',
    bracket: [0.1, 0.95],
    why: 'from 61–90 to 91+ days, every tier: the model has one late roll for all tiers',
  },
  {
    id: 'renewal',
    rate: 'renewal-at-maturity',
    select: {},
    paths: [
      'renewal.baseProbability.cycle1',
      'renewal.baseProbability.cycle2',
      'renewal.baseProbability.cycle3',
    ],
    kind: 'odds-factor',
    bracket: [0.2, 5],
    why: 'a new contract of the customer within ±6 months of maturity; the history has products, not cycles, so one factor keeps the cycles’ proportions',
  },
  {
    id: 'residual',
    rate: 'residual-result-at-return',
    select: {},
    paths: ['market.marketShift'],
    kind: 'value',
    bracket: [-0.2, 0.2],
    why: 'sale price over guide residual at return: the used market’s level against the residual curve',
  },
  {
    id: 'recovery',
    rate: 'recovery',
    select: {},
    paths: ['dunning.repossessionRecoveryShare'],
    kind: 'value',
    bracket: [0.1, 0.9],
    why: '€ recovered per € at default: what a repossessed vehicle fetches, net of the forced sale',
  },
];

/** Rates a history estimates that no knob fits, and why: reported beside the fit, never written. */
export const RATES_WITHOUT_PARAMETER: readonly {
  readonly rate: HistoryRateId;
  readonly select: RateSelection;
  readonly why: string;
}[] = [
  {
    rate: 'roll',
    select: { bucket: '31-60' },
    why: 'rollGivenNoCure, fitted on the 1–30 roll, governs it too: compare the fitted world’s roll with it',
  },
  {
    rate: 'roll',
    select: { bucket: '91+' },
    why: 'beyond 90 days the client’s own charge-off and repossession rules decide (dunning.chargeOffDays, the dunning policy)',
  },
  {
    rate: 'cure',
    select: { bucket: '31-60' },
    why: 'later cures follow payments.cureOddsByDaysPastDue, a shape whose level the tier cure odds set: not fitted',
  },
  {
    rate: 'cure',
    select: { bucket: '61-90' },
    why: 'later cures follow payments.cureOddsByDaysPastDue, a shape whose level the tier cure odds set: not fitted',
  },
  {
    rate: 'cure',
    select: { bucket: '91+' },
    why: 'the cure out of default has no parameter of its own: a defaulted contract cures with the same odds curve',
  },
  {
    rate: 'default',
    select: {},
    why: 'no parameter of its own: defaults follow from the miss, roll and cure rates fitted above',
  },
  {
    rate: 'early-settlement',
    select: {},
    why: 'the model has no early settlement (prepayment); early upgrades come from the engagement policy',
  },
  {
    rate: 'recovery-months',
    select: {},
    why: 'dunning.recoveryDelayMonths counts from repossession to sale, the history from default: not comparable',
  },
];
