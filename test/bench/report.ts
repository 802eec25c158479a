import { formatBrowserBench, type BrowserBenchResult } from './browser.bench.ts';
/**
 * The human report of `npm run bench`: Markdown tables, so a run's output can be pasted into
 * BENCHMARKS.md as it is.
 */
import { formatRate } from './harness.ts';
import type { MachineInfo } from './machine.ts';
import type { PolicySuiteResult } from './policy.bench.ts';
import type { RandomSuiteResult } from './random-suite.ts';
import type { AgainstResult } from './against.ts';
import type { SimulationSuiteResult } from './simulation.bench.ts';
import { formatStartup, type StartupSuiteResult } from './startup.bench.ts';
import { formatDecision, type DecisionSuiteResult } from './decision.bench.ts';
import { formatTape, type TapeSuiteResult } from './tape.bench.ts';
import { formatHistory, type HistorySuiteResult } from './history.bench.ts';

export interface BenchReport {
  readonly machine: MachineInfo;
  readonly quick: boolean;
  readonly suites: readonly string[];
  readonly loadAverageAtEnd: number;
  readonly durationSeconds: number;
  readonly policy?: PolicySuiteResult;
  readonly random?: RandomSuiteResult;
  readonly simulation?: SimulationSuiteResult;
  readonly browser?: BrowserBenchResult | { skipped: string };
  readonly startup?: StartupSuiteResult;
  readonly decision?: DecisionSuiteResult;
  readonly tape?: TapeSuiteResult;
  readonly history?: HistorySuiteResult;
}

export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [
    `## npm run bench${report.quick ? ' --quick (smoke run: not figures to quote)' : ''}`,
    '',
    `- node ${m.node}, nproc ${m.nproc}, ${m.cpuModel}, ${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB`,
    `- started ${m.startedAt}; 1-minute load average ${m.loadAverageAtStart.toFixed(2)} at the start, ` +
      `${report.loadAverageAtEnd.toFixed(2)} at the end${m.loadAverageAtStart > 0.5 || report.loadAverageAtEnd > 1.5 ? ' (the machine was shared)' : ''}`,
    `- ${report.durationSeconds.toFixed(0)} s in all`,
  ];
  if (report.policy) out.push('', ...policySection(report.policy));
  if (report.random) out.push('', ...randomSection(report.random));
  if (report.simulation) out.push('', ...simulationSection(report.simulation));
  if (report.startup) out.push('', formatStartup(report.startup));
  if (report.decision) out.push('', formatDecision(report.decision));
  if (report.tape) out.push('', formatTape(report.tape));
  if (report.history) out.push('', formatHistory(report.history));
  if (report.browser)
    out.push(
      '',
      'skipped' in report.browser
        ? `### Workbench in headless Chromium\n\nskipped: ${report.browser.skipped}`
        : formatBrowserBench(report.browser),
    );
  return `${out.join('\n')}\n`;
}

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[],
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(right.map((r) => (r ? '---:' : '---'))), ...rows.map(line)];
}

