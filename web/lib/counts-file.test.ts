import { describe, expect, it } from 'vitest';
import { COUNT_COLUMNS } from '../../engine/index.ts';
import { isCountsFile } from './counts-file.ts';

const file = (name: string, text: string) => Object.assign(new Blob([text]), { name });

describe('isCountsFile', () => {
  it('knows count tables by their header, with or without a byte-order mark', async () => {
    const header = COUNT_COLUMNS.join(',');
    expect(
      await isCountsFile(file('counts.csv', `${header}\r\nroll,all,all,all,all,base,1,2,0,0,4,0\n`)),
    ).toBe(true);
    expect(await isCountsFile(file('c.csv', `\uFEFF${header}\n`))).toBe(true);
  });

  it('leaves contract tapes and compressed files to the tape reader', async () => {
    expect(await isCountsFile(file('book.csv', 'contract_id,customer_id,dealer_id\n'))).toBe(false);
    expect(await isCountsFile(file('counts.csv.gz', COUNT_COLUMNS.join(',')))).toBe(false);
  });
});
