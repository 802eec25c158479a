import type { CalibratedValue, CalibrationFit } from '../world/calibrated.ts';
import type { Calibration, CalibrationRow } from './calibrate.ts';

/*
 * `cyclecast calibrate --write`: the fitted values, with the target each was fitted to and what it
 * achieved, go into the calibrated defaults' table (engine/world/calibrated.json), which the world's
 * declaration reads. Only the table's own entries are written, and only fits that reached their
 * target: a default never takes a value that missed.
 */

/** The table's new text, which rows were written, and why the others were not. */
export interface CalibratedUpdate {
  readonly text: string;
  readonly written: readonly CalibrationRow[];
  readonly skipped: readonly { row: CalibrationRow; why: string }[];
}

/**
 * Applies `calibration` to the table `current` (the JSON text of calibrated.json). Throws
 * `invalid calibrated table …` when `current` is not one.
 */
export function updateCalibrated(current: string, calibration: Calibration): CalibratedUpdate {
  const table = readTable(current);
  const written: CalibrationRow[] = [];
  const skipped: { row: CalibrationRow; why: string }[] = [];
  for (const row of calibration.rows) {
    const { target, fit, achieved } = row;
    if (!(target.parameter in table)) {
      skipped.push({
        row,
        why: `"${target.parameter}" is not a calibrated default (the table holds ${Object.keys(table).join(', ')})`,
      });
    } else if (fit.status !== 'fitted') {
      skipped.push({ row, why: `the fit did not reach its target (${fit.status})` });
    } else {
      const record: CalibrationFit = {
        target: target.id,
        measure: target.measure,
        targetValue: target.value,
        source: target.source,
        achieved: achieved.mean,
        low: achieved.low,
        high: achieved.high,
        scenario: calibration.file,
        overrides: calibration.overrides,
        contracts: calibration.contracts,
        iterations: calibration.settings.iterations,
        seed: calibration.settings.seed,
        horizonMonths: calibration.settings.horizonMonths,
      };
      table[target.parameter] = { value: fit.value, fit: record };
      written.push(row);
    }
  }
  return { text: JSON.stringify(table, null, 2) + '\n', written, skipped };
}

function readTable(text: string): Record<string, CalibratedValue> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`invalid calibrated table: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(
      'invalid calibrated table: expected an object of {"value": number, "fit": …} by world path',
    );
  }
  for (const [path, entry] of Object.entries(value)) {
    const ok =
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as { value?: unknown }).value === 'number' &&
      'fit' in entry;
    if (!ok) throw new Error(`invalid calibrated table: entry "${path}" is not {"value": number, "fit": …}`);
  }
  return value as Record<string, CalibratedValue>;
}
