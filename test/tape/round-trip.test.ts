import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exact } from '../../engine/sim/export-book.ts';
import { hasStackTrace, ROOT, runCli } from '../cli/run-cli.ts';
import { tempDir } from '../temp-dir.ts';

const tmp = tempDir('tape-round-trip');
const BASELINE = path.join(ROOT, 'scenarios/baseline.json');

/** A scenario file in the temporary folder; `extends` the shipped baseline unless it says otherwise. */
function scenario(name: string, body: Record<string, unknown>): string {
  const file = path.join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name: 'round-trip', extends: BASELINE, ...body }, null, 2));
  return file;
}

/** A run's JSON output without what describes its inputs (the tape's name and the inputs' hashes). */
function results(stdout: string): string {
  const json = JSON.parse(stdout);
  delete json.manifest.runHash;
  for (const s of json.manifest.scenarios) {
    delete s.hash;
    delete s.tape;
  }
  return JSON.stringify(json);
}

const FIXED = { uncertainty: false, population: 'fixed', iterations: 3, horizonMonths: 24 };

describe('cyclecast portfolio export: the round trip', () => {
  it('writes the synthetic book as a tape that runs to byte-identical results, nothing drawn', async () => {
    const synthetic = scenario('synthetic', { portfolio: { contracts: 150, dealers: 6 }, run: FIXED });
    const book = path.join(tmp, 'book.csv');
    const exported = await runCli(['portfolio', 'export', synthetic, '--out', book, '--as-of', '2026-01-31']);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(
      /150 contracts of 150 customers at 6 dealers, as of 2026-01-31, seed 1\n$/,
    );
    const onTape = scenario('on-tape', { extends: './synthetic.json', portfolio: { tape: './book.csv' } });

    const run = ['--format', 'json', '--workers', '1'];
    const a = await runCli(['run', synthetic, ...run]);
    const b = await runCli(['run', onTape, ...run]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const tape = JSON.parse(b.stdout).manifest.scenarios[0].tape;
    expect(tape).toMatchObject({ contracts: 150, customers: 150, dealers: 6, asOf: '2026-01-31', drawn: [] });
    // The scenarios' results, their KPIs, series and breakdowns, to the last digit.
    expect(results(b.stdout)).toBe(results(a.stdout));
  });

  it('carries dealers without contracts in a dealer list beside the tape, to the same results', async () => {
    const sparse = scenario('sparse', { portfolio: { contracts: 6, dealers: 12 }, run: FIXED });
    const book = path.join(tmp, 'sparse-book.csv');
    const dealers = path.join(tmp, 'sparse-dealers.csv');
    const alone = await runCli(['portfolio', 'export', sparse, '--out', book]);
    expect(alone.status).toBe(1);
    expect(alone.stderr).toMatch(
      /invalid portfolio: \d+ of the 12 dealers hold no contract of the starting book.*--dealers-out/,
    );
    expect(existsSync(book)).toBe(false);
    const both = await runCli(['portfolio', 'export', sparse, '--out', book, '--dealers-out', dealers]);
    expect(both.status, both.stderr).toBe(0);
    expect(readFileSync(dealers, 'utf8').split('\n')).toHaveLength(1 + 12 + 1);
    const onTape = scenario('sparse-on-tape', {
      extends: './sparse.json',
      portfolio: { tape: { file: './sparse-book.csv', dealers: './sparse-dealers.csv' } },
    });
    const run = ['--format', 'json', '--workers', '1'];
    const a = await runCli(['run', sparse, ...run]);
    const b = await runCli(['run', onTape, ...run]);
    expect(b.status, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout).manifest.scenarios[0].tape).toMatchObject({ dealers: 12, drawn: [] });
    expect(results(b.stdout)).toBe(results(a.stdout));
  });

  it('says when the scenario draws per iteration what the tape fixes', async () => {
    const drawn = scenario('drawn', { portfolio: { contracts: 40, dealers: 2 } });
    const { status, stderr } = await runCli(['portfolio', 'export', drawn, '--out', path.join(tmp, 'd.csv')]);
    expect(status, stderr).toBe(0);
    expect(stderr).toContain('"run": { "uncertainty": false, "population": "fixed" }');
  });

  it('refuses, with exit 1 and no file written, a tape scenario, a bad date and one file for both', async () => {
    const out = path.join(tmp, 'never.csv');
    const small = scenario('small', { portfolio: { contracts: 10, dealers: 2 }, run: FIXED });
    const cases: [string[], RegExp][] = [
      [[path.join(ROOT, 'examples/tape-example.json')], /its portfolio is a contract tape already/],
      [[small, '--as-of', '2026-02-30'], /invalid --as-of: expected a date written YYYY-MM-DD/],
      [[small, '--dealers-out', out], /invalid --dealers-out: expected a file of its own/],
    ];
    for (const [args, message] of cases) {
      const { status, stderr } = await runCli(['portfolio', 'export', ...args, '--out', out]);
      expect(status, stderr).toBe(1);
      expect(stderr).toMatch(message);
      expect(hasStackTrace(stderr)).toBe(false);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe('model-only x_ columns', () => {
  const HEADER =
    'contract_id,customer_id,dealer_id,product,residual_risk,new_used,origination_date,maturity_date,balance,instalment,residual,status,days_past_due,arrears_amount,as_of_date';
  const ROW = (k: string, c: string, d: string) =>
    `${k},${c},${d},amortising-loan,captive,used,2025-01-15,2029-01-15,20000,600,0,current,0,0,2026-01-31`;
  const check = (name: string, lines: string[]) => {
    const file = path.join(tmp, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return runCli(['tape', 'check', file]);
  };

  it('refuses an unknown x_ column, pointing to the model-only ones, and still refuses personal data', async () => {
    const { status, stderr } = await check('x-unknown.csv', [
      `${HEADER},x_loyalti,x_customer_name`,
      `${ROW('k1', 'c1', 'd1')},0.5,a`,
    ]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/:1:16 {2}x_loyalti {2}unknown model-only column: .*\(did you mean "?x_loyalty"?/);
    expect(stderr).toMatch(/:1:17 {2}x_customer_name {2}refused: the column looks like personal data/);
  });

  it('locates a customer’s model-only value that differs between their rows, and a dealer place nobody holds', async () => {
    const differs = await check('x-differs.csv', [
      `${HEADER},x_loyalty`,
      `${ROW('k1', 'c1', 'd1')},0.5`,
      `${ROW('k2', 'c1', 'd1')},0.6`,
    ]);
    expect(differs.status).toBe(1);
    expect(differs.stderr).toMatch(/:3:16 {2}x_loyalty {2}differs from the customer’s earlier row/);
    const gap = await check('x-gap.csv', [
      `${HEADER},x_dealer_index`,
      `${ROW('k1', 'c1', 'd1')},0`,
      `${ROW('k2', 'c2', 'd2')},2`,
    ]);
    expect(gap.status).toBe(1);
    expect(gap.stderr).toMatch(/:1:16 {2}x_dealer_index {2}no dealer holds place 1/);
  });

  it('reads a dealer list: refuses a dealer not on it, a duplicate, personal data, each at its row and column', async () => {
    const list = (name: string, lines: string[]) => {
      const file = path.join(tmp, name);
      writeFileSync(file, lines.join('\n') + '\n');
      return file;
    };
    const tape = path.join(tmp, 'listed.csv');
    writeFileSync(tape, [HEADER, ROW('k1', 'c1', 'd1'), ROW('k2', 'c2', 'd9')].join('\n') + '\n');
    const good = list('dealers.csv', ['dealer_id,region,x_dealer_bdc', 'd0,north,1', 'd1,south,0']);
    const unknown = await runCli(['tape', 'check', tape, '--dealers', good]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      `${tape}:3:3  dealer_id  unknown dealer: not in the dealer list ${good}`,
    );
    const bad = list('bad-dealers.csv', ['dealer_id,dealer_name', 'd0,x']);
    const refused = await runCli(['tape', 'check', tape, '--dealers', bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /bad-dealers\.csv:1:2 {2}dealer_name {2}refused: the column looks like personal data/,
    );
    const twice = list('twice.csv', ['dealer_id', 'd1', 'd9', 'd1']);
    const duplicate = await runCli(['tape', 'check', tape, '--dealers', twice]);
    expect(duplicate.stderr).toContain(
      `${twice}:4:1  dealer_id  duplicate dealer id: each dealer is one row`,
    );
    const fine = list('fine.csv', ['dealer_id,region', 'd0,north', 'd1,south', 'd9,east']);
    const listed = await runCli(['tape', 'check', tape, '--dealers', fine]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/2 contracts of 2 customers at 3 dealers/);
  });
});

it('writes every number to its last digit without an exponent, so it reads back as the same double', () => {
  for (const x of [
    0, 1.5e-7, -2.5e-8, 0.004166666666666667, 1e21, 123456.789, 5e-324, 1.7976931348623157e308,
  ]) {
    const text = exact(x);
    expect(text, String(x)).toMatch(/^-?\d+(\.\d+)?$/);
    expect(Number(text)).toBe(x);
  }
  expect(exact(1.5e-7)).toBe('0.00000015');
});

it('ships an example tape made by export, which reads cleanly, and a scenario that runs on it', async () => {
  const tape = path.join(ROOT, 'scenarios/tapes/own-book.csv');
  expect(readFileSync(tape, 'utf8').split('\n')[0]).toContain('x_dealer_index');
  const { status, stdout, stderr } = await runCli(['tape', 'check', tape]);
  expect(status, stderr).toBe(0);
  expect(stdout).toMatch(/250 contracts of 250 customers at 10 dealers, as of 2026-01-01/);
  expect(JSON.parse(readFileSync(path.join(ROOT, 'scenarios/own-book.json'), 'utf8')).portfolio).toEqual({
    tape: './tapes/own-book.csv',
  });
  // Its description promises the baseline's results with 250 contracts and 10 dealers: the tape must be
  // what export writes for them today.
  const fresh = path.join(tmp, 'own-book.csv');
  const args = ['--set', 'portfolio.contracts=250', '--set', 'portfolio.dealers=10', '--as-of', '2026-01-01'];
  const exported = await runCli(['portfolio', 'export', 'scenarios/baseline.json', ...args, '--out', fresh]);
  expect(exported.status, exported.stderr).toBe(0);
  expect(
    readFileSync(fresh, 'utf8') === readFileSync(tape, 'utf8'),
    `scenarios/tapes/own-book.csv is out of date: cyclecast portfolio export scenarios/baseline.json ${args.join(' ')} --out scenarios/tapes/own-book.csv`,
  ).toBe(true);
});
