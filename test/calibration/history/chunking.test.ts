import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateRates } from '../../../engine/calibration/history/estimate.ts';
import { countHistoryFiles } from '../../../engine/cli/history/read-history.ts';
import { historyText } from '../../bench/history-generator.ts';

/** Counts a history whose files arrive in the given chunks (byte cuts as fractions of each file). */
async function count(files: Record<string, string>, cuts: readonly number[]) {
  const open = (file: string): Promise<Readable> => {
    const bytes = Buffer.from(files[file]!, 'utf8');
    const at = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
    const chunks: Buffer[] = [];
    let from = 0;
    for (const to of [...at, bytes.length]) {
      if (to > from) chunks.push(bytes.subarray(from, to));
      from = Math.max(from, to);
    }
    return Promise.resolve(Readable.from(chunks, { objectMode: false }));
  };
  return countHistoryFiles({ snapshotsFile: 's.csv', eventsFile: 'e.csv', open });
}

describe('counting a history as a stream', () => {
  it('gives the same counts however the files are cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }),
        async (contracts, seed, cuts) => {
          const t = historyText(contracts, seed);
          // A contract may fall wholly outside the history's window: a history with no snapshot
          // rows is refused with a located problem, not counted.
          fc.pre(t.snapshots.indexOf('\n') < t.snapshots.length - 1);
          const files = { 's.csv': t.snapshots, 'e.csv': t.events };
          const whole = await count(files, []);
          const chunked = await count(files, cuts);
          expect(whole.problems).toEqual([]);
          expect(chunked.counts).toEqual(whole.counts);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('recovers the generator’s miss rate of prime contracts within its interval', async () => {
    const t = historyText(3000, 11);
    const { counts, problems } = await count({ 's.csv': t.snapshots, 'e.csv': t.events }, []);
    expect(problems).toEqual([]);
    const roll = estimateRates(counts!).find(
      (e) => e.id === 'roll' && e.cell.tier === 'prime' && e.cell.bucket === 'current',
    )!;
    expect(roll.pooled).toEqual([]);
    expect(roll.interval95[0]).toBeLessThan(0.01);
    expect(roll.interval95[1]).toBeGreaterThan(0.01);
    // The moratorium months are counted apart and reported.
    expect(roll.flaggedPeriods.map((f) => f.id)).toEqual(['moratorium']);
    expect(counts!.coverage!.enteredRunning).toBeGreaterThan(0);
    expect(counts!.coverage!.stillOpen).toBeGreaterThan(0);
  });
});
