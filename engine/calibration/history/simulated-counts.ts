import { formatProblem } from '../../json/problem.ts';
import type { SimulatedHistory } from '../../sim/history/simulate-history.ts';
import { HistoryCounter } from './counter.ts';
import type { CountTables } from './counts.ts';
import type { MonthIndex } from './dimensions.ts';
import { SimulatedCells } from './simulated-csv.ts';

/*
 * The count tables of a simulated history, read by the same counter as a client's files and from the
 * same cells, so a rate of the simulated book is counted exactly as the client's was. The rows are in
 * memory and already sorted, so they go to the counter directly (no CSV text, no await): the fit
 * counts a simulated history for every evaluation.
 */

/**
 * Counts `history`, whose first month is the calendar month `windowStart`. Throws when the counter
 * finds a problem: a simulated history the reader refuses is a bug, not the user's input.
 */
export function simulatedCounts(history: SimulatedHistory, windowStart: MonthIndex): CountTables {
  const cells = new SimulatedCells(history, windowStart);
  const counter = new HistoryCounter({
    snapshotsFile: 'simulated snapshots',
    eventsFile: 'simulated events',
  });
  counter.eventHeader(cells.eventHeader);
  const events = history.events.map((e) => cells.event(e));
  // Renewals join a contract to a later one of its customer: the new contracts are indexed first.
  for (const e of events) counter.indexNewContract(e);
  counter.snapshots.header(cells.snapshotHeader);
  let next = 0;
  /** Hands the counter every event of a contract before `id` (contract numbers: their text order). */
  const eventsBefore = (id: number): void => {
    while (next < events.length && history.events[next]!.contract < id) {
      counter.eventRow(events[next]!, next + 2);
      next++;
    }
  };
  let current = -1;
  history.snapshots.forEach((s, k) => {
    const id = s.contract;
    if (id !== current) {
      // A contract's events follow its snapshots, before the next contract's.
      eventsBefore(id);
      current = id;
    }
    counter.snapshotRow(cells.snapshot(s), k + 2);
  });
  eventsBefore(Infinity);
  const result = counter.finish();
  if (result.counts === undefined) {
    throw new Error(`the simulated history was refused:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  return result.counts;
}