const ratio = (x: number | null, digits = 2) => (x === null ? '—' : `${x.toFixed(digits)}×`);
const thousands = (x: number) => Math.round(x).toLocaleString('en-US');
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(Math.abs(bytes) < 10 * 2 ** 20 ? 1 : 0)} MiB`;

function policySection(p: PolicySuiteResult): string[] {
  const rows = p.ruleSets.map((r) => [
    r.file,
    r.hitPolicy,
    String(r.rules),
    String(r.comparisons),
    r.rulesTestedPerEvaluation.toFixed(1),
    `${r.decisions} (max ${(r.largestDecisionShare * 100).toFixed(0)}%)`,
    formatRate(r.compiledPerSecond),
    r.handwrittenPerSecond === null ? '—' : formatRate(r.handwrittenPerSecond),
    formatRate(r.jsonRulesEnginePerSecond),
    ratio(r.compiledOverHandwritten),
    `${thousands(r.compiledOverJsonRulesEngine)}×`,
  ]);
  const o = p.overall;
  rows.push([
    '**geometric mean**',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    `**${ratio(o.compiledOverHandwritten)}**`,
    `**${thousands(o.compiledOverJsonRulesEngine)}×**`,
  ]);
  const s = p.scaling;
  return [
    '### Policy evaluation (evaluations per second, median of interleaved rounds)',
    '',
    ...table(
      [
        'rule set',
        'hit',
        'rules',
        'comparisons',
        'rules tested',
        'decisions',
        'compiled',
        'hand-written',
        'json-rules-engine',
        'compiled / hand-written',
        'compiled / json-rules-engine',
      ],
      rows,
      [false, false, true, true, true, true, true, true, true, true, true],
    ),
    '',
    `Inputs: ${p.ruleSets[0]?.inputs ?? 0} fact objects per rule set, stratified by decision; ` +
      `${p.ruleSets[0]?.rounds ?? 0} measured rounds. ` +
      `Targets: compiled / hand-written ≥ ${o.targets.compiledOverHandwritten} — ${met(o.met.compiledOverHandwritten)}; ` +
      `compiled / json-rules-engine ≥ ${thousands(o.targets.compiledOverJsonRulesEngine)} — ${met(o.met.compiledOverJsonRulesEngine)}.`,
    '',
    `#### Growth with rules (${s.base} plus k never-firing copies of its rules, tested before it)`,
    '',
    ...table(
      [
        'copies',
        'rules',
        'comparisons',
        'rules tested',
        'compiled ns / evaluation',
        'cost vs base',
        'json-rules-engine µs / evaluation',
        'cost vs base',
      ],
      s.points.map((pt) => [
        String(pt.copies),
        `${pt.base.rules} → ${pt.padded.rules}`,
        `${pt.base.comparisons} → ${pt.padded.comparisons}`,
        `${pt.base.rulesTestedPerEvaluation.toFixed(1)} → ${pt.padded.rulesTestedPerEvaluation.toFixed(1)} ` +
          `(${ratio(pt.padded.rulesTestedPerEvaluation / pt.base.rulesTestedPerEvaluation, 1)})`,
        `${(1e9 / pt.base.compiledPerSecond).toFixed(1)} → ${(1e9 / pt.padded.compiledPerSecond).toFixed(1)}`,
        ratio(pt.compiledCostVsBase, 1),
        `${(1e6 / pt.base.jsonRulesEnginePerSecond).toFixed(0)} → ${(1e6 / pt.padded.jsonRulesEnginePerSecond).toFixed(0)}`,
        ratio(pt.jsonRulesEngineCostVsBase, 1),
      ]),
      [true, true, true, true, true, true, true, true],
    ),
    '',
    'Each row is its own process: the base and the padded rule set measured in the same interleaved rounds.',
  ];
}

function randomSection(r: RandomSuiteResult): string[] {
  const rows: [string, number][] = [
    ['counter-based hash, uniform(key, entity, decision, month)', r.counterHashPerSecond],
    ['seedrandom alea seeded per address, one draw', r.aleaSeededPerAddressPerSecond],
    ['seedrandom alea, sequential draws (no addressing)', r.aleaSequentialPerSecond],
    ['normal01 (hash, Box–Muller)', r.normal01PerSecond],
    ['poisson, mean 3 (hash)', r.poissonMean3PerSecond],
  ];
  return [
    `### Random streams (draws per second, median of ${r.repetitions} repetitions of ${r.minMsPerFigure} ms each)`,
    '',
    ...table(
      ['stream', 'draws/s'],
      rows.map(([name, rate]) => [name, formatRate(rate)]),
      [false, true],
    ),
    '',
    `Counter-based hash / alea seeded per address: **${ratio(r.speedupOverAleaPerAddress, 1)}**.`,
  ];
}

