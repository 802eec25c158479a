import { STRESSES } from '../../world/stresses.ts';
import { POLICY_KINDS, type PolicyKind } from '../../domain/lists.ts';
import {
  AggregateFormatError,
  PairedAccumulator,
  RunAccumulator,
  type PairedAggregateJson,
  type RunAggregateJson,
} from '../../stats/index.ts';
import { readArray, readCount, readObject, readString, type Fail } from '../../stats/json-read.ts';
import type { MonteCarloAggregates } from './driver.ts';
import type { ExcludedRows, Manifest, TapeManifest } from '../../result/run.ts';
import {
  chunkCount,
  chunkRangeIterations,
  describeRange,
  shardChunkRange,
  ShardError,
  type ShardSelector,
} from './shard.ts';
import type { ChunkRange } from './spec.ts';
import { contentHash } from './hash.ts';

export const SHARD_FORMAT = 'cyclecast.shard';

/** Which part of the run a shard file holds: shard `index` of `count`, and its chunks and iterations. */
export interface ShardPlacement extends ShardSelector {
  /** Chunk indices [first, end) of the run's fixed chunk list. */
  readonly chunks: ChunkRange;
  /** Iterations [first, end). */
  readonly iterations: ChunkRange;
}

/**
 * What `cyclecast run|compare --shard K/N` writes: the run's manifest (identical in every shard), the
 * shard's place in the chunk list, and the merged aggregates of its chunks — not summaries, so that
 * `cyclecast merge` can join shards into exactly the unsharded result.
 */
export interface ShardFile {
  readonly format: typeof SHARD_FORMAT;
  readonly version: 1;
  readonly shard: ShardPlacement;
  readonly manifest: Manifest;
  /** One per scenario, baseline first. */
  readonly runs: readonly RunAggregateJson[];
  /** One per challenger against the baseline. */
  readonly paired: readonly PairedAggregateJson[];
  /**
   * `sha256:` and the SHA-256 of the file's canonical JSON without this field (see sealShardFile):
   * a damaged or hand-edited file is refused by `merge` instead of moving a merged result.
   */
  readonly digest?: string;
}

/** A shard file read back and checked: its aggregates are live accumulators, ready to merge. */
export interface LoadedShard {
  /** Where it came from, for messages. */
  readonly file: string;
  readonly shard: ShardPlacement;
  readonly manifest: Manifest;
  readonly runs: RunAccumulator[];
  readonly paired: PairedAccumulator[];
}

/** The shard file of aggregates computed for `chunks` (as `shardChunkRange` gave them for `shard`). */
export function buildShardFile(
  aggregates: MonteCarloAggregates,
  shard: ShardSelector,
  chunks: ChunkRange,
): ShardFile {
  const { manifest } = aggregates;
  return {
    format: SHARD_FORMAT,
    version: 1,
    shard: {
      index: shard.index,
      count: shard.count,
      chunks: { first: chunks.first, end: chunks.end },
      iterations: chunkRangeIterations(manifest, chunks),
    },
    manifest,
    runs: aggregates.runs.map((r) => r.toJSON()),
    paired: aggregates.paired.map((p) => p.toJSON()),
  };
}

/** The shard file with its digest: SHA-256 over its canonical JSON, WebCrypto (Node and browsers alike). */
export async function sealShardFile(file: ShardFile): Promise<ShardFile> {
  const { digest: _ignored, ...content } = file;
  return { ...content, digest: `sha256:${await contentHash(content)}` };
}

/**
 * Checks that parsed shard-file JSON still has the content its digest was computed from; throws a
 * ShardError naming the file otherwise. Run after readShardFile, whose messages say more about a
 * structural fault than a mismatched digest would.
 */
export async function checkShardDigest(json: unknown, file: string): Promise<void> {
  const { digest, ...content } = json as Record<string, unknown>;
  if (typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
    throw new ShardError(
      `${file}: invalid shard file: $.digest: expected "sha256:" and 64 hex digits, as cyclecast run --shard writes, got ${digest === undefined ? 'none' : JSON.stringify(String(digest).slice(0, 80))}`,
    );
  }
  const actual = `sha256:${await contentHash(content)}`;
  if (actual !== digest) {
    throw new ShardError(
      `${file}: invalid shard file: $.digest: the content does not match its digest (expected ${digest.slice(0, 19)}…, the content gives ${actual.slice(0, 19)}…): the file was changed or damaged after it was written; run that shard again`,
    );
  }
}

/** A shard file as text: one line of JSON (they are large and read by programs, not people). */
export function shardFileText(file: ShardFile): string {
  return JSON.stringify(file) + '\n';
}

/**
 * Checks parsed JSON from `file` as a shard file, field by field; throws a ShardError naming the file
 * and the JSON path on anything else (another program's JSON, a finished result, a damaged file).
 */
