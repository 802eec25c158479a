/**
 * This checkout's engine against another build of it (BENCHMARKS.md, "Drawing the time to the next
 * event"): whether the distribution of the KPIs changed, and the speed, side by side.
 *
 *   node --import tsx test/bench/next-event.ts distribution --against DIR [options]
 *   node --import tsx test/bench/next-event.ts speed --against DIR [options]
 *
 * DIR is a checkout of the engine to compare with, built (`node bin/build-cli.js` there writes its
 * dist/); this checkout's dist/ is rebuilt first. Options: --contracts N, --iterations N, --rounds N
 * (speed), --processes N (distribution: iterations split over N child processes), --scenarios A,B
 * (baseline first), --uncertainty on|off.
 *
 * distribution: every KPI of each scenario, the other build at seed 1 against this one at seed 2
 * (independent samples: Welch's t-test of the means and the two-sample Kolmogorov–Smirnov test of the
 * distributions), and both builds at seed 2 (the same worlds, populations and leads, only the drawn
 * luck differs: a paired t-test of the mean difference, the more sensitive test of a shift in the mean).
 * Prints a Markdown table of the headline KPIs and a summary over all of them.
 *
 * speed: one thread, the baseline scenario; `--rounds` child processes each load both builds, run a
 * warm-up iteration of each and then `--iterations` of each, alternated, timing every iteration on its
 * own (CPU seconds, user + system, per contract-month billed; the payments step apart). Prints the
 * medians and the median ratio of the same iteration on the two builds.
 */
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { runChild } from './child.ts';
import type { KpisReply, NextEventJob, SpeedReply, TimedIteration } from './next-event-child.ts';
import { median } from './harness.ts';
import { kolmogorovSmirnov, paired, welch } from './two-sample.ts';

const HEADLINE = [
  'profit.npv',
  'pnl.creditLoss',
  'pnl.collections',
  'pnl.interestIncome',
  'retention.rate',
  'credit.lossRate',
  'credit.dpd30Share',
  'credit.defaultRate',
  'credit.cureRate',
  'credit.forbearances',
  'credit.writeOffs',
  'insurance.lossRatio',
];

const [mode, ...rest] = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = rest.indexOf(`--${name}`);
  return at >= 0 && rest[at + 1] !== undefined ? rest[at + 1]! : fallback;
};
const against = option('against', '');
if ((mode !== 'distribution' && mode !== 'speed') || against === '') {
  throw new Error('usage: next-event.ts distribution|speed --against DIR [--contracts N] [--iterations N] …');
}
const self = resolve('.');
const other = resolve(against);
const { buildCli } = await import('../../bin/build-cli.js');
await buildCli();

if (mode === 'distribution') await distribution();
else await speed();

async function distribution(): Promise<void> {
  const contracts = Number(option('contracts', '2000'));
  const iterations = Number(option('iterations', '200'));
  const processes = Number(option('processes', '2'));
  const scenarios = option('scenarios', 'scenarios/baseline.json,scenarios/tcm.json').split(',');
  const uncertainty = option('uncertainty', 'off') === 'on';
  const started = performance.now();
  const kpisOf = async (root: string, seed: number): Promise<KpisReply> => {
    const per = Math.ceil(iterations / processes);
    const parts = await Promise.all(
      Array.from({ length: processes }, (_, k) => {
        const job: NextEventJob = {
          scenarios,
          contracts,
          seed,
          first: k * per,
          count: Math.min(per, iterations - k * per),
          uncertainty,
        };
        return runChild<KpisReply>('next-event-child.ts', ['kpis', root, JSON.stringify(job)]);
      }),
    );
    return { ids: parts[0]!.ids, values: scenarios.map((_, s) => parts.flatMap((p) => p.values[s]!)) };
  };
  const before = await kpisOf(other, 1);
  const after = await kpisOf(self, 2);
  const beforeSameSeed = await kpisOf(other, 2);
  const ids = after.ids;
  if (before.ids.join() !== ids.join()) throw new Error('the two builds have different KPIs');

  const out: string[] = [];
  out.push(
    `${contracts.toLocaleString('en')} contracts × 120 months × ${iterations} iterations per scenario and build, ` +
      `uncertainty ${uncertainty ? 'on' : 'off'}, population redrawn per iteration; ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s, 1-minute load average ${loadavg()[0]!.toFixed(1)}.`,
    '',
  );
  for (let s = 0; s < scenarios.length; s++) {
    const column = (reply: KpisReply, k: number): number[] =>
      reply.values[s]!.map((row) => row[k]).filter((x): x is number => x !== null);
    out.push(`**${scenarios[s]}**`, '');
    out.push('| KPI | mean before | mean after | Welch p | KS D | KS p | paired p |');
    out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    const tests: { id: string; welch: number; ks: number; paired: number }[] = [];
    for (let k = 0; k < ids.length; k++) {
      const a = column(before, k);
      const b = column(after, k);
      const pairs = after.values[s]!.flatMap((row, i) => {
        const x = beforeSameSeed.values[s]![i]![k];
        const y = row[k];
        return x === null || x === undefined || y === null || y === undefined ? [] : [[x, y] as const];
      });
      if (a.length < 2 || b.length < 2) continue;
      // A KPI that is the same in every iteration of both builds (a cost no policy of the scenario
      // incurs) says nothing either way.
      if (Math.min(...a, ...b) === Math.max(...a, ...b)) continue;
      const w = welch(a, b);
      const d = kolmogorovSmirnov(a, b);
      const p = paired(
        pairs.map(([x]) => x),
        pairs.map(([, y]) => y),
      );
      tests.push({ id: ids[k]!, welch: w.p, ks: d.p, paired: p.p });
      if (HEADLINE.includes(ids[k]!)) {
        const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
        out.push(
          `| ${ids[k]} | ${fmt(mean(a))} | ${fmt(mean(b))} | ${w.p.toFixed(3)} | ${d.statistic.toFixed(3)} | ${d.p.toFixed(3)} | ${p.p.toFixed(3)} |`,
        );
      }
    }
    const below = (key: 'welch' | 'ks' | 'paired', level: number) =>
      tests.filter((t) => t[key] < level).length;
    const smallest = (key: 'welch' | 'ks' | 'paired') =>
      tests.reduce((m, t) => (t[key] < m[key] ? t : m), tests[0]!);
    out.push('');
    out.push(
      `Over all ${tests.length} KPIs that vary: ` +
        (['welch', 'ks', 'paired'] as const)
          .map((key) => {
            const m = smallest(key);
            return `${key === 'ks' ? 'KS' : key === 'welch' ? 'Welch' : 'paired'} p < 0.05 for ${below(key, 0.05)} (smallest p ${m[key].toPrecision(2)}, ${m.id})`;
          })
          .join('; ') +
        `; a Bonferroni threshold for ${tests.length} tests at 5% is ${(0.05 / tests.length).toPrecision(2)}.`,
      '',
    );
  }
  console.log(out.join('\n'));
}

