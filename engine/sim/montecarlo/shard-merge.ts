import { POLICY_KINDS } from '../../domain/lists.ts';
import { ENGINE_VERSION } from '../../version.ts';
import type { MonteCarloAggregates } from './driver.ts';
import type { Manifest } from '../../result/run.ts';
import { chunkCount, chunkRangeIterations, describeRange, shardChunkRange, ShardError } from './shard.ts';
import type { LoadedShard } from './shard-file.ts';
import type { ChunkRange } from './spec.ts';

/**
 * Joins the shards of one run into the aggregates of the whole run, merging in chunk order, so that
 * summarising them gives exactly (byte for byte) the unsharded result. Refuses, with a ShardError
 * that names the files and fields, shards of different runs, shards computed by another engine
 * version, and sets of shards that miss a chunk or cover one twice.
 *
 * Consumes the shards: their accumulators are merged into in place.
 *
 * @example
 * const aggregates = mergeShards(files.map((f) => readShardFile(JSON.parse(text(f)), f)));
 * renderResult(summariseAggregates(aggregates), 'json'); // === the unsharded run's JSON
 */
export function mergeShards(
  shards: readonly LoadedShard[],
  engineVersion: string = ENGINE_VERSION,
): MonteCarloAggregates {
  const reference = shards[0];
  if (reference === undefined) {
    throw new ShardError('nothing to merge: pass the shard files, e.g. cyclecast merge part-*.json');
  }
  checkSameRun(reference, shards);
  if (reference.manifest.engineVersion !== engineVersion) {
    throw new ShardError(
      `cannot merge: the shards were computed by cyclecast ${reference.manifest.engineVersion}, this is ${engineVersion}; ` +
        'merge with the version that ran them, or run every shard again with this one',
    );
  }
  checkCoverage(reference.manifest, shards);

  const ordered = [...shards].sort((a, b) => a.shard.chunks.first - b.shard.chunks.first);
  const first = ordered[0]!;
  for (const next of ordered.slice(1)) {
    next.runs.forEach((r, i) => first.runs[i]!.merge(r));
    next.paired.forEach((p, i) => first.paired[i]!.merge(p));
  }
  return { manifest: first.manifest, runs: first.runs, paired: first.paired };
}

/** One field in which two manifests differ, by its JSON path in the manifest. */
export interface ManifestDifference {
  readonly field: string;
  readonly a: string;
  readonly b: string;
}

/**
 * The fields in which two manifests differ: engine version, seed, iterations, horizon, chunk size,
 * each scenario's name, hash and rule sets; the run hash only when nothing more specific differs.
 */
export function manifestDifferences(a: Manifest, b: Manifest): ManifestDifference[] {
  const out: ManifestDifference[] = [];
  const compare = (
    field: string,
    x: string | number,
    y: string | number,
    show: (v: string | number) => string = String,
  ): void => {
    if (x !== y) out.push({ field, a: show(x), b: show(y) });
  };
  compare('engineVersion', a.engineVersion, b.engineVersion);
  compare('seed', a.seed, b.seed);
  compare('iterations', a.iterations, b.iterations);
  compare('horizonMonths', a.horizonMonths, b.horizonMonths);
  compare('chunkSize', a.chunkSize, b.chunkSize);
  compare('scenarios.length', a.scenarios.length, b.scenarios.length);
  const hash = (h: string | number): string => String(h).slice(0, 12) + '…';
  const quote = (v: string | number): string => JSON.stringify(v);
  a.scenarios.forEach((sa, i) => {
    const sb = b.scenarios[i];
    if (sb === undefined) return;
    const at = `scenarios[${i}]`;
    compare(`${at}.name`, sa.name, sb.name, quote);
    compare(`${at}.hash`, sa.hash, sb.hash, hash);
    for (const kind of POLICY_KINDS) {
      compare(`${at}.ruleSets.${kind}.name`, sa.ruleSets[kind].name, sb.ruleSets[kind].name, quote);
      compare(`${at}.ruleSets.${kind}.hash`, sa.ruleSets[kind].hash, sb.ruleSets[kind].hash, hash);
    }
  });
  if (out.length === 0) compare('runHash', a.runHash, b.runHash, hash);
  return out;
}

