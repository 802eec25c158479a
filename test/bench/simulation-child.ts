/**
 * Child-process entry of the simulation suite (see child.ts and simulation.bench.ts). One workload per
 * process, so the figures are not polluted by the parent's heap or another workload's garbage:
 *   simulation-child.ts throughput WORKLOAD_JSON ROUNDS   1 and 2 workers side by side, contract-months/s
 *   simulation-child.ts memory WORKLOAD_JSON WORKERS [--live]   peak RSS of one run (start node with
 *     --expose-gc); with --live, also the live memory after a full GC at each chunk boundary
 *   simulation-child.ts compare WORKLOAD_JSON WORKERS   wall time of baseline + 2 challengers, end to end
 *   simulation-child.ts sizes WORKLOAD_JSON ROUNDS CONTRACTS,…   1 worker, starting books side by side
 */
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import {
  beginMonth,
  finishIteration,
  MONTHLY_STEPS,
  prepareScenario,
  startIteration,
} from '../../engine/sim/iteration.ts';
import { tuneV8ForSimulation } from '../../engine/sim/pool/v8-tuning.ts';
import { reply } from './child.ts';
import { measureSideBySide } from './harness.ts';
import {
  challengerFiles,
  contractMonths,
  executorFor,
  runMonteCarlo,
  runSpec,
  scenarioAt,
  type Workload,
} from './simulation-workload.ts';

// As the CLI does (bin/cyclecast.js): the figures are what a user's runs get. `--v8-defaults` leaves
// V8's defaults, to measure what the tuning is worth.
if (!process.argv.includes('--v8-defaults')) tuneV8ForSimulation();

export interface ThroughputReply {
  readonly contractMonthsPerRun: number;
  readonly rounds: number;
  readonly lanes: { readonly workers: number; readonly contractMonthsPerSecond: number }[];
}

export interface MemoryReply {
  readonly contractMonths: number;
  /** RSS after loading and a full GC, before the run, bytes. */
  readonly rssBeforeBytes: number;
  /** Peak RSS of the process (workers included), bytes. */
  readonly peakRssBytes: number;
  /** Heap in use after the run and a full GC, bytes. */
  readonly heapUsedAfterBytes: number;
  /**
   * Memory the run holds once it is done (JS heap + array buffers after a full GC, minus the same
   * before it): the population, the simulation state and the aggregates, bytes. Null on worker
   * threads, whose isolates this thread cannot measure.
   */
  readonly retainedBytes: number | null;
  /**
   * With --live (1 worker): the most memory the run held at any chunk boundary, JS heap + array
   * buffers after a full GC there, bytes. What the run needs, without the garbage V8 lets pile up.
   */
  readonly peakLiveBytes: number | null;
  readonly seconds: number;
}

export interface SizesReply {
  readonly rounds: number;
  readonly lanes: {
    readonly contracts: number;
    readonly contractMonthsPerRun: number;
    readonly contractMonthsPerSecond: number;
  }[];
}

/** Where an iteration's time goes: per scenario, ms per iteration in each monthly step (1 worker). */
export interface StepsReply {
  readonly iterations: number;
  readonly scenarios: {
    readonly file: string;
    readonly contractMonthsPerIteration: number;
    /** Resetting, drawing the world, loading the starting book; then the result. */
    readonly startMs: number;
    readonly finishMs: number;
    readonly steps: { readonly name: string; readonly ms: number }[];
  }[];
}

export interface CompareReply {
  readonly scenarios: string[];
  readonly contractMonths: number;
  readonly seconds: number;
}

const [mode, workloadJson, countArg, ...flags] = process.argv.slice(2);
const workload = JSON.parse(workloadJson ?? '{}') as Workload;
/** Workers (memory, compare) or measured rounds (throughput). */
const count = Number(countArg ?? 1);
const baselineFile = join(workload.scenarios, 'baseline.json');

if (mode === 'throughput') reply(await throughput());
else if (mode === 'memory') reply(await memory());
else if (mode === 'compare') reply(await compare());
else if (mode === 'sizes') reply(await sizes());
else if (mode === 'steps') reply(await steps());
else
  throw new Error(
    `usage: simulation-child.ts throughput|memory|compare|sizes|steps WORKLOAD_JSON ROUNDS|WORKERS|ITERATIONS [CONTRACTS,…]`,
  );

async function throughput(): Promise<ThroughputReply> {
  const spec = runSpec([await scenarioAt(baselineFile, workload.contracts)], workload);
  const lanes = [1, 2].map((n) => ({ workers: n, executor: executorFor(n) }));
  const counted = new Set<number>();
  try {
    const rounds = count;
    const measured = await measureSideBySide(
      lanes.map(({ workers: n, executor }) => ({
        name: String(n),
        batch: async () => {
          const months = contractMonths(await runMonteCarlo(spec, executor));
          counted.add(months);
          return months;
        },
      })),
      { rounds, warmupRounds: 1 },
    );
    // Results do not depend on the number of workers (docs/design.md §5): the same work was timed on each.
    if (counted.size !== 1)
      throw new Error(`1 and 2 workers simulated different contract-months: ${[...counted]}`);
    return {
      contractMonthsPerRun: [...counted][0]!,
      rounds,
      lanes: measured.map((m) => ({ workers: Number(m.name), contractMonthsPerSecond: m.opsPerSecond })),
    };
  } finally {
    await Promise.all(lanes.map(({ executor }) => executor.close()));
  }
}

