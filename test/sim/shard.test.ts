import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../engine/cli/scenarios.ts';
import { renderResult } from '../../engine/report/render.ts';
import { scenarioInput } from '../../engine/scenario/input.ts';
import {
  aggregateMonteCarlo,
  runMonteCarlo,
  summariseAggregates,
} from '../../engine/sim/montecarlo/driver.ts';
import { InProcessExecutor } from '../../engine/sim/montecarlo/executor.ts';
import {
  chunkCount,
  parseShardSelector,
  shardChunkRange,
  ShardError,
  type ShardSelector,
} from '../../engine/sim/montecarlo/shard.ts';
import {
  buildShardFile,
  readShardFile,
  shardFileText,
  type LoadedShard,
} from '../../engine/sim/montecarlo/shard-file.ts';
import { mergeShards } from '../../engine/sim/montecarlo/shard-merge.ts';
import type { ChunkResult } from '../../engine/sim/montecarlo/chunk.ts';
import type { ChunkTask, RunSpec } from '../../engine/sim/montecarlo/spec.ts';
import type { ScenarioInput } from '../../engine/sim/setup.ts';

const fixture = 'test/fixtures/scenarios/passing';

/**
 * 13 iterations: chunk 0 holds one, the others 2 each — 7 chunks, so ranges and their ends are
 * exercised.
 */
async function spec(files: string[], seed = 5): Promise<RunSpec> {
  const scenarios: ScenarioInput[] = [];
  for (const file of files) scenarios.push(scenarioInput(await readScenario(`${fixture}/${file}`)));
  return { scenarios, iterations: 13, seed, horizonMonths: 12, chunkSize: 2 };
}

/**
 * Runs chunks in process, each chunk of a run spec once: the shardings of one run ask for the same
 * chunks again, and get a structured clone of the first result, as a worker thread would send it
 * (merging consumes what it is given). A chunk asked with another spec or task is run afresh.
 */
class ChunkOnceExecutor extends InProcessExecutor {
  private readonly results = new Map<RunSpec, Map<string, ChunkResult>>();

  override async run(runId: string, spec: RunSpec, task: ChunkTask): Promise<ChunkResult> {
    let bySpec = this.results.get(spec);
    if (bySpec === undefined) this.results.set(spec, (bySpec = new Map()));
    const key = JSON.stringify(task);
    let result = bySpec.get(key);
    if (result === undefined) bySpec.set(key, (result = await super.run(runId, spec, task)));
    return structuredClone(result);
  }
}

const executor = new ChunkOnceExecutor();

/** Runs shard K of N as `--shard K/N` does and returns the shard file's text. */
async function shardText(run: RunSpec, shard: ShardSelector): Promise<string> {
  const chunks = shardChunkRange(chunkCount(run), shard);
  const aggregates = await aggregateMonteCarlo(run, executor, { chunks });
  return shardFileText(buildShardFile(aggregates, shard, chunks));
}

/** Reads shard texts back as `cyclecast merge` does (fresh accumulators each time: merging consumes them). */
function load(files: Record<string, string>): LoadedShard[] {
  return Object.entries(files).map(([name, text]) => readShardFile(JSON.parse(text), name));
}

function mergedJson(files: Record<string, string>): string {
  return renderResult(summariseAggregates(mergeShards(load(files))), 'json');
}

function mergeError(files: Record<string, string>, engineVersion?: string): string {
  try {
    mergeShards(load(files), engineVersion);
  } catch (error) {
    expect(error).toBeInstanceOf(ShardError);
    return (error as Error).message;
  }
  throw new Error('expected the merge to be refused');
}

function readError(json: unknown, file = 'part-0.json'): string {
  try {
    readShardFile(json, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ShardError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('--shard K/N', () => {
  it('reads shards numbered 0 … N−1', () => {
    expect(parseShardSelector('0/1')).toEqual({ index: 0, count: 1 });
    expect(parseShardSelector('3/4')).toEqual({ index: 3, count: 4 });
    expect(parseShardSelector(' 2 / 5 ')).toEqual({ index: 2, count: 5 });
  });

  it.each([
    ['4/4', /K must be from 0 to 3 \(for the last of 4 shards use 3\/4\)/],
    ['7/4', /K must be from 0 to 3/],
    ['1/0', /N must be from 1 to/],
    ['-1/4', /expected K\/N with shards numbered 0 … N−1/],
    ['1.5/4', /expected K\/N/],
    ['2', /expected K\/N/],
    ['1/2/3', /expected K\/N/],
    ['', /expected K\/N/],
  ])('refuses %j with a clear error', (text, message) => {
    expect(() => parseShardSelector(text)).toThrow(ShardError);
    expect(() => parseShardSelector(text)).toThrow(message);
    expect(() => parseShardSelector(text)).toThrow(`invalid --shard "${text}"`);
  });

  it('splits the chunks into contiguous, balanced ranges that cover each chunk exactly once', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 400 })
          .chain((chunks) => fc.tuple(fc.constant(chunks), fc.integer({ min: 1, max: chunks }))),
        ([chunks, count]) => {
          const ranges = Array.from({ length: count }, (_, index) =>
            shardChunkRange(chunks, { index, count }),
          );
          expect(ranges[0]!.first).toBe(0);
          expect(ranges.at(-1)!.end).toBe(chunks);
          ranges.forEach((r, k) => {
            if (k > 0) expect(r.first).toBe(ranges[k - 1]!.end);
            expect(r.end - r.first).toBeGreaterThanOrEqual(Math.floor(chunks / count));
            expect(r.end - r.first).toBeLessThanOrEqual(Math.ceil(chunks / count));
          });
        },
      ),
    );
  });

  it('refuses more shards than the run has chunks', () => {
    expect(() => shardChunkRange(7, { index: 0, count: 8 })).toThrow(
      'invalid --shard 0/8: the run has only 7 chunks, so at most 7 shards',
    );
  });
});

