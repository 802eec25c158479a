/**
 * Child-process entry of next-event.ts: runs the engine that a build folder's dist/ holds (this
 * checkout's, or another commit's built with `node bin/build-cli.js`), so two versions of the engine can
 * be set side by side on the same scenarios.
 *   next-event-child.ts kpis ROOT JOB_JSON    every KPI of iterations [first, first + count), per scenario
 *   next-event-child.ts speed ROOT_A ROOT_B JOB_JSON   both engines in this process, one thread: after a
 *     warm-up iteration each, iterations 1 … count of each, alternated (A B, B A, …), each timed on its
 *     own: CPU seconds, contract-months and the CPU seconds of the payments step alone
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

/** One timed iteration of one engine. */
export interface TimedIteration {
  readonly cpuSeconds: number;
  /** Σ over the iterations of the contracts billed each month (the payments step's count). */
  readonly contractMonths: number;
  /** CPU seconds of the payments step in the horizon's months (the run-off's are in cpuSeconds only). */
  readonly paymentsCpuSeconds: number;
}

/** Per engine (A, B), its iterations in the order run. */
export type SpeedReply = [TimedIteration[], TimedIteration[]];

const [mode, ...args] = process.argv.slice(2);
const job = JSON.parse(args[args.length - 1] ?? '{}') as NextEventJob;

type Setup = object;
interface Sim {
  readonly horizon: number;
}
interface Engine {
  readonly setups: Setup[];
  readonly kpiIds: readonly string[];
  simulate(setup: Setup, i: number): { result: { kpis: Float64Array } };
  startIteration(setup: Setup, i: number): Sim;
  beginMonth(sim: Sim, t: number): void;
  finishIteration(sim: Sim, i: number): { audit: { counters: { contractMonths: Float64Array } } };
  readonly MONTHLY_STEPS: readonly { name: string; run: (sim: Sim, t: number) => void }[];
}

/** The engine that `root`/dist holds, with the job's scenarios prepared. */
async function engineAt(root: string): Promise<Engine> {
  const dist = (path: string): Promise<Record<string, unknown>> =>
    import(pathToFileURL(`${root}/dist/engine/${path}`).href) as Promise<Record<string, unknown>>;
  const { readScenario } = (await dist('cli/scenarios.js')) as {
    readScenario: (file: string) => Promise<object>;
  };
  const { scenarioInput } = (await dist('scenario/input.js')) as {
    scenarioInput: (s: object) => { portfolio: object };
  };
  const { prepareRun } = (await dist('sim/montecarlo/chunk.js')) as {
    prepareRun: (spec: object) => { setups: Setup[] };
  };
  const iteration = (await dist('sim/iteration.js')) as unknown as Omit<Engine, 'setups' | 'kpiIds'>;
  const { KPIS } = (await dist('result/kpis.js')) as { KPIS: readonly { id: string }[] };
  const { tuneV8ForSimulation } = (await dist('sim/pool/v8-tuning.js')) as {
    tuneV8ForSimulation: () => void;
  };
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
  return {
    setups,
    kpiIds: KPIS.map((k) => k.id),
    simulate: iteration.simulate,
    startIteration: iteration.startIteration,
    beginMonth: iteration.beginMonth,
    finishIteration: iteration.finishIteration,
    MONTHLY_STEPS: iteration.MONTHLY_STEPS,
  };
}

const seconds = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1e6;

/** Iteration `i` of the engine's first scenario, as simulate runs it, with the payments step timed apart. */
function timed(e: Engine, i: number): TimedIteration {
  const setup = e.setups[0]!;
  let payments = 0;
  const before = cpuUsage();
  const sim = e.startIteration(setup, i);
  for (let t = 0; t < sim.horizon; t++) {
    e.beginMonth(sim, t);
    for (const step of e.MONTHLY_STEPS) {
      if (step.name !== 'payments') step.run(sim, t);
      else {
        const start = cpuUsage();
        step.run(sim, t);
        payments += seconds(cpuUsage(start));
      }
    }
  }
  let contractMonths = 0;
  for (const n of e.finishIteration(sim, i).audit.counters.contractMonths) contractMonths += n;
  return { cpuSeconds: seconds(cpuUsage(before)), contractMonths, paymentsCpuSeconds: payments };
}

if (mode === 'kpis') {
  const e = await engineAt(args[0]!);
  const values = e.setups.map((setup) => {
    const rows: (number | null)[][] = [];
    for (let i = job.first; i < job.first + job.count; i++) {
      rows.push(Array.from(e.simulate(setup, i).result.kpis, (x) => (Number.isNaN(x) ? null : x)));
    }
    return rows;
  });
  reply({ ids: e.kpiIds, values } satisfies KpisReply);
} else if (mode === 'speed') {
  const engines = [await engineAt(args[0]!), await engineAt(args[1]!)];
  for (const e of engines) timed(e, job.first); // warm-up: compiled code, grown tables
  const out: SpeedReply = [[], []];
  for (let i = job.first + 1; i <= job.first + job.count; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) out[k]!.push(timed(engines[k]!, i));
  }
  reply(out);
} else throw new Error('usage: next-event-child.ts kpis ROOT JOB_JSON | speed ROOT_A ROOT_B JOB_JSON');
