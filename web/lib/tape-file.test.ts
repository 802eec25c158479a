import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../engine/index.ts';
import { readTapeInPage, TapeFileError } from './tape-file.ts';

const HEADER =
  'contract_id,customer_id,dealer_id,product,residual_risk,new_used,origination_date,maturity_date,balance,instalment,residual,status,days_past_due,arrears_amount,as_of_date';
const GOOD =
  'k1,c1,d1,operating-lease,captive,new,2024-06-15,2027-06-15,25242.41,510.14,15000,current,0,0,2025-06-30';

const named = (blob: Blob, name: string) => Object.assign(blob, { name });

async function gzip(text: string): Promise<Blob> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).blob();
}

describe('reading a dropped tape in the page', () => {
  it('reads a CSV tape into a book, and a gzip-compressed one the same', async () => {
    const text = `${HEADER}\n${GOOD}\n${GOOD.replace('k1,c1', 'k2,c1')}\n`;
    const plain = await readTapeInPage(named(new Blob([text]), 'book.csv'));
    const packed = await readTapeInPage(named(await gzip(text), 'book.csv.gz'));
    for (const read of [plain, packed]) {
      expect(read.problems).toEqual([]);
      expect(read.book!.contracts.count).toBe(2);
      expect(read.book!.customers.count).toBe(1);
    }
    expect([...packed.book!.contracts.balance]).toEqual([...plain.book!.contracts.balance]);
  });

  it('lists a bad row at its row and column as the CLI does', async () => {
    const text = `${HEADER}\n${GOOD}\n${GOOD.replace('k1', 'k2').replace('2024-06-15', '15/06/2024')}\n`;
    const { book, problems } = await readTapeInPage(named(new Blob([text]), 'book.csv'));
    expect(book).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^book\.csv:3:7 {2}origination_date {2}invalid origination_date: expected a date/,
      ),
    ]);
  });

  it('answers a spreadsheet with "save as CSV", and damaged gzip data with what it is', async () => {
    const xlsx = named(new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])]), 'book.xlsx');
    await expect(readTapeInPage(xlsx)).rejects.toThrow(/spreadsheet \(\.xlsx\).*save it as CSV \(UTF-8\)/);
    const packed = new Uint8Array(await (await gzip(`${HEADER}\n${GOOD}\n`)).arrayBuffer());
    const damaged = named(new Blob([packed.subarray(0, packed.length - 12)]), 'book.csv.gz');
    await expect(readTapeInPage(damaged)).rejects.toBeInstanceOf(TapeFileError);
  });
});
