import type { EventRow, SnapshotRow } from '../../sim/history/recorder.ts';
import type { SimulatedHistory } from '../../sim/history/simulate-history.ts';
import { EVENT_COLUMNS, SNAPSHOT_COLUMNS } from './columns.ts';
import { monthText, type MonthIndex } from './dimensions.ts';

/*
 * A simulated history as the two files a client sends (docs/history.md): snapshots.csv, one row per
 * contract per month-end, and events.csv, one row per event, both sorted by (contract_id, month), in
 * the tapes' default dialect (comma, decimal point, ISO dates). Ids are the simulator's stable
 * identities written as fixed-width hexadecimal, so their text order is their numeric order.
 */

/** The columns written, in order: the declared ones but the rating grade (a simulated book has tiers). */
const SNAPSHOT_HEADER = SNAPSHOT_COLUMNS.map((c) => c.name).filter((name) => name !== 'rating_grade');
const EVENT_HEADER = EVENT_COLUMNS.map((c) => c.name);

const contractId = (id: number): string => 'C' + (id >>> 0).toString(16).padStart(8, '0');
const customerId = (id: number): string => 'K' + (id >>> 0).toString(16).padStart(8, '0');
/** One CSV line: the row's cells in the header's order (no cell holds a comma or a quote). */
const line = (header: readonly string[], row: Readonly<Record<string, string>>): string =>
  header.map((name) => row[name] ?? '').join(',');
const money = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);

/**
 * The history's two files. `windowStart` is the calendar month (dimensions.ts monthIndex) of the
 * window's first month; earlier simulation months (a contract's origination) count back from it.
 */
export function historyCsv(
  history: SimulatedHistory,
  windowStart: MonthIndex,
): { snapshots: string; events: string } {
  const calendar = (t: number): number => windowStart + t - history.first;
  const date = (t: number): string => `${monthText(calendar(t))}-01`;
  const snapshot = (r: SnapshotRow): string =>
    line(SNAPSHOT_HEADER, {
      contract_id: contractId(r.contract),
      customer_id: customerId(r.customer),
      month: monthText(calendar(r.month)),
      product: r.product,
      new_used: r.newOrUsed,
      tier: r.tier,
      origination_date: date(r.originationMonth),
      maturity_date: date(r.maturityMonth),
      status: r.status,
      days_past_due: String(r.daysPastDue),
      balance: money(r.balance),
    });
  const event = (r: EventRow): string =>
    line(EVENT_HEADER, {
      contract_id: contractId(r.contract),
      month: monthText(calendar(r.month)),
      event: r.event,
      amount: r.amount === undefined ? '' : money(r.amount),
      guide_residual: r.guideResidual === undefined ? '' : money(r.guideResidual),
      customer_id: r.event === 'new-contract' ? customerId(r.customer) : '',
    });
  return {
    snapshots: [SNAPSHOT_HEADER.join(','), ...history.snapshots.map(snapshot)].join('\n') + '\n',
    events: [EVENT_HEADER.join(','), ...history.events.map(event)].join('\n') + '\n',
  };
}
