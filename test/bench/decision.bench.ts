/**
 * Decision analysis, end to end through the built CLI (`bin/cyclecast.js`, one process per command):
 * how many iterations `compare --precision` needs on a shipped comparison against the fixed 200 of its
 * run block, and the wall time saved; the wall time of a 10-point `sweep` at 10,000 contracts; the wall
 * time of a `sensitivity` tornado with break-even values; and what drawing the world's uncertain
 * assumptions (and a population per iteration), both on by default, costs per iteration of `run`.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PRECISION_CHECKS } from '../../engine/sim/run-limits.ts';
import { median } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

export interface DecisionSuiteResult {
  readonly precision: {
    readonly comparison: readonly [string, string];
    readonly contracts: number;
    readonly horizonMonths: number;
    readonly workers: number;
    readonly kpi: string;
    /** The target half-width of the paired difference's 95% CI, €: 1% of the baseline's NPV (the materiality threshold). */
    readonly halfWidth: number;
    readonly fixedIterations: number;
    readonly fixedSeconds: number;
    /** The fixed run's own half-width, €. */
    readonly fixedHalfWidth: number;
    readonly iterationsTaken: number;
    readonly met: boolean;
    readonly reachedHalfWidth: number | null;
    readonly precisionSeconds: number;
  };
  readonly sweep: {
    readonly scenario: string;
    readonly param: string;
    readonly points: number;
    readonly contracts: number;
    readonly horizonMonths: number;
    readonly iterations: number;
    readonly workers: number;
    readonly seconds: number;
  };
  readonly tornado: {
    readonly comparison: readonly [string, string];
    readonly contracts: number;
    readonly horizonMonths: number;
    readonly iterations: number;
    readonly workers: number;
    readonly breakEven: number;
    /** Simulation runs the analysis made (base, two per held assumption, bisection steps), from its JSON. */
    readonly runs: number;
    /** Assumptions held at p10 and p90 (bars), and declared ranges screened out by `--top`. */
    readonly held: number;
    readonly screened: number;
    /** `--top` as the analysis applied it: the declared ranges held, by |rank correlation|. */
    readonly top: number | 'all';
    readonly seconds: number;
  };
  readonly uncertaintyCost: {
    readonly scenario: string;
    readonly contracts: number;
    readonly horizonMonths: number;
    readonly iterations: number;
    readonly workers: number;
    readonly rounds: number;
    /** Median wall time per iteration, seconds (process start-up included, spread over the iterations). */
    readonly defaultsPerIteration: number;
    readonly pointPerIteration: number;
  };
}

/** The plan: the issue's sizes, or a smoke run's (`--quick`). */
function plan(quick: boolean) {
  return quick
    ? {
        contracts: 500,
        horizonMonths: 24,
        fixedIterations: 40,
        sweepIterations: 2,
        tornadoIterations: 4,
        costIterations: 2,
        costRounds: 1,
      }
    : {
        contracts: 10_000,
        horizonMonths: 120,
        fixedIterations: 200,
        // Null: the iterations `--precision` needs, as the comparison before it measures them.
        sweepIterations: null,
        // The fewest iterations `--precision` checks at: a tornado at the smallest run worth reading.
        tornadoIterations: PRECISION_CHECKS.minIterations,
        costIterations: 20,
        costRounds: 3,
      };
}

const BASELINE = 'scenarios/baseline.json';
const CHALLENGER = 'scenarios/tcm.json';
const WORKERS = 2;

/** Runs `cyclecast ARGS…` and returns its standard output and wall time, seconds. */
async function cyclecast(args: readonly string[]): Promise<{ stdout: string; seconds: number }> {
  const start = performance.now();
  const { stdout } = await run(process.execPath, ['bin/cyclecast.js', ...args], {
    cwd: ROOT,
    maxBuffer: 1 << 28,
  });
  return { stdout, seconds: (performance.now() - start) / 1000 };
}

interface Kpi {
  id: string;
  mean: number;
}
interface Paired {
  id: string;
  ci95: [number, number];
}

