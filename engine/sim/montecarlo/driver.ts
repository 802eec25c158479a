import { PairedAccumulator, RunAccumulator, type PairedSummary, type RunSummary } from '../../stats/index.ts';
import type { ChunkResult } from './chunk.ts';
import type { ChunkExecutor } from './executor.ts';
import { buildManifest, type Manifest } from './manifest.ts';
import { chunkTasks, type RunSpec } from './spec.ts';

/** The output of a run or a comparison, identical in the CLI's JSON and the workbench. */
export interface MonteCarloResult {
  readonly manifest: Manifest;
  readonly scenarios: readonly { readonly name: string; readonly summary: RunSummary }[];
  /** Each challenger against the baseline (the first scenario), paired iteration by iteration. */
  readonly comparisons: readonly {
    readonly baseline: string;
    readonly challenger: string;
    readonly summary: PairedSummary;
  }[];
}

export interface RunProgress {
  /** Iterations merged so far (a prefix of the chunk order) and in all. */
  readonly completedIterations: number;
  readonly totalIterations: number;
  /** The result over the iterations merged so far, when `partialResults` was asked for. */
  readonly partial?: MonteCarloResult;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Summarise after each merged chunk (costs a few ms per scenario), for results that refine live. */
  readonly partialResults?: boolean;
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
  const manifest = await buildManifest(spec);
  const tasks = chunkTasks(spec.iterations, spec.chunkSize);
  const merger = new ChunkMerger(spec, manifest);
  const waiting = new Map<number, ChunkResult>();
  let nextToMerge = 0;
  let nextToStart = 0;
  const { signal } = options;

  const worker = async (): Promise<void> => {
    while (nextToStart < tasks.length) {
      signal?.throwIfAborted();
      const task = tasks[nextToStart++]!;
      const result = await executor.run(manifest.runHash, spec, task);
      signal?.throwIfAborted();
      waiting.set(task.index, result);
      while (waiting.has(nextToMerge)) {
        merger.add(waiting.get(nextToMerge)!);
        waiting.delete(nextToMerge++);
        options.onProgress?.({
          completedIterations: merger.iterations,
          totalIterations: spec.iterations,
          ...(options.partialResults ? { partial: merger.result() } : {}),
        });
      }
    }
  };
  const lanes = Math.max(1, Math.min(executor.concurrency, tasks.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  return merger.result();
}

/** Accumulates chunk results in order and summarises them. */
class ChunkMerger {
  private runs: RunAccumulator[] | undefined;
  private paired: PairedAccumulator[] | undefined;

  constructor(
    private readonly spec: RunSpec,
    private readonly manifest: Manifest,
  ) {}

  get iterations(): number {
    return this.runs?.[0]?.iterations ?? 0;
  }

  add(chunk: ChunkResult): void {
    const runs = chunk.runs.map((json) => RunAccumulator.fromJSON(json));
    const paired = chunk.paired.map((json) => PairedAccumulator.fromJSON(json));
    if (!this.runs || !this.paired) {
      this.runs = runs;
      this.paired = paired;
      return;
    }
    runs.forEach((r, i) => this.runs![i]!.merge(r));
    paired.forEach((p, i) => this.paired![i]!.merge(p));
  }

  result(): MonteCarloResult {
    const names = this.spec.scenarios.map((s) => s.name);
    return {
      manifest: this.manifest,
      scenarios: (this.runs ?? []).map((r, i) => ({ name: names[i]!, summary: r.summary() })),
      comparisons: (this.paired ?? []).map((p, i) => ({
        baseline: names[0]!,
        challenger: names[i + 1]!,
        summary: p.summary(),
      })),
    };
  }
}
