import { beginMonth, MONTHLY_STEPS, startIteration, type SimSetup } from '../iteration.ts';
import { HistoryRecorder, type EventRow, type SnapshotRow } from './recorder.ts';

/*
 * A simulated history: one iteration of a scenario run with a recorder attached, keeping the months of
 * a window cut from the middle of the run, so that some contracts are already running when the window
 * opens and some are still open when it closes, as in a client's own history. Its known rates are the
 * world's: what `cyclecast calibrate --history` should recover from it.
 */

/** Where the window lies in the run, in months. */
export interface HistoryWindow {
  /** Months run before the window opens (the book seasons: renewals and new sales mix in). */
  readonly leadMonths: number;
  /** Months the window holds. */
  readonly months: number;
}

export interface SimulatedHistory {
  /** Sorted by contract, then month. */
  readonly snapshots: readonly SnapshotRow[];
  /** Sorted by contract, then month (events of one month in the order they happened). */
  readonly events: readonly EventRow[];
  /** Simulation months of the window: [first, end). */
  readonly first: number;
  readonly end: number;
}

/**
 * Runs iteration `iteration` of `setup` with a recorder attached and returns the window's snapshots
 * and events. `setup` must have been prepared for more than leadMonths + months months;
 * the recorder is detached after, so the setup serves ordinary runs again.
 */
export function simulateHistory(setup: SimSetup, window: HistoryWindow, iteration = 0): SimulatedHistory {
  const first = window.leadMonths;
  const end = first + window.months;
  // The window must close inside the horizon: at the horizon the book would run off with no new
  // business, which a client's history never shows.
  if (setup.sim.horizon <= end) {
    throw new Error(
      `invalid history window: it needs a run longer than ${end} months, the run has ${setup.sim.horizon}`,
    );
  }
  const sim = startIteration(setup, iteration);
  const recorder = new HistoryRecorder(sim, first, end);
  sim.history = recorder;
  try {
    // Months after the window change nothing in it: the run stops at the window's end.
    for (let t = 0; t < end; t++) {
      beginMonth(sim, t);
      for (let s = 0; s < MONTHLY_STEPS.length; s++) MONTHLY_STEPS[s]!.run(sim, t);
      recorder.monthEnd(t);
    }
  } finally {
    sim.history = null;
  }
  return {
    snapshots: byContract(recorder.snapshots),
    events: byContract(recorder.events),
    first,
    end,
  };
}

/** Stable sort by contract number (the order of its written id). */
function byContract<T extends { readonly contract: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.contract - b.contract);
}
