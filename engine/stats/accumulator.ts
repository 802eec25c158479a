import { POLICY_KINDS } from '../domain/lists.ts';
import type { PolicyKind } from '../domain/lists.ts';
import { BREAKDOWN_DIMENSIONS, SERIES } from '../result/iteration.ts';
import type { IterationResult } from '../result/iteration.ts';
import { BreakdownTable } from './breakdown-table.ts';
import type { BreakdownJson } from './breakdown-table.ts';
import { CoverageTally } from './coverage-tally.ts';
import type { CoverageJson } from './coverage-tally.ts';
import { Distribution, distributionInconsistency } from './distribution.ts';
import type { DistributionJson, Moments } from './distribution.ts';
import { checkIterationResult } from './iteration-check.ts';
import { failer, readArray, readCount, readObject, within } from './json-read.ts';
import { kpiSummary } from './kpi-summary.ts';
import { KPIS, kpiIndex, kpiValueRange, type KpiId } from '../result/kpis.ts';
import { orNull } from '../result/summary.ts';
import type { RunSummary, SeriesSummary } from '../result/summary.ts';

/** What every iteration of one run shares, fixed before the first iteration. */
export interface RunLayout {
  /** Months simulated per iteration. */
  horizon: number;
  /** Rule names per policy kind in decision order (null for unnamed rules), to label coverage. */
  ruleNames?: Partial<Record<PolicyKind, readonly (string | null)[]>>;
}

export const RUN_AGGREGATE_FORMAT = 'cyclecast.run-aggregate';

/**
 * Streaming aggregate of one scenario's Monte Carlo iterations, in memory that does not grow with
 * the number of iterations: per KPI the count, exact Σx and Σx² and a quantile sketch; per series
 * and month the count, exact Σx and a sketch; per breakdown group exact metric sums; per policy the
 * coverage counts.
 *
 * Guarantee: every number is a function of the set of iterations added — not of their order, the
 * chunk size or the number of workers — because sums are exact and sketch counts are integers. A run
 * therefore gives bit-identical results however it is split. Only the order in which breakdown groups
 * are listed follows their first appearance, so merge chunks in order to make the JSON identical too.
 *
 * @example
 * const acc = new RunAccumulator({ horizon: 120 });
 * for (const r of chunkResults) acc.add(r);
 * total.merge(acc);             // chunks in order
 * const s = total.summary();    // s.kpis[0].mean, s.kpis[0].ci95 …
 */
export class RunAccumulator {
  /** Iterations added (directly or through merged chunks). */
  iterations = 0;
  readonly horizon: number;
  private readonly kpis: readonly Distribution[];
  /** `series[s * horizon + month]`, as in IterationResult. */
  private readonly series: readonly Distribution[];
  private readonly breakdowns: BreakdownTable[];
  private readonly coverage: CoverageTally[];

  constructor(layout: RunLayout) {
    if (!Number.isSafeInteger(layout.horizon) || layout.horizon < 1) {
      throw new RangeError(`invalid horizon: ${layout.horizon}, expected a whole number of months ≥ 1`);
    }
    this.horizon = layout.horizon;
    this.kpis = KPIS.map(() => new Distribution(true));
    this.series = Array.from({ length: SERIES.length * this.horizon }, () => new Distribution(false));
    this.breakdowns = BREAKDOWN_DIMENSIONS.map((d) => new BreakdownTable(d));
    this.coverage = POLICY_KINDS.map((kind) => new CoverageTally(kind, layout.ruleNames?.[kind] ?? null));
  }

