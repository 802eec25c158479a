import { BREAKDOWN_METRICS } from '../result/iteration.ts';
import type { BreakdownDimension } from '../result/iteration.ts';
import type { Interval, PairedBreakdownSummary } from '../result/summary.ts';
import { exactVariance, MAX_MAGNITUDE, moments } from './distribution.ts';
import { exactRatio } from './exact-ratio.ts';
import { ExactSum } from './exact-sum.ts';
import { readArray, readCount, readObject, readString, within } from './json-read.ts';
import type { Fail } from './json-read.ts';
import { interval } from './kpi-summary.ts';

const METRICS = BREAKDOWN_METRICS.length;

/**
 * Which direction of each breakdown metric is favourable, for P(better); null where neither is (more
 * ended contracts is volume, not merit).
 */
export const BREAKDOWN_BETTER: Readonly<Record<string, 'higher' | 'lower' | null>> = {
  endedContracts: null,
  retained: 'higher',
  profit: 'higher',
  creditLoss: 'lower',
};

/** One scenario's table of one dimension in one iteration, as IterationResult holds it. */
export interface GroupValues {
  readonly groups: readonly string[];
  /** `values[group * BREAKDOWN_METRICS.length + metric]`. */
  readonly values: Float64Array;
}

/**
 * The paired delta (challenger − baseline, same iteration) of every breakdown metric per group of one
 * dimension: exact Σd and Σd², and how many iterations the challenger was higher and lower.
 *
 * Every iteration counts for every group: a group a scenario did not report in an iteration counts
 * as 0 for that scenario (every breakdown metric is additive — contracts, customers, €), so a group
 * neither reported adds a delta of exactly 0. The mean deltas of a dimension's groups therefore add
 * up to the mean delta of their total. Like BreakdownTable, numbers depend only on the set of
 * iteration pairs added; groups are listed in order of first appearance (baseline's first), so merge
 * chunks in order for identical JSON.
 */
export class PairedBreakdownTable {
  /** Iteration pairs added: the n of every group. */
  iterations = 0;
  private readonly groups: string[] = [];
  private readonly index = new Map<string, number>();
  /** `sums[group * METRICS + metric]`: Σd. */
  private readonly sums: ExactSum[] = [];
  /** Σd². */
  private readonly squares: ExactSum[] = [];
  /** Iterations in which the challenger's value was strictly higher / lower. */
  private readonly higher: number[] = [];
  private readonly lower: number[] = [];
  /** Per group: iterations in which exactly one scenario reported it. */
  private readonly inOneOnly: number[] = [];

  constructor(readonly dimension: BreakdownDimension) {}

  /**
   * The first reason one iteration's tables cannot be added (a value that is not finite or whose
   * delta could leave the exact range), or null.
   */
  static problem(baseline: GroupValues, challenger: GroupValues): string | null {
    for (const [side, t] of [
      ['baseline', baseline],
      ['challenger', challenger],
    ] as const) {
      if (t.values.length !== t.groups.length * METRICS) {
        return `${side} breakdowns have ${t.values.length} values, expected ${t.groups.length * METRICS}`;
      }
      for (const x of t.values) {
        if (!Number.isFinite(x) || Math.abs(x) > MAX_MAGNITUDE / 2) {
          return `${side} breakdown value ${x} is not a finite number within ±${(MAX_MAGNITUDE / 2).toPrecision(3)}`;
        }
      }
    }
    return null;
  }

  /** Adds one iteration pair (check it first with `problem`). */
  add(baseline: GroupValues, challenger: GroupValues): void {
    const inChallenger = new Map<string, number>();
    challenger.groups.forEach((group, g) => inChallenger.set(group, g));
    baseline.groups.forEach((group, g) => {
      const c = inChallenger.get(group);
      inChallenger.delete(group);
      this.addGroup(group, baseline.values, g, challenger.values, c);
    });
    // Groups only the challenger reported, in its order.
    for (const [group, c] of inChallenger)
      this.addGroup(group, baseline.values, undefined, challenger.values, c);
    this.iterations++;
  }

  /** Appends a later chunk's table (same dimension). */
  merge(other: PairedBreakdownTable): void {
    other.groups.forEach((group, g) => {
      const row = this.row(group);
      for (let m = 0; m < METRICS; m++) {
        this.sums[row * METRICS + m]!.merge(other.sums[g * METRICS + m]!);
        this.squares[row * METRICS + m]!.merge(other.squares[g * METRICS + m]!);
        this.higher[row * METRICS + m]! += other.higher[g * METRICS + m]!;
        this.lower[row * METRICS + m]! += other.lower[g * METRICS + m]!;
      }
      this.inOneOnly[row]! += other.inOneOnly[g]!;
    });
    this.iterations += other.iterations;
  }

  /** Per group and metric: the mean delta per iteration, its paired 95% CI and P(challenger better). */
  summary(): PairedBreakdownSummary {
    const n = this.iterations;
    return {
      dimension: this.dimension,
      iterations: n,
      groups: this.groups.map((group, g) => {
        const meanDelta: Record<string, number> = {};
        const ci95: Record<string, Interval | null> = {};
        const pBetter: Record<string, number | null> = {};
        BREAKDOWN_METRICS.forEach((metric, m) => {
          const k = g * METRICS + m;
          const sum = this.sums[k]!;
          const mean = n === 0 ? 0 : exactRatio(sum.scaled(), BigInt(n), sum.lowBit);
          const allZero = this.higher[k] === 0 && this.lower[k] === 0;
          const variance = exactVariance(n, sum, this.squares[k]!);
          meanDelta[metric.id] = mean;
          // Exact sums already give 0 ± 0 for identical runs; stated outright so it never depends on that.
          ci95[metric.id] = allZero && n > 0 ? [0, 0] : interval(moments(n, mean, variance).ci95);
          const better = BREAKDOWN_BETTER[metric.id];
          const wins = better === 'higher' ? this.higher[k]! : this.lower[k]!;
          const ties = n - this.higher[k]! - this.lower[k]!;
          pBetter[metric.id] = n === 0 || !better ? null : (wins + ties / 2) / n;
        });
        return { group, inOneOnly: this.inOneOnly[g]!, meanDelta, ci95, pBetter };
      }),
    };
  }

