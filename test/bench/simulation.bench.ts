/**
 * Simulation throughput and memory: contract-months per second of the baseline scenario on 1 and 2
 * workers (side by side), peak memory against portfolio size and iterations, and the wall time of a
 * 3-scenario comparison. Each workload runs in its own child process (simulation-child.ts); this
 * module only plans them, so it loads without the simulator and skips with a reason when the
 * simulator or the baseline scenario is missing.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureAgainst, type AgainstResult } from './against.ts';
import { runChild, type ChildOptions } from './child.ts';
import { loadAverage } from './machine.ts';
import type {
  CompareReply,
  MemoryReply,
  SizesReply,
  StepsReply,
  ThroughputReply,
} from './simulation-child.ts';
import type { Workload } from './simulation-workload.ts';

/** A simulation-child.ts process, compiled as the CLI is: the figures are what `cyclecast run` gets. */
const simulationChild = <T>(args: readonly string[], options: ChildOptions = {}): Promise<T> =>
  runChild<T>('simulation-child.ts', args, { ...options, built: true });

export interface SimulationBenchOptions {
  readonly quick: boolean;
  /** Folder of baseline.json and its challengers (default: the shipped scenarios/). */
  readonly scenarios: string;
  /** A git ref whose build is timed side by side with the current one (against.ts); none by default. */
  readonly against?: string;
}

export interface MemoryPoint {
  /**
   * What the point shows: the headline peak, growth with the portfolio, or flatness in iterations
   * (`iterations-live`: the same run with a full GC at each chunk boundary, to measure what it holds).
   */
  readonly purpose: 'peak' | 'portfolio' | 'iterations' | 'iterations-live';
  readonly contracts: number;
  readonly iterations: number;
  readonly workers: number;
  readonly contractMonths: number;
  readonly rssBeforeBytes: number;
  readonly peakRssBytes: number;
  readonly heapUsedAfterBytes: number;
  readonly retainedBytes: number | null;
  readonly peakLiveBytes: number | null;
  readonly horizonMonths: number;
  readonly seconds: number;
}

/**
 * What tuneV8ForSimulation is worth: the baseline on 1 worker in child processes with V8's defaults
 * and with the tuning, alternated (default, tuned, default, …; V8 flags are per process).
 */
export interface V8Tuning {
  readonly contracts: number;
  readonly iterationsPerRun: number;
  readonly rounds: number;
  readonly defaultContractMonthsPerSecond: number;
  readonly tunedContractMonthsPerSecond: number;
  readonly tunedOverDefault: number;
}

export interface ComparisonTiming {
  readonly scenarios: string[];
  readonly contracts: number;
  readonly horizonMonths: number;
  readonly iterations: number;
  readonly workers: number;
  /** Wall time, end to end: reading scenarios, starting workers, simulating, summarising. */
  readonly seconds: number;
  readonly contractMonths: number;
}

export type SimulationSuiteResult =
  | { readonly skipped: string }
  | {
      readonly baseline: string;
      readonly contracts: number;
      readonly horizonMonths: number;
      readonly seed: number;
      readonly throughput: {
        readonly iterationsPerRun: number;
        readonly chunkSize: number;
        readonly rounds: number;
        readonly contractMonthsPerRun: number;
        readonly oneWorkerContractMonthsPerSecond: number;
        readonly twoWorkersContractMonthsPerSecond: number;
        readonly twoWorkersOverOne: number;
        /** 1-minute load average before and after: above ~0 others were competing for the 2 cores. */
        readonly loadAverage: { readonly before: number; readonly after: number };
      };
      /**
       * Starting books side by side on 1 worker: how time grows with the book. Leads add customers
       * whatever its size, so contract-months are not starting contracts × months.
       */
      readonly sizes: {
        readonly iterationsPerRun: number;
        readonly rounds: number;
        readonly lanes: {
          readonly contracts: number;
          readonly contractMonthsPerIteration: number;
          readonly secondsPerIteration: number;
          readonly contractMonthsPerSecond: number;
        }[];
      };
      readonly tuning: V8Tuning;
      /** Where an iteration's time goes in each scenario of the comparison (1 worker). */
      readonly steps: StepsReply | { readonly skipped: string };
      readonly memory: MemoryPoint[];
      readonly comparison: ComparisonTiming | { readonly skipped: string };
      /** With `--against REF`: that commit's throughput and today's, side by side. */
      readonly against?: AgainstResult;
    };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIMULATOR = [
  'engine/sim/iteration.ts',
  'engine/sim/montecarlo/driver.ts',
  'engine/sim/pool/node-pool.ts',
];

