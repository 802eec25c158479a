import type { IterationResult } from '../result/iteration.ts';
import { Distribution, distributionInconsistency, MAX_MAGNITUDE } from './distribution.ts';
import type { DistributionJson, Moments } from './distribution.ts';
import { IterationResultError } from './iteration-check.ts';
import { failer, readArray, readCount, readObject, within } from './json-read.ts';
import { interval } from './kpi-summary.ts';
import { exactRatio } from './exact-ratio.ts';
import { ExactSum } from './exact-sum.ts';
import { simultaneousInterval } from './simultaneous.ts';
import { SPLIT_METHOD, VarianceSplit, type VarianceSplitJson } from './variance-split.ts';
import { KPIS, kpiIndex, kpiValueRange, type KpiId } from '../result/kpis.ts';
import { orNull } from '../result/summary.ts';
import type { Interval, PairedKpi, PairedSummary } from '../result/summary.ts';
import { BREAKDOWN_DIMENSIONS } from '../result/iteration.ts';
import { PairedBreakdownTable } from './paired-breakdown.ts';
import type { PairedBreakdownJson } from './paired-breakdown.ts';

export const PAIRED_AGGREGATE_FORMAT = 'cyclecast.paired-aggregate';

/**
 * The decision KPIs whose paired delta gets a variance split: the NPV of each perspective and
 * retention. (Each split keeps two exact sums per assumption score, so not every KPI carries one.)
 */
export const SPLIT_KPIS: readonly KpiId[] = [
  'profit.npv',
  'network.profit.npv',
  'group.profit.npv',
  'retention.rate',
];

/** Per KPI: the delta distribution and the counts behind P(better) and allZero. */
interface PairedTally {
  /** challenger − baseline where both are defined; NaN (counted as undefined) otherwise. */
  readonly delta: Distribution;
  /** Exact Σ max(Δ′, 0) over the defined pairs, Δ′ the delta in the KPI's better direction. */
  readonly gain: ExactSum;
  /** The variance split of the delta by the assumption scores, for SPLIT_KPIS; null for the others. */
  readonly split: VarianceSplit | null;
  /** Pairs in which the challenger was strictly better in the KPI's direction. */
  better: number;
  /** Pairs with equal values. */
  ties: number;
  /** Pairs in which exactly one scenario defined the KPI. */
  definedInOneOnly: number;
}

/**
 * Streaming paired comparison of a challenger with a baseline over the same iterations (common
 * random numbers): per KPI the exact moments and a quantile sketch of the per-iteration delta
 * (challenger − baseline), and counts of better / tied iterations. Fixed memory; like
 * RunAccumulator, every number depends only on the set of iteration pairs added, never on chunking.
 *
 * @example
 * const paired = new PairedAccumulator();
 * paired.add(baselineResult, challengerResult); // same iteration
 * paired.summary().kpis.find((k) => k.id === 'profit.npv')?.pBetter
 */
export class PairedAccumulator {
  iterations = 0;
  private readonly tallies: PairedTally[] = KPIS.map((k) => newTally(k.id));
  private readonly breakdowns: PairedBreakdownTable[] = BREAKDOWN_DIMENSIONS.map(
    (d) => new PairedBreakdownTable(d),
  );

  /** Adds one iteration of both scenarios; throws an IterationResultError (adding nothing) when they do not pair. */
  add(baseline: IterationResult, challenger: IterationResult): void {
    const iteration = baseline.iteration;
    if (challenger.iteration !== iteration) {
      throw new IterationResultError(
        iteration,
        `paired with challenger iteration ${challenger.iteration}: a paired comparison needs the same iteration`,
      );
    }
    for (const [side, r] of [
      ['baseline', baseline],
      ['challenger', challenger],
    ] as const) {
      if (r.kpis.length !== KPIS.length) {
        throw new IterationResultError(
          iteration,
          `${side} kpis has ${r.kpis.length} values, expected ${KPIS.length}`,
        );
      }
      // Half the range of a single value, so that every delta is within range too.
      r.kpis.forEach((x, i) => {
        if (Number.isFinite(x) && Math.abs(x) > MAX_MAGNITUDE / 2) {
          throw new IterationResultError(
            iteration,
            `${side} KPI ${KPIS[i]!.id} is ${x}, outside ±${(MAX_MAGNITUDE / 2).toPrecision(3)}`,
          );
        }
      });
    }
    for (const d of BREAKDOWN_DIMENSIONS) {
      const problem = PairedBreakdownTable.problem(baseline.breakdowns[d], challenger.breakdowns[d]);
      if (problem) throw new IterationResultError(iteration, `${d}: ${problem}`);
    }
    KPIS.forEach((spec, i) => {
      const b = baseline.kpis[i]!;
      const c = challenger.kpis[i]!;
      const t = this.tallies[i]!;
      const bDefined = Number.isFinite(b);
      const cDefined = Number.isFinite(c);
      if (!bDefined || !cDefined) {
        if (bDefined !== cDefined) t.definedInOneOnly++;
        t.delta.add(NaN);
        return;
      }
      // Compare the values, not the rounded delta: c > b exactly when the challenger is higher.
      if (c === b) t.ties++;
      else if (spec.better === 'higher' ? c > b : c < b) t.better++;
      const d = c - b;
      t.delta.add(d);
      const gain = spec.better === 'higher' ? d : -d;
      if (gain > 0) t.gain.add(gain);
      if (t.split !== null && baseline.assumptionScores !== undefined) {
        t.split.add(d, baseline.assumptionScores);
      }
    });
    BREAKDOWN_DIMENSIONS.forEach((d, i) =>
      this.breakdowns[i]!.add(baseline.breakdowns[d], challenger.breakdowns[d]),
    );
    this.iterations++;
  }