  toJSON(): PairedBreakdownJson {
    return {
      dimension: this.dimension,
      iterations: this.iterations,
      groups: this.groups.map((group, g) => {
        const of = <T>(a: readonly T[]) => a.slice(g * METRICS, (g + 1) * METRICS);
        return {
          group,
          inOneOnly: this.inOneOnly[g]!,
          higher: of(this.higher),
          lower: of(this.lower),
          sums: of(this.sums).map((s) => s.toJSON()),
          squares: of(this.squares).map((s) => s.toJSON()),
        };
      }),
    };
  }

  /** Reads `toJSON()` output for `dimension` at `path`; fails naming the path of the first problem. */
  static fromJSON(
    json: unknown,
    dimension: BreakdownDimension,
    path: string,
    fail: Fail,
  ): PairedBreakdownTable {
    const o = readObject(json, path, fail);
    if (o.dimension !== dimension) fail(`${path}.dimension`, `expected "${dimension}"`);
    const table = new PairedBreakdownTable(dimension);
    const n = readCount(o.iterations, `${path}.iterations`, fail);
    table.iterations = n;
    readArray(o.groups, `${path}.groups`, fail).forEach((entry, i) => {
      const at = `${path}.groups[${i}]`;
      const g = readObject(entry, at, fail);
      const group = readString(g.group, `${at}.group`, fail);
      if (table.index.has(group)) fail(`${at}.group`, `repeats ${JSON.stringify(group)}`);
      const row = table.row(group);
      const inOneOnly = readCount(g.inOneOnly, `${at}.inOneOnly`, fail);
      if (inOneOnly > n) fail(`${at}.inOneOnly`, `exceeds the ${n} iterations`);
      table.inOneOnly[row] = inOneOnly;
      const higher = readArray(g.higher, `${at}.higher`, fail, METRICS);
      const lower = readArray(g.lower, `${at}.lower`, fail, METRICS);
      for (let m = 0; m < METRICS; m++) {
        const k = row * METRICS + m;
        table.higher[k] = readCount(higher[m], `${at}.higher[${m}]`, fail);
        table.lower[k] = readCount(lower[m], `${at}.lower[${m}]`, fail);
        if (table.higher[k]! + table.lower[k]! > n) {
          fail(`${at}.lower[${m}]`, `higher + lower exceeds the ${n} iterations`);
        }
      }
      readArray(g.sums, `${at}.sums`, fail, METRICS).forEach((text, m) =>
        within(`${at}.sums[${m}]`, fail, () => table.sums[row * METRICS + m]!.load(text)),
      );
      readArray(g.squares, `${at}.squares`, fail, METRICS).forEach((text, m) =>
        within(`${at}.squares[${m}]`, fail, () => table.squares[row * METRICS + m]!.load(text)),
      );
      for (let m = 0; m < METRICS; m++) {
        const k = row * METRICS + m;
        const s1 = table.sums[k]!.scaled();
        // A variance no deltas give (n·Σd² < (Σd)²), or deltas where every pair tied, is an edited file.
        if (BigInt(n) * table.squares[k]!.scaled() < s1 * s1) {
          fail(`${at}.squares[${m}]`, 'is smaller than sums² / iterations: the variance would be negative');
        }
        const tied = table.higher[k] === 0 && table.lower[k] === 0;
        if (tied !== (table.squares[k]!.scaled() === 0n)) {
          fail(`${at}.squares[${m}]`, `must be 0 exactly when every pair tied (higher + lower = 0)`);
        }
      }
    });
    return table;
  }

  private addGroup(
    group: string,
    bValues: Float64Array,
    b: number | undefined,
    cValues: Float64Array,
    c: number | undefined,
  ): void {
    const row = this.row(group);
    if ((b === undefined) !== (c === undefined)) this.inOneOnly[row]!++;
    for (let m = 0; m < METRICS; m++) {
      const x = b === undefined ? 0 : bValues[b * METRICS + m]!;
      const y = c === undefined ? 0 : cValues[c * METRICS + m]!;
      const k = row * METRICS + m;
      // Compare the values, not the rounded delta.
      if (y > x) this.higher[k]!++;
      else if (y < x) this.lower[k]!++;
      else continue;
      const d = y - x;
      this.sums[k]!.add(d);
      this.squares[k]!.addSquare(d);
    }
  }

  private row(group: string): number {
    let row = this.index.get(group);
    if (row === undefined) {
      row = this.groups.length;
      this.groups.push(group);
      this.index.set(group, row);
      this.inOneOnly.push(0);
      for (let m = 0; m < METRICS; m++) {
        this.sums.push(ExactSum.linear());
        this.squares.push(ExactSum.squares());
        this.higher.push(0);
        this.lower.push(0);
      }
    }
    return row;
  }
}

export interface PairedBreakdownJson {
  dimension: BreakdownDimension;
  iterations: number;
  groups: {
    group: string;
    inOneOnly: number;
    higher: number[];
    lower: number[];
    sums: string[];
    squares: string[];
  }[];
}
