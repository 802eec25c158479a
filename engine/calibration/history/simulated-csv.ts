import type { EventRow, SnapshotRow } from '../../sim/history/recorder.ts';
import type { SimulatedHistory } from '../../sim/history/simulate-history.ts';
import { EVENT_COLUMNS, SNAPSHOT_COLUMNS } from './columns.ts';
import { monthText, type MonthIndex } from './dimensions.ts';

/*
 * A simulated history as the two files a client sends (docs/history.md): snapshots.csv, one row per
 * contract per month-end, and events.csv, one row per event, both sorted by (contract_id, month), in
 * the tapes' default dialect (comma, decimal point, ISO dates). Contract ids are the history's contract
 * numbers and customer ids the simulator's identities, written as fixed-width hexadecimal, so their
 * text order is their numeric order.
 */

/** The columns written, in order: the declared ones but the rating grade (a simulated book has tiers). */
const SNAPSHOT_HEADER = SNAPSHOT_COLUMNS.map((c) => c.name).filter((name) => name !== 'rating_grade');
const EVENT_HEADER = EVENT_COLUMNS.map((c) => c.name);

const contractId = (n: number): string => 'C' + n.toString(16).padStart(8, '0');
const customerId = (id: number): string => 'K' + (id >>> 0).toString(16).padStart(8, '0');
/** A row's cells in the header's order. */
const cells = (header: readonly string[], row: Readonly<Record<string, string>>): string[] =>
  header.map((name) => row[name] ?? '');
const money = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);

/** How one simulated history's rows read as the client's cells (header order), for the CSV and the counter. */
export class SimulatedCells {
  readonly snapshotHeader: readonly string[] = SNAPSHOT_HEADER;
  readonly eventHeader: readonly string[] = EVENT_HEADER;

  /** `windowStart`: the calendar month (dimensions.ts monthIndex) of the window's first month. */
  constructor(
    private readonly history: SimulatedHistory,
    private readonly windowStart: MonthIndex,
  ) {}

  private calendar(t: number): number {
    return this.windowStart + t - this.history.first;
  }

  private date(t: number): string {
    return `${monthText(this.calendar(t))}-01`;
  }

  snapshot(r: SnapshotRow): string[] {
    return cells(SNAPSHOT_HEADER, {
      contract_id: contractId(r.contract),
      customer_id: customerId(r.customer),
      month: monthText(this.calendar(r.month)),
      product: r.product,
      new_used: r.newOrUsed,
      tier: r.tier,
      origination_date: this.date(r.originationMonth),
      maturity_date: this.date(r.maturityMonth),
      status: r.status,
      days_past_due: String(r.daysPastDue),
      balance: money(r.balance),
    });
  }

  event(r: EventRow): string[] {
    return cells(EVENT_HEADER, {
      contract_id: contractId(r.contract),
      month: monthText(this.calendar(r.month)),
      event: r.event,
      amount: r.amount === undefined ? '' : money(r.amount),
      guide_residual: r.guideResidual === undefined ? '' : money(r.guideResidual),
      customer_id: r.event === 'new-contract' ? customerId(r.customer) : '',
    });
  }
}

/** The history's two files (no cell holds a comma or a quote, so none is quoted). */
export function historyCsv(
  history: SimulatedHistory,
  windowStart: MonthIndex,
): { snapshots: string; events: string } {
  const rows = new SimulatedCells(history, windowStart);
  const text = (header: readonly string[], lines: string[][]): string =>
    [header.join(','), ...lines.map((l) => l.join(','))].join('\n') + '\n';
  return {
    snapshots: text(
      SNAPSHOT_HEADER,
      history.snapshots.map((r) => rows.snapshot(r)),
    ),
    events: text(
      EVENT_HEADER,
      history.events.map((r) => rows.event(r)),
    ),
  };
}