describe('sharded run and merge', () => {
  let comparison: RunSpec;
  let unsharded: string;
  const parts = new Map<number, string[]>();

  beforeAll(async () => {
    comparison = await spec(['baseline.json', 'tcm.json']);
    unsharded = renderResult(await runMonteCarlo(comparison, executor), 'json');
    for (const count of [1, 2, 3, 7]) {
      const texts: string[] = [];
      for (let index = 0; index < count; index++) texts.push(await shardText(comparison, { index, count }));
      parts.set(count, texts);
    }
  });

  const files = (count: number, indices?: number[]): Record<string, string> => {
    const texts = parts.get(count)!;
    return Object.fromEntries((indices ?? texts.map((_, k) => k)).map((k) => [`part-${k}.json`, texts[k]!]));
  };

  it.each([1, 2, 3, 7])('merges %i shards into the unsharded JSON, byte for byte', (count) => {
    expect(mergedJson(files(count))).toBe(unsharded);
  });

  it('gives the same bytes whatever order the files are given in', () => {
    expect(mergedJson(files(7, [6, 2, 0, 5, 1, 4, 3]))).toBe(unsharded);
  });

  it('merges in chunk order, so a breakdown group first seen in a late shard is listed last', () => {
    // Groups are listed in order of first appearance; a dealer that only reports from shard 6 on
    // must come after every dealer of shards 0–5, however the files are passed.
    const late = JSON.parse(parts.get(7)![6]!);
    const dealers = late.runs[0].breakdowns.find((b: { dimension: string }) => b.dimension === 'dealer');
    dealers.groups.unshift({ ...dealers.groups[0], group: 'dealer-late' });
    const texts = { ...files(7), 'part-6.json': JSON.stringify(late) };
    const reversed = Object.fromEntries(Object.entries(texts).reverse());
    const merged = summariseAggregates(mergeShards(load(reversed)));
    const groups = merged.scenarios[0]!.summary.breakdowns.find((b) => b.dimension === 'dealer')!.groups;
    expect(groups.map((g) => g.group).at(-1)).toBe('dealer-late');
    expect(groups[0]!.group).toBe('dealer-0');
  });

  it('merges shards of different N when together they cover each chunk once', () => {
    // 0/2 is chunks 0–2; shards 3/7 … 6/7 are chunks 3, 4, 5, 6.
    const mixed = { 'half-0.json': parts.get(2)![0]!, ...files(7, [3, 4, 5, 6]) };
    expect(mergedJson(mixed)).toBe(unsharded);
  });

  it('writes the manifest, the shard and its chunk and iteration range, and aggregates — not summaries', () => {
    const file = JSON.parse(parts.get(3)![1]!);
    expect(file.format).toBe('cyclecast.shard');
    expect(file.shard).toEqual({
      index: 1,
      count: 3,
      chunks: { first: 2, end: 4 },
      iterations: { first: 3, end: 7 },
    });
    expect(file.manifest).toEqual(JSON.parse(unsharded).manifest);
    expect(file.runs.map((r: { format: string; iterations: number }) => [r.format, r.iterations])).toEqual([
      ['cyclecast.run-aggregate', 4],
      ['cyclecast.run-aggregate', 4],
    ]);
    expect(file.paired.map((p: { format: string }) => p.format)).toEqual(['cyclecast.paired-aggregate']);
  });

  it("reports progress in the shard's own iterations", async () => {
    const seen: [number, number][] = [];
    await aggregateMonteCarlo(comparison, new InProcessExecutor(), {
      chunks: { first: 4, end: 7 },
      onProgress: (p) => seen.push([p.completedIterations, p.totalIterations]),
    });
    expect(seen).toEqual([
      [2, 6],
      [4, 6],
      [6, 6],
    ]);
  });

  it('refuses shards of a run with a different seed, naming the field and the files', async () => {
    const other = await shardText(await spec(['baseline.json', 'tcm.json'], 6), { index: 1, count: 3 });
    const message = mergeError({ ...files(3, [0, 2]), 'seed-6.json': other });
    expect(message).toContain('cannot merge: the shard files come from different runs');
    expect(message).toContain('seed: 5 in part-0.json, 6 in seed-6.json');
    expect(message).not.toContain('runHash');
  });

  it('refuses shards of a different scenario', async () => {
    const other = await shardText(await spec(['baseline.json', 'speed.json']), { index: 1, count: 3 });
    const message = mergeError({ ...files(3, [0, 2]), 'speed-1.json': other });
    expect(message).toMatch(
      /scenarios\[1\]\.hash: [0-9a-f]{12}… in part-0\.json, [0-9a-f]{12}… in speed-1\.json/,
    );
    expect(message).toContain('scenarios[1].name: "tcm" in part-0.json, "speed-to-lead" in speed-1.json');
    expect(message).toContain('scenarios[1].ruleSets.leads.hash');
  });

  it('refuses shards computed by different engine versions, and by another version than this one', () => {
    const edited = JSON.parse(parts.get(3)![2]!);
    edited.manifest.engineVersion = '9.9.9';
    const message = mergeError({ ...files(3, [0, 1]), 'new.json': JSON.stringify(edited) });
    expect(message).toMatch(/engineVersion: \d+\.\d+\.\d+ in part-0\.json, 9\.9\.9 in new\.json/);
    expect(mergeError(files(3), '0.0.1')).toMatch(/computed by cyclecast \d+\.\d+\.\d+, this is 0\.0\.1/);
  });

  it('refuses a missing shard, naming it and its iterations', () => {
    const message = mergeError(files(3, [0, 2]));
    expect(message).toContain(
      'must cover every chunk of the run exactly once (7 chunks: 1 iteration, then 2 each',
    );
    expect(message).toContain('missing shard 1/3 (chunks 2–3, iterations 3–6): run it with --shard 1/3');
    expect(mergeError(files(7, [0, 1, 2, 3, 4, 5]))).toContain(
      'missing shard 6/7 (chunk 6, iterations 11–12)',
    );
  });

  it('refuses a duplicate shard, and overlapping shards of different N', () => {
    const twice = mergeError({ ...files(3), 'part-1-copy.json': parts.get(3)![1]! });
    expect(twice).toContain(
      'part-1.json and part-1-copy.json are both shard 1/3 (chunks 2–3, iterations 3–6)',
    );
    const overlap = mergeError({ 'half-0.json': parts.get(2)![0]!, ...files(7, [2, 3, 4, 5, 6]) });
    expect(overlap).toContain('half-0.json (shard 0/2) and part-2.json (shard 2/7) overlap in chunk 2');
  });

  it('refuses to merge nothing', () => {
    expect(mergeError({})).toContain('nothing to merge');
  });

  it('refuses files that are not shard files, naming the file', () => {
    expect(readError([1, 2])).toContain('part-0.json: not a Cyclecast shard file');
    expect(readError({ name: 'cyclecast', version: '0.1.0' })).toContain(
      'expected "format": "cyclecast.shard"',
    );
    expect(readError(JSON.parse(unsharded), 'result.json')).toContain(
      'result.json: not a Cyclecast shard file: it is a finished result',
    );
  });

  it('refuses a damaged shard file, naming the JSON path', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- hand-damaged JSON, edited by path
    const damaged = (edit: (file: Record<string, any>) => void): unknown => {
      const file = JSON.parse(parts.get(3)![1]!);
      edit(file);
      return file;
    };
    expect(readError(damaged((f) => (f.version = 2)))).toContain(
      '$.version: expected shard format version 1',
    );
    expect(readError(damaged((f) => delete f.manifest.seed))).toContain(
      '$.manifest.seed: expected a non-negative integer',
    );
    expect(readError(damaged((f) => (f.manifest.runHash = 'abc')))).toContain(
      '$.manifest.runHash: expected a SHA-256',
    );
    expect(readError(damaged((f) => (f.shard.chunks.end = 5)))).toContain(
      '$.shard.chunks: shard 1/3 of 7 chunks is chunks 2–3, the file says 2–4',
    );
    expect(readError(damaged((f) => (f.shard.count = 8)))).toContain(
      '$.shard.count: 8 shards of a run with 7 chunks',
    );
    expect(readError(damaged((f) => f.runs.pop()))).toContain('$.runs: expected 2 entries, got 1');
    expect(readError(damaged((f) => (f.runs[1].kpis = [])))).toMatch(
      /\$\.runs\[1\]\.kpis: expected \d+ entries, got 0/,
    );
    expect(readError(damaged((f) => (f.paired[0].iterations = 5)))).toContain('$.paired[0]');
    expect(readError(damaged((f) => (f.runs[0].horizon = 24)))).toContain('$.runs[0]');
  });
});
