import type { KpiId } from '../../result/kpis.ts';
import type { MonteCarloResult } from '../../result/run.ts';
import { KimNelson, RunAccumulator, simultaneousInterval } from '../../stats/index.ts';
import { RUN_LIMITS } from '../run-limits.ts';
import type { ChunkExecutor } from './executor.ts';
import { runMonteCarlo } from './driver.ts';
import { contentHash } from './hash.ts';
import type { ChunkTask, RunSpec } from './spec.ts';

/**
 * The batches the selection observes: each observation is the mean of `batchSize` iterations (close to
 * normal, as KN assumes), and the first stage takes `firstStage` of them (n0) from every alternative,
 * enough for the variances of the pairwise differences that set how long KN continues.
 */
export const OPTIMISE_STAGES = { batchSize: 5, firstStage: 10 } as const;

/** A bound on a KPI's mean that the chosen alternative must keep: `kpi <= bound` or `kpi >= bound`. */
export interface Constraint {
  readonly kpi: KpiId;
  readonly op: '<=' | '>=';
  /** In the KPI's unit (€, 0–1 …). */
  readonly bound: number;
  /** As given, e.g. `credit.lossRate <= 0.02`. */
  readonly text: string;
}

export interface SelectionSettings {
  readonly kpi: KpiId;
  readonly direction: 'maximise' | 'minimise';
  readonly constraints: readonly Constraint[];
  /** The indifference zone (KPI unit, > 0); undefined: chosen after the first stage (see selectBest). */
  readonly delta?: number;
  /** Probability of correct selection asked for, 0–1 (e.g. 0.95). */
  readonly confidence: number;
  /** Iterations per observation: each observation is a batch mean. */
  readonly batchSize: number;
  /** First-stage observations (n0). */
  readonly firstStage: number;
  /** Most iterations any alternative runs in the selection. */
  readonly maxIterations: number;
  /** Seed of the re-estimation of the winner and the runner-up, other than the selection's. */
  readonly freshSeed: number;
  /** The indifference zone when `delta` is not given, from the first alternative's first-stage mean (KPI unit). */
  readonly defaultDelta: (firstMean: number) => number;
  /** Told after the first stage and after each wave of batches: alternatives left and iterations each ran. */
  readonly onProgress?: (progress: { readonly alive: number; readonly iterations: number }) => void;
}

/** One alternative's part in the selection. */
export interface AlternativeOutcome {
  /** Iterations it ran in the selection (its observations × batch size). */
  readonly iterations: number;
  /** Mean of the KPI over those iterations (KPI unit). */
  readonly mean: number;
  /** selected, runner-up, eliminated (by KN), or infeasible (a constraint's mean on the wrong side after the first stage). */
  readonly status: 'selected' | 'runner-up' | 'eliminated' | 'infeasible';
  /** Per constraint, its mean and its simultaneous 95% CI after the first stage. */
  readonly constraints: readonly {
    readonly mean: number;
    readonly ci: readonly [number, number] | null;
    /** Whether the interval lies on the wrong side, the right side, or across the bound. */
    readonly verdict: 'meets' | 'fails' | 'uncertain';
  }[];
}

export interface SelectionOutcome {
  readonly alternatives: readonly AlternativeOutcome[];
  readonly winner: number;
  /** Undefined when only one alternative was feasible. */
  readonly runnerUp?: number;
  readonly procedure: {
    readonly name: 'KN (Kim & Nelson 2001) with common random numbers, on batch means';
    readonly delta: number;
    readonly deltaGiven: boolean;
    readonly confidence: number;
    readonly n0: number;
    readonly batchSize: number;
    readonly h2: number | null;
    /** Observations of the survivors when it ended. */
    readonly observations: number;
    /** one-left: all others eliminated; bound: KN's own bound (the guarantee holds); maximum: --iterations ran out (it does not); single: only one feasible alternative. */
    readonly endedBy: 'one-left' | 'bound' | 'maximum' | 'single';
  };
  /** The winner (baseline) and the runner-up re-run on the fresh seed: unbiased by the selection. */
  readonly fresh: MonteCarloResult;
}

