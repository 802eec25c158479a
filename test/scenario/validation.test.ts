import { describe, expect, it } from 'vitest';
import { BASELINE_POLICIES, json, loadValid, problemLines } from './helpers.ts';

const base = json({ name: 'baseline', policies: BASELINE_POLICIES });

describe('malformed scenarios are reported file:line:column  /pointer  message', () => {
  it('an unknown key, with the closest known one', async () => {
    const files = {
      'scenarios/base.json': base,
      'scenarios/a.json': `{
  "extends": "./base.json",
  "portfolo": { "contracts": 300 }
}
`,
    };
    expect(await problemLines(files, 'scenarios/a.json')).toEqual([
      'scenarios/a.json:3:15  /portfolo  unknown scenario property "portfolo": expected one of $schema, name, title, description, extends, portfolio, world, policies, parameters, run, expect (did you mean "portfolio"?)',
    ]);
  });

  it('a wrong type', async () => {
    const files = {
      'scenarios/base.json': base,
      'scenarios/a.json': `{
  "extends": "./base.json",
  "run": { "iterations": "20" },
  "expect": { "kpi": "retention.rate" }
}
`,
    };
    expect(await problemLines(files, 'scenarios/a.json')).toEqual([
      'scenarios/a.json:3:26  /run/iterations  invalid run.iterations: expected a whole number from 1 to 1000000 (iterations), got "20"',
      'scenarios/a.json:4:13  /expect  invalid expect: expected an array of assertions, e.g. [{"kpi": "retention.rate", "mean": {"min": 0.55}}]',
    ]);
  });

  it('a missing rule-set file, at the path that names it', async () => {
    const files = {
      'scenarios/base.json': base,
      'scenarios/a.json': `{
  "extends": "./base.json",
  "policies": { "leads": "../rules/leads/fast.json" }
}
`,
    };
    expect(await problemLines(files, 'scenarios/a.json')).toEqual([
      'scenarios/a.json:3:26  /policies/leads  cannot read rule set rules/leads/fast.json: no such file',
    ]);
  });

  it('world, portfolio and parameter problems, each at its value with the hint at the end', async () => {
    const files = {
      'scenarios/base.json': base,
      'scenarios/a.json': `{
  "extends": "./base.json",
  "world": { "renewal": { "baseProbabilty": 0.5 } },
  "portfolio": { "loyalty": { "dist": "beta", "alpha": 0, "beta": 1 } },
  "parameters": { "engagement": { "contactWindowMonth": 6, "contactWindowMonths": 99 } }
}
`,
    };
    const lines = await problemLines(files, 'scenarios/a.json');
    expect(lines[0]).toMatch(
      /^scenarios\/a\.json:3:45 {2}\/world\/renewal\/baseProbabilty {2}invalid world\.renewal\.baseProbabilty: unknown assumption: expected one of baseProbability, .* \(did you mean "baseProbability"\?\)$/,
    );
    expect(lines.slice(1)).toEqual([
      'scenarios/a.json:4:29  /portfolio/loyalty  invalid portfolio.loyalty: alpha 0 must be > 0',
      expect.stringMatching(
        /^scenarios\/a\.json:5:57 {2}\/parameters\/engagement\/contactWindowMonth {2}invalid parameter override contactWindowMonth: rule set ".*" declares no such parameter; it declares .* \(did you mean "contactWindowMonths"\?\)$/,
      ),
      expect.stringMatching(
        /^scenarios\/a\.json:5:83 {2}\/parameters\/engagement\/contactWindowMonths {2}invalid parameter override contactWindowMonths: expected .*got 99$/,
      ),
    ]);
  });

  it('an extends cycle, where it closes', async () => {
    const files = {
      'scenarios/a.json': '{ "extends": "./b.json" }\n',
      'scenarios/b.json': '{\n  "extends": "a.json"\n}\n',
    };
    expect(await problemLines(files, 'scenarios/a.json')).toEqual([
      'scenarios/b.json:2:14  /extends  invalid extends: a cycle scenarios/a.json → scenarios/b.json → scenarios/a.json\n' +
        '  reached from scenarios/a.json:1:14  /extends',
    ]);
  });

  it('a retired KPI id, located, with the id that replaced it', async () => {
    const files = {
      'scenarios/base.json': base,
      'scenarios/a.json': `{
  "extends": "./base.json",
  "expect": [{ "kpi": "profit.residual", "vs": "./base.json", "delta": { "max": 0 } }]
}
`,
    };
    expect(await problemLines(files, 'scenarios/a.json')).toEqual([
      'scenarios/a.json:3:23  /expect/0/kpi  KPI "profit.residual" no longer exists: money KPIs are per party now (docs/kpis.md) (use pnl.residualResult (signed: a loss is negative))',
    ]);
  });

  it('a KPI id that does not exist, with a did-you-mean hint or the list of ids', async () => {
    const files = {
      'scenarios/base.json': base,
      'scenarios/a.json': `{
  "extends": "./base.json",
  "expect": [
    { "kpi": "retention.rat", "mean": { "min": 0.5 } },
    { "kpi": "happiness", "mean": { "min": 0.5 } }
  ]
}
`,
    };
    const lines = await problemLines(files, 'scenarios/a.json');
    expect(lines[0]).toBe(
      'scenarios/a.json:4:14  /expect/0/kpi  unknown KPI "retention.rat" (did you mean "retention.rate"?)',
    );
    expect(lines[1]).toMatch(
      /^scenarios\/a\.json:5:14 {2}\/expect\/1\/kpi {2}unknown KPI "happiness" \(KPI ids: profit\.npv, profit\.total, .*portfolio\.activeContracts\.end\)$/,
    );
    expect(lines).toHaveLength(2);
  });

  it('assertions that are not well formed', async () => {
    const files = {
      'scenarios/base.json': base,
      'scenarios/a.json': `{
  "extends": "./base.json",
  "expect": [
    { "kpi": "profit.npv", "mean": { "min": 0 }, "p05": { "min": 0 } },
    { "kpi": "profit.npv", "delta": { "min": 0 } },
    { "kpi": "profit.npv", "p05": { "mn": 0 }, "confidence": 0.9 },
    { "kpi": "profit.npv", "vs": "./base.json", "mean": { "min": 0 } },
    { "kpi": "profit.npv", "vs": "./base.json", "delta": { "min": 0 }, "confidence": 95 },
    { "kpi": "profit.npv", "mean": { "min": 5, "max": 1 }, "descripton": "x" },
    { "mean": {} },
    "retention.rate"
  ]
}
`,
    };
    expect(await problemLines(files, 'scenarios/a.json')).toEqual([
      'scenarios/a.json:4:57  /expect/0/p05  invalid expect[0]: one claim per assertion, found mean and p05; write one assertion for each',
      'scenarios/a.json:5:37  /expect/1/delta  invalid expect[1].delta: a delta needs "vs", the path of the scenario to compare with',
      'scenarios/a.json:6:43  /expect/2/p05/mn  unknown bound "mn" in expect[2].p05: expected min or max (did you mean "min"?)',
      'scenarios/a.json:6:62  /expect/2/confidence  invalid expect[2].confidence: a confidence interval exists for "mean" and "delta" claims; a quantile (p05) is judged on its estimate',
      'scenarios/a.json:7:34  /expect/3/vs  invalid expect[3]: a claim against "vs" bounds the paired difference, so it is stated as "delta", not "mean" (e.g. {"kpi": "profit.npv", "vs": "./baseline.json", "delta": {"min": 0}})',
      'scenarios/a.json:8:86  /expect/4/confidence  invalid expect[4].confidence: expected a probability strictly between 0 and 1, e.g. 0.95, got 95',
      'scenarios/a.json:9:36  /expect/5/mean  invalid expect[5].mean: min 5 is greater than max 1, so no value can pass',
      'scenarios/a.json:9:74  /expect/5/descripton  unknown assertion property "descripton": expected kpi, mean, p05, p50, p95, vs, delta, confidence, description (did you mean "description"?)',
      'scenarios/a.json:10:5  /expect/6  missing expect[6].kpi: the KPI id the assertion is about, e.g. "retention.rate"',
      `scenarios/a.json:10:15  /expect/6/mean  invalid expect[6].mean: expected {"min": …} and/or {"max": …} in the KPI's unit`,
      'scenarios/a.json:11:5  /expect/7  invalid expect[7]: expected an assertion object like {"kpi": "retention.rate", "mean": {"min": 0.55}}',
    ]);
  });

  it('a scenario compared with that cannot be read, where the claim names it', async () => {
    const files = {
      'scenarios/base.json': base,
      'scenarios/a.json': `{
  "extends": "./base.json",
  "expect": [{ "kpi": "profit.npv", "vs": "./baselin.json", "delta": { "min": 0 } }]
}
`,
    };
    expect(await problemLines(files, 'scenarios/a.json')).toEqual([
      'scenarios/a.json:3:43  /expect/0/vs  cannot read the scenario compared with, scenarios/baselin.json: no such file',
    ]);
  });

  it('an inherited problem in the file of the chain that holds it', async () => {
    const files = {
      'scenarios/base.json': `{
  "policies": ${JSON.stringify(BASELINE_POLICIES)},
  "expect": [{ "kpi": "profit.npv", "p50": { "min": "0" } }]
}
`,
      'scenarios/a.json': '{ "extends": "./base.json", "name": "a" }\n',
    };
    expect(await problemLines(files, 'scenarios/a.json')).toEqual([
      'scenarios/base.json:3:53  /expect/0/p50/min  invalid expect[0].p50.min: expected a number, got "0"\n' +
        '  reached from scenarios/a.json:1:14  /extends',
    ]);
  });
});

