import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readTapeStream } from '../../engine/cli/tape/read-tape.ts';
import { formatProblem } from '../../engine/json/problem.ts';
import { readDate, wholeMonths } from '../../engine/portfolio/tape/cells.ts';
import { TAPE_COLUMNS } from '../../engine/portfolio/tape/columns.ts';
import { isIban, personalColumnReason } from '../../engine/portfolio/tape/privacy.ts';
import { resolveTapeSource, type TapeSource } from '../../engine/portfolio/tape-source.ts';

const HEADER =
  'contract_id,customer_id,dealer_id,product,residual_risk,new_used,origination_date,maturity_date,balance,instalment,residual,status,days_past_due,arrears_amount';
// A 36-month lease of €30,000 at 4.9% with a €15,000 residual, 12 instalments paid by 2025-06-30.
const GOOD = 'k1,c1,d1,operating-lease,captive,new,2024-06-15,2027-06-15,25242.41,510.14,15000,current,0,0';

function source(settings: Record<string, unknown> = {}): TapeSource {
  const { source, problems } = resolveTapeSource(
    { file: 'book.csv', asOf: '2025-06-30', ...settings },
    { name: 'tape', pointer: '' },
  );
  expect(problems).toEqual([]);
  return source!;
}

async function read(text: string | Uint8Array, settings: Record<string, unknown> = {}) {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  const result = await readTapeStream(Readable.from([bytes]), 'book.csv', source(settings));
  return { ...result, lines: result.problems.map(formatProblem) };
}