function checkSameRun(reference: LoadedShard, shards: readonly LoadedShard[]): void {
  const lines: string[] = [];
  for (const other of shards.slice(1)) {
    for (const d of manifestDifferences(reference.manifest, other.manifest)) {
      // Label a scenario's field with its name, when both files agree on the name.
      const position = /^scenarios\[(\d+)\]/.exec(d.field)?.[1];
      const a = position === undefined ? undefined : reference.manifest.scenarios[Number(position)]?.name;
      const b = position === undefined ? undefined : other.manifest.scenarios[Number(position)]?.name;
      const name = a !== undefined && a === b ? ` (scenario ${JSON.stringify(a)})` : '';
      lines.push(`  ${d.field}${name}: ${d.a} in ${reference.file}, ${d.b} in ${other.file}`);
    }
  }
  if (lines.length > 0) {
    throw new ShardError(
      ['cannot merge: the shard files come from different runs', ...lines].join('\n') +
        '\nevery shard must run the same scenario files with the same --seed, --iterations, --horizon and cyclecast version',
    );
  }
}

/** Every chunk of the run must be covered by exactly one shard file. */
function checkCoverage(manifest: Manifest, shards: readonly LoadedShard[]): void {
  const total = chunkCount(manifest);
  const counts = new Set(shards.map((s) => s.shard.count));
  const sameCount = counts.size === 1 ? shards[0]!.shard.count : undefined;
  const ordered = [...shards].sort(
    (a, b) => a.shard.chunks.first - b.shard.chunks.first || a.shard.chunks.end - b.shard.chunks.end,
  );
  const problems: string[] = [];
  const where = (r: ChunkRange): string =>
    `${r.end - r.first === 1 ? 'chunk' : 'chunks'} ${describeRange(r)}, ` +
    `iterations ${describeRange(chunkRangeIterations(manifest, r))}`;
  const name = (s: LoadedShard): string => `shard ${s.shard.index}/${s.shard.count}`;

  const missing = (gap: ChunkRange): void => {
    if (sameCount !== undefined) {
      const present = new Set(shards.map((s) => s.shard.index));
      for (let k = 0; k < sameCount; k++) {
        const range = shardChunkRange(total, { index: k, count: sameCount });
        if (!present.has(k) && range.first >= gap.first && range.end <= gap.end) {
          problems.push(
            `  missing shard ${k}/${sameCount} (${where(range)}): run it with --shard ${k}/${sameCount}, or pass its file`,
          );
        }
      }
    } else {
      problems.push(`  missing ${where(gap)}: no shard file covers them`);
    }
  };

  let next = 0;
  let coveredBy: LoadedShard | undefined;
  for (const s of ordered) {
    const { first, end } = s.shard.chunks;
    if (first > next) missing({ first: next, end: first });
    if (first < next && coveredBy !== undefined) {
      const overlap = { first, end: Math.min(end, next) };
      if (coveredBy.file === s.file) {
        problems.push(`  ${s.file} is given twice (${name(s)}, ${where(s.shard.chunks)})`);
      } else if (coveredBy.shard.index === s.shard.index && coveredBy.shard.count === s.shard.count) {
        problems.push(`  ${coveredBy.file} and ${s.file} are both ${name(s)} (${where(overlap)})`);
      } else {
        problems.push(
          `  ${coveredBy.file} (${name(coveredBy)}) and ${s.file} (${name(s)}) overlap in ${where(overlap)}`,
        );
      }
    }
    if (end > next) {
      next = end;
      coveredBy = s;
    }
  }
  if (next < total) missing({ first: next, end: total });
  if (problems.length > 0) {
    throw new ShardError(
      [
        `cannot merge: the shard files must cover every chunk of the run exactly once ` +
          `(${total} chunks: 1 iteration, then ${manifest.chunkSize} each; ${manifest.iterations} iterations in all)`,
        ...problems,
      ].join('\n'),
    );
  }
}