  /** Appends a later chunk's aggregate. */
  merge(other: PairedAccumulator): void {
    this.tallies.forEach((t, i) => {
      const o = other.tallies[i]!;
      t.delta.merge(o.delta);
      t.gain.merge(o.gain);
      if (t.split !== null && o.split !== null) t.split.merge(o.split);
      t.better += o.better;
      t.ties += o.ties;
      t.definedInOneOnly += o.definedInOneOnly;
    });
    this.breakdowns.forEach((t, i) => t.merge(other.breakdowns[i]!));
    this.iterations += other.iterations;
  }

  /**
   * Mean delta, its paired standard error and 95% CI, P(challenger better) and delta quantiles per KPI,
   * with the simulation error (`ci`) and forecast interval (`forecast`) simultaneous over `comparisons`
   * challengers (Bonferroni), the value of perfect information and, for SPLIT_KPIS, the variance split.
   */
  summary(comparisons = 1): PairedSummary {
    const m = Math.max(1, comparisons);
    return {
      iterations: this.iterations,
      kpis: KPIS.map((spec, i) => pairedKpi(spec, this.tallies[i]!, m)),
      comparisons: m,
      ciLevel: 1 - 0.05 / m,
      forecastLevel: 1 - 0.1 / m,
      simultaneous: m > 1 ? 'bonferroni' : 'none',
      splitMethod: `${SPLIT_METHOD}; for ${SPLIT_KPIS.join(', ')}`,
      breakdowns: this.breakdowns.map((t) => t.summary()),
    };
  }

  /**
   * The q-quantile (0–1) of the per-iteration delta of KPI `id`, within 0.78% relative; NaN when none.
   * @example paired.deltaQuantile('profit.npv', 0.05) // p5 of the NPV delta, €
   */
  deltaQuantile(id: KpiId, q: number): number {
    return this.tallies[kpiIndex(id)]!.delta.sketch.quantile(q);
  }

  /** Mean paired delta of KPI `id`, its standard error and 95% CI (its unit), without summarising the rest. */
  deltaMoments(id: KpiId): Moments {
    return this.tallies[kpiIndex(id)]!.delta.moments();
  }

  toJSON(): PairedAggregateJson {
    return {
      format: PAIRED_AGGREGATE_FORMAT,
      version: 3,
      iterations: this.iterations,
      kpis: KPIS.map((spec, i) => {
        const t = this.tallies[i]!;
        return {
          id: spec.id,
          better: t.better,
          ties: t.ties,
          definedInOneOnly: t.definedInOneOnly,
          delta: t.delta.toJSON(),
          gain: t.gain.toJSON(),
          ...(t.split !== null ? { split: t.split.toJSON() } : {}),
        };
      }),
      breakdowns: this.breakdowns.map((t) => t.toJSON()),
    };
  }

  /** As RunAccumulator.inconsistency, for the KPI deltas: for shard files, not worker messages. */
  inconsistency(): { path: string; detail: string } | null {
    for (let i = 0; i < KPIS.length; i++) {
      // A difference of two values in [lo, hi] lies in [lo − hi, hi − lo].
      const [lo, hi] = kpiValueRange(KPIS[i]!);
      const detail = distributionInconsistency(this.tallies[i]!.delta, [lo - hi, hi - lo]);
      if (detail) return { path: `$.kpis[${i}].delta`, detail: `${KPIS[i]!.id}: ${detail}` };
    }
    return null;
  }