/**
 * Selects the best alternative (scenario of `spec`) on one KPI under constraints: the first stage runs
 * every alternative on the same batches of iterations (common random numbers), drops those whose
 * constraint means are on the wrong side, then KN eliminates among the rest batch by batch until one
 * is left (or its bound, or the maximum). The winner and the runner-up are then re-estimated on a fresh
 * seed, since the means that won a selection are biased upward (the winner's curse). Batches run on
 * `executor` in waves and are read in order, so the outcome does not depend on the workers.
 */
export async function selectBest(
  spec: RunSpec,
  executor: ChunkExecutor,
  settings: SelectionSettings,
): Promise<SelectionOutcome> {
  const k = spec.scenarios.length;
  const { batchSize, firstStage: n0, constraints } = settings;
  const maxBatches = Math.max(n0, Math.floor(settings.maxIterations / batchSize));
  const sign = settings.direction === 'maximise' ? 1 : -1;
  // observations[i][j]: batch j's mean of the KPI (index 0) and of each constraint KPI, alternative i.
  const observations: number[][][] = Array.from({ length: k }, () => []);
  const kpis = [settings.kpi, ...constraints.map((c) => c.kpi)];

  const runBatches = async (alternatives: readonly number[], batches: readonly number[]) => {
    const subset: RunSpec = { ...spec, scenarios: alternatives.map((i) => spec.scenarios[i]!) };
    const runId = await contentHash(subset);
    const tasks = batches.map((j): ChunkTask => ({ index: j, first: j * batchSize, count: batchSize }));
    const results: Awaited<ReturnType<ChunkExecutor['run']>>[] = [];
    // At most `concurrency` at once; each result is stored under its batch, so order does not matter.
    for (let start = 0; start < tasks.length; start += executor.concurrency) {
      const wave = tasks.slice(start, start + executor.concurrency);
      results.push(...(await Promise.all(wave.map((t) => executor.run(runId, subset, t)))));
    }
    results.forEach((chunk, b) => {
      chunk.runs.forEach((json, a) => {
        const acc = RunAccumulator.fromJSON(json);
        observations[alternatives[a]!]![batches[b]!] = kpis.map((id) => {
          const mean = acc.kpiMoments(id).mean;
          if (!Number.isFinite(mean)) {
            throw new RangeError(
              `invalid selection: ${id} is undefined in iterations ${tasks[b]!.first}–${tasks[b]!.first + batchSize - 1}; choose a KPI every iteration defines`,
            );
          }
          return mean;
        });
      });
    });
  };

  const all = Array.from({ length: k }, (_, i) => i);
  await runBatches(
    all,
    Array.from({ length: n0 }, (_, j) => j),
  );
  settings.onProgress?.({ alive: k, iterations: n0 * batchSize });

  // Feasibility after the first stage: simultaneous over every alternative and constraint.
  const family = Math.max(1, k * constraints.length);
  const constraintOutcomes = all.map((i) =>
    constraints.map((c, ci) => {
      const values = observations[i]!.map((row) => row[ci + 1]!);
      const { mean, se } = meanAndSe(values);
      const ci95 = simultaneousInterval(mean, se, values.length, family);
      const ok = (x: number) => (c.op === '<=' ? x <= c.bound : x >= c.bound);
      const verdict: 'meets' | 'fails' | 'uncertain' =
        ci95 === null
          ? ok(mean)
            ? 'meets'
            : 'fails'
          : ok(ci95[0]) && ok(ci95[1])
            ? 'meets'
            : !ok(ci95[0]) && !ok(ci95[1])
              ? 'fails'
              : 'uncertain';
      return { mean, ci: ci95, verdict, feasible: ok(mean) };
    }),
  );
  const feasible = all.filter((i) => constraintOutcomes[i]!.every((c) => c.feasible));
  if (feasible.length === 0) {
    throw new RangeError(
      `invalid selection: no alternative meets ${constraints.map((c) => `"${c.text}"`).join(' and ')} on average after the first ${n0 * batchSize} iterations`,
    );
  }
  const delta = settings.delta ?? settings.defaultDelta(meanAndSe(observations[0]!.map((r) => r[0]!)).mean);
  if (!(delta > 0)) throw new RangeError(`invalid indifference zone ${delta}: expected a number above 0`);

  let winner: number;
  let endedBy: SelectionOutcome['procedure']['endedBy'];
  let kn: KimNelson | undefined;
  if (feasible.length === 1) {
    winner = feasible[0]!;
    endedBy = 'single';
  } else {
    kn = new KimNelson(feasible.length, n0, delta, 1 - settings.confidence);
    const row = (j: number) => feasible.map((i) => sign * (observations[i]![j]?.[0] ?? NaN));
    for (let j = 0; j < n0; j++) kn.add(row(j));
    let next = n0;
    while (!kn.done && next < maxBatches) {
      const survivors = [...kn.alive].map((f) => feasible[f]!);
      const wave = Array.from(
        { length: Math.min(executor.concurrency, maxBatches - next) },
        (_, w) => next + w,
      );
      await runBatches(survivors, wave);
      for (const j of wave) {
        if (kn.done) break;
        kn.add(row(j));
        next = j + 1;
      }
      settings.onProgress?.({ alive: kn.alive.size, iterations: kn.observations * batchSize });
    }
    winner = feasible[kn.best()]!;
    endedBy = kn.alive.size === 1 ? 'one-left' : kn.done ? 'bound' : 'maximum';
  }

  const ran = (i: number): number => {
    const f = feasible.indexOf(i);
    if (f < 0 || !kn) return n0;
    return kn.eliminatedAt.get(f) ?? kn.observations;
  };
  const mean = (i: number) => {
    const n = ran(i);
    return observations[i]!.slice(0, n).reduce((a, r) => a + r[0]!, 0) / n;
  };
  // The runner-up: of the other feasible alternatives, the one that lasted longest, then the best mean.
  const runnerUp = feasible
    .filter((i) => i !== winner)
    .sort((a, b) => ran(b) - ran(a) || sign * (mean(b) - mean(a)))[0];

  const freshIterations = Math.max(n0 * batchSize, ran(winner) * batchSize);
  const fresh = await runMonteCarlo(
    {
      ...spec,
      scenarios: [winner, ...(runnerUp === undefined ? [] : [runnerUp])].map((i) => spec.scenarios[i]!),
      seed: settings.freshSeed,
      iterations: Math.min(freshIterations, RUN_LIMITS.iterations.max),
    },
    executor,
  );

  return {
    alternatives: all.map((i) => ({
      iterations: ran(i) * batchSize,
      mean: mean(i),
      status:
        i === winner
          ? 'selected'
          : i === runnerUp
            ? 'runner-up'
            : feasible.includes(i)
              ? 'eliminated'
              : 'infeasible',
      constraints: constraintOutcomes[i]!.map(({ mean: m, ci, verdict }) => ({ mean: m, ci, verdict })),
    })),
    winner,
    ...(runnerUp !== undefined ? { runnerUp } : {}),
    procedure: {
      name: 'KN (Kim & Nelson 2001) with common random numbers, on batch means',
      delta,
      deltaGiven: settings.delta !== undefined,
      confidence: settings.confidence,
      n0,
      batchSize,
      h2: kn ? kn.h2 : null,
      observations: kn ? kn.observations : n0,
      endedBy,
    },
    fresh,
  };
}

/** Mean and standard error of the mean of values. */
function meanAndSe(values: readonly number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}