export function readShardFile(json: unknown, file: string): LoadedShard {
  const fail: Fail = (path, detail) => {
    throw new ShardError(`${file}: invalid shard file: ${path}: ${detail}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ShardError(`${file}: ${notAShardFile}`);
  }
  const o = json as Record<string, unknown>;
  if (o.format !== SHARD_FORMAT) {
    const looksLikeResult = 'manifest' in o && 'scenarios' in o;
    throw new ShardError(
      looksLikeResult
        ? `${file}: not a Cyclecast shard file: it is a finished result (run/compare --format json); ` +
            'merge takes the files written by run/compare --shard K/N --out FILE'
        : `${file}: ${notAShardFile}`,
    );
  }
  if (o.version !== 1) {
    fail('$.version', `expected shard format version 1, got ${JSON.stringify(o.version)}`);
  }
  const manifest = readManifest(o.manifest, fail);
  const shard = readPlacement(o.shard, manifest, fail);
  const count = shard.iterations.end - shard.iterations.first;

  const runs = readArray(o.runs, '$.runs', fail, manifest.scenarios.length).map((entry, i) => {
    const acc = readAggregate(() => RunAccumulator.fromJSON(entry), `$.runs[${i}]`, fail);
    if (acc.horizon !== manifest.horizonMonths) {
      fail(
        `$.runs[${i}].horizon`,
        `expected ${manifest.horizonMonths} months (the manifest's horizonMonths)`,
      );
    }
    if (acc.iterations !== count)
      fail(`$.runs[${i}].iterations`, `expected ${count} (the shard's iterations)`);
    return acc;
  });
  const challengers = Math.max(0, manifest.scenarios.length - 1);
  const paired = readArray(o.paired, '$.paired', fail, challengers).map((entry, i) => {
    const acc = readAggregate(() => PairedAccumulator.fromJSON(entry), `$.paired[${i}]`, fail);
    if (acc.iterations !== count)
      fail(`$.paired[${i}].iterations`, `expected ${count} (the shard's iterations)`);
    return acc;
  });
  return { file, shard, manifest, runs, paired };
}

const notAShardFile =
  'not a Cyclecast shard file (expected "format": "cyclecast.shard", as written by cyclecast run --shard K/N --out FILE)';

function readAggregate<T extends { inconsistency(): { path: string; detail: string } | null }>(
  read: () => T,
  path: string,
  fail: Fail,
): T {
  try {
    const aggregate = read();
    // What every real aggregate satisfies: an edit with a recomputed digest still fails here.
    const bad = aggregate.inconsistency();
    if (bad) fail(path + bad.path.slice(1), bad.detail);
    return aggregate;
  } catch (error) {
    // An aggregate's own path starts at its root `$`: continue the file's path from there.
    if (error instanceof AggregateFormatError) fail(path + error.path.slice(1), error.detail);
    if (error instanceof RangeError) fail(path, error.message);
    throw error;
  }
}

/** Rebuilds the manifest from checked fields, in the order the driver writes them. */
function readManifest(json: unknown, fail: Fail): Manifest {
  const o = readObject(json, '$.manifest', fail);
  if (o.engine !== 'cyclecast') fail('$.manifest.engine', 'expected "cyclecast"');
  const positive = (key: string): number => {
    const value = readCount(o[key], `$.manifest.${key}`, fail);
    if (value < 1) fail(`$.manifest.${key}`, 'expected at least 1');
    return value;
  };
  const scenarios = readArray(o.scenarios, '$.manifest.scenarios', fail).map((entry, i) => {
    const path = `$.manifest.scenarios[${i}]`;
    const s = readObject(entry, path, fail);
    const sets = readObject(s.ruleSets, `${path}.ruleSets`, fail);
    const ruleSets = {} as Record<PolicyKind, { name: string; hash: string }>;
    for (const kind of POLICY_KINDS) {
      const at = `${path}.ruleSets.${kind}`;
      const r = readObject(Object.hasOwn(sets, kind) ? sets[kind] : undefined, at, fail);
      ruleSets[kind] = {
        name: readString(r.name, `${at}.name`, fail),
        hash: readHash(r.hash, `${at}.hash`, fail),
      };
    }
    return {
      name: readString(s.name, `${path}.name`, fail),
      ...(s.title !== undefined ? { title: readString(s.title, `${path}.title`, fail) } : {}),
      hash: readHash(s.hash, `${path}.hash`, fail),
      ruleSets,
      ...(s.tape !== undefined ? { tape: readTapeManifest(s.tape, `${path}.tape`, fail) } : {}),
    };
  });
  if (scenarios.length === 0) fail('$.manifest.scenarios', 'expected at least one scenario');
  return {
    engine: 'cyclecast',
    engineVersion: readString(o.engineVersion, '$.manifest.engineVersion', fail),
    seed: readCount(o.seed, '$.manifest.seed', fail),
    iterations: positive('iterations'),
    horizonMonths: positive('horizonMonths'),
    chunkSize: positive('chunkSize'),
    uncertainty: readChoice(o.uncertainty, '$.manifest.uncertainty', [true, false], fail),
    population: readChoice(o.population, '$.manifest.population', ['per-iteration', 'fixed'], fail),
    stress: readChoice(o.stress, '$.manifest.stress', STRESSES, fail),
    runHash: readHash(o.runHash, '$.manifest.runHash', fail),
    scenarios,
  };
}

