import { describe, expect, it } from 'vitest';
import {
  judgeCheck,
  planCheck,
  runCheck,
  CheckPlanError,
  type CheckRun,
} from '../../engine/scenario/check.ts';
import type { ResolvedScenario } from '../../engine/scenario/load.ts';
import type { MonteCarloResult } from '../../engine/result/run.ts';
import { KPIS } from '../../engine/result/kpis.ts';
import type { PairedSummary, RunSummary } from '../../engine/result/summary.ts';
import { formatProblem } from '../../engine/json/problem.ts';
import { BASELINE_POLICIES, json, loadValid, memoryReader } from './helpers.ts';

const policies = Object.fromEntries(Object.entries(BASELINE_POLICIES).map(([k, v]) => [k, `../${v}`]));

const files: Record<string, string> = {
  'scenarios/x/base.json': json({
    name: 'base',
    policies,
    run: { horizonMonths: 24, iterations: 20, seed: 3 },
    expect: [{ kpi: 'retention.rate', mean: { min: 0.5 } }],
  }),
  'scenarios/x/a.json': json({
    name: 'a',
    extends: './base.json',
    expect: [
      { kpi: 'profit.npv', vs: './base.json', delta: { min: 0 } },
      { kpi: 'retention.rate', mean: { min: 0.6 } },
    ],
  }),
  'scenarios/x/b.json': json({
    name: 'b',
    extends: './base.json',
    expect: [{ kpi: 'profit.npv', vs: './base.json', delta: { min: 0 } }],
  }),
  'scenarios/x/solo.json': json({
    name: 'solo',
    extends: './base.json',
    expect: [{ kpi: 'profit.npv', p05: { min: 0 } }],
  }),
  'scenarios/x/quiet.json': json({ name: 'quiet', extends: './base.json', expect: [] }),
  'scenarios/x/longer.json': json({
    name: 'longer',
    extends: './base.json',
    run: { horizonMonths: 36 },
    expect: [{ kpi: 'profit.npv', vs: './base.json', delta: { min: 0 } }],
  }),
  'scenarios/x/self.json': json({
    name: 'self',
    extends: './base.json',
    expect: [{ kpi: 'profit.npv', vs: './self.json', delta: { min: 0, max: 0 } }],
  }),
};

async function load(...names: string[]): Promise<ResolvedScenario[]> {
  return Promise.all(names.map((n) => loadValid(files, `scenarios/x/${n}.json`)));
}

function lookupFrom(scenarios: readonly ResolvedScenario[]) {
  return (file: string) => scenarios.find((s) => s.file === file);
}

const names = (run: CheckRun) => run.scenarios.map((s) => s.name);