async function sizes(): Promise<SizesReply> {
  const books = (flags.find((f) => !f.startsWith('--')) ?? '').split(',').map(Number);
  const lanes = await Promise.all(
    books.map(async (contracts) => ({
      contracts,
      spec: runSpec([await scenarioAt(baselineFile, contracts)], workload),
      executor: executorFor(1),
      months: 0,
    })),
  );
  try {
    const measured = await measureSideBySide(
      lanes.map((lane) => ({
        name: String(lane.contracts),
        batch: async () => (lane.months = contractMonths(await runMonteCarlo(lane.spec, lane.executor))),
      })),
      { rounds: count, warmupRounds: 1 },
    );
    return {
      rounds: count,
      lanes: lanes.map((lane, i) => ({
        contracts: lane.contracts,
        contractMonthsPerRun: lane.months,
        contractMonthsPerSecond: measured[i]!.opsPerSecond,
      })),
    };
  } finally {
    await Promise.all(lanes.map(({ executor }) => executor.close()));
  }
}

async function memory(): Promise<MemoryReply> {
  const spec = runSpec([await scenarioAt(baselineFile, workload.contracts)], workload);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('memory: start node with --expose-gc');
  const executor = executorFor(count);
  const held = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  try {
    gc();
    const rssBeforeBytes = process.memoryUsage().rss;
    const heldBefore = held();
    let peakLive = 0;
    // Forced collections change when V8 grows its heap: a --live run's RSS is not the natural peak.
    const live = flags.includes('--live') && count === 1;
    const onProgress = () => {
      gc();
      peakLive = Math.max(peakLive, held());
    };
    const start = performance.now();
    const result = await runMonteCarlo(spec, executor, live ? { onProgress } : {});
    const seconds = (performance.now() - start) / 1000;
    // The executor still caches the prepared run (population and state), as it does between chunks.
    gc();
    return {
      contractMonths: contractMonths(result),
      rssBeforeBytes,
      // maxRSS is in kilobytes.
      peakRssBytes: resourceUsage().maxRSS * 1024,
      heapUsedAfterBytes: process.memoryUsage().heapUsed,
      retainedBytes: count === 1 ? held() - heldBefore : null,
      peakLiveBytes: live ? peakLive : null,
      seconds,
    };
  } finally {
    await executor.close();
  }
}

async function steps(): Promise<StepsReply> {
  // The comparison's scenarios, one after another in this thread, each step timed with the clock: a
  // breakdown of each scenario's own iterations (shares), not a race between scenarios.
  const files = [baselineFile, ...(await challengerFiles(workload.scenarios, 2))];
  const iterations = count;
  const warmUp = 2;
  const scenarios = [];
  for (const file of files) {
    const setup = prepareScenario(
      await scenarioAt(file, workload.contracts),
      workload.horizonMonths,
      workload.seed,
    );
    const ms = new Float64Array(MONTHLY_STEPS.length);
    let startMs = 0;
    let finishMs = 0;
    let contractMonths = 0;
    for (let k = 0; k < warmUp + iterations; k++) {
      const measured = k >= warmUp;
      let t0 = performance.now();
      const sim = startIteration(setup, k);
      if (measured) startMs += performance.now() - t0;
      for (let t = 0; t < sim.horizon; t++) {
        beginMonth(sim, t);
        for (let s = 0; s < MONTHLY_STEPS.length; s++) {
          t0 = performance.now();
          MONTHLY_STEPS[s]!.run(sim, t);
          if (measured) ms[s]! += performance.now() - t0;
        }
        if (measured) contractMonths += sim.contracts.activeCount;
      }
      t0 = performance.now();
      finishIteration(sim, k);
      if (measured) finishMs += performance.now() - t0;
    }
    scenarios.push({
      file,
      contractMonthsPerIteration: contractMonths / iterations,
      startMs: startMs / iterations,
      finishMs: finishMs / iterations,
      steps: MONTHLY_STEPS.map((step, s) => ({ name: step.name, ms: ms[s]! / iterations })),
    });
  }
  return { iterations, scenarios };
}

async function compare(): Promise<CompareReply> {
  // End to end, as `cyclecast compare` would: reading and validating the scenarios, starting the
  // workers, preparing each scenario on each worker, simulating and summarising.
  const start = performance.now();
  const files = [baselineFile, ...(await challengerFiles(workload.scenarios, 2))];
  if (files.length < 3)
    throw new Error(`compare: needs baseline.json and 2 challengers in ${workload.scenarios}`);
  const scenarios = await Promise.all(files.map((file) => scenarioAt(file, workload.contracts)));
  const executor = executorFor(count);
  try {
    const result = await runMonteCarlo(runSpec(scenarios, workload), executor);
    return {
      scenarios: files,
      contractMonths: contractMonths(result),
      seconds: (performance.now() - start) / 1000,
    };
  } finally {
    await executor.close();
  }
}
