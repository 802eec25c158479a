import { describe, expect, it } from 'vitest';
import { simulateHistory } from '../../engine/sim/history/simulate-history.ts';
import { beginMonth, MONTHLY_STEPS, simulate, startIteration } from '../../engine/sim/iteration.ts';
import { setupOf } from './helpers.ts';

/** A window of 24 months after 18 of seasoning, in a run of 48 months. */
const WINDOW = { leadMonths: 18, months: 24 };

describe('a simulated history (portfolio export --history)', () => {
  it('starts and ends mid-contract: some contracts run before it opens, some stay open after it closes', () => {
    const history = simulateHistory(setupOf({ horizonMonths: 48 }), WINDOW);
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    const origination = new Map<number, number>();
    for (const r of history.snapshots) {
      if (!first.has(r.contract)) first.set(r.contract, r.month);
      last.set(r.contract, r.month);
      origination.set(r.contract, r.originationMonth);
    }
    const running = [...first].filter(([c, m]) => m === history.first && origination.get(c)! < history.first);
    const open = [...last].filter(([, m]) => m === history.end - 1);
    expect(running.length).toBeGreaterThan(100);
    expect(open.length).toBeGreaterThan(100);
    expect(history.snapshots.every((r) => r.month >= history.first && r.month < history.end)).toBe(true);
  });

  it('is sorted by contract then month, each contract month after month, and its endings leave no later row', () => {
    const history = simulateHistory(setupOf({ horizonMonths: 48 }), WINDOW);
    const disorder = history.snapshots.findIndex((b, k) => {
      const a = history.snapshots[k - 1];
      return (
        a !== undefined &&
        !(a.contract < b.contract || (a.contract === b.contract && b.month === a.month + 1))
      );
    });
    expect(disorder).toBe(-1);
    const lastRow = new Map(history.snapshots.map((r) => [r.contract, r.month]));
    const endings = history.events.filter(
      (e) => e.event.startsWith('terminated') || e.event === 'charge-off',
    );
    expect(endings.length).toBeGreaterThan(0);
    expect(endings.filter((e) => (lastRow.get(e.contract) ?? -1) >= e.month)).toEqual([]);
  });

  it('only reads the simulation: the months it records run as they do without it, and the setup runs as before after', () => {
    const setup = setupOf({ horizonMonths: 48 });
    const before = simulate(setup, 0).result.kpis;
    const months = WINDOW.leadMonths + WINDOW.months;
    const plain = startIteration(setup, 0);
    for (let t = 0; t < months; t++) {
      beginMonth(plain, t);
      for (const step of MONTHLY_STEPS) step.run(plain, t);
    }
    // A copy: the counters' arrays are reused by the next run.
    const copy = (c: object): unknown =>
      Object.entries(c).map(([k, v]) => [k, v instanceof Float64Array ? Array.from(v) : v]);
    const counters = copy(plain.counters);
    simulateHistory(setup, WINDOW);
    expect(copy(setup.sim.counters)).toEqual(counters);
    expect(setup.sim.history).toBeNull();
    expect(simulate(setup, 0).result.kpis).toEqual(before);
  });
});
