import {
  applyTargetFile,
  calibrate,
  formatProblem,
  MEASURE_MEANING,
  parseJsonDocument,
  runSpec,
  TARGETS,
  updateCalibrated,
} from '../../index.ts';
import type { Calibration, CalibrationTarget } from '../../index.ts';
import { UserError } from '../errors.ts';
import { calibrateHistoryCommand, type CalibrateHistoryOptions } from './calibrate-history.ts';
import { describeFsError, readInputFile, readText, writeAtomic } from '../io.ts';
import { parseChoice, parseOverrides, parseRunSetting, parseWhole } from '../options.ts';
import { readScenario } from '../scenarios.ts';

/** Where `--write` puts the fitted values when no file is given: the world's calibrated defaults. */
export const CALIBRATED_FILE = 'engine/world/calibrated.json';

export interface CalibrateOptions extends CalibrateHistoryOptions {
  targets?: string;
  /** true: the repository's calibrated table; a string: that file. */
  write?: boolean | string;
  iterations?: string;
  evaluations?: string;
  passes?: string;
  seed?: string;
  horizon?: string;
}

/**
 * `cyclecast calibrate [SCENARIO] [--targets FILE] [--write [FILE]]`: fits the world's base rates to
 * the targets of today's practice on the baseline and prints target against achieved; with --write,
 * records the fitted values and their targets in the calibrated defaults.
 */
export async function calibrateCommand(
  file: string,
  options: CalibrateOptions,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<void> {
  if (options.history !== undefined || options.events !== undefined || options.counts !== undefined) {
    if (options.targets !== undefined || options.write !== undefined) {
      throw new UserError(
        'calibrate --history fits the world to a history and writes --out; --targets and --write belong to the calibration on public figures',
      );
    }
    return calibrateHistoryCommand(file, options, out, err);
  }
  const format = parseChoice('--format', options.format, ['text', 'json'] as const, 'text');
  const iterations = parseWhole('--iterations', options.iterations, 2, 10_000) ?? 4;
  const maxEvaluations = parseWhole('--evaluations', options.evaluations, 2, 100) ?? 12;
  const passes = parseWhole('--passes', options.passes, 0, 10) ?? 2;
  const targets = options.targets === undefined ? [...TARGETS] : await readTargets(options.targets);
  const writeTo =
    options.write === undefined || options.write === false
      ? undefined
      : options.write === true
        ? CALIBRATED_FILE
        : options.write;
  // Read the table before an hour's fitting, so a missing or broken one stops the run at once.
  const table = writeTo === undefined ? undefined : await readTable(writeTo);
  const scenario = await readScenario(file, parseOverrides(options.set));
  const seed = parseRunSetting('--seed', options.seed, 'seed');
  const horizon = parseRunSetting('--horizon', options.horizon, 'horizonMonths');
  const spec = runSpec([scenario], {
    ...(seed !== undefined ? { seed } : {}),
    ...(horizon !== undefined ? { horizonMonths: horizon } : {}),
  });
  let calibration: Calibration;
  try {
    calibration = calibrate(
      scenario,
      targets,
      { iterations, seed: Number(spec.seed), horizonMonths: spec.horizonMonths, maxEvaluations, passes },
      (line) => err(line + '\n'),
      options.set ?? [],
    );
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('invalid ')) throw new UserError(error.message);
    throw error;
  }
  out(format === 'json' ? JSON.stringify(calibration, null, 2) + '\n' : calibrationText(calibration));
  if (writeTo === undefined || table === undefined) return;
  let update;
  try {
    update = updateCalibrated(table, calibration);
  } catch (error) {
    throw new UserError(`${writeTo}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const { row, why } of update.skipped) err(`not written: target "${row.target.id}": ${why}\n`);
  if (update.written.length === 0) return;
  await writeAtomic(writeTo, update.text);
  err(
    `wrote ${update.written.map((r) => `${r.target.parameter} = ${r.fit.value}`).join(', ')} to ${writeTo}\n`,
  );
}

async function readTargets(file: string): Promise<CalibrationTarget[]> {
  const { targets, problems } = applyTargetFile(parseJsonDocument(await readText(file), file));
  if (problems.length > 0) throw new UserError(problems.map(formatProblem).join('\n'));
  return targets;
}

async function readTable(file: string): Promise<string> {
  try {
    return await readInputFile(file);
  } catch (error) {
    throw new UserError(
      `--write ${file}: ${describeFsError(error)}\n  hint: run from the repository's root, where ${CALIBRATED_FILE} is, or name the calibrated table: --write FILE`,
    );
  }
}

const percent = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** Target against achieved, one line per target, then each target's source. */
export function calibrationText(c: Calibration): string {
  const s = c.settings;
  const passes = s.passes === 0 ? 'measured only' : s.passes === 1 ? '1 pass' : `${s.passes} passes`;
  const head = [
    'target',
    'measure',
    'target value',
    'achieved (95% CI)',
    'parameter',
    'from → fitted',
    'fit',
  ];
  const rows = c.rows.map((r) => [
    r.target.id,
    r.target.measure,
    percent(r.target.value),
    `${percent(r.achieved.mean)} (${percent(r.achieved.low)} … ${percent(r.achieved.high)})`,
    r.target.parameter,
    `${r.from} → ${r.fit.value}`,
    `${r.fit.status}, ${r.fit.evaluations} runs`,
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((x, k) => x.padEnd(widths[k]!))
      .join('  ')
      .trimEnd();
  return [
    `Calibration of ${c.scenario} (${c.file}): ${c.contracts} contracts, ${s.horizonMonths} months, ${s.iterations} iterations per run, seed ${s.seed}, ${passes}`,
    '',
    line(head),
    ...rows.map(line),
    '',
    ...c.rows.map(
      (r) =>
        `${r.target.id}: ${r.target.measure}, ${MEASURE_MEANING[r.target.measure]}. Source: ${r.target.source}`,
    ),
    '',
  ].join('\n');
}
