/**
 * Child-process entry of next-event.ts: runs the engine that a build folder's dist/ holds (this
 * checkout's, or another commit's built with `node bin/build-cli.js`), so two versions of the engine can
 * be set side by side on the same scenarios.
 *   next-event-child.ts kpis ROOT JOB_JSON    every KPI of iterations [first, first + count), per scenario
 *   next-event-child.ts speed ROOT JOB_JSON   CPU seconds and contract-months of `count` iterations, 1 thread,
 *     and the CPU seconds of the payments step alone (the horizon's months)
 */
import { cpuUsage } from 'node:process';
import { pathToFileURL } from 'node:url';
import { reply } from './child.ts';

/** What one child runs. */
export interface NextEventJob {
  /** Scenario files, baseline first. */
  readonly scenarios: readonly string[];
  /** Starting book size, contracts (replaces the scenario's). */
  readonly contracts: number;
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  /** Draw the world's declared ranges per iteration (the CLI's default) or run the point assumptions. */
  readonly uncertainty: boolean;
}

export interface KpisReply {
  readonly ids: readonly string[];
  /** [scenario][iteration][kpi], NaN written as null. */
  readonly values: (number | null)[][][];
}

export interface SpeedReply {
  readonly cpuSeconds: number;
  /** Σ over the iterations of the contracts billed each month (the payments step's count). */
  readonly contractMonths: number;
  /** CPU seconds of the payments step in the horizon's months (the run-off's are in cpuSeconds only). */
  readonly paymentsCpuSeconds: number;
}

const [mode, root, jobJson] = process.argv.slice(2);
const job = JSON.parse(jobJson ?? '{}') as NextEventJob;
const dist = (path: string): Promise<Record<string, unknown>> =>
  import(pathToFileURL(`${root}/dist/engine/${path}`).href) as Promise<Record<string, unknown>>;

type Setup = object;
const { readScenario } = (await dist('cli/scenarios.js')) as {
  readScenario: (file: string) => Promise<object>;
};
const { scenarioInput } = (await dist('scenario/input.js')) as {
  scenarioInput: (s: object) => { portfolio: object };
};
const { prepareRun } = (await dist('sim/montecarlo/chunk.js')) as {
  prepareRun: (spec: object) => { setups: Setup[] };
};
interface Sim {
  readonly horizon: number;
}
const { simulate, startIteration, beginMonth, finishIteration, MONTHLY_STEPS } = (await dist(
  'sim/iteration.js',
)) as {
  simulate: (setup: Setup, i: number) => { result: { kpis: Float64Array } };
  startIteration: (setup: Setup, i: number) => Sim;
  beginMonth: (sim: Sim, t: number) => void;
  finishIteration: (sim: Sim, i: number) => { audit: { counters: { contractMonths: Float64Array } } };
  MONTHLY_STEPS: readonly { name: string; run: (sim: Sim, t: number) => void }[];
};
const { KPIS } = (await dist('result/kpis.js')) as { KPIS: readonly { id: string }[] };
const { tuneV8ForSimulation } = (await dist('sim/pool/v8-tuning.js')) as { tuneV8ForSimulation: () => void };
tuneV8ForSimulation(); // as the CLI does

const inputs = await Promise.all(
  job.scenarios.map(async (file) => {
    const input = scenarioInput(await readScenario(file));
    return { ...input, portfolio: { ...input.portfolio, contracts: job.contracts } };
  }),
);
const { setups } = prepareRun({
  scenarios: inputs,
  horizonMonths: 120,
  iterations: job.first + job.count + 1,
  seed: job.seed,
  chunkSize: 2,
  uncertainty: job.uncertainty,
  population: 'per-iteration',
});

if (mode === 'kpis') {
  const values = setups.map((setup) => {
    const rows: (number | null)[][] = [];
    for (let i = job.first; i < job.first + job.count; i++) {
      rows.push(Array.from(simulate(setup, i).result.kpis, (x) => (Number.isNaN(x) ? null : x)));
    }
    return rows;
  });
  reply({ ids: KPIS.map((k) => k.id), values } satisfies KpisReply);
} else if (mode === 'speed') {
  const setup = setups[0]!;
  simulate(setup, job.first); // warm-up: compiled code, grown tables
  let contractMonths = 0;
  let payments = 0;
  const seconds = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1e6;
  const before = cpuUsage();
  // What simulate does (engine/sim/iteration.ts), with the payments step timed apart.
  for (let i = job.first + 1; i <= job.first + job.count; i++) {
    const sim = startIteration(setup, i);
    for (let t = 0; t < sim.horizon; t++) {
      beginMonth(sim, t);
      for (const step of MONTHLY_STEPS) {
        if (step.name !== 'payments') step.run(sim, t);
        else {
          const start = cpuUsage();
          step.run(sim, t);
          payments += seconds(cpuUsage(start));
        }
      }
    }
    for (const n of finishIteration(sim, i).audit.counters.contractMonths) contractMonths += n;
  }
  reply({
    cpuSeconds: seconds(cpuUsage(before)),
    contractMonths,
    paymentsCpuSeconds: payments,
  } satisfies SpeedReply);
} else throw new Error('usage: next-event-child.ts kpis|speed ROOT JOB_JSON');
