import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { historyText } from '../bench/history-generator.ts';
import { tempDir } from '../temp-dir.ts';
import { hasStackTrace, runCli } from './run-cli.ts';

const tmp = tempDir('history');
const write = (name: string, data: string | Uint8Array): string => {
  const file = path.join(tmp, name);
  writeFileSync(file, data);
  return file;
};

describe('cyclecast history count', () => {
  const t = historyText(60, 5);
  const snapshots = write('snapshots.csv', t.snapshots);
  const events = write('events.csv.gz', gzipSync(t.events));

  it('writes the count tables of a history (events gzip-compressed) and says what it covered', async () => {
    const out = path.join(tmp, 'counts.csv');
    const { status, stdout, stderr } = await runCli([
      'history',
      'count',
      snapshots,
      '--events',
      events,
      '--out',
      out,
    ]);
    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(/contracts, [\d,]+ snapshots, [\d,]+ events, 2019-01 to 2023-12/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'rate,product,tier,bucket,band,period,contracts,exposure,events,sum_e2,sum_n2,sum_en',
    );
    expect(lines.some((l) => l.startsWith('roll,*,prime,current,*,base,'))).toBe(true);
  });

  it('refuses a history with rows out of order: located problems, exit 1, no output', async () => {
    const lines = t.snapshots.trim().split('\n');
    const swapped = [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n');
    const bad = write('bad.csv', swapped);
    const out = path.join(tmp, 'never.csv');
    const { status, stderr } = await runCli(['history', 'count', bad, '--out', out]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/bad\.csv:3:3 {2}month {2}out of order/);
    expect(stderr).not.toMatch(/c0000000/);
    expect(hasStackTrace(stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('prints the rates count tables support, and locates a bad counts file', async () => {
    const out = path.join(tmp, 'counts-for-rates.csv');
    expect((await runCli(['history', 'count', snapshots, '--events', events, '--out', out])).status).toBe(0);
    const { status, stdout, stderr } = await runCli(['history', 'rates', out, '--json']);
    expect(status, stderr).toBe(0);
    const estimates = JSON.parse(stdout) as { id: string; rate: number; interval95: [number, number] }[];
    const roll = estimates.find((e) => e.id === 'roll')!;
    expect(roll.interval95[0]).toBeLessThanOrEqual(roll.rate);
    expect(roll.interval95[1]).toBeGreaterThanOrEqual(roll.rate);
    const text = await runCli(['history', 'rates', out]);
    expect(text.stdout).toMatch(
      /^roll {2}prime current: [\d.]+ \[[\d.]+, [\d.]+\] from [\d,]+ observations/m,
    );
    const bad = write('bad-counts.csv', readFileSync(out, 'utf8').replace(/\nroll,/, '\nrol,'));
    const refused = await runCli(['history', 'rates', bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/bad-counts\.csv:2:1 {2}rate {2}expected one of roll,/);
  });
});