function simulationSection(s: SimulationSuiteResult): string[] {
  if ('skipped' in s) return ['### Simulation', '', `simulation: skipped — ${s.skipped}`];
  const t = s.throughput;
  const memoryRows = s.memory.map((m) => [
    m.purpose,
    thousands(m.contracts),
    String(m.horizonMonths),
    String(m.iterations),
    String(m.workers),
    mib(m.rssBeforeBytes),
    mib(m.peakRssBytes),
    mib(m.peakRssBytes - m.rssBeforeBytes),
    m.retainedBytes === null ? '—' : mib(m.retainedBytes),
    m.peakLiveBytes === null ? '—' : mib(m.peakLiveBytes),
    `${m.seconds.toFixed(1)} s`,
  ]);
  const growth = s.memory
    .filter((m) => m.workers === 1 && m.horizonMonths === s.horizonMonths && m.retainedBytes !== null)
    .sort((a, b) => a.contracts - b.contracts);
  const flat = s.memory.filter((m) => m.purpose === 'iterations');
  const flatLive = s.memory.filter((m) => m.purpose === 'iterations-live');
  const c = s.comparison;
  return [
    `### Simulation (${s.baseline}, ${thousands(s.contracts)} contracts × ${s.horizonMonths} months, seed ${s.seed})`,
    '',
    ...table(
      ['workers', 'contract-months/s', 'vs 1 worker'],
      [
        ['1 (in process)', formatRate(t.oneWorkerContractMonthsPerSecond), '1.00×'],
        ['2 (worker threads)', formatRate(t.twoWorkersContractMonthsPerSecond), ratio(t.twoWorkersOverOne)],
      ],
      [false, true, true],
    ),
    '',
    `Each round is a Monte Carlo run of ${t.iterationsPerRun} iterations in chunks of ${t.chunkSize} ` +
      `(${thousands(t.contractMonthsPerRun)} contract-months); median of ${t.rounds} interleaved rounds. ` +
      `1-minute load average ${t.loadAverage.before.toFixed(2)} before, ${t.loadAverage.after.toFixed(2)} after ` +
      '(2 workers can only gain what the other users of the 2 cores leave free).',
    '',
    ...againstSection(s.against),
    `#### V8 tuning (1 worker, ${thousands(s.tuning.contracts)} contracts, child processes alternated, median of ${s.tuning.rounds} each)`,
    '',
    ...table(
      ['V8 flags', 'contract-months/s', 'vs defaults'],
      [
        ['defaults (as in a browser)', formatRate(s.tuning.defaultContractMonthsPerSecond), '1.00×'],
        [
          'tuned (bin/cyclecast.js, workers)',
          formatRate(s.tuning.tunedContractMonthsPerSecond),
          ratio(s.tuning.tunedOverDefault),
        ],
      ],
      [false, true, true],
    ),
    '',
    ...stepsSection(s.steps),
    `#### Starting book (1 worker, side by side, ${s.sizes.iterationsPerRun} iterations per round, median of ${s.sizes.rounds} rounds)`,
    '',
    ...table(
      ['starting contracts', 'contract-months / iteration', 'time / iteration', 'contract-months/s'],
      s.sizes.lanes.map((lane) => [
        thousands(lane.contracts),
        thousands(lane.contractMonthsPerIteration),
        `${(lane.secondsPerIteration * 1000).toFixed(0)} ms`,
        formatRate(lane.contractMonthsPerSecond),
      ]),
      [true, true, true, true],
    ),
    '',
    timeFit(s.sizes.lanes),
    '',
    '#### Memory (one child process per row; RSS includes worker threads)',
    '',
    ...table(
      [
        'shows',
        'contracts',
        'months',
        'iterations',
        'workers',
        'RSS before',
        'peak RSS',
        'peak − before',
        'retained',
        'peak live',
        'time',
      ],
      memoryRows,
      [false, true, true, true, true, true, true, true, true, true, true],
    ),
    '',
    'Retained = JS heap + array buffers held after the run and a full GC, minus the same before it. ' +
      'Peak live = the most JS heap + array buffers held at any chunk boundary, after a full GC there ' +
      '(those runs force a GC per chunk, so their RSS is not the natural peak). ' +
      'Time: one run each, including preparation (and worker start-up on 2 workers).',
    '',
    growth.length >= 2 ? linearFit(growth, s.horizonMonths) : '',
    '',
    flat.length >= 2
      ? `Iterations ${flat.map((m) => m.iterations).join(' → ')} (${flat[0]!.contracts} contracts × ${flat[0]!.horizonMonths} months): ` +
        `peak RSS ${flat.map((m) => mib(m.peakRssBytes)).join(' → ')}; ` +
        `retained ${flat.map((m) => mib(m.retainedBytes ?? 0)).join(' → ')}; ` +
        `peak live (full GC at each chunk boundary, separate runs) ${flatLive.map((m) => mib(m.peakLiveBytes ?? 0)).join(' → ')}.`
      : '',
    '',
    '#### 3-scenario comparison (end to end: read, start workers, simulate, summarise)',
    '',
    'skipped' in c
      ? `comparison: skipped — ${c.skipped}`
      : `${c.scenarios.join(', ')}: ${thousands(c.contracts)} contracts × ${c.horizonMonths} months × ` +
        `${c.iterations} iterations on ${c.workers} workers — **${c.seconds.toFixed(1)} s** ` +
        `(${thousands(c.contractMonths)} contract-months).`,
  ];
}

/** `--against REF`: the reference build's throughput beside the current one's. */
function againstSection(a: AgainstResult | undefined): string[] {
  if (a === undefined) return [];
  const lane = (build: string, workers: number) =>
    a.lanes.find((l) => l.build === build && l.workers === workers)!.contractMonthsPerSecond;
  return [
    `#### Against ${a.ref} (${a.commit.slice(0, 12)}), measured in the same run`,
    '',
    ...table(
      ['workers', `${a.ref} contract-months/s`, 'current contract-months/s', 'current / reference'],
      [1, 2].map((w) => [
        String(w),
        formatRate(lane('reference', w)),
        formatRate(lane('current', w)),
        ratio(w === 1 ? a.currentOverReference.oneWorker : a.currentOverReference.twoWorkers),
      ]),
      [false, true, true, true],
    ),
    '',
    `Each build's own scenarios/baseline.json at ${thousands(a.contracts)} contracts × ${a.horizonMonths} months, ` +
      `${a.iterationsPerRun} iterations in chunks of ${a.chunkSize} per run, built with its own bin/build-cli.js; ` +
      `one warm-up and one measured run per fresh child process, reference and current alternated, median of ` +
      `${a.rounds} rounds. 2 workers over 1: ${ratio(lane('reference', 2) / lane('reference', 1))} (${a.ref}), ` +
      `${ratio(lane('current', 2) / lane('current', 1))} (current). Contract-months per run: ` +
      `${[...new Set(a.lanes.map((l) => `${l.build} ${thousands(l.contractMonthsPerRun)}`))].join(', ')}. ` +
      `1-minute load average ${a.loadAverage.before.toFixed(2)} before, ${a.loadAverage.after.toFixed(2)} after.`,
    '',
  ];
}

