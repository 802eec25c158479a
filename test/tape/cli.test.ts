import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli } from '../cli/run-cli.ts';
import { tempDir } from '../temp-dir.ts';

const tmp = tempDir('tape');
const EXAMPLE_TAPE = path.join(ROOT, 'examples/tapes/example-book.csv');
const TABLES = [
  '--grades',
  '{"A":"prime","B":"near-prime","C":"subprime"}',
  '--regions',
  '{"N":"north","S":"south","E":"east","W":"west","C":"central"}',
];
const write = (name: string, data: string | Uint8Array): string => {
  const file = path.join(tmp, name);
  writeFileSync(file, data);
  return file;
};

describe('cyclecast tape check', () => {
  it('summarises a good tape, plain or gzip-compressed, and exits 0', async () => {
    const plain = await runCli(['tape', 'check', EXAMPLE_TAPE, ...TABLES]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(
      /60 contracts of 51 customers at 8 dealers, as of 2025-06-30; balance €1,513,627/,
    );
    expect(plain.stdout).toMatch(/no problems/);
    const gz = write('book.csv.gz', gzipSync(readFileSync(EXAMPLE_TAPE)));
    const compressed = await runCli(['tape', 'check', gz, ...TABLES]);
    expect(compressed.status, compressed.stderr).toBe(0);
    expect(compressed.stdout.replace(gz, 'F')).toBe(plain.stdout.replace(EXAMPLE_TAPE, 'F'));
  });

  it('lists located problems and their kinds, exits 1, and never shows a stack trace', async () => {
    const lines = readFileSync(EXAMPLE_TAPE, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(',captive,', ',bank,');
    const file = write('bad.csv', lines.join('\n'));
    const { status, stdout, stderr } = await runCli([
      'tape',
      'check',
      file,
      ...TABLES,
      '--max-problems',
      '5',
    ]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/1 problem: nothing runs on this tape/);
    expect(stderr).toContain(
      `${file}:4:5  residual_risk  invalid residual_risk: expected one of captive, dealer, customer`,
    );
    expect(stderr).toMatch(/1 problem, by kind:\n\s+1 {2}residual_risk: invalid residual_risk/);
    expect(hasStackTrace(stderr)).toBe(false);
  });

  it('is what validate does with a .csv file', async () => {
    const lines = readFileSync(EXAMPLE_TAPE, 'utf8').split('\n');
    lines[4] = lines[4]!.replace(/,syn-d\d\d,/, ',1.2E+15,');
    const file = write('validate-me.csv', lines.join('\n'));
    const { status, stderr } = await runCli(['validate', file]);
    expect(status).toBe(1);
    expect(stderr).toContain(
      `${file}:5:3  dealer_id  invalid dealer_id: expected an identifier, found a number in scientific notation`,
    );
  });

  it('answers a spreadsheet with "save as CSV (UTF-8)"', async () => {
    const file = write('book.xlsx', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0, 0));
    const { status, stderr } = await runCli(['tape', 'check', file]);
    expect(status).toBe(1);
    expect(stderr).toBe(`${file}: is a spreadsheet (.xlsx), not a CSV tape: save it as CSV (UTF-8)\n`);
  });

  it('refuses a dialect that cannot be read', async () => {
    const { status, stderr } = await runCli([
      'tape',
      'check',
      EXAMPLE_TAPE,
      '--delimiter',
      ',',
      '--decimal',
      ',',
    ]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/invalid option: .*also a number separator/);
  });
});

describe('a scenario on a tape with errors', () => {
  it('runs nothing, writes nothing, and lists the tape’s problems at their rows', async () => {
    const lines = readFileSync(EXAMPLE_TAPE, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/,2025-06-30$/, ',30/06/2025');
    write('broken.csv', lines.join('\n'));
    const scenario = write(
      'on-broken.json',
      JSON.stringify({
        extends: path.join(ROOT, 'scenarios/baseline.json'),
        portfolio: {
          tape: {
            file: 'broken.csv',
            grades: { A: 'prime', B: 'near-prime', C: 'subprime' },
            regions: { N: 'north', S: 'south', E: 'east', W: 'west', C: 'central' },
          },
        },
      }),
    );
    const out = path.join(tmp, 'result.json');
    const { status, stderr } = await runCli([
      'run',
      scenario,
      '--iterations',
      '2',
      '--horizon',
      '3',
      '--workers',
      '1',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /broken\.csv:3:22 {2}as_of_date {2}invalid as_of_date: expected a date written YYYY-MM-DD \(written like DD\/MM\/YYYY/,
    );
    expect(existsSync(out)).toBe(false);
    expect(hasStackTrace(stderr)).toBe(false);
  });
});

describe('cyclecast tape pseudonymise', () => {
  const raw = [
    'contract_id,customer_id,dealer_id,product,balance',
    'K-1001,C-77,D-5,operating-lease,"1,5"',
    'K-1002,C-77,D-5,amortising-loan,200',
  ].join('\n');
  const input = write('with-ids.csv', raw + '\n');
  const key = write('client.key', 'an example key of thirty-two by\n');
  const other = write('other.key', 'another key, also long enough!!!\n');

  async function pseudonymise(keyFile: string, name: string): Promise<string[][]> {
    const out = path.join(tmp, name);
    const { status, stderr } = await runCli(['tape', 'pseudonymise', '--key-file', keyFile, input, out]);
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/2 rows with pseudonymised ids/);
    return readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
  }

  it('replaces the ids with keyed HMACs: the same key gives the same pseudonyms, another key others', async () => {
    const first = await pseudonymise(key, 'a.csv');
    const again = await pseudonymise(key, 'b.csv');
    const keyed = await pseudonymise(other, 'c.csv');
    expect(again).toEqual(first);
    expect(first[0]).toEqual(['contract_id', 'customer_id', 'dealer_id', 'product', 'balance']);
    const [, row1, row2] = first;
    for (const cell of [...row1!.slice(0, 3), ...row2!.slice(0, 3)]) expect(cell).toMatch(/^[0-9a-f]{32}$/);
    // Links survive: both contracts keep one customer and one dealer; the other cells are unchanged.
    expect(row1![1]).toBe(row2![1]);
    expect(row1![0]).not.toBe(row2![0]);
    expect(row1!.slice(3)).toEqual(['operating-lease', '"1,5"']);
    expect(keyed[1]![0]).not.toBe(row1![0]);
    expect(keyed[1]![1]).not.toBe(row1![1]);
    expect(readFileSync(path.join(tmp, 'a.csv'), 'utf8')).not.toMatch(/K-1001|C-77|D-5/);
  });

  it('refuses a short key', async () => {
    const short = write('short.key', 'short\n');
    const { status, stderr } = await runCli([
      'tape',
      'pseudonymise',
      '--key-file',
      short,
      input,
      path.join(tmp, 'x.csv'),
    ]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/invalid key: expected at least 16 bytes, found 5/);
    expect(existsSync(path.join(tmp, 'x.csv'))).toBe(false);
  });
});