/** The plan: full sizes, or a smoke run's (`--quick`). */
function plan(quick: boolean) {
  return quick
    ? {
        contracts: 2000,
        throughput: { iterations: 2, chunkSize: 1, rounds: 2 },
        peakIterations: 2,
        portfolio: { contracts: [500, 4000], iterations: 1 },
        sizes: { contracts: [500, 2000], iterations: 1, rounds: 2 },
        tuning: { iterations: 1, rounds: 1 },
        stepIterations: 1,
        flat: { contracts: 500, horizonMonths: 12, iterations: [10, 20, 40], live: [10, 40] },
        comparisonIterations: 2,
        against: { contracts: 2000, iterations: 2, chunkSize: 1, rounds: 1 },
      }
    : {
        contracts: 10_000,
        // 8 iterations in chunks of 2 (1, 2, 2, 2, 1): 4 per worker on 2 workers. With 4 a run's own serial
        // part (merging the chunks and summarising, once per run) was a tenth of a round on 2 workers.
        throughput: { iterations: 8, chunkSize: 2, rounds: 5 },
        peakIterations: 4,
        // The issue's sizes; they also span the range the tables' doubling needs to show the slope.
        portfolio: { contracts: [10_000, 100_000, 1_000_000], iterations: 1 },
        sizes: { contracts: [2500, 10_000, 20_000], iterations: 2, rounds: 5 },
        tuning: { iterations: 4, rounds: 3 },
        stepIterations: 6,
        // 700 iterations at 120 months would take minutes, and a small starting book barely helps
        // (leads arrive per dealer, not per contract): memory in iterations is shown at 36 months.
        flat: { contracts: 1000, horizonMonths: 36, iterations: [100, 200, 400], live: [100, 400] },
        // The target's workload: 3 scenarios × 10,000 contracts × 120 months × 200 iterations.
        comparisonIterations: 200,
        // As the throughput figures: runs of 8 iterations in chunks of 2, on 1 and 2 workers.
        against: { contracts: 10_000, iterations: 8, chunkSize: 2, rounds: 5 },
      };
}

const HORIZON_MONTHS = 120;
const SEED = 42;

export async function runSimulationSuite(
  options: SimulationBenchOptions,
  onProgress: (line: string) => void = () => {},
): Promise<SimulationSuiteResult> {
  const folder = shown(options.scenarios);
  const missing = SIMULATOR.find((file) => !existsSync(join(ROOT, file)));
  if (missing !== undefined) return { skipped: `${missing} not found` };
  const baseline = join(options.scenarios, 'baseline.json');
  if (!existsSync(baseline)) return { skipped: `${join(folder, 'baseline.json')} not found` };

  const p = plan(options.quick);
  const workload = (
    contracts: number,
    iterations: number,
    chunkSize = 10,
    horizonMonths = HORIZON_MONTHS,
  ): string =>
    JSON.stringify({
      scenarios: options.scenarios,
      contracts,
      horizonMonths,
      iterations,
      chunkSize,
      seed: SEED,
    } satisfies Workload);

  onProgress(`simulation: ${p.contracts} contracts × ${HORIZON_MONTHS} months on 1 and 2 workers`);
  const t = p.throughput;
  const loadBefore = loadAverage();
  const throughput = await simulationChild<ThroughputReply>([
    'throughput',
    workload(p.contracts, t.iterations, t.chunkSize),
    String(t.rounds),
  ]);
  const loadAfter = loadAverage();
  const rate = (workers: number) =>
    throughput.lanes.find((l) => l.workers === workers)!.contractMonthsPerSecond;

  const against =
    options.against === undefined
      ? undefined
      : await measureAgainst(options.against, p.against, HORIZON_MONTHS, SEED, onProgress);

  const tuning = await measureTuning(p.contracts, p.tuning, workload, onProgress);

  onProgress(`simulation: where the time goes, ${p.stepIterations} iterations of each compared scenario`);
  const steps = (await hasChallengers(options.scenarios))
    ? await simulationChild<StepsReply>(['steps', workload(p.contracts, 0), String(p.stepIterations)])
    : { skipped: `fewer than 2 challenger scenarios in ${folder}/` };

  const z = p.sizes;
  onProgress(`simulation: starting books of ${z.contracts.join(', ')} contracts side by side on 1 worker`);
  const sizes = await simulationChild<SizesReply>([
    'sizes',
    workload(0, z.iterations),
    String(z.rounds),
    z.contracts.join(','),
  ]);

  const memory: MemoryPoint[] = [];
  const measureMemory = async (
    purpose: MemoryPoint['purpose'],
    contracts: number,
    iterations: number,
    workers: number,
    horizonMonths = HORIZON_MONTHS,
  ) => {
    const live = purpose === 'iterations-live';
    onProgress(
      `simulation: memory, ${contracts} contracts × ${horizonMonths} months × ${iterations} iterations on ${workers} worker(s)`,
    );
    const reply = await simulationChild<MemoryReply>(
      [
        'memory',
        workload(contracts, iterations, 10, horizonMonths),
        String(workers),
        ...(live ? ['--live'] : []),
      ],
      { nodeFlags: ['--expose-gc'] },
    );
    memory.push({ purpose, contracts, horizonMonths, iterations, workers, ...reply });
  };
  await measureMemory('peak', p.contracts, p.peakIterations, 1);
  await measureMemory('peak', p.contracts, p.peakIterations, 2);
  for (const contracts of p.portfolio.contracts)
    await measureMemory('portfolio', contracts, p.portfolio.iterations, 1);
  for (const iterations of p.flat.iterations)
    await measureMemory('iterations', p.flat.contracts, iterations, 1, p.flat.horizonMonths);
  for (const iterations of p.flat.live)
    await measureMemory('iterations-live', p.flat.contracts, iterations, 1, p.flat.horizonMonths);

  return {
    baseline: join(folder, 'baseline.json'),
    contracts: p.contracts,
    horizonMonths: HORIZON_MONTHS,
    seed: SEED,
    throughput: {
      iterationsPerRun: t.iterations,
      chunkSize: t.chunkSize,
      rounds: throughput.rounds,
      contractMonthsPerRun: throughput.contractMonthsPerRun,
      oneWorkerContractMonthsPerSecond: rate(1),
      twoWorkersContractMonthsPerSecond: rate(2),
      twoWorkersOverOne: rate(2) / rate(1),
      loadAverage: { before: loadBefore, after: loadAfter },
    },
    tuning,
    steps:
      'skipped' in steps
        ? steps
        : { ...steps, scenarios: steps.scenarios.map((s) => ({ ...s, file: shown(s.file) })) },
    sizes: {
      iterationsPerRun: z.iterations,
      rounds: sizes.rounds,
      lanes: sizes.lanes.map((lane) => ({
        contracts: lane.contracts,
        contractMonthsPerIteration: lane.contractMonthsPerRun / z.iterations,
        secondsPerIteration: lane.contractMonthsPerRun / lane.contractMonthsPerSecond / z.iterations,
        contractMonthsPerSecond: lane.contractMonthsPerSecond,
      })),
    },
    memory,
    comparison: await timeComparison(
      options.scenarios,
      folder,
      p.contracts,
      p.comparisonIterations,
      workload,
      onProgress,
    ),
    ...(against ? { against } : {}),
  };
}