  /** Adds one iteration; throws an IterationResultError (and adds nothing) when it does not fit the run. */
  add(result: IterationResult): void {
    checkIterationResult(result, this.horizon);
    POLICY_KINDS.forEach((kind, i) => {
      const c = result.coverage[kind];
      if (c !== undefined) this.coverage[i]!.check(result.iteration, c.decisions, c.fired);
    });
    POLICY_KINDS.forEach((kind, i) => {
      const c = result.coverage[kind];
      if (c !== undefined) this.coverage[i]!.add(c.decisions, c.fired);
    });
    result.kpis.forEach((x, i) => this.kpis[i]!.add(x));
    result.series.forEach((x, i) => this.series[i]!.add(x));
    BREAKDOWN_DIMENSIONS.forEach((d, i) => {
      const table = result.breakdowns[d];
      this.breakdowns[i]!.add(table.groups, table.values);
    });
    this.iterations++;
  }

  /**
   * Appends a later chunk's aggregate (same horizon and rule sets; otherwise throws and merges nothing).
   * `other` keeps its value.
   */
  merge(other: RunAccumulator): void {
    if (other.horizon !== this.horizon) {
      throw new Error(`cannot merge a ${other.horizon}-month aggregate into a ${this.horizon}-month one`);
    }
    this.coverage.forEach((c, i) => {
      const conflict = c.mergeConflict(other.coverage[i]!);
      if (conflict !== null) throw new Error(conflict);
    });
    this.coverage.forEach((c, i) => c.merge(other.coverage[i]!));
    this.kpis.forEach((d, i) => d.merge(other.kpis[i]!));
    this.series.forEach((d, i) => d.merge(other.series[i]!));
    this.breakdowns.forEach((t, i) => t.merge(other.breakdowns[i]!));
    this.iterations += other.iterations;
  }

  /** Means, standard errors, 95% CIs, quantiles and bands of everything aggregated so far. */
  summary(): RunSummary {
    return {
      iterations: this.iterations,
      horizon: this.horizon,
      kpis: KPIS.map((spec, i) => kpiSummary(spec, this.kpis[i]!)),
      series: SERIES.map((s, i) => this.seriesSummary(s.id, s.unit, i)),
      breakdowns: this.breakdowns.map((t) => t.summary()),
      coverage: this.coverage.map((c) => c.summary()),
    };
  }

  /**
   * The q-quantile (0–1) of KPI `id` over iterations, within 0.78% relative; NaN when never defined.
   * @example acc.kpiQuantile('profit.npv', 0.1) // p10 of NPV, €
   */
  kpiQuantile(id: KpiId, q: number): number {
    return this.kpis[kpiIndex(id)]!.sketch.quantile(q);
  }

  /** Mean, standard error and 95% CI of KPI `id` alone (its unit), without summarising the rest. */
  kpiMoments(id: KpiId): Moments {
    return this.kpis[kpiIndex(id)]!.moments();
  }

  toJSON(): RunAggregateJson {
    return {
      format: RUN_AGGREGATE_FORMAT,
      version: 1,
      horizon: this.horizon,
      iterations: this.iterations,
      kpis: KPIS.map((k, i) => ({ id: k.id, ...this.kpis[i]!.toJSON() })),
      series: SERIES.map((s, i) => ({
        id: s.id,
        months: this.series.slice(i * this.horizon, (i + 1) * this.horizon).map((d) => d.toJSON()),
      })),
      breakdowns: this.breakdowns.map((t) => t.toJSON()),
      coverage: this.coverage.map((c) => c.toJSON()),
    };
  }

