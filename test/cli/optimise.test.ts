import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli, type CliResult } from './run-cli.ts';

// TCM on a tiny book (30 contracts, 2 dealers) over 12 months: every contact costs money, and a contract
// renewed within the year is not contacted again before the horizon, so the engagement cost
// (pnl.engagement, ≤ 0) can only fall as the contact budget shrinks. The best budget is known: the
// smallest allowed. The book's size does not matter to that, and a selection runs at least 300
// iterations (the first stage of 50 for each of 4 budgets, then the fresh re-estimate of 2).
const TCM = path.join(ROOT, 'test/fixtures/scenarios/passing/tcm.json');
const QUICK = ['--horizon', '12', '--set', 'portfolio.contracts=30', '--set', 'portfolio.dealers=2'];
const BUDGET = ['--param', 'engagement.maxContacts=1..4:1'];
const MAXIMISE = ['optimise', TCM, ...BUDGET, '--maximise', 'pnl.engagement', ...QUICK];
const JSON_100 = ['--iterations', '100', '--format', 'json'];

/** The selection on one worker: run once, read by three tests. */
let onOneWorker: Promise<CliResult> | undefined;
const optimiseOnOneWorker = () => (onOneWorker ??= runCli([...MAXIMISE, ...JSON_100, '--workers', '1']));

describe('cyclecast optimise', () => {
  it('finds the known optimum, names the runner-up and re-estimates the winner on a fresh seed', async () => {
    const { status, stdout, stderr } = await optimiseOnOneWorker();
    expect(status, stderr).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.chosen.values).toEqual({ 'engagement.maxContacts': 1 });
    expect(result.runnerUp.values).toEqual({ 'engagement.maxContacts': 2 });
    expect(result.runnerUp.change.mean).toBeLessThan(0);
    expect(result.fresh.manifest.seed).toBe(12);
    expect(result.procedure).toMatchObject({ confidence: 0.95, n0: 10, batchSize: 5, deltaGiven: false });
    expect(['one-left', 'bound']).toContain(result.procedure.endedBy);
    // 1 is the smallest budget the rule set allows: no "widen the range" flag.
    expect(result.flags).toEqual([]);
  });

  it('makes the same choice, with the same output, on 1 and 2 workers', async () => {
    const one = await optimiseOnOneWorker();
    const two = await runCli([...MAXIMISE, ...JSON_100, '--workers', '2']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('keeps a constraint: the best alternative that meets it', async () => {
    // The bound between the cost of a budget of 1 and of 2 on the same seed's first 50 iterations: the
    // first stage of the unconstrained selection, which every budget ran (and no more of).
    const unconstrained = JSON.parse((await optimiseOnOneWorker()).stdout);
    const stage = unconstrained.alternatives as { iterations: number; mean: number }[];
    expect(stage.map((a) => a.iterations)).toEqual([50, 50, 50, 50]);
    const bound = (stage[0]!.mean + stage[1]!.mean) / 2;
    const { status, stdout, stderr } = await runCli([
      ...MAXIMISE,
      '--subject-to',
      `pnl.engagement <= ${bound}`,
      '--iterations',
      '100',
      '--indifference',
      '50',
      '--workers',
      '1',
    ]);
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('Chosen: engagement.maxContacts=2.');
    expect(stdout).toMatch(/^1 +infeasible/m);
    expect(stdout).toContain('indifference zone €50;');
    expect(stdout).toContain(
      'with probability at least 95% the chosen is the best or within the indifference zone of it',
    );
  });

  it('refuses what it cannot optimise, with one clear line and exit 1', async () => {
    for (const [args, message] of [
      [
        ['--param', 'world.economics.fundingRate=0.03..0.05', '--maximise', 'profit.npv'],
        'an optimisation chooses what the company decides',
      ],
      [[...BUDGET], 'give one of --maximise KPI or --minimise KPI'],
      [[...BUDGET, '--maximise', 'profit.npvv'], 'did you mean "profit.npv"?'],
      [
        [...BUDGET, '--maximise', 'profit.npv', '--subject-to', 'credit.lossRate < 0.02'],
        'invalid --subject-to "credit.lossRate < 0.02"',
      ],
      [[...BUDGET, '--maximise', 'profit.npv', '--iterations', '20'], 'must cover the first stage, 50'],
      [
        [...BUDGET, '--maximise', 'profit.npv', '--subject-to', 'pnl.engagement >= 0', '--iterations', '50'],
        'no alternative meets "pnl.engagement >= 0"',
      ],
    ] as const) {
      const { status, stderr } = await runCli(['optimise', TCM, ...args, ...QUICK, '--workers', '1']);
      expect(status, stderr).toBe(1);
      expect(stderr).toContain(message);
      expect(hasStackTrace(stderr)).toBe(false);
    }
  });
});
