import { emptyCounts, type CellCounts } from './counts.ts';
import type { CellKey } from './cell-key.ts';
import type { MonthIndex } from './dimensions.ts';

/**
 * The count table being built, and one contract's part of it. A contract's exposure and events per
 * cell are summed while its rows are read, then added to the table with their squares and product:
 * the cluster sums an interval clustered by contract needs.
 *
 * Some outcomes are known only once the history's last month is: a contract whose rows stop without a
 * terminating event ended the month after, unless that month lies beyond the history (it is then still
 * open: right-censored). Such a part is held back, keyed by the month by which its outcome must be
 * seen, and added at the end when that month is within the history, dropped when not.
 */
export class ClusterTable {
  readonly cells = new Map<CellKey, CellCounts>();
  /** Held-back parts: the month by which their outcome is seen → cell → the sums they add. */
  private readonly held = new Map<MonthIndex, Map<CellKey, CellCounts>>();

  // The current contract's cells (reused arrays: the pass allocates nothing per row).
  private keys: number[] = [];
  private e: number[] = [];
  private n: number[] = [];
  private heldE: number[] = [];
  private heldN: number[] = [];
  private heldBy: number[] = [];
  private size = 0;
  private last = 0;

  /**
   * Adds exposure `e` and events `n` to `key` for the current contract; with `by`, the outcome is known
   * only if the history reaches month `by`.
   */
  add(key: CellKey, e: number, n: number, by?: MonthIndex): void {
    let i = this.last;
    if (i >= this.size || this.keys[i] !== key) {
      i = 0;
      while (i < this.size && this.keys[i] !== key) i++;
      if (i === this.size) {
        this.keys[i] = key;
        this.e[i] = 0;
        this.n[i] = 0;
        this.heldE[i] = 0;
        this.heldN[i] = 0;
        this.heldBy[i] = -1;
        this.size++;
      }
      this.last = i;
    }
    if (by === undefined) {
      this.e[i]! += e;
      this.n[i]! += n;
    } else {
      this.heldE[i]! += e;
      this.heldN[i]! += n;
      if (by > this.heldBy[i]!) this.heldBy[i] = by;
    }
  }

  /**
   * Closes the current contract: its sums join the table; held parts whose month `seenUpTo` (a month
   * the history is known to reach) already covers join too, the others are held.
   */
  closeContract(seenUpTo: MonthIndex): void {
    for (let i = 0; i < this.size; i++) {
      const key = this.keys[i]!;
      let e = this.e[i]!;
      let n = this.n[i]!;
      const he = this.heldE[i]!;
      const hn = this.heldN[i]!;
      const by = this.heldBy[i]!;
      if (by >= 0 && by <= seenUpTo) {
        e += he;
        n += hn;
      } else if (by >= 0) {
        let cells = this.held.get(by);
        if (cells === undefined) this.held.set(by, (cells = new Map()));
        let d = cells.get(key);
        if (d === undefined) cells.set(key, (d = emptyCounts()));
        // What the held part adds to the cluster sums, given the part already known.
        if (e === 0 && n === 0) d.contracts++;
        d.exposure += he;
        d.events += hn;
        d.sumE2 += (e + he) ** 2 - e ** 2;
        d.sumN2 += (n + hn) ** 2 - n ** 2;
        d.sumEN += (e + he) * (n + hn) - e * n;
      }
      if (e === 0 && n === 0) continue;
      let c = this.cells.get(key);
      if (c === undefined) this.cells.set(key, (c = emptyCounts()));
      c.contracts++;
      c.exposure += e;
      c.events += n;
      c.sumE2 += e * e;
      c.sumN2 += n * n;
      c.sumEN += e * n;
    }
    this.size = 0;
    this.last = 0;
  }

  /** Resolves the held parts once the history's last month `end` is known. */
  finish(end: MonthIndex): void {
    for (const [by, cells] of this.held) {
      if (by > end) continue;
      for (const [key, d] of cells) {
        let c = this.cells.get(key);
        if (c === undefined) this.cells.set(key, (c = emptyCounts()));
        c.contracts += d.contracts;
        c.exposure += d.exposure;
        c.events += d.events;
        c.sumE2 += d.sumE2;
        c.sumN2 += d.sumN2;
        c.sumEN += d.sumEN;
      }
    }
    this.held.clear();
  }
}
