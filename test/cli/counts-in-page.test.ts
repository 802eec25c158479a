import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateRates, formatProblem, readCountsBytes } from '../../engine/index.ts';
import { historyText } from '../bench/history-generator.ts';
import { tempDir } from '../temp-dir.ts';
import { runCli } from './run-cli.ts';

const tmp = tempDir('counts-in-page');
const HEADER = 'rate,product,tier,bucket,band,period,contracts,exposure,events,sum_e2,sum_n2,sum_en';
const GOOD = [
  HEADER,
  'roll,*,prime,current,*,base,2,10,2,52,4,8',
  'roll,*,prime,current,*,2023,2,10,2,52,4,8',
];

/** What the CLI and the page's reader say of the same bytes. */
async function both(name: string, bytes: Uint8Array): Promise<{ cli: string; page: string; ok: boolean }> {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  const { status, stdout, stderr } = await runCli(['history', 'rates', file, '--json']);
  const read = readCountsBytes(readFileSync(file), file);
  const page =
    read.counts === undefined
      ? read.problems.map(formatProblem).join('\n') + '\n'
      : JSON.stringify(estimateRates(read.counts, { minEvents: 20 }), null, 2) + '\n';
  return { cli: status === 0 ? stdout : stderr, page, ok: status === 0 };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the page’s counts reader (readCountsBytes) and `cyclecast history rates`', () => {
  it('give the same rates for the same file, quoted cells, CRLF and a byte-order mark included', async () => {
    const text =
      '\ufeff' +
      [
        ...GOOD,
        '"cure",*,prime,"1-30",*,base,1,4,1,16,1,4',
        '"cure",*,prime,"1-30",*,"2023",1,4,1,16,1,4',
      ].join('\r\n') +
      '\r\n';
    const r = await both('good.csv', utf8(text));
    expect(r.ok, r.cli).toBe(true);
    expect(r.page).toBe(r.cli);
  });

  it('give the same rates for the counts `cyclecast history count` writes', async () => {
    const t = historyText(60, 5);
    const snapshots = path.join(tmp, 'snapshots.csv');
    const events = path.join(tmp, 'events.csv');
    const out = path.join(tmp, 'counted.csv');
    writeFileSync(snapshots, t.snapshots);
    writeFileSync(events, t.events);
    expect((await runCli(['history', 'count', snapshots, '--events', events, '--out', out])).status).toBe(0);
    const r = await both('counted-again.csv', readFileSync(out));
    expect(r.ok, r.cli).toBe(true);
    expect(JSON.parse(r.page)).not.toEqual([]);
    expect(r.page).toBe(r.cli);
  });

  it('locate the same problems with the same messages', async () => {
    const cases: [string, Uint8Array][] = [
      [
        'dimension.csv',
        utf8(
          [...GOOD, 'rol,*,prime,current,*,2022,1,2,0,4,0,0', 'roll,*,prime,current,*,base,x,1,1,1,1,1'].join(
            '\n',
          ),
        ),
      ],
      ['quote.csv', utf8([...GOOD, 'roll,*,pr"ime,current,*,2022,1,2,0,4,0,0'].join('\n'))],
      ['unclosed.csv', utf8([...GOOD, 'roll,"*,prime,current,*,2022,1,2,0,4,0,0'].join('\n'))],
      [
        'bytes.csv',
        new Uint8Array([
          ...utf8(GOOD.join('\n') + '\nroll,*,'),
          0xff,
          ...utf8('prime,current,*,2022,1,2,0,4,0,0\n'),
        ]),
      ],
      ['empty.csv', new Uint8Array()],
      ['header.csv', utf8('rate;product\n')],
    ];
    for (const [name, bytes] of cases) {
      const r = await both(name, bytes);
      expect(r.ok, name).toBe(false);
      expect(r.page, name).toBe(r.cli);
    }
  });
});
