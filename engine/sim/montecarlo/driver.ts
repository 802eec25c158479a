import { PairedAccumulator, RunAccumulator } from '../../stats/index.ts';
import type { Manifest, MonteCarloResult, PrecisionOutcome, PrecisionTarget } from '../../result/run.ts';
import type { ChunkResult } from './chunk.ts';
import type { ChunkExecutor } from './executor.ts';
import { buildManifest } from './manifest.ts';
import { PRECISION_CHECKS } from '../run-limits.ts';
import { chunkTasks, type ChunkRange, type RunSpec } from './spec.ts';
import { nextCheck, precisionMet, watchedMoments, widestHalfWidth } from './precision.ts';

/**
 * The merged, not yet summarised, aggregates of a run or of a contiguous range of its chunks (a shard).
 * Aggregates of consecutive ranges merge, in chunk order, into exactly those of the whole run.
 */
export interface MonteCarloAggregates {
  readonly manifest: Manifest;
  /** One per scenario, baseline first; empty when no chunk was merged. */
  readonly runs: readonly RunAccumulator[];
  /** One per challenger, paired with the baseline. */
  readonly paired: readonly PairedAccumulator[];
  /** With the spec's `trackKpi`: per scenario, that KPI's value in each merged iteration, in order. */
  readonly kpiValues?: readonly (readonly number[])[];
}

export interface RunProgress {
  /** Iterations merged so far (a prefix of the chunk order) and in all — of the chunk range when one is given. */
  readonly completedIterations: number;
  readonly totalIterations: number;
  /**
   * The result over the iterations merged so far, when `partialResults` was asked for: summarised when
   * first read (a few ms per scenario), so progress nobody displays costs nothing. Read during the
   * callback it covers `completedIterations`; read later, the iterations merged by then.
   */
  readonly partial?: MonteCarloResult;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Offer a summary with each progress report (see RunProgress.partial), for results that refine live. */
  readonly partialResults?: boolean;
  /** Run only chunks [first, end) of the run's fixed chunk list (a shard); default: every chunk. */
  readonly chunks?: ChunkRange;
  /**
   * Stop early once the simulation error of one KPI is small enough (see PrecisionTarget); the spec's
   * iterations are then the maximum. Checked at fixed iteration counts of the chunk order, so the
   * stopping point does not depend on the workers; the manifest records the target and the outcome.
   * Not with `chunks`: a shard's share of a run is fixed in advance.
   */
  readonly precision?: PrecisionTarget;
}

/**
 * Runs every chunk of the spec on the executor, at most `executor.concurrency` at once, and merges the
 * chunk aggregates strictly in chunk order, so the result is identical for any number of workers.
 * Memory holds one aggregate per scenario plus chunks that finished ahead of their turn.
 */
export async function runMonteCarlo(
  spec: RunSpec,
  executor: ChunkExecutor,
  options: RunOptions = {},
): Promise<MonteCarloResult> {
  return summariseAggregates(await aggregateMonteCarlo(spec, executor, options));
}

/**
 * As runMonteCarlo, but stops before summarising: the merged aggregates of every chunk, or of
 * `options.chunks` only, ready to be written to a shard file and merged with the other shards.
 */