describe('planCheck', () => {
  it('runs each compared scenario once, with every scenario that compares with it, and the rest alone', async () => {
    const scenarios = await load('a', 'solo', 'b', 'quiet', 'base');
    const plan = planCheck(scenarios, lookupFrom(scenarios));
    expect(plan.problems).toEqual([]);
    expect(plan.runs.map(names)).toEqual([['base', 'a', 'b'], ['solo']]);
    expect(plan.runs[0]!.settings).toEqual({
      horizonMonths: 24,
      iterations: 20,
      seed: 3,
      uncertainty: true,
      population: 'per-iteration',
      stress: 'none',
    });
  });

  it('loads a compared scenario that is not judged as a baseline only', async () => {
    const [a, base] = await load('a', 'base');
    const plan = planCheck([a!], lookupFrom([a!, base!]));
    expect(plan.runs.map(names)).toEqual([['base', 'a']]);
  });

  it('counts two spellings of one file once', async () => {
    const [a, base] = await load('a', 'base');
    const aAgain = { ...a!, file: './scenarios/x/a.json' };
    const key = (file: string) => file.replace(/^\.\//, '');
    const plan = planCheck([a!, aAgain], lookupFrom([base!]), { key });
    expect(plan.runs.map(names)).toEqual([['base', 'a']]);
  });

  it('refuses pairs whose run settings differ, unless an override makes them equal', async () => {
    const scenarios = await load('longer', 'base');
    expect(planCheck(scenarios, lookupFrom(scenarios)).problems).toEqual([
      {
        file: 'scenarios/x/longer.json',
        problem: {
          pointer: '/run/horizonMonths',
          severity: 'error',
          message:
            'invalid run.horizonMonths: 36 differs from the 24 of scenarios/x/base.json, which it is compared with; ' +
            'paired claims run both scenarios on the same iterations, seed and horizon',
          hint: 'give both the same run settings; a scenario that extends the other inherits them',
        },
      },
    ]);
    const [a, base] = await load('a', 'base');
    const differentIterations = { ...a!, run: { ...a!.run, iterations: 50 } };
    expect(planCheck([differentIterations], lookupFrom([base!])).problems).toHaveLength(1);
    const overridden = planCheck([differentIterations], lookupFrom([base!]), { iterations: 7 });
    expect(overridden.problems).toEqual([]);
    expect(overridden.runs[0]!.settings.iterations).toBe(7);
  });

  it('runs a scenario compared with itself as its own challenger', async () => {
    const scenarios = await load('self');
    expect(planCheck(scenarios, lookupFrom(scenarios)).runs.map(names)).toEqual([['self', 'self']]);
  });
});

/** A result whose scenarios have retention.rate mean `means[i]` and comparisons profit.npv delta CI `deltas[i]`. */
function result(means: number[], deltas: [number, number][]): MonteCarloResult {
  const summary = (mean: number): RunSummary => ({
    iterations: 20,
    horizon: 24,
    kpis: KPIS.map((k) => ({
      id: k.id,
      unit: k.unit,
      better: k.better,
      n: 20,
      mean,
      sd: 0.1,
      se: 0.02,
      ci95: [mean - 0.04, mean + 0.04],
      p05: mean - 0.1,
      p50: mean,
      p95: mean + 0.1,
      min: 0,
      max: 1,
      undefinedCount: 0,
      forecast: [mean - 0.1, mean + 0.1],
    })),
    series: [],
    breakdowns: [],
    coverage: [],
  });
  const comparison = ([lo, hi]: [number, number]): PairedSummary => ({
    iterations: 20,
    kpis: KPIS.map((k) => ({
      id: k.id,
      unit: k.unit,
      better: k.better,
      n: 20,
      meanDelta: (lo + hi) / 2,
      sd: 1,
      se: 1,
      ci95: [lo, hi],
      pBetter: 0.5,
      allZero: false,
      p05: lo,
      p25: lo,
      p50: lo,
      p75: hi,
      p95: hi,
      undefinedCount: 0,
      definedInOneOnly: 0,
      ci: [lo, hi],
      forecast: [lo, hi],
      valueOfInformation: null,
      varianceFromAssumptions: null,
    })),
    comparisons: 1,
    ciLevel: 0.95,
    forecastLevel: 0.9,
    simultaneous: 'none',
    splitMethod: 'test',
  });
  return {
    manifest: {} as MonteCarloResult['manifest'],
    scenarios: means.map((m, i) => ({ name: `s${i}`, summary: summary(m) })),
    comparisons: deltas.map((d, i) => ({ baseline: 's0', challenger: `s${i + 1}`, summary: comparison(d) })),
  };
}

describe('judgeCheck', () => {
  it('reads level claims from the run a scenario leads or first appears in, paired ones from its comparison', async () => {
    const scenarios = await load('a', 'solo', 'b', 'base');
    const plan = planCheck(scenarios, lookupFrom(scenarios));
    // Run 0: base (0.55), a (0.65), b; a's delta CI is positive, b's straddles 0. Run 1: solo.
    const outcome = judgeCheck(scenarios, plan, [
      result(
        [0.55, 0.65, 0.5],
        [
          [10, 30],
          [-5, 20],
        ],
      ),
      result([0.5], []),
    ]);
    const verdicts = Object.fromEntries(
      outcome.scenarios.map((s) => [s.scenario.name, s.verdicts.map((v) => [v.passed, v.observed])]),
    );
    expect(verdicts).toEqual({
      a: [
        [true, 20],
        [true, 0.65],
      ],
      solo: [[true, 0.4]],
      b: [[false, 7.5]],
      base: [[true, 0.55]],
    });
    expect(outcome).toMatchObject({ runs: 2, passed: 4, failed: 1 });
  });

  it('runs nothing when the plan has problems, and places each at its line in the file that holds the value', async () => {
    const scenarios = await load('longer', 'base');
    let calls = 0;
    const run = runCheck(
      scenarios,
      lookupFrom(scenarios),
      async () => {
        calls++;
        return result([0], []);
      },
      memoryReader(files),
    );
    await expect(run).rejects.toBeInstanceOf(CheckPlanError);
    const error = (await run.catch((e: unknown) => e)) as CheckPlanError;
    expect(calls).toBe(0);
    const line =
      files['scenarios/x/longer.json']!.split('\n').findIndex((l) => l.includes('"horizonMonths"')) + 1;
    expect(error.problems.map(formatProblem)).toEqual([
      `scenarios/x/longer.json:${line}:22  /run/horizonMonths  invalid run.horizonMonths: 36 differs from the 24 of scenarios/x/base.json, ` +
        'which it is compared with; paired claims run both scenarios on the same iterations, seed and horizon ' +
        '(give both the same run settings; a scenario that extends the other inherits them)',
    ]);
  });

  it('places a setting that differs only by inheritance, and a scenario compared with that is not loaded, in the scenario', async () => {
    const [a, base] = await load('a', 'base');
    const differentIterations = { ...a!, run: { ...a!.run, iterations: 50 } };
    const error = (await runCheck(
      [differentIterations, base!],
      (file) => (file === base!.file ? base : undefined),
      async () => result([0], []),
      memoryReader(files),
    ).catch((e: unknown) => e)) as CheckPlanError;
    // a.json does not set run.iterations: the problem is placed where base.json, which it extends, does.
    const baseLines = files['scenarios/x/base.json']!.split('\n');
    const iterationsLine = baseLines.findIndex((l) => l.includes('"iterations"')) + 1;
    expect(error.problems.map((p) => [p.file, p.line, p.pointer, p.reachedFrom?.[0]?.pointer])).toEqual([
      ['scenarios/x/base.json', iterationsLine, '/run/iterations', '/extends'],
    ]);

    const missing = (await runCheck(
      [a!],
      () => undefined,
      async () => result([0], []),
      memoryReader(files),
    ).catch((e: unknown) => e)) as CheckPlanError;
    expect(missing.problems.map(formatProblem)).toEqual([
      'scenarios/x/a.json:7:13  /expect/0/vs  invalid vs: the scenario compared with, scenarios/x/base.json, is not among the scenarios loaded (check it together with this scenario)',
    ]);
  });
});
