import { describe, expect, it } from 'vitest';
import { estimateRates, readCountsBytes } from '../../../engine/index.ts';
import { contractsAtLeast, rateRows, rateText, yearsCovered } from './rate-rows.ts';

const counts = (lines: string[]) =>
  readCountsBytes(new TextEncoder().encode(lines.join('\n')), 'counts.csv').counts!;
const HEADER = 'rate,product,tier,bucket,band,period,contracts,exposure,events,sum_e2,sum_n2,sum_en';

describe('the rates table of a history’s counts', () => {
  it('states each rate in its unit', () => {
    expect(rateText('default', 0.0042)).toBe('0.42% a month');
    expect(rateText('roll', 0.075)).toBe('7.50% a month');
    expect(rateText('renewal-at-maturity', 0.41)).toBe('41.0% of maturities');
    expect(rateText('recovery', 0.6234)).toBe('0.623 € per €');
    expect(rateText('recovery-months', 14.25, false)).toBe('14.3');
  });

  it('counts the contracts a history held at least: products and tiers add, bands do not', () => {
    const c = counts([
      HEADER,
      'default,operating-lease,prime,*,0-5,base,50,200,1,900,1,10',
      'default,operating-lease,prime,*,0-5,2023,50,200,1,900,1,10',
      'default,operating-lease,prime,*,6-11,base,45,250,2,1500,2,20',
      'default,operating-lease,prime,*,6-11,2023,45,250,2,1500,2,20',
      'default,operating-lease,subprime,*,0-5,base,10,40,1,170,1,5',
      'default,operating-lease,subprime,*,0-5,2023,10,40,1,170,1,5',
    ]);
    expect(contractsAtLeast(c)).toBe(60);
    expect(yearsCovered(c)).toBe('2023');
    const rows = rateRows(estimateRates(c, { minEvents: 3 }), 3);
    expect(rows.map((r) => r.status)).toEqual([
      'Supported, pooled with 1 neighbour cell',
      'Supported, pooled with 1 neighbour cell',
      'Kept at default: 2 of the 3 events needed, pooled with 1 neighbour cell',
    ]);
    expect(rows[0]).toMatchObject({
      rate: 'Default (EBA)',
      cell: 'operating-lease, prime, 0-5 months on book',
      spread: 'fewer than 2 full years',
      unusual: 'none',
    });
  });
});