export async function aggregateMonteCarlo(
  spec: RunSpec,
  executor: ChunkExecutor,
  options: RunOptions = {},
): Promise<MonteCarloAggregates> {
  const manifest = await buildManifest(spec);
  const all = chunkTasks(spec.iterations, spec.chunkSize);
  const { precision } = options;
  if (precision && options.chunks) {
    throw new RangeError('invalid precision with a chunk range: a shard runs a share fixed in advance');
  }
  const range = options.chunks ?? { first: 0, end: all.length };
  if (!Number.isSafeInteger(range.first) || !Number.isSafeInteger(range.end)) {
    throw new RangeError(`invalid chunk range ${range.first}–${range.end}: expected whole numbers`);
  }
  if (range.first < 0 || range.end > all.length || range.first > range.end) {
    throw new RangeError(
      `invalid chunk range ${range.first}–${range.end}: the run has chunks 0–${all.length} (end exclusive)`,
    );
  }
  const tasks = all.slice(range.first, range.end);
  const totalIterations = tasks.reduce((sum, t) => sum + t.count, 0);
  const merger = new ChunkMerger(manifest);
  const waiting = new Map<number, ChunkResult>();
  let nextToMerge = 0;
  let nextToStart = 0;
  const { signal } = options;
  // Precision: whether the target was met at a check point, and the next check point.
  let met = false;
  let checkAt = nextCheck(0);

  const worker = async (): Promise<void> => {
    while (nextToStart < tasks.length && !met) {
      signal?.throwIfAborted();
      const position = nextToStart++;
      const result = await executor.run(manifest.runHash, spec, tasks[position]!);
      signal?.throwIfAborted();
      waiting.set(position, result);
      // Once met, chunks that finished later are dropped: the result is the prefix up to the check point.
      while (!met && waiting.has(nextToMerge)) {
        merger.add(waiting.get(nextToMerge)!);
        waiting.delete(nextToMerge++);
        options.onProgress?.(progressOf(merger, totalIterations, options.partialResults === true));
        if (precision && merger.iterations >= checkAt) {
          const { runs, paired } = merger.aggregates();
          met = precisionMet(precision, watchedMoments(runs, paired, precision.kpi));
          checkAt = nextCheck(merger.iterations);
        }
      }
    }
  };
  const lanes = Math.max(1, Math.min(executor.concurrency, tasks.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  if (!precision) return merger.aggregates();
  return withPrecision(merger.aggregates(), spec, precision, met);
}

/**
 * The aggregates of a run that stopped on precision, with the manifest of a fixed run of the iterations
 * it took (so it reads, and hashes, as that run) plus the target and the outcome.
 */
async function withPrecision(
  aggregates: MonteCarloAggregates,
  spec: RunSpec,
  target: PrecisionTarget,
  metAtCheck: boolean,
): Promise<MonteCarloAggregates> {
  const { runs, paired } = aggregates;
  const iterationsTaken = runs[0]?.iterations ?? 0;
  const moments = watchedMoments(runs, paired, target.kpi);
  const reached = widestHalfWidth(moments);
  const outcome: PrecisionOutcome = {
    ...target,
    maxIterations: spec.iterations,
    iterationsTaken,
    // At the maximum, the target may be met by the last iterations even between check points (never
    // below the minimum, whose standard error is too noisy to stop on).
    met: metAtCheck || (iterationsTaken >= PRECISION_CHECKS.minIterations && precisionMet(target, moments)),
    reachedHalfWidth: Number.isNaN(reached) ? null : reached,
  };
  const manifest = await buildManifest({ ...spec, iterations: iterationsTaken });
  return { ...aggregates, manifest: { ...manifest, precision: outcome } };
}

function progressOf(merger: ChunkMerger, totalIterations: number, withPartial: boolean): RunProgress {
  const completedIterations = merger.iterations;
  if (!withPartial) return { completedIterations, totalIterations };
  let partial: MonteCarloResult | undefined;
  return {
    completedIterations,
    totalIterations,
    get partial() {
      return (partial ??= summariseAggregates(merger.aggregates()));
    },
  };
}

/** Means, CIs, quantiles and paired deltas of merged aggregates; scenario names come from the manifest. */
export function summariseAggregates(aggregates: MonteCarloAggregates): MonteCarloResult {
  const names = aggregates.manifest.scenarios.map((s) => s.name);
  return {
    manifest: aggregates.manifest,
    scenarios: aggregates.runs.map((r, i) => ({ name: names[i]!, summary: r.summary() })),
    comparisons: aggregates.paired.map((p, i) => ({
      baseline: names[0]!,
      challenger: names[i + 1]!,
      summary: p.summary(),
    })),
  };
}

/** Accumulates chunk results in order. */
class ChunkMerger {
  private runs: RunAccumulator[] = [];
  private paired: PairedAccumulator[] = [];
  private kpiValues: number[][] | undefined;
  private merged = 0;

  constructor(private readonly manifest: Manifest) {}

  get iterations(): number {
    return this.runs[0]?.iterations ?? 0;
  }

  add(chunk: ChunkResult): void {
    const runs = chunk.runs.map((json) => RunAccumulator.fromJSON(json));
    const paired = chunk.paired.map((json) => PairedAccumulator.fromJSON(json));
    if (chunk.kpiValues) {
      this.kpiValues ??= chunk.kpiValues.map(() => []);
      chunk.kpiValues.forEach((values, s) => this.kpiValues![s]!.push(...values));
    }
    if (this.merged++ === 0) {
      this.runs = runs;
      this.paired = paired;
      return;
    }
    runs.forEach((r, i) => this.runs[i]!.merge(r));
    paired.forEach((p, i) => this.paired[i]!.merge(p));
  }

  aggregates(): MonteCarloAggregates {
    return {
      manifest: this.manifest,
      runs: this.runs,
      paired: this.paired,
      ...(this.kpiValues ? { kpiValues: this.kpiValues } : {}),
    };
  }
}