describe('valid expectations', () => {
  it('are typed, with vs resolved relative to the file that names it and confidence defaulting to 0.95', async () => {
    const files = {
      'scenarios/base.json': base,
      'scenarios/challengers/tcm.json': json({
        extends: '../base.json',
        expect: [
          { kpi: 'retention.rate', mean: { min: 0.55 }, description: 'half renew' },
          { kpi: 'profit.npv', p05: { min: 0 } },
          { kpi: 'profit.npv', mean: { max: 1e9 }, confidence: 0.9 },
          { kpi: 'profit.npv', vs: '../base.json', delta: { min: 0 } },
          { kpi: 'leads.costPerSale', vs: '../base.json', delta: { max: 0 }, confidence: 0.99 },
        ],
      }),
    };
    const scenario = await loadValid(files, 'scenarios/challengers/tcm.json');
    expect(scenario.expect).toEqual([
      {
        kind: 'level',
        index: 0,
        kpi: 'retention.rate',
        statistic: 'mean',
        bounds: { min: 0.55 },
        description: 'half renew',
      },
      { kind: 'level', index: 1, kpi: 'profit.npv', statistic: 'p05', bounds: { min: 0 } },
      {
        kind: 'level',
        index: 2,
        kpi: 'profit.npv',
        statistic: 'mean',
        bounds: { max: 1e9 },
        confidence: 0.9,
      },
      {
        kind: 'paired',
        index: 3,
        kpi: 'profit.npv',
        vs: 'scenarios/base.json',
        bounds: { min: 0 },
        confidence: 0.95,
      },
      {
        kind: 'paired',
        index: 4,
        kpi: 'leads.costPerSale',
        vs: 'scenarios/base.json',
        bounds: { max: 0 },
        confidence: 0.99,
      },
    ]);
  });

  it('are inherited through extends with their vs relative to the parent, unless the child replaces them', async () => {
    const files = {
      'scenarios/base.json': base,
      'scenarios/claims/parent.json': json({
        extends: '../base.json',
        expect: [{ kpi: 'profit.npv', vs: '../base.json', delta: { min: 0 } }],
      }),
      'scenarios/child.json': json({ extends: './claims/parent.json' }),
      'scenarios/own.json': json({
        extends: './claims/parent.json',
        expect: [{ kpi: 'retention.rate', p50: { min: 0.1 } }],
      }),
    };
    const child = await loadValid(files, 'scenarios/child.json');
    expect(child.expect).toMatchObject([{ kind: 'paired', vs: 'scenarios/base.json' }]);
    const own = await loadValid(files, 'scenarios/own.json');
    expect(own.expect).toMatchObject([{ kind: 'level', statistic: 'p50' }]);
  });
});
