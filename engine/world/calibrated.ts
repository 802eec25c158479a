import table from './calibrated.json' with { type: 'json' };

/*
 * The world's calibrated defaults: the few base rates `cyclecast calibrate` fits to a stated target of
 * today's practice (engine/calibration/targets.ts, docs/calibration.md). They are data, not code, so
 * `cyclecast calibrate --write` rewrites calibrated.json and never a source file; the world's
 * declaration (assumptions.ts) reads each of them here, so it stays the one definition of the defaults.
 */

/** How a calibrated value was fitted, as `cyclecast calibrate --write` recorded it. */
export interface CalibrationFit {
  /** The target's id, measure and value (0–1), and its source (docs/calibration.md). */
  readonly target: string;
  readonly measure: string;
  readonly targetValue: number;
  readonly source: string;
  /** What the fitted world achieved: mean over the iterations and its 95 % confidence interval, 0–1. */
  readonly achieved: number;
  readonly low: number;
  readonly high: number;
  /** What was run: the scenario file, its `--set` what-ifs, contracts, iterations, seed and horizon in months. */
  readonly scenario: string;
  readonly overrides: readonly string[];
  readonly contracts: number;
  readonly iterations: number;
  readonly seed: number;
  readonly horizonMonths: number;
}

/** One calibrated default: its value and, once `calibrate --write` has fitted it, how. */
export interface CalibratedValue {
  readonly value: number;
  /** null: set by hand before it was fitted (its field's source says how). */
  readonly fit: CalibrationFit | null;
}

/** The world paths of the calibrated defaults, e.g. 'renewal.baseProbability.cycle1'. */
export type CalibratedPath = keyof typeof table;

/** The calibrated defaults by world path, in the file's order. */
export const CALIBRATED: Readonly<Record<CalibratedPath, CalibratedValue>> = table as Record<
  CalibratedPath,
  CalibratedValue
>;

/** The calibrated default at `path` (a number in the field's own unit). */
export function calibrated(path: CalibratedPath): number {
  return CALIBRATED[path].value;
}