describe('the column declaration', () => {
  it('is the one docs/tape.md describes, column for column', () => {
    const doc = readFileSync('docs/tape.md', 'utf8');
    const documented = [...doc.matchAll(/^\| `([a-z0-9_]+)` \| (?:required|optional) \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(TAPE_COLUMNS.map((c) => c.name));
  });
});

describe('reading a tape', () => {
  it('reads a good row, with the rate its amounts imply and no problems', async () => {
    const { book, summary, lines } = await read(`${HEADER}\n${GOOD}\n`);
    expect(lines).toEqual([]);
    expect(summary.rows).toBe(1);
    expect([...book!.contracts.balance]).toEqual([25242.41]);
    expect([...book!.contracts.monthsOnBook]).toEqual([12]);
    expect([...book!.contracts.termMonths]).toEqual([36]);
    expect(book!.contracts.rateMonthly[0]! * 12).toBeCloseTo(0.049, 3);
  });

  it('locates each cell problem at file:row:column with its column name, what was expected and a hint', async () => {
    const rows = [
      GOOD,
      'k2,c2,d1,operating-lease,captive,new,45123,2027-06-15,25242.41,510.14,15000,current,0,0',
      'k3,c3,d1,operating-lease,captive,new,15/06/24,2027-06-15,25242.41,510.14,15000,current,0,0',
      '1.23457E+15,c4,d1,operating-lease,captive,new,2024-06-15,2027-06-15,25242.41,510.14,15000,current,0,0',
      'k5,c5,d1,lease,captive,new,2024-06-15,2027-06-15,"25,242.41",510.14,15000,current,0,0',
    ];
    const { book, lines, summary } = await read([HEADER, ...rows].join('\n'));
    expect(book).toBeUndefined();
    expect(summary.problemCount).toBe(5);
    expect(lines).toEqual([
      expect.stringMatching(
        /^book\.csv:3:7 {2}origination_date {2}invalid origination_date: expected a date written YYYY-MM-DD \(looks like an Excel serial date/,
      ),
      expect.stringMatching(/^book\.csv:4:7 {2}origination_date {2}.*\(a two-digit year is ambiguous/),
      expect.stringMatching(/^book\.csv:5:1 {2}contract_id {2}.*scientific notation/),
      expect.stringMatching(
        /^book\.csv:6:4 {2}product {2}invalid product: expected one of operating-lease, finance-lease, balloon-loan, amortising-loan/,
      ),
      expect.stringMatching(
        /^book\.csv:6:9 {2}balance {2}invalid balance: expected a number \(numbers are written with "\." as decimal separator and no thousands separator\)/,
      ),
    ]);
  });

  it('reads the declared dialect: semicolons, decimal commas, thousands points, day-first dates, Windows-1252, a BOM', async () => {
    const row =
      'k1;c1;d1;operating-lease;captive;new;15.06.2024;15.06.2027;25.242,41;510,14;15.000;current;0;0';
    const dialect = { delimiter: ';', decimal: ',', thousands: '.', datePattern: 'DD.MM.YYYY' };
    const utf8 = await read(`\ufeff${HEADER.replaceAll(',', ';')}\r\n${row}\r\n`, { dialect });
    expect(utf8.lines).toEqual([]);
    expect([...utf8.book!.contracts.balance]).toEqual([25242.41]);
    const cp1252 = await read(
      Buffer.from(`${HEADER.replaceAll(',', ';')};vehicle_make\n${row};Citro\u00ebn\n`, 'latin1'),
      {
        dialect: { ...dialect, encoding: 'windows-1252' },
      },
    );
    expect(cp1252.lines).toEqual([]);
  });

  it('locates bytes that are not UTF-8 at their row and column', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER},vehicle_make\n${GOOD},Citro`),
      Buffer.from([0xeb, 0x6e]),
      Buffer.from('\n'),
    ]);
    const { lines } = await read(bytes);
    expect(lines).toEqual([expect.stringMatching(/^book\.csv:2:15 {2}\(bytes\) {2}invalid UTF-8 bytes/)]);
  });

  it('maps grades and regions through the tables, and points an unknown grade to the table', async () => {
    const header = `${HEADER},rating_grade,region`;
    const ok = await read(`${header}\n${GOOD},B,NL-N\n`, {
      grades: { B: 'near-prime' },
      regions: { 'NL-N': 'north' },
    });
    expect(ok.lines).toEqual([]);
    expect([...ok.book!.customers.creditTier]).toEqual([1]);
    expect([...ok.book!.dealers.region]).toEqual([0]);
    expect(ok.book!.grades.B).toBe('near-prime');
    const unknown = await read(`${header}\n${GOOD},X,north\n`);
    expect(unknown.lines).toEqual([
      expect.stringMatching(
        /^book\.csv:2:15 {2}rating_grade {2}unknown grade "X": not in the grade table \(map it in portfolio\.tape\.grades/,
      ),
    ]);
  });

  it('lets a customer hold several contracts', async () => {
    const second = GOOD.replace('k1,', 'k2,');
    const { book, lines } = await read(`${HEADER}\n${GOOD}\n${second}\n`);
    expect(lines).toEqual([]);
    expect(book!.customers.count).toBe(1);
    expect([...book!.contracts.customer]).toEqual([0, 0]);
  });

  it('says what does not fit: a matured contract still current, a duplicate id, amounts that fit no rate', async () => {
    const rows = [
      GOOD,
      GOOD,
      'k2,c2,d1,operating-lease,captive,new,2022-01-15,2025-01-15,25242.41,510.14,15000,current,0,0',
      'k3,c3,d1,operating-lease,captive,new,2024-06-15,2027-06-15,99000,10,0,current,0,0',
    ];
    const { lines } = await read([HEADER, ...rows].join('\n'));
    expect(lines).toEqual([
      expect.stringMatching(/^book\.csv:3:1 {2}contract_id {2}duplicate contract id/),
      expect.stringMatching(
        /^book\.csv:4:12 {2}status {2}the contract matured by the as-of date: expected status matured-awaiting-return/,
      ),
      expect.stringMatching(/^book\.csv:5:9 {2}balance {2}balance, instalment and residual fit no rate/),
    ]);
  });
});

describe('privacy', () => {
  it('refuses an unknown column, and a personal-data column with what it looks like', async () => {
    const { lines, book } = await read(`${HEADER},Customer Name,e-mail,colour\n${GOOD},x,y,z\n`);
    expect(book).toBeUndefined();
    expect(lines).toEqual([
      expect.stringMatching(
        /^book\.csv:1:15 {2}Customer Name {2}refused: the column looks like personal data \(a name\)/,
      ),
      expect.stringMatching(
        /^book\.csv:1:16 {2}e-mail {2}refused: the column looks like personal data \(an e-mail address\)/,
      ),
      expect.stringMatching(
        /^book\.csv:1:17 {2}colour {2}unknown column: a tape has only the columns of docs\/tape\.md/,
      ),
    ]);
    expect(personalColumnReason('date_of_birth')).toBe('a date of birth');
    expect(personalColumnReason('VIN')).toMatch(/vehicle identification/);
    expect(personalColumnReason('balance')).toBeUndefined();
  });

  it('recognises an IBAN by its mod-97 check digits, not its shape', () => {
    for (const iban of [
      'GB82WEST12345698765432',
      'NL91ABNA0417164300',
      'DE89370400440532013000',
      'NL91 ABNA 0417 1643 00',
    ]) {
      expect(isIban(iban), iban).toBe(true);
    }
    // One digit changed: the check digits no longer hold.
    expect(isIban('NL91ABNA0417164301')).toBe(false);
    expect(isIban('GB82WEST12345698765433')).toBe(false);
    // A hex pseudonym is lower case, never taken for one.
    expect(isIban('ab12cdef0123456789abcdef01234567')).toBe(false);
  });

  it('refuses ids that are personal data, and never echoes an id in a message', async () => {
    const secrets = ['NL91ABNA0417164300', 'jan.jansen@example.com', '+31 6 1234 5678', 'WVWZZZ1JZXW000001'];
    const rows = secrets.map((s, i) => GOOD.replace('c1', s).replace('k1', `k${i + 1}`));
    const notIban = GOOD.replace('c1', 'NL91ABNA0417164301').replace('k1', 'k9');
    const { lines } = await read([HEADER, ...rows, notIban].join('\n'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^book\.csv:2:2 {2}customer_id {2}refused: the value looks like personal data \(an IBAN \(its check digits are valid\)\)/,
      ),
      expect.stringMatching(/^book\.csv:3:2 {2}customer_id {2}refused: .*\(an e-mail address\)/),
      expect.stringMatching(/^book\.csv:4:2 {2}customer_id {2}refused: .*\(a phone number\)/),
      expect.stringMatching(/^book\.csv:5:2 {2}customer_id {2}refused: .*\(a vehicle identification number/),
    ]);
    const all = lines.join('\n');
    for (const s of [...secrets, 'NL91ABNA0417164301']) expect(all).not.toContain(s);
  });
});

describe('hostile input stays bounded', () => {
  it('stops at a huge field, a quote never closed and a million columns, each at its row', async () => {
    const started = Date.now();
    const huge = await read(`${HEADER}\n${GOOD}\n${'x'.repeat(5_000_000)}\n`);
    expect(huge.lines).toEqual([
      expect.stringMatching(/^book\.csv:3:1 {2}\(row\) {2}a row longer than 64 KiB/),
    ]);
    const open = await read(`${HEADER}\n${GOOD}\nk2,"c2,d1\n${GOOD}\n`);
    expect(open.lines).toEqual([
      expect.stringMatching(/^book\.csv:3:2 {2}\(row\) {2}a quote opened in this row is never closed/),
    ]);
    const wide = await read(`${HEADER}\n${','.repeat(1_000_000)}\n`);
    expect(wide.lines).toEqual([
      expect.stringMatching(/^book\.csv:2:201 {2}\(row\) {2}more than 200 fields in a row/),
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('says a wrong field count, and malformed quoting, at the row', async () => {
    const { lines } = await read(`${HEADER}\n${GOOD},extra\n`);
    expect(lines).toEqual([
      expect.stringMatching(/^book\.csv:2:15 {2}\(row\) {2}expected 14 fields, found 15/),
    ]);
    const quoted = await read(`${HEADER}\n${GOOD}\nk2,"c2"x,d1\n`);
    expect(quoted.lines).toEqual([expect.stringMatching(/^book\.csv:3:1 {2}\(row\) {2}malformed quoting/)]);
  });
});

describe('dates', () => {
  it('counts the instalments fallen due in whole months', () => {
    expect(wholeMonths(20240615, 20250630)).toBe(12);
    expect(wholeMonths(20240615, 20250614)).toBe(11);
    expect(wholeMonths(20211215, 20220115)).toBe(1);
    expect(readDate('2024-02-30', 'YYYY-MM-DD')).toMatchObject({ hint: 'no such day' });
    expect(readDate('06/15/2024', 'MM/DD/YYYY')).toBe(20240615);
  });
});
