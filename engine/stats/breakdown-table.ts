import { BREAKDOWN_METRICS } from '../result/iteration.ts';
import type { BreakdownDimension } from '../result/iteration.ts';
import { exactRatio } from './exact-ratio.ts';
import { ExactSum } from './exact-sum.ts';
import { readArray, readCount, readObject, readString, within } from './json-read.ts';
import type { Fail } from './json-read.ts';
import type { BreakdownSummary, Interval } from '../result/summary.ts';
import { exactVariance, moments } from './distribution.ts';
import { interval } from './kpi-summary.ts';

const METRICS = BREAKDOWN_METRICS.length;
const RETAINED = BREAKDOWN_METRICS.findIndex((m) => m.id === 'retained');
const ENDED = BREAKDOWN_METRICS.findIndex((m) => m.id === 'endedContracts');

/**
 * Exact sums (Σx and Σx²) of each breakdown metric per group of one dimension, over iterations: the
 * group's mean per iteration and its 95% CI. Groups keep the
 * order in which they were first seen (the simulator reports them in a stable order), and memory
 * grows with the number of groups, never with iterations.
 */
export class BreakdownTable {
  private readonly groups: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly iterations: number[] = [];
  /** `sums[group * METRICS + metric]`. */
  private readonly sums: ExactSum[] = [];
  /** `squares[group * METRICS + metric]`: Σx², for each group mean's confidence interval. */
  private readonly squares: ExactSum[] = [];

  constructor(readonly dimension: BreakdownDimension) {}

  /** Adds one iteration's table (already checked). */
  add(groups: readonly string[], values: Float64Array): void {
    groups.forEach((group, g) => {
      const row = this.row(group);
      this.iterations[row]!++;
      for (let m = 0; m < METRICS; m++) {
        const x = values[g * METRICS + m]!;
        this.sums[row * METRICS + m]!.add(x);
        this.squares[row * METRICS + m]!.addSquare(x);
      }
    });
  }

  merge(other: BreakdownTable): void {
    other.groups.forEach((group, g) => {
      const row = this.row(group);
      this.iterations[row]! += other.iterations[g]!;
      for (let m = 0; m < METRICS; m++) {
        this.sums[row * METRICS + m]!.merge(other.sums[g * METRICS + m]!);
        this.squares[row * METRICS + m]!.merge(other.squares[g * METRICS + m]!);
      }
    });
  }

  summary(): BreakdownSummary {
    return {
      dimension: this.dimension,
      groups: this.groups.map((group, g) => {
        const n = BigInt(this.iterations[g]!);
        const sum = (m: number): ExactSum => this.sums[g * METRICS + m]!;
        const mean: Record<string, number> = {};
        const ci95: Record<string, Interval | null> = {};
        BREAKDOWN_METRICS.forEach((metric, m) => {
          mean[metric.id] = n === 0n ? 0 : exactRatio(sum(m).scaled(), n, sum(m).lowBit);
          const count = this.iterations[g]!;
          const variance = exactVariance(count, sum(m), this.squares[g * METRICS + m]!);
          ci95[metric.id] = interval(moments(count, mean[metric.id]!, variance).ci95);
        });
        const ended = ENDED < 0 ? 0n : sum(ENDED).scaled();
        const retentionRate =
          ended > 0n && RETAINED >= 0 ? exactRatio(sum(RETAINED).scaled(), ended, 0) : null;
        return { group, iterations: this.iterations[g]!, mean, retentionRate, ci95 };
      }),
    };
  }

  toJSON(): BreakdownJson {
    return {
      dimension: this.dimension,
      groups: this.groups.map((group, g) => ({
        group,
        iterations: this.iterations[g]!,
        sums: BREAKDOWN_METRICS.map((_, m) => this.sums[g * METRICS + m]!.toJSON()),
        squares: BREAKDOWN_METRICS.map((_, m) => this.squares[g * METRICS + m]!.toJSON()),
      })),
    };
  }

  /** Reads `toJSON()` output for `dimension` at `path`. */
  static fromJSON(json: unknown, dimension: BreakdownDimension, path: string, fail: Fail): BreakdownTable {
    const o = readObject(json, path, fail);
    if (o.dimension !== dimension) fail(`${path}.dimension`, `expected "${dimension}"`);
    const table = new BreakdownTable(dimension);
    readArray(o.groups, `${path}.groups`, fail).forEach((entry, i) => {
      const at = `${path}.groups[${i}]`;
      const g = readObject(entry, at, fail);
      const group = readString(g.group, `${at}.group`, fail);
      if (table.index.has(group)) fail(`${at}.group`, `repeats ${JSON.stringify(group)}`);
      const row = table.row(group);
      table.iterations[row] = readCount(g.iterations, `${at}.iterations`, fail);
      readArray(g.sums, `${at}.sums`, fail, METRICS).forEach((text, m) =>
        within(`${at}.sums[${m}]`, fail, () => table.sums[row * METRICS + m]!.load(text)),
      );
      readArray(g.squares, `${at}.squares`, fail, METRICS).forEach((text, m) =>
        within(`${at}.squares[${m}]`, fail, () => table.squares[row * METRICS + m]!.load(text)),
      );
      // A variance no values give (n·Σx² < (Σx)²) is an edited file, not a run.
      const n = BigInt(table.iterations[row]!);
      for (let m = 0; m < METRICS; m++) {
        const s1 = table.sums[row * METRICS + m]!.scaled();
        if (n * table.squares[row * METRICS + m]!.scaled() < s1 * s1) {
          fail(`${at}.squares[${m}]`, 'is smaller than sums² / iterations: the variance would be negative');
        }
      }
    });
    return table;
  }

  private row(group: string): number {
    let row = this.index.get(group);
    if (row === undefined) {
      row = this.groups.length;
      this.groups.push(group);
      this.index.set(group, row);
      this.iterations.push(0);
      for (let m = 0; m < METRICS; m++) {
        this.sums.push(ExactSum.linear());
        this.squares.push(ExactSum.squares());
      }
    }
    return row;
  }
}

export interface BreakdownJson {
  dimension: BreakdownDimension;
  groups: { group: string; iterations: number; sums: string[]; squares: string[] }[];
}