  /** Reads `toJSON()` output (e.g. from a worker or a shard file); throws AggregateFormatError naming the path. */
  static fromJSON(json: unknown): RunAccumulator {
    const fail = failer('run aggregate');
    const o = readObject(json, '$', fail);
    if (o.format !== RUN_AGGREGATE_FORMAT || o.version !== 1) {
      fail('$.format', `expected format "${RUN_AGGREGATE_FORMAT}" version 1`);
    }
    const horizon = readCount(o.horizon, '$.horizon', fail);
    if (horizon < 1) fail('$.horizon', 'expected at least 1 month');
    const acc = new RunAccumulator({ horizon });
    acc.iterations = readCount(o.iterations, '$.iterations', fail);
    readArray(o.kpis, '$.kpis', fail, KPIS.length).forEach((entry, i) => {
      const path = `$.kpis[${i}]`;
      const id = readObject(entry, path, fail).id;
      if (id !== KPIS[i]!.id)
        fail(`${path}.id`, `expected "${KPIS[i]!.id}" (KPIS order), got ${JSON.stringify(id)}`);
      within(path, fail, () => acc.kpis[i]!.load(entry));
      const d = acc.kpis[i]!;
      if (d.n + d.undefinedCount !== acc.iterations)
        fail(path, `n + undefined must equal ${acc.iterations} iterations`);
    });
    readArray(o.series, '$.series', fail, SERIES.length).forEach((entry, s) => {
      const path = `$.series[${s}]`;
      const series = readObject(entry, path, fail);
      if (series.id !== SERIES[s]!.id) fail(`${path}.id`, `expected "${SERIES[s]!.id}" (SERIES order)`);
      readArray(series.months, `${path}.months`, fail, horizon).forEach((month, m) => {
        const d = acc.series[s * horizon + m]!;
        within(`${path}.months[${m}]`, fail, () => d.load(month));
        if (d.n + d.undefinedCount !== acc.iterations) {
          fail(`${path}.months[${m}]`, `n + undefined must equal ${acc.iterations} iterations`);
        }
      });
    });
    readArray(o.breakdowns, '$.breakdowns', fail, BREAKDOWN_DIMENSIONS.length).forEach((entry, i) => {
      acc.breakdowns[i] = BreakdownTable.fromJSON(
        entry,
        BREAKDOWN_DIMENSIONS[i]!,
        `$.breakdowns[${i}]`,
        fail,
      );
    });
    readArray(o.coverage, '$.coverage', fail, POLICY_KINDS.length).forEach((entry, i) => {
      acc.coverage[i] = CoverageTally.fromJSON(entry, POLICY_KINDS[i]!, `$.coverage[${i}]`, fail);
    });
    return acc;
  }

  /**
   * The first way in which this aggregate, read from a file, cannot be what real iterations produce
   * (see distributionInconsistency), with its path from `$`; null when it is consistent. For shard
   * files: worker messages come from this process's own code and skip the cost.
   */
  inconsistency(): { path: string; detail: string } | null {
    for (let i = 0; i < KPIS.length; i++) {
      const detail = distributionInconsistency(this.kpis[i]!, kpiValueRange(KPIS[i]!));
      if (detail) return { path: `$.kpis[${i}]`, detail: `${KPIS[i]!.id}: ${detail}` };
    }
    for (let k = 0; k < this.series.length; k++) {
      const detail = distributionInconsistency(this.series[k]!, [-Infinity, Infinity]);
      const [s, m] = [Math.floor(k / this.horizon), k % this.horizon];
      if (detail) return { path: `$.series[${s}].months[${m}]`, detail };
    }
    return null;
  }

  private seriesSummary(id: string, unit: string, s: number): SeriesSummary {
    const months = this.series.slice(s * this.horizon, (s + 1) * this.horizon);
    const q = (p: number): (number | null)[] => months.map((d) => orNull(d.sketch.quantile(p)));
    return {
      id,
      unit,
      n: months.map((d) => d.n),
      mean: months.map((d) => orNull(d.mean())),
      p05: q(0.05),
      p25: q(0.25),
      p50: q(0.5),
      p75: q(0.75),
      p95: q(0.95),
    };
  }
}

/** The plain-JSON form of a RunAccumulator: for worker messages, shard files and the browser. */
export interface RunAggregateJson {
  format: typeof RUN_AGGREGATE_FORMAT;
  version: 1;
  horizon: number;
  iterations: number;
  kpis: ({ id: string } & DistributionJson)[];
  series: { id: string; months: DistributionJson[] }[];
  breakdowns: BreakdownJson[];
  coverage: CoverageJson[];
}
