import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { runCli } from '../cli/run-cli.ts';

const dir = tempDir('tape-exclude');

/** The example scenario beside a copy of its tape with `broken` rows (1-based data rows) spoiled. */
function brokenExample(name: string, broken: readonly number[]): string {
  const folder = path.join(dir, name);
  const tapes = path.join(folder, 'tapes');
  mkdirSync(tapes, { recursive: true });
  const scenario = JSON.parse(readFileSync('examples/tape-example.json', 'utf8'));
  scenario.extends = path.resolve('scenarios/baseline.json');
  scenario.run.horizonMonths = 3;
  delete scenario.expect;
  writeFileSync(path.join(folder, 'scenario.json'), JSON.stringify(scenario));
  const lines = readFileSync('examples/tapes/example-book.csv', 'utf8').split('\n');
  for (const row of broken) lines[row] = lines[row]!.replace(',current,', ',nonsense,');
  writeFileSync(path.join(tapes, 'example-book.csv'), lines.join('\n'));
  return path.join(folder, 'scenario.json');
}

const RUN = ['--iterations', '2', '--horizon', '3', '--format', 'json', '--workers', '1'];

describe('--exclude-invalid', () => {
  it('runs nothing on a tape with errors without it', async () => {
    const file = brokenExample('none', [2]);
    const result = await runCli(['run', file, ...RUN]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/example-book\.csv:3:12/);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /1 row with problems: 1\.67% of the rows, .*--exclude-invalid would leave them out/,
    );
  });

  it('is reported by validate: how many rows, their share, and whether they are within the cap', async () => {
    const file = brokenExample('validate', [1, 2, 4, 5]);
    const result = await runCli(['validate', file]);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toMatch(
      /4 rows with problems: 6\.67% of the rows, .*above --exclude-invalid's default cap/,
    );
  });

  it('is reported by tape check after the problems by kind', async () => {
    const file = brokenExample('tape-check', [2]);
    const tape = path.join(path.dirname(file), 'tapes', 'example-book.csv');
    const tables = JSON.parse(readFileSync('examples/tape-example.json', 'utf8')).portfolio.tape;
    const result = await runCli([
      'tape',
      'check',
      tape,
      '--grades',
      JSON.stringify(tables.grades),
      '--regions',
      JSON.stringify(tables.regions),
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/by kind:[\s\S]*1 row with problems: 1\.67% of the rows/);
  });

  it('lets check judge a scenario on a tape with invalid rows', async () => {
    const file = brokenExample('check', [2]);
    const scenario = JSON.parse(readFileSync(file, 'utf8'));
    scenario.expect = [{ kpi: 'credit.lossRate', mean: { max: 0.5 } }];
    writeFileSync(file, JSON.stringify(scenario));
    const refused = await runCli(['check', file, '--iterations', '2', '--workers', '1']);
    expect(refused.status).toBe(1);
    const judged = await runCli(['check', file, '--iterations', '2', '--workers', '1', '--exclude-invalid']);
    expect(judged.status, judged.stderr).toBe(0);
    expect(judged.stderr).toMatch(/left out 1 invalid row/);
  });

  it('leaves out the invalid rows within the cap and reports them in the output and the manifest', async () => {
    const file = brokenExample('one', [2]);
    const result = await runCli(['run', file, ...RUN, '--exclude-invalid']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/left out 1 invalid row \(1\.67% of the rows/);
    const tape = JSON.parse(result.stdout).manifest.scenarios[0].tape;
    expect(tape.contracts).toBe(59);
    expect(tape.excluded.rows).toBe(1);
    expect(tape.excluded.rowShare).toBeCloseTo(1 / 60, 12);
    expect(tape.excluded.balance).toBe(35864.4);
    expect(tape.excluded.balanceShare).toBeGreaterThan(0);
  });

  it('keeps what was left out through shard files: the merge equals the unsharded run byte for byte', async () => {
    const file = brokenExample('shards', [2]);
    const single = await runCli(['run', file, ...RUN, '--exclude-invalid']);
    const parts = [0, 1].map((k) => path.join(path.dirname(file), `part-${k}.json`));
    for (const [k, out] of parts.entries()) {
      const shard = await runCli([
        'run',
        file,
        ...RUN.slice(0, 4),
        '--workers',
        '1',
        '--shard',
        `${k}/2`,
        '--out',
        out,
        '--exclude-invalid',
      ]);
      expect(shard.status, shard.stderr).toBe(0);
    }
    const merged = await runCli(['merge', ...parts, '--format', 'json']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
    expect(JSON.parse(merged.stdout).manifest.scenarios[0].tape.excluded.rows).toBe(1);
  });

  it('refuses when the invalid rows are above the cap, saying by how much', async () => {
    const file = brokenExample('many', [1, 2, 4, 5]);
    const over = await runCli(['run', file, ...RUN, '--exclude-invalid']);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/too many invalid rows to leave out: 4 rows, 6\.7% of the rows/);
    expect(over.stdout).toBe('');
    const raised = await runCli(['run', file, ...RUN, '--exclude-invalid=0.5']);
    expect(raised.status, raised.stderr).toBe(0);
    expect(JSON.parse(raised.stdout).manifest.scenarios[0].tape.excluded.rows).toBe(4);
  });

  it('refuses a cap that is not a share', async () => {
    const file = brokenExample('cap', [2]);
    const result = await runCli(['run', file, ...RUN, '--exclude-invalid=5']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/invalid --exclude-invalid: expected a share above 0 and below 1/);
  });
});