/** Least-squares line of retained memory against contracts, and how far the points stray from it. */
function linearFit(
  points: readonly { contracts: number; retainedBytes: number | null }[],
  months: number,
): string {
  const xs = points.map((p) => p.contracts);
  const ys = points.map((p) => p.retainedBytes ?? 0);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope =
    xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0) /
    xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  const intercept = my - slope * mx;
  const worst = Math.max(...xs.map((x, i) => Math.abs(ys[i]! - (intercept + slope * x))));
  return (
    `Retained against contracts (1 worker, ${months} months, ${points.length} points): ` +
    `≈ ${mib(intercept)} + ${mib(slope * 1000)} per 1,000 contracts; largest deviation from the line ${mib(worst)}.`
  );
}

/** Least-squares line of time per iteration against contract-months per iteration. */
function timeFit(
  lanes: readonly { contractMonthsPerIteration: number; secondsPerIteration: number }[],
): string {
  if (lanes.length < 2) return '';
  const xs = lanes.map((l) => l.contractMonthsPerIteration);
  const ys = lanes.map((l) => l.secondsPerIteration);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope =
    xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0) /
    xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  const intercept = my - slope * mx;
  const worst = Math.max(...xs.map((x, i) => Math.abs(ys[i]! - (intercept + slope * x)) / ys[i]!));
  return (
    `Time per iteration ≈ ${(intercept * 1000).toFixed(0)} ms + ${(slope * 1e9).toFixed(0)} ns per contract-month ` +
    `(least squares over ${lanes.length} books; largest deviation ${(worst * 100).toFixed(0)}%).`
  );
}

/** Where an iteration's time goes, step by step, in each scenario of the comparison. */
function stepsSection(steps: Extract<SimulationSuiteResult, { steps: unknown }>['steps']): string[] {
  if ('skipped' in steps) return ['#### Where the time goes', '', `steps: skipped — ${steps.skipped}`, ''];
  const total = (s: (typeof steps.scenarios)[number]) =>
    s.startMs + s.finishMs + s.steps.reduce((sum, step) => sum + step.ms, 0);
  const cell = (ms: number, of: number) => `${ms.toFixed(1)} ms (${((100 * ms) / of).toFixed(0)}%)`;
  const names = steps.scenarios[0]!.steps.map((step) => step.name);
  return [
    `#### Where the time goes (1 worker, ms per iteration, mean of ${steps.iterations} iterations after 2 warm-up)`,
    '',
    ...table(
      ['part', ...steps.scenarios.map((s) => s.file), 'all three'],
      [
        ...['start', ...names, 'finish'].map((name, k) => {
          const ms = (s: (typeof steps.scenarios)[number]) =>
            k === 0 ? s.startMs : k > names.length ? s.finishMs : s.steps[k - 1]!.ms;
          const sum = steps.scenarios.reduce((acc, s) => acc + ms(s), 0);
          const all = steps.scenarios.reduce((acc, s) => acc + total(s), 0);
          return [name, ...steps.scenarios.map((s) => cell(ms(s), total(s))), cell(sum, all)];
        }),
        [
          '**iteration**',
          ...steps.scenarios.map((s) => `**${total(s).toFixed(0)} ms**`),
          `**${steps.scenarios.reduce((acc, s) => acc + total(s), 0).toFixed(0)} ms**`,
        ],
        [
          'contract-months',
          ...steps.scenarios.map((s) => thousands(s.contractMonthsPerIteration)),
          thousands(steps.scenarios.reduce((acc, s) => acc + s.contractMonthsPerIteration, 0)),
        ],
      ],
      [false, ...steps.scenarios.map(() => true), true],
    ),
    '',
    "*start*: reset, draw the world, load the starting book; *finish*: the iteration's result. Each part is " +
      'timed with the clock around it in every month (`MONTHLY_STEPS` of engine/sim/iteration.ts).',
    '',
  ];
}
