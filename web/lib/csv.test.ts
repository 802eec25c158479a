import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV', () => {
  it('quotes only what needs quoting and keeps numbers raw', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(
      toCsv([
        { scenario: 'tcm', value: 0.123456789 },
        { scenario: 'bdc', value: null },
      ]),
    ).toBe('scenario,value\ntcm,0.123456789\nbdc,\n');
  });
});