function fmt(x: number): string {
  return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : x.toPrecision(4);
}

async function speed(): Promise<void> {
  const contracts = Number(option('contracts', '10000'));
  const iterations = Number(option('iterations', '4'));
  const rounds = Number(option('rounds', '5'));
  const scenario = option('scenarios', 'scenarios/baseline.json').split(',')[0]!;
  const uncertainty = option('uncertainty', 'on') === 'on';
  const job: NextEventJob = {
    scenarios: [scenario],
    contracts,
    seed: 42,
    first: 0,
    count: iterations,
    uncertainty,
  };
  const load = loadavg()[0]!;
  const runs: SpeedReply[] = [];
  for (let round = 0; round < rounds; round++) {
    // Which engine is loaded first alternates too.
    const roots = round % 2 === 0 ? [other, self] : [self, other];
    const r = await runChild<SpeedReply>('next-event-child.ts', ['speed', ...roots, JSON.stringify(job)]);
    runs.push(round % 2 === 0 ? r : [r[1], r[0]]);
  }
  const before = runs.flatMap((r) => r[0]);
  const after = runs.flatMap((r) => r[1]);
  const rate = (x: TimedIteration) => x.contractMonths / x.cpuSeconds;
  const paymentsMs = (x: TimedIteration) => 1000 * x.paymentsCpuSeconds;
  const b = median(before.map(rate));
  const a = median(after.map(rate));
  const pb = median(before.map(paymentsMs));
  const pa = median(after.map(paymentsMs));
  // The same iteration on both engines, run one after the other: the ratio of each pair.
  const pairRatio = median(after.map((x, k) => rate(x) / rate(before[k]!)));
  const paymentsRatio = median(after.map((x, k) => paymentsMs(x) / paymentsMs(before[k]!)));
  const ns = (r: number) => (1e9 / r).toFixed(0);
  console.log(
    [
      `${scenario}, ${contracts.toLocaleString('en')} contracts × 120 months, 1 thread; ${rounds} processes, each with both engines ` +
        `and ${iterations} iterations of each after a warm-up, alternated; medians over the ${before.length} iterations; ` +
        `1-minute load average ${load.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after.`,
      '',
      '| engine | contract-months per CPU second | ns per contract-month | payments step, CPU ms per iteration |',
      '| --- | ---: | ---: | ---: |',
      `| before | ${(b / 1e6).toFixed(2)} M/s | ${ns(b)} | ${pb.toFixed(1)} |`,
      `| after | ${(a / 1e6).toFixed(2)} M/s | ${ns(a)} | ${pa.toFixed(1)} |`,
      `| after / before, median of the paired iterations | ${pairRatio.toFixed(3)}× | | ${paymentsRatio.toFixed(3)}× |`,
    ].join('\n'),
  );
}
