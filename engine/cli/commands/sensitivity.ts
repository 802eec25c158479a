import {
  describeValue,
  didYouMean,
  FORMATS,
  HEADLINE_KPI,
  isKpiId,
  KPI_IDS,
  renderSensitivity,
  runSensitivity,
  sensitivitySources,
  unknownPaths,
} from '../../index.ts';
import type { KpiId } from '../../index.ts';
import { UserError } from '../errors.ts';
import { chunkExecutor, workersOption } from '../worker-pool.ts';
import { checkOutputPath, writeAtomic, type CliIo } from '../io.ts';
import { parseOverrides, parseRunSetting, parseWhole } from '../options.ts';
import { progressBar } from '../progress.ts';
import { readComparison } from '../scenarios.ts';
import { WORKBOOK_FORMAT } from '../workbook.ts';
import { parseFormat } from './simulate.ts';

export interface SensitivityOptions {
  vs?: string;
  kpi?: string;
  iterations?: string;
  seed?: string;
  horizon?: string;
  workers?: string;
  format?: string;
  out?: string;
  set?: string[];
  /** With --vs: how many of the widest bars get a break-even value. */
  breakEven?: string;
  /** With --vs: world paths that get a break-even value whatever their rank. */
  breakEvenFor?: string[];
  /** Bisection steps per break-even value. */
  steps?: string;
  /** How many declared ranges are held, by |ρ|: a whole number or 'all'. */
  top?: string;
}

/**
 * `cyclecast sensitivity SCENARIO [--vs BASELINE] [--kpi ID]`: the tornado of the scenario's uncertain
 * world assumptions (each held at its p10 and p90, everything else drawn, on common random numbers), the
 * rank correlation of each with the outcome, and with --vs the paired delta and break-even values.
 */
export async function sensitivityCommand(
  file: string,
  options: SensitivityOptions,
  io: CliIo,
): Promise<void> {
  const format = parseFormat(options.format);
  if (format === WORKBOOK_FORMAT) {
    throw new UserError(
      `invalid --format "${WORKBOOK_FORMAT}" for sensitivity: expected one of ${FORMATS.join(', ')}`,
    );
  }
  const kpi = parseKpi(options.kpi);
  for (const flag of ['breakEven', 'breakEvenFor'] as const) {
    const given = options[flag];
    if (given === undefined || (Array.isArray(given) && given.length === 0) || options.vs !== undefined)
      continue;
    throw new UserError(
      `invalid ${flag === 'breakEven' ? '--break-even' : '--break-even-for'} without --vs: break-even values are where a challenger stops beating a baseline; add --vs BASELINE`,
    );
  }
  const breakEvens = parseWhole('--break-even', options.breakEven, 0, 100);
  const bisectionSteps = parseWhole('--steps', options.steps, 1, 40);
  if (options.top !== undefined && options.top !== 'all' && !/^\d+$/.test(options.top)) {
    throw new UserError(
      `invalid --top ${describeValue(options.top)}: expected a whole number or all (hold every declared range)`,
    );
  }
  const top = options.top === 'all' ? Infinity : parseWhole('--top', options.top, 0, 1000);
  if (options.out !== undefined) await checkOutputPath('--out', options.out);
  const workers = workersOption(options.workers, io.stderr);
  const overrides = parseOverrides(options.set);
  const iterations = parseRunSetting('--iterations', options.iterations, 'iterations');
  const seed = parseRunSetting('--seed', options.seed, 'seed');
  const horizonMonths = parseRunSetting('--horizon', options.horizon, 'horizonMonths');
  const settings = {
    ...(iterations !== undefined ? { iterations } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(horizonMonths !== undefined ? { horizonMonths } : {}),
  };
  const files = options.vs === undefined ? [file] : [options.vs, file];
  // Loaded (and checked for comparability) before any worker starts: a bad file fails at once.
  const scenarios = await readComparison(files, overrides, settings);
  const breakEvenFor = (options.breakEvenFor ?? []).map((path) => path.replace(/^world\./, ''));
  const { unknown, known } = unknownPaths(scenarios, breakEvenFor, sensitivitySources(scenarios, settings));
  if (unknown.length > 0) {
    throw new UserError(
      unknown
        .map((path) => {
          const hint = didYouMean(path, known);
          return `invalid --break-even-for ${describeValue(path)}: not an uncertain assumption of the scenarios (a world value given as a distribution, or a declared range the run draws)${hint ? `; ${hint}` : known.length > 0 ? `; uncertain here: ${known.join(', ')}` : '; none is uncertain here'}`;
        })
        .join('\n'),
    );
  }
  const executor = await chunkExecutor(workers);
  const bar = progressBar(io);
  try {
    const result = await runSensitivity(
      {
        load: async (fixed) =>
          fixed.length === 0 ? scenarios : readComparison(files, [...overrides, ...fixed], settings),
        settings,
        kpi,
        executor,
        ...(breakEvens !== undefined ? { breakEvens } : {}),
        breakEvenFor,
        ...(bisectionSteps !== undefined ? { bisectionSteps } : {}),
        ...(top !== undefined ? { top } : {}),
        onProgress: bar.update,
      },
      overrides,
    );
    bar.done();
    const text = renderSensitivity(result, format);
    if (options.out) {
      await writeAtomic(options.out, text);
      io.stderr(`wrote the sensitivity analysis (${format}) to ${options.out}\n`);
    } else io.stdout(text);
  } finally {
    bar.done();
    await executor.close();
  }
}

/** The --kpi option: a KPI id of the catalogue, the headline (captive NPV) when absent. */
function parseKpi(text: string | undefined): KpiId {
  if (text === undefined) return HEADLINE_KPI;
  if (isKpiId(text)) return text;
  const hint = didYouMean(text, KPI_IDS);
  throw new UserError(
    `invalid --kpi ${describeValue(text)}: unknown KPI; ${hint ?? 'docs/kpis.md lists the KPI ids'}`,
  );
}