export async function runDecisionSuite(
  options: { quick: boolean },
  onProgress: (line: string) => void = () => {},
): Promise<DecisionSuiteResult> {
  const p = plan(options.quick);
  const common = [
    '--set',
    `portfolio.contracts=${p.contracts}`,
    '--horizon',
    String(p.horizonMonths),
    '--workers',
    String(WORKERS),
    '--format',
    'json',
  ];
  onProgress(`decision: ${BASELINE} vs ${CHALLENGER}, fixed ${p.fixedIterations} iterations`);
  const fixed = await cyclecast([
    'compare',
    BASELINE,
    CHALLENGER,
    ...common,
    '--iterations',
    String(p.fixedIterations),
  ]);
  const result = JSON.parse(fixed.stdout) as {
    scenarios: { summary: { kpis: Kpi[] } }[];
    comparisons: { summary: { kpis: Paired[] } }[];
  };
  const npv = result.scenarios[0]!.summary.kpis.find((k) => k.id === 'profit.npv')!;
  const delta = result.comparisons[0]!.summary.kpis.find((k) => k.id === 'profit.npv')!;
  const halfWidth = Math.round(0.01 * Math.abs(npv.mean));
  onProgress(`decision: the same comparison with --precision ${halfWidth} (at most ${p.fixedIterations})`);
  const precise = await cyclecast([
    'compare',
    BASELINE,
    CHALLENGER,
    ...common,
    '--iterations',
    String(p.fixedIterations),
    '--precision',
    String(halfWidth),
  ]);
  const outcome = (
    JSON.parse(precise.stdout) as {
      manifest: { precision: { iterationsTaken: number; met: boolean; reachedHalfWidth: number | null } };
    }
  ).manifest.precision;

  // The issue's sweep runs at the iterations `--precision` needs: those the comparison just took (never
  // below the fewest it checks at). A quick run keeps its smoke size.
  const sweepIterations =
    p.sweepIterations ?? Math.max(outcome.iterationsTaken, PRECISION_CHECKS.minIterations);
  const param = 'dunning.agencyDays=30..120:10';
  onProgress(`decision: sweep ${param}, ${p.contracts} contracts × ${sweepIterations} iterations`);
  const sweep = await cyclecast([
    'sweep',
    BASELINE,
    '--param',
    param,
    ...common,
    '--iterations',
    String(sweepIterations),
  ]);
  const points = (JSON.parse(sweep.stdout) as { points: unknown[] }).points.length;

  const breakEven = 3;
  onProgress(`decision: sensitivity ${CHALLENGER} --vs ${BASELINE}, ${p.tornadoIterations} iterations`);
  const tornado = await cyclecast([
    'sensitivity',
    CHALLENGER,
    '--vs',
    BASELINE,
    '--break-even',
    String(breakEven),
    ...common,
    '--iterations',
    String(p.tornadoIterations),
  ]);
  const analysis = JSON.parse(tornado.stdout) as {
    runs: number;
    bars: unknown[];
    screened: unknown[];
    top: number | 'all';
  };

  // Alternated processes (A, B, A, B, …), median of each: a slow spell on the shared machine hits both.
  const point = ['--set', 'run.uncertainty=false', '--set', 'run.population=fixed'];
  const costArgs = [
    'run',
    BASELINE,
    '--set',
    `portfolio.contracts=${p.contracts}`,
    '--horizon',
    String(p.horizonMonths),
    '--workers',
    '1',
    '--iterations',
    String(p.costIterations),
    '--format',
    'json',
  ];
  const defaultsSeconds: number[] = [];
  const pointSeconds: number[] = [];
  for (let round = 0; round < p.costRounds; round++) {
    onProgress(`decision: run ${BASELINE}, defaults vs point world, round ${round + 1}/${p.costRounds}`);
    defaultsSeconds.push((await cyclecast(costArgs)).seconds);
    pointSeconds.push((await cyclecast([...costArgs, ...point])).seconds);
  }
  return {
    precision: {
      comparison: [BASELINE, CHALLENGER],
      contracts: p.contracts,
      horizonMonths: p.horizonMonths,
      workers: WORKERS,
      kpi: 'profit.npv',
      halfWidth,
      fixedIterations: p.fixedIterations,
      fixedSeconds: fixed.seconds,
      fixedHalfWidth: (delta.ci95[1] - delta.ci95[0]) / 2,
      iterationsTaken: outcome.iterationsTaken,
      met: outcome.met,
      reachedHalfWidth: outcome.reachedHalfWidth,
      precisionSeconds: precise.seconds,
    },
    sweep: {
      scenario: BASELINE,
      param,
      points,
      contracts: p.contracts,
      horizonMonths: p.horizonMonths,
      iterations: sweepIterations,
      workers: WORKERS,
      seconds: sweep.seconds,
    },
    tornado: {
      comparison: [CHALLENGER, BASELINE],
      contracts: p.contracts,
      horizonMonths: p.horizonMonths,
      iterations: p.tornadoIterations,
      workers: WORKERS,
      breakEven,
      runs: analysis.runs,
      held: analysis.bars.length,
      screened: analysis.screened.length,
      top: analysis.top,
      seconds: tornado.seconds,
    },
    uncertaintyCost: {
      scenario: BASELINE,
      contracts: p.contracts,
      horizonMonths: p.horizonMonths,
      iterations: p.costIterations,
      workers: 1,
      rounds: p.costRounds,
      defaultsPerIteration: median(defaultsSeconds) / p.costIterations,
      pointPerIteration: median(pointSeconds) / p.costIterations,
    },
  };
}

