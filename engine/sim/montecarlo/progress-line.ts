import type { MonteCarloResult } from '../../result/run.ts';
import type { RunProgress } from './driver.ts';
import type { ShardSelector } from './shard.ts';

/** A KPI estimate so far: mean and 95% CI (null where not yet computable). */
export interface PartialKpi {
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
}

/** A paired KPI estimate so far: mean delta (challenger − baseline), its 95% CI and P(challenger better). */
export interface PartialDelta {
  readonly meanDelta: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly pBetter: number | null;
}

/**
 * One line of `--progress-json` output: a cluster log shows how far a run (or a shard) is, and, with
 * partial results, how the KPI estimates settle. Counts are of the shard's own iterations when sharded.
 */
export interface ProgressLine {
  readonly completedIterations: number;
  readonly totalIterations: number;
  /** Seconds since the run started (wall clock; the only field that varies between identical runs). */
  readonly elapsedSeconds: number;
  readonly shard?: ShardSelector;
  readonly partial?: {
    readonly scenarios: readonly {
      readonly name: string;
      readonly iterations: number;
      readonly kpis: Readonly<Record<string, PartialKpi>>;
    }[];
    readonly comparisons: readonly {
      readonly baseline: string;
      readonly challenger: string;
      readonly kpis: Readonly<Record<string, PartialDelta>>;
    }[];
  };
}

/**
 * The NDJSON line (with its newline) for one merged chunk.
 * @example progressLine({ completedIterations: 40, totalIterations: 200 }, { elapsedSeconds: 3.2 })
 * // '{"completedIterations":40,"totalIterations":200,"elapsedSeconds":3.2}\n'
 */
export function progressLine(
  progress: RunProgress,
  context: { readonly elapsedSeconds: number; readonly shard?: ShardSelector },
): string {
  const line: ProgressLine = {
    completedIterations: progress.completedIterations,
    totalIterations: progress.totalIterations,
    elapsedSeconds: Math.round(context.elapsedSeconds * 1000) / 1000,
    ...(context.shard ? { shard: { index: context.shard.index, count: context.shard.count } } : {}),
    ...(progress.partial ? { partial: compactPartial(progress.partial) } : {}),
  };
  return JSON.stringify(line) + '\n';
}

/** Headline figures only: the full summary (series, breakdowns) would flood a log line per chunk. */
function compactPartial(result: MonteCarloResult): NonNullable<ProgressLine['partial']> {
  return {
    scenarios: result.scenarios.map(({ name, summary }) => ({
      name,
      iterations: summary.iterations,
      kpis: Object.fromEntries(summary.kpis.map((k) => [k.id, { mean: k.mean, ci95: k.ci95 }])),
    })),
    comparisons: result.comparisons.map(({ baseline, challenger, summary }) => ({
      baseline,
      challenger,
      kpis: Object.fromEntries(
        summary.kpis.map((k) => [k.id, { meanDelta: k.meanDelta, ci95: k.ci95, pBetter: k.pBetter }]),
      ),
    })),
  };
}
