import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kpiIndex } from '../../engine/result/kpis.ts';
import { sealShardFile, type ShardFile } from '../../engine/sim/montecarlo/shard-file.ts';
import { tempDir } from '../temp-dir.ts';
import { cli, FIXTURE, refusal } from './helpers.ts';

const dir = tempDir('hostile-shards');
const parts = [path.join(dir, 'part-0.json'), path.join(dir, 'part-1.json')] as const;
let original: ShardFile;

beforeAll(async () => {
  const common = ['--iterations', '5', '--horizon', '12', '--workers', '1'];
  for (const [k, part] of parts.entries()) {
    const shard = await cli('run', FIXTURE, ...common, '--shard', `${k}/2`, '--out', part);
    expect(shard.status, shard.stderr).toBe(0);
  }
  original = JSON.parse(await fs.readFile(parts[0], 'utf8')) as ShardFile;
});

/** The fields of a shard file the edits below touch. */
interface EditableShard {
  digest?: string;
  runs: {
    kpis: { sum: string; sumOfSquares?: string; sketch: { min: number | null } }[];
    coverage: { decisions: number; fired: number[] }[];
  }[];
}

/** Writes an edited copy of shard 0, its digest recomputed when `reseal` (as a forger would). */
async function edited(name: string, edit: (shard: EditableShard) => void, reseal: boolean): Promise<string> {
  const copy = structuredClone(original);
  edit(copy as unknown as EditableShard);
  const file = path.join(dir, name);
  await fs.writeFile(file, JSON.stringify(reseal ? await sealShardFile(copy) : copy));
  return file;
}

const merge = (first: string) =>
  cli('merge', first, parts[1], '--format', 'json', '--out', path.join(dir, 'merged.json'));

/** What merge says when it refuses `first` with the second shard. */
const refused = async (first: string): Promise<string> => refusal(await merge(first));

/** The KPI the edits below touch: a 0–1 rate, so its bounds are known. */
const R = kpiIndex('retention.rate');

/** One hex digit of a KPI sum moved: the leading digit, so the mean moves far. */
function moveSumDigit(shard: EditableShard): void {
  const kpi = shard.runs[0]!.kpis[R]!;
  kpi.sum = (kpi.sum[0] === 'f' ? '1' : 'f') + kpi.sum.slice(1);
}

describe('shards prove their content', () => {
  it('merges shards as written', async () => {
    const merged = await merge(parts[0]);
    expect(merged.status, merged.stderr).toBe(0);
    const result = JSON.parse(await fs.readFile(path.join(dir, 'merged.json'), 'utf8'));
    expect(result.manifest.iterations).toBe(5);
    expect(original.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('refuses a shard whose numbers were edited after it was written (the digest)', async () => {
    // One more firing than the run had, still within its decisions: only the digest tells.
    const file = await edited(
      'coverage.json',
      (s) => {
        const { fired, decisions } = s.runs[0]!.coverage[0]!;
        fired[fired.findIndex((n) => n < decisions)]! += 1;
      },
      false,
    );
    expect(await refused(file)).toMatch(
      new RegExp(
        `^${file}: invalid shard file: \\$\\.digest: the content does not match its digest .*run that shard again$`,
      ),
    );
    const digit = await edited('digit.json', moveSumDigit, false);
    expect(await refused(digit)).toContain(
      `${digit}: invalid shard file: $.runs[0].kpis[${R}]: retention.rate`,
    );
    const unsealed = await edited('unsealed.json', (s) => delete s.digest, false);
    expect(await refused(unsealed)).toContain(
      `${unsealed}: invalid shard file: $.digest: expected "sha256:"`,
    );
  });

  it('refuses an edit whose digest was recomputed, by what real shards always satisfy', async () => {
    const sum = await edited('digit-sealed.json', moveSumDigit, true);
    expect(await refused(sum)).toMatch(
      new RegExp(
        `^${sum}: invalid shard file: \\$\\.runs\\[0\\]\\.kpis\\[${R}\\]: retention\\.rate: the mean of sum and n \\(.*\\) must lie between the sketch min`,
      ),
    );
    const below = await edited('min-sealed.json', (s) => (s.runs[0]!.kpis[R]!.sketch.min = -1), true);
    expect(await refused(below)).toMatch(
      new RegExp(`\\$\\.runs\\[0\\]\\.kpis\\[${R}\\]: .*min is negative but it holds no negative value`),
    );
    const squares = await edited(
      'squares-sealed.json',
      (s) => (s.runs[0]!.kpis[R]!.sumOfSquares = '1p-108'),
      true,
    );
    expect(await refused(squares)).toContain('the variance would be negative');
    const fired = await edited(
      'fired-sealed.json',
      (s) => (s.runs[0]!.coverage[0]!.fired[0] = s.runs[0]!.coverage[0]!.decisions + 1),
      true,
    );
    expect(await refused(fired)).toMatch(
      /\$\.runs\[0\]\.coverage\[0\]\.fired\[0\]: expected at most the \d+ decisions/,
    );
    // Nothing was written by a refused merge.
    const before = await fs.stat(path.join(dir, 'merged.json'));
    await refused(fired);
    expect((await fs.stat(path.join(dir, 'merged.json'))).mtimeMs).toBe(before.mtimeMs);
  });
});