function readChoice<T>(json: unknown, path: string, values: readonly T[], fail: Fail): T {
  if (!values.includes(json as T))
    fail(path, `expected ${values.map((v) => JSON.stringify(v)).join(' or ')}`);
  return json as T;
}

/** A scenario's tape in a manifest (engine/result/run.ts TapeManifest), kept through the shard file. */
function readTapeManifest(json: unknown, path: string, fail: Fail): TapeManifest {
  const o = readObject(json, path, fail);
  const strings = (key: string): string[] =>
    readArray(o[key], `${path}.${key}`, fail).map((x, i) => readString(x, `${path}.${key}[${i}]`, fail));
  const table = (key: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(readObject(o[key], `${path}.${key}`, fail)).map(([code, value]) => [
        code,
        readString(value, `${path}.${key}.${code}`, fail),
      ]),
    );
  return {
    file: readString(o.file, `${path}.file`, fail),
    ...(o.dealerList !== undefined
      ? { dealerList: readString(o.dealerList, `${path}.dealerList`, fail) }
      : {}),
    asOf: readString(o.asOf, `${path}.asOf`, fail),
    contracts: readCount(o.contracts, `${path}.contracts`, fail),
    customers: readCount(o.customers, `${path}.customers`, fail),
    dealers: readCount(o.dealers, `${path}.dealers`, fail),
    columns: strings('columns'),
    drawn: strings('drawn'),
    regions: table('regions'),
    grades: table('grades'),
    ...(o.excluded !== undefined ? { excluded: readExcluded(o.excluded, `${path}.excluded`, fail) } : {}),
  };
}

/** The rows a tape run left out (engine/portfolio/tape/book.ts ExcludedRows). */
function readExcluded(json: unknown, path: string, fail: Fail): ExcludedRows {
  const o = readObject(json, path, fail);
  const number = (key: string): number => {
    const x = o[key];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
      fail(`${path}.${key}`, 'expected a number ≥ 0');
    return x as number;
  };
  return {
    rows: readCount(o.rows, `${path}.rows`, fail),
    balance: number('balance'),
    rowShare: number('rowShare'),
    balanceShare: number('balanceShare'),
  };
}

function readHash(json: unknown, path: string, fail: Fail): string {
  const text = readString(json, path, fail);
  if (!/^[0-9a-f]{64}$/.test(text)) fail(path, 'expected a SHA-256 hash (64 lowercase hex digits)');
  return text;
}

/** Reads `$.shard` and checks it is exactly the range `--shard index/count` gives for this manifest. */
function readPlacement(json: unknown, manifest: Manifest, fail: Fail): ShardPlacement {
  const o = readObject(json, '$.shard', fail);
  const index = readCount(o.index, '$.shard.index', fail);
  const count = readCount(o.count, '$.shard.count', fail);
  if (count < 1 || index >= count)
    fail('$.shard', `invalid shard ${index}/${count}: expected K/N with 0 ≤ K < N`);
  const total = chunkCount(manifest);
  let expected: ChunkRange;
  try {
    expected = shardChunkRange(total, { index, count });
  } catch (error) {
    if (error instanceof ShardError) fail('$.shard.count', `${count} shards of a run with ${total} chunks`);
    throw error;
  }
  const range = (key: 'chunks' | 'iterations'): ChunkRange => {
    const r = readObject(o[key], `$.shard.${key}`, fail);
    return {
      first: readCount(r.first, `$.shard.${key}.first`, fail),
      end: readCount(r.end, `$.shard.${key}.end`, fail),
    };
  };
  const chunks = range('chunks');
  if (chunks.first !== expected.first || chunks.end !== expected.end) {
    fail(
      '$.shard.chunks',
      `shard ${index}/${count} of ${total} chunks is chunks ${describeRange(expected)}, the file says ${chunks.first}–${chunks.end - 1}`,
    );
  }
  const iterations = range('iterations');
  const expectedIterations = chunkRangeIterations(manifest, expected);
  if (iterations.first !== expectedIterations.first || iterations.end !== expectedIterations.end) {
    fail(
      '$.shard.iterations',
      `chunks ${describeRange(expected)} are iterations ${describeRange(expectedIterations)}`,
    );
  }
  return { index, count, chunks, iterations };
}
