import type { CalibratedPath } from '../world/calibrated.ts';
import type { MeasureId } from './measures.ts';

/*
 * What `cyclecast calibrate` fits the world to: one figure of today's practice per target, each from a
 * source in docs/calibration.md, and the one world parameter fitted to it. Targets describe the
 * baseline only: no challenger's result (trade cycle management's retention, a BDC's conversion) may
 * be one, or the model would be tuned to agree with the claims it is meant to test.
 */

/** One calibration target: a figure of today's practice and the parameter fitted to reach it. */
export interface CalibrationTarget {
  /** Short stable name, e.g. 'renewal' (a targets file overrides a target by it). */
  readonly id: string;
  /** What the baseline measures, as a fraction 0–1 (measures.ts). */
  readonly measure: MeasureId;
  /** The figure to reach, 0–1. */
  readonly value: number;
  /** `calibration X: row …` (docs/calibration.md section X), and why it describes today's practice. */
  readonly source: string;
  /** The world path fitted to it: a number in the scenario's world (e.g. 'renewal.baseProbability.cycle1'). */
  readonly parameter: string;
  /** The parameter's search range, in its own unit: the fit never leaves it. */
  readonly bracket: readonly [low: number, high: number];
  /** The fit stops once the measure is this close to the value (same unit as the value). */
  readonly tolerance: number;
}

/** The targets, fitted in this order (each fit starts from the world the earlier ones fitted). */
export const TARGETS: readonly (CalibrationTarget & { readonly parameter: CalibratedPath })[] = [
  {
    id: 'loss',
    measure: 'credit.lossRate',
    value: 0.016,
    source:
      'calibration C: Annualised net loss prime 0.5, near-prime 2.5, subprime 8 % weighted by the baseline’s own exposure by tier, about 76/13/11 % (subprime contracts end early, so subprime holds less of the balance than its 17 % of the Captive credit mix; derived: 1.6 %), the figure the tier rows give together; fitted on the subprime miss rate of reliable payers, the largest subprime cell',
    parameter: 'payments.missProbability.reliable.subprime',
    bracket: [0.005, 0.2],
    tolerance: 0.0005,
  },
  {
    id: 'delinquency',
    measure: 'credit.dpd60Share',
    value: 0.008,
    source:
      'calibration C: Captive portfolio delinquency 60+ DPD 0.8 % (GM Financial, Q2 2025): a captive’s own book, so more like the model’s than the bureaus’ 1.3 % of all borrowers; fitted on the self-cure of habitual late payers, who make most long episodes',
    parameter: 'payments.selfCure.habitual-late',
    bracket: [0, 0.9],
    tolerance: 0.0005,
  },
  {
    id: 'renewal',
    measure: 'retention.rate',
    value: 0.51,
    source:
      'calibration B: Household brand loyalty 51 (50–55) % and Same-brand repurchase by finance source, captive 50 %: what customers do under today’s reactive engagement; fitted on the cycle-1 base renewal probability (most endings are cycle 1)',
    parameter: 'renewal.baseProbability.cycle1',
    bracket: [0.05, 0.95],
    tolerance: 0.002,
  },
  {
    id: 'conversion',
    measure: 'leads.conversionRate',
    value: 0.079,
    source:
      'calibration D: Internet lead-to-sale, de Vries’s measured baseline 7.9 % (inside 8–15 % for all dealers, at its bottom): a salesperson-handled dealership before any change; fitted on the appointment rate of a reached lead',
    parameter: 'leads.appointmentGivenContact',
    bracket: [0.1, 0.99],
    tolerance: 0.001,
  },
];
