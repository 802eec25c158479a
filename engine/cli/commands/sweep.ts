import { HEADLINE_KPI, renderSweep, runMonteCarlo, runSpec, sweepResult } from '../../index.ts';
import type { Format } from '../../index.ts';
import { UserError } from '../errors.ts';
import { chunkExecutor, workersOption } from '../worker-pool.ts';
import { parseGrid, readGridScenarios } from '../grid-scenarios.ts';
import { checkOutputPath, writeAtomic, type CliIo } from '../io.ts';
import { parseKpi, parseOverrides, runSettingOptions, withOverrides } from '../options.ts';
import { progressBar } from '../progress.ts';
import { parseFormat } from './simulate.ts';

export interface SweepOptions {
  /** `KIND.NAME=FROM..TO[:STEP]` or `world.GROUP.NAME=…`, one or two. */
  param?: string[];
  kpi?: string;
  iterations?: string;
  seed?: string;
  horizon?: string;
  workers?: string;
  format?: string;
  out?: string;
  set?: string[];
}

/**
 * `cyclecast sweep SCENARIO --param …`: the scenario at every point of a grid of one or two settings,
 * all on the same random numbers, as one comparison with the first point as its baseline; prints the
 * KPI and its paired change from the first point at each, with simultaneous intervals.
 */
export async function sweepCommand(file: string, options: SweepOptions, io: CliIo): Promise<void> {
  const format = parseTextFormat(options.format);
  if (options.out !== undefined) await checkOutputPath('--out', options.out);
  const kpi = parseKpi('--kpi', options.kpi ?? HEADLINE_KPI);
  const { ranges, points } = parseGrid(options.param, true);
  const workers = workersOption(options.workers, io.stderr);
  const overrides = parseOverrides(options.set);
  const given = runSettingOptions(options);
  const scenarios = await readGridScenarios(file, overrides, ranges, points);
  const spec = runSpec(scenarios, given);
  const executor = await chunkExecutor(workers);
  const bar = progressBar(io);
  try {
    const result = withOverrides(await runMonteCarlo(spec, executor, { onProgress: bar.update }), overrides);
    bar.done();
    const text = renderSweep(sweepResult(result, ranges, points, kpi), format);
    if (options.out) {
      await writeAtomic(options.out, text);
      io.stderr(`wrote the sweep (${format}) to ${options.out}\n`);
    } else io.stdout(text);
  } finally {
    bar.done();
    await executor.close();
  }
}

/** The --format of a sweep or an optimisation: a text format (no workbook). */
export function parseTextFormat(text: string | undefined): Format {
  const format = parseFormat(text);
  if (format === 'xlsx') {
    throw new UserError('invalid --format "xlsx" here: expected table, json, csv or md');
  }
  return format;
}
