import { availableParallelism } from 'node:os';
import { FORMATS, renderResult, type Format } from '../../report/render.ts';
import { runMonteCarlo } from '../../sim/montecarlo/driver.ts';
import { InProcessExecutor, type ChunkExecutor } from '../../sim/montecarlo/executor.ts';
import { DEFAULT_CHUNK_SIZE, type RunSpec } from '../../sim/montecarlo/spec.ts';
import { NodeWorkerPool } from '../../sim/pool/node-pool.ts';
import { UserError } from '../errors.ts';
import { writeAtomic } from '../io.ts';
import { progressBar } from '../progress.ts';
import { readScenario, scenarioInput } from '../scenarios.ts';

export interface SimulateOptions {
  iterations?: string;
  seed?: string;
  horizon?: string;
  workers?: string;
  format?: string;
  out?: string;
}

/**
 * `cyclecast run SCENARIO` and `cyclecast compare BASELINE CHALLENGER…`: the challengers run on the
 * baseline's iterations, seed and horizon, paired iteration by iteration (common random numbers).
 */
export async function simulateCommand(files: readonly string[], options: SimulateOptions): Promise<void> {
  const format = parseFormat(options.format);
  const scenarios = [];
  for (const file of files) scenarios.push(await readScenario(file));
  const base = scenarios[0]!.run;
  const spec: RunSpec = {
    scenarios: scenarios.map(scenarioInput),
    iterations: parseWhole('--iterations', options.iterations, base.iterations, 1, 1_000_000),
    seed: parseWhole('--seed', options.seed, base.seed, 0, 2 ** 31 - 1),
    horizonMonths: parseWhole('--horizon', options.horizon, base.horizonMonths, 1, 600),
    chunkSize: DEFAULT_CHUNK_SIZE,
  };
  const workers = parseWhole('--workers', options.workers, availableParallelism(), 1, 256);
  const executor: ChunkExecutor = workers === 1 ? new InProcessExecutor() : new NodeWorkerPool(workers);
  const bar = progressBar();
  try {
    const result = await runMonteCarlo(spec, executor, { onProgress: bar.update });
    bar.done();
    const text = renderResult(result, format);
    if (options.out) await writeAtomic(options.out, text);
    else process.stdout.write(text);
  } finally {
    bar.done();
    await executor.close();
  }
}

function parseFormat(format: string | undefined): Format {
  if (format === undefined) return 'table';
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new UserError(`invalid --format "${format}": expected one of ${FORMATS.join(', ')}`);
}

function parseWhole(
  flag: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UserError(`invalid ${flag} "${text}": expected a whole number from ${min} to ${max}`);
  }
  return value;
}