  /** Reads `toJSON()` output; throws AggregateFormatError naming the path. */
  static fromJSON(json: unknown): PairedAccumulator {
    const fail = failer('paired aggregate');
    const o = readObject(json, '$', fail);
    if (o.format !== PAIRED_AGGREGATE_FORMAT || o.version !== 3) {
      fail('$.format', `expected format "${PAIRED_AGGREGATE_FORMAT}" version 3`);
    }
    const acc = new PairedAccumulator();
    acc.iterations = readCount(o.iterations, '$.iterations', fail);
    readArray(o.kpis, '$.kpis', fail, KPIS.length).forEach((entry, i) => {
      const path = `$.kpis[${i}]`;
      const k = readObject(entry, path, fail);
      if (k.id !== KPIS[i]!.id) fail(`${path}.id`, `expected "${KPIS[i]!.id}" (KPIS order)`);
      const delta = new Distribution(true);
      within(`${path}.delta`, fail, () => delta.load(k.delta));
      const gain = ExactSum.linear();
      within(`${path}.gain`, fail, () => gain.load(k.gain));
      const fresh = newTally(KPIS[i]!.id);
      if (fresh.split !== null) within(`${path}.split`, fail, () => fresh.split!.load(k.split));
      else if (k.split !== undefined) fail(`${path}.split`, 'only the split KPIs carry a split');
      const t: PairedTally = {
        delta,
        gain,
        split: fresh.split,
        better: readCount(k.better, `${path}.better`, fail),
        ties: readCount(k.ties, `${path}.ties`, fail),
        definedInOneOnly: readCount(k.definedInOneOnly, `${path}.definedInOneOnly`, fail),
      };
      if (delta.n + delta.undefinedCount !== acc.iterations) {
        fail(`${path}.delta`, `n + undefined must equal ${acc.iterations} iterations`);
      }
      if (t.better + t.ties > delta.n) fail(path, `better + ties exceeds the ${delta.n} defined pairs`);
      if (t.definedInOneOnly > delta.undefinedCount)
        fail(path, 'definedInOneOnly exceeds the undefined pairs');
      acc.tallies[i] = t;
    });
    readArray(o.breakdowns, '$.breakdowns', fail, BREAKDOWN_DIMENSIONS.length).forEach((entry, i) => {
      const path = `$.breakdowns[${i}]`;
      const table = PairedBreakdownTable.fromJSON(entry, BREAKDOWN_DIMENSIONS[i]!, path, fail);
      if (table.iterations !== acc.iterations) {
        fail(`${path}.iterations`, `expected ${acc.iterations}, the aggregate's iterations`);
      }
      acc.breakdowns[i] = table;
    });
    return acc;
  }
}

export interface PairedAggregateJson {
  format: typeof PAIRED_AGGREGATE_FORMAT;
  version: 3;
  iterations: number;
  kpis: {
    id: string;
    better: number;
    ties: number;
    definedInOneOnly: number;
    delta: DistributionJson;
    /** Exact Σ max(Δ′, 0), see ExactSum.toJSON. */
    gain: string;
    /** For SPLIT_KPIS only. */
    split?: VarianceSplitJson;
  }[];
  breakdowns: PairedBreakdownJson[];
}

function newTally(id: KpiId): PairedTally {
  return {
    delta: new Distribution(true),
    gain: ExactSum.linear(),
    split: SPLIT_KPIS.includes(id) ? new VarianceSplit() : null,
    better: 0,
    ties: 0,
    definedInOneOnly: 0,
  };
}

function pairedKpi(spec: (typeof KPIS)[number], t: PairedTally, comparisons: number): PairedKpi {
  const d = t.delta;
  const n = d.n;
  const allZero = t.ties === n && t.definedInOneOnly === 0;
  const { mean, sd, se, ci95 } = d.moments();
  const q = (p: number): number | null => orNull(d.sketch.quantile(p));
  const joint = simultaneousInterval(mean, se, n, comparisons);
  const ci = allZero && n > 0 ? ([0, 0] as Interval) : joint && interval(joint);
  const spread = 0.05 / comparisons;
  const oriented = spec.better === 'higher' ? mean : -mean;
  const gain = n === 0 ? NaN : exactRatio(t.gain.scaled(), BigInt(n), t.gain.lowBit);
  return {
    id: spec.id,
    unit: spec.unit,
    better: spec.better,
    n,
    meanDelta: orNull(mean),
    sd: orNull(sd),
    se: orNull(se),
    // Exact sums already give 0 ± 0 for identical runs; stated outright so it never depends on that.
    ci95: allZero && n > 0 ? [0, 0] : interval(ci95),
    pBetter: n === 0 ? null : (t.better + t.ties / 2) / n,
    allZero,
    p05: q(0.05),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p95: q(0.95),
    undefinedCount: d.undefinedCount,
    definedInOneOnly: t.definedInOneOnly,
    ci,
    forecast: interval([d.sketch.quantile(spread), d.sketch.quantile(1 - spread)]),
    valueOfInformation: orNull(gain - Math.max(oriented, 0)),
    varianceFromAssumptions: t.split?.assumptionShare() ?? null,
  };
}
