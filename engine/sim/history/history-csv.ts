import type { EventRow, SnapshotRow } from './recorder.ts';
import type { SimulatedHistory } from './simulate-history.ts';

/*
 * A simulated history as the two files a client sends (docs/history.md): snapshots.csv, one row per
 * contract per month-end, and events.csv, one row per event, both sorted by (contract_id, month), in
 * the tapes' default dialect (comma, decimal point, ISO dates). Ids are the simulator's stable
 * identities written as fixed-width hexadecimal, so their text order is their numeric order.
 */

export const SNAPSHOT_COLUMNS = [
  'contract_id',
  'customer_id',
  'month',
  'product',
  'new_used',
  'tier',
  'origination_date',
  'maturity_date',
  'status',
  'days_past_due',
  'balance',
] as const;

export const EVENT_COLUMNS = [
  'contract_id',
  'month',
  'event',
  'amount',
  'guide_residual',
  'customer_id',
] as const;

/** The calendar month of simulation month 0, as a month count (year × 12 + month − 1). */
export type CalendarStart = number;

/** `YYYY-MM` as a month count (year × 12 + month − 1), or undefined when it is not one. */
export function parseYearMonth(text: string): CalendarStart | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return Number(match[1]) * 12 + month - 1;
}

function yearMonth(count: number): string {
  const year = Math.floor(count / 12);
  return `${String(year).padStart(4, '0')}-${String(count - year * 12 + 1).padStart(2, '0')}`;
}

const contractId = (id: number): string => 'C' + (id >>> 0).toString(16).padStart(8, '0');
const customerId = (id: number): string => 'K' + (id >>> 0).toString(16).padStart(8, '0');
const money = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);

/**
 * The history's two files. `windowStart` is the calendar month (a month count, parseYearMonth) of the
 * window's first month; earlier simulation months (a contract's origination) count back from it.
 */
export function historyCsv(
  history: SimulatedHistory,
  windowStart: CalendarStart,
): { snapshots: string; events: string } {
  const calendar = (t: number): number => windowStart + t - history.first;
  const date = (t: number): string => `${yearMonth(calendar(t))}-01`;
  const snapshot = (r: SnapshotRow): string =>
    [
      contractId(r.contract),
      customerId(r.customer),
      yearMonth(calendar(r.month)),
      r.product,
      r.newOrUsed,
      r.tier,
      date(r.originationMonth),
      date(r.maturityMonth),
      r.status,
      String(r.daysPastDue),
      money(r.balance),
    ].join(',');
  const event = (r: EventRow): string =>
    [
      contractId(r.contract),
      yearMonth(calendar(r.month)),
      r.event,
      r.amount === undefined ? '' : money(r.amount),
      r.guideResidual === undefined ? '' : money(r.guideResidual),
      r.event === 'new-contract' ? customerId(r.customer) : '',
    ].join(',');
  return {
    snapshots: [SNAPSHOT_COLUMNS.join(','), ...history.snapshots.map(snapshot)].join('\n') + '\n',
    events: [EVENT_COLUMNS.join(','), ...history.events.map(event)].join('\n') + '\n',
  };
}