async function measureTuning(
  contracts: number,
  plan: { readonly iterations: number; readonly rounds: number },
  workload: (contracts: number, iterations: number) => string,
  onProgress: (line: string) => void,
): Promise<V8Tuning> {
  onProgress(`simulation: V8 defaults against tuned, ${plan.rounds} alternating rounds of child processes`);
  const rates = { default: [] as number[], tuned: [] as number[] };
  for (let round = 0; round < plan.rounds; round++) {
    for (const lane of ['default', 'tuned'] as const) {
      // One measured run after one warm-up in each child (the `sizes` mode with a single book).
      const reply = await simulationChild<SizesReply>([
        'sizes',
        workload(0, plan.iterations),
        '1',
        String(contracts),
        ...(lane === 'default' ? ['--v8-defaults'] : []),
      ]);
      rates[lane].push(reply.lanes[0]!.contractMonthsPerSecond);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const defaultRate = median(rates.default);
  const tunedRate = median(rates.tuned);
  return {
    contracts,
    iterationsPerRun: plan.iterations,
    rounds: plan.rounds,
    defaultContractMonthsPerSecond: defaultRate,
    tunedContractMonthsPerSecond: tunedRate,
    tunedOverDefault: tunedRate / defaultRate,
  };
}

/** Whether the folder has the two challengers a comparison needs besides baseline.json. */
async function hasChallengers(scenarios: string): Promise<boolean> {
  const candidates = (await readdir(scenarios)).filter(
    (name) => name.endsWith('.json') && name !== 'baseline.json' && !name.endsWith('.schema.json'),
  );
  return candidates.length >= 2;
}

/** A path as the report shows it: relative to the repository when inside it. */
function shown(path: string): string {
  const inside = relative(ROOT, path);
  return inside === '' ? '.' : inside.startsWith('..') ? path : inside;
}

async function timeComparison(
  scenarios: string,
  folder: string,
  contracts: number,
  iterations: number,
  workload: (contracts: number, iterations: number) => string,
  onProgress: (line: string) => void,
): Promise<ComparisonTiming | { skipped: string }> {
  if (!(await hasChallengers(scenarios)))
    return { skipped: `fewer than 2 challenger scenarios in ${folder}/` };
  const workers = 2;
  onProgress(
    `simulation: 3-scenario comparison, ${contracts} contracts × ${iterations} iterations on ${workers} workers`,
  );
  const reply = await simulationChild<CompareReply>([
    'compare',
    workload(contracts, iterations),
    String(workers),
  ]);
  return {
    scenarios: reply.scenarios.map(shown),
    contracts,
    horizonMonths: HORIZON_MONTHS,
    iterations,
    workers,
    seconds: reply.seconds,
    contractMonths: reply.contractMonths,
  };
}