/** The suite's section of the Markdown report. */
export function formatDecision(r: DecisionSuiteResult): string {
  const p = r.precision;
  const s = r.sweep;
  const t = r.tornado;
  const u = r.uncertaintyCost;
  const euro = (x: number | null) => (x === null ? '—' : `€${Math.round(x).toLocaleString('en-US')}`);
  return [
    '### Decision analysis (built CLI, end to end)',
    '',
    `Stop on precision: \`compare ${p.comparison.join(' ')}\` at ${p.contracts.toLocaleString('en-US')} contracts × ${p.horizonMonths} months on ${p.workers} workers, target: 95% CI of the paired ${p.kpi} difference within ±${euro(p.halfWidth)} (1% of the baseline's NPV).`,
    '',
    '| run | iterations | half-width reached | seconds |',
    '| --- | ---: | ---: | ---: |',
    `| fixed | ${p.fixedIterations} | ${euro(p.fixedHalfWidth)} | ${p.fixedSeconds.toFixed(1)} |`,
    `| --precision ${p.halfWidth} | ${p.iterationsTaken}${p.met ? '' : ' (not met)'} | ${euro(p.reachedHalfWidth)} | ${p.precisionSeconds.toFixed(1)} |`,
    '',
    `Sweep: \`sweep ${s.scenario} --param ${s.param}\`: ${s.points} points × ${s.contracts.toLocaleString('en-US')} contracts × ${s.horizonMonths} months × ${s.iterations} iterations${s.iterations === Math.max(p.iterationsTaken, PRECISION_CHECKS.minIterations) ? ` (what \`--precision\` needed in the comparison above, at least ${PRECISION_CHECKS.minIterations})` : ''} on ${s.workers} workers: ${s.seconds.toFixed(1)} s.`,
    '',
    `Tornado: \`sensitivity ${t.comparison[0]} --vs ${t.comparison[1]} --break-even ${t.breakEven}\` (default screening: the top ${t.top} declared ranges) at ${t.contracts.toLocaleString('en-US')} contracts × ${t.horizonMonths} months × ${t.iterations} iterations${t.iterations === PRECISION_CHECKS.minIterations ? ' (the fewest `--precision` checks at)' : ''}, where the comparison above needed ${p.iterationsTaken}${p.met ? '' : ' (its maximum, not met)'}, on ${t.workers} workers: ${t.runs} runs, ${t.held} assumptions held, ${t.screened} screened out, ${t.seconds.toFixed(1)} s.`,
    '',
    `Uncertainty by default: \`run ${u.scenario}\` at ${u.contracts.toLocaleString('en-US')} contracts × ${u.horizonMonths} months × ${u.iterations} iterations on ${u.workers} worker, processes alternated, median of ${u.rounds} each (wall time per iteration, start-up included).`,
    '',
    '| world | s per iteration |',
    '| --- | ---: |',
    `| defaults (uncertainty on, population per iteration) | ${u.defaultsPerIteration.toFixed(3)} |`,
    `| \`run.uncertainty=false\`, \`run.population=fixed\` | ${u.pointPerIteration.toFixed(3)} |`,
    `| ratio | ${(u.defaultsPerIteration / u.pointPerIteration).toFixed(2)}× |`,
  ].join('\n');
}
