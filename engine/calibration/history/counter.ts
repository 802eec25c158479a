import { CREDIT_TIERS } from '../../domain/lists.ts';
import type { Problem } from '../../json/problem.ts';
import { DEFAULT_DIALECT, type TapeDialect } from '../../portfolio/tape-dialect.ts';
import { ANY_TIER, cellKey, cellOf, checkUnusual, compareRows, withPeriod, yearCode } from './cell-key.ts';
import { ClusterTable } from './cluster-table.ts';
import {
  EVENT_COLUMN_BY_NAME,
  EVENT_COLUMNS,
  HISTORY_EVENTS,
  SNAPSHOT_COLUMN_BY_NAME,
  SNAPSHOT_COLUMNS,
  type HistoryEvent,
} from './columns.ts';
import { ContractHistory, MAX_CONTRACT_MONTHS, type CountSink } from './contract-history.ts';
import type { CountRow, CountTables } from './counts.ts';
import {
  bucketOf,
  HISTORY_PRODUCTS,
  HISTORY_RATE_IDS,
  monthIndex,
  monthText,
  UNUSUAL_PERIODS,
  type HistoryProduct,
  type MonthIndex,
  type UnusualPeriod,
} from './dimensions.ts';
import { RowProblems } from '../../portfolio/tape/row-problems.ts';
import { RowReader, UNREAD } from './row-reader.ts';

type CreditTier = (typeof CREDIT_TIERS)[number];

export interface HistoryCountOptions {
  readonly snapshotsFile: string;
  readonly eventsFile?: string;
  readonly dialect?: TapeDialect;
  /** The history's rating grades → the model's credit tiers (the tiers' own names map to themselves). */
  readonly grades?: Readonly<Record<string, CreditTier>>;
  /** Periods counted apart; default {@link UNUSUAL_PERIODS}. */
  readonly unusualPeriods?: readonly UnusualPeriod[];
  readonly maxProblems?: number;
}

export interface HistoryCountResult {
  /** The counts, when the files have no problems. */
  readonly counts?: CountTables;
  /** The first problems, in the order found. */
  readonly problems: readonly Problem[];
  readonly problemCount: number;
  readonly problemKinds: Readonly<Record<string, number>>;
}

const E_NEW = HISTORY_EVENTS.indexOf('new-contract');

/**
 * Counts a history in one pass over its rows (docs/history.md): snapshots sorted by contract_id (as
 * text) then month, and the events, sorted the same way, handed in before the snapshot row of the
 * next contract ({@link countHistory} merges the two). Memory holds the current contract's rows, the
 * count table and, for renewals, the months of new contracts by customer; not the history.
 */
export class HistoryCounter implements CountSink {
  readonly problems: RowProblems;
  readonly snapshots: RowReader;
  readonly events: RowReader;
  private readonly table = new ClusterTable();
  private readonly unusual: readonly UnusualPeriod[];
  /** Per rate kind, per unusual period: [first month, last month, period code]. */
  private readonly windows: (readonly [number, number, number])[][];
  private readonly grades: Readonly<Record<string, CreditTier>>;
  private readonly contract = new ContractHistory();
  private current: string | undefined;
  private currentBad = false;
  private lastEventId = '';
  private lastEventMonth = -1;
  private withEvents = false;
  /** New-contract months by customer, for renewals (filled before the pass). */
  private readonly newContracts = new Map<string, number[]>();
  private first = Infinity;
  private last = -Infinity;
  private contracts = 0;
  private snapshotRows = 0;
  private eventRows = 0;
  private enteredRunning = 0;
  private readonly lastMonths = new Map<number, number>();

  constructor(readonly options: HistoryCountOptions) {
    const dialect = options.dialect ?? DEFAULT_DIALECT;
    this.problems = new RowProblems(options.maxProblems ?? 100);
    this.snapshots = new RowReader(
      options.snapshotsFile,
      SNAPSHOT_COLUMNS,
      SNAPSHOT_COLUMN_BY_NAME,
      dialect,
      this.problems,
      'snapshot',
    );
    this.events = new RowReader(
      options.eventsFile ?? 'events',
      EVENT_COLUMNS,
      EVENT_COLUMN_BY_NAME,
      dialect,
      this.problems,
      'event',
    );
    this.unusual = options.unusualPeriods ?? UNUSUAL_PERIODS;
    checkUnusual(this.unusual);
    this.windows = HISTORY_RATE_IDS.map((rate) =>
      this.unusual.flatMap((p, i) =>
        p.rates.includes(rate) ? [[monthIndex(p.from)!, monthIndex(p.to)!, 1 + i] as const] : [],
      ),
    );
    this.grades = { ...Object.fromEntries(CREDIT_TIERS.map((t) => [t, t])), ...options.grades };
  }

  /** The column index of contract_id in the snapshots (after their header), for merging. */
  get snapshotIdIndex(): number {
    return this.snapshots.index.contract_id!;
  }

  get eventIdIndex(): number {
    return this.events.index.contract_id!;
  }

  /** A row of the events file read before the pass: remembers new contracts by customer. */
  indexNewContract(cells: readonly string[]): void {
    const ei = this.events.index.event!;
    const ci = this.events.index.customer_id!;
    const mi = this.events.index.month!;
    if (ci < 0 || cells.length <= Math.max(ei, ci, mi) || cells[ei]!.trim() !== 'new-contract') return;
    const month = monthIndex(cells[mi]!.trim());
    const customer = cells[ci]!.trim();
    if (month === undefined || customer === '') return;
    const months = this.newContracts.get(customer);
    if (months === undefined) this.newContracts.set(customer, [month]);
    else months.push(month);
  }

  /** The events file's header; returns whether its rows can be read. */
  eventHeader(names: readonly string[]): boolean {
    this.withEvents = true;
    return this.events.header(names);
  }

  /** One event row (row 1 is the header). */
  eventRow(cells: readonly string[], row: number): void {
    const r = this.events;
    if (!r.fits(cells, row)) return;
    const id = r.read(cells, row, 'contract_id');
    const month = r.read(cells, row, 'month');
    const event = r.read(cells, row, 'event');
    const amount = r.read(cells, row, 'amount');
    const guide = r.read(cells, row, 'guide_residual');
    const customer = r.read(cells, row, 'customer_id');
    if (id === UNREAD || month === UNREAD || event === UNREAD || amount === UNREAD || guide === UNREAD)
      return;
    if (customer === UNREAD) return;
    const contractId = id as string;
    if (
      contractId < this.lastEventId ||
      (contractId === this.lastEventId && (month as number) < this.lastEventMonth)
    ) {
      r.atColumn(
        row,
        contractId < this.lastEventId ? 'contract_id' : 'month',
        'out of order: events are sorted by contract_id (as text) then month, like the snapshots',
        'sort with ORDER BY contract_id, month (a binary collation)',
      );
      return;
    }
    this.lastEventId = contractId;
    this.lastEventMonth = month as number;
    this.eventRows++;
    const kind = HISTORY_EVENTS.indexOf(event as HistoryEvent);
    if (kind === HISTORY_EVENTS.indexOf('vehicle-sale') || kind === HISTORY_EVENTS.indexOf('recovery')) {
      if (amount === undefined)
        return r.atColumn(row, 'amount', `missing value: a ${event as string} needs its amount in €`);
    }
    if (kind === E_NEW && customer === undefined)
      return r.atColumn(row, 'customer_id', 'missing value: a new-contract event needs its customer_id');
    // Events of a contract without snapshots (it began and ended between two month-ends) count nowhere.
    if (contractId !== this.current || this.currentBad) return;
    this.contract.addEvent(
      month as number,
      kind,
      (amount as number) ?? 0,
      (guide as number) ?? Number.NaN,
      row,
    );
  }

  /** One snapshot row (row 1 is the header). */
  snapshotRow(cells: readonly string[], row: number): void {
    const r = this.snapshots;
    if (!r.fits(cells, row)) return;
    const id = r.text(cells, 'contract_id');
    if (id !== this.current) {
      if (this.current !== undefined && id < this.current) {
        r.atColumn(
          row,
          'contract_id',
          'out of order: snapshots are sorted by contract_id (as text) then month',
          'sort with ORDER BY contract_id, month (a binary collation)',
        );
        return;
      }
      this.closeContract();
      this.current = id;
      this.currentBad = false;
      this.contract.reset();
    }
    if (this.currentBad) return;
    const before = this.problems.count;
    const values = {
      id: r.read(cells, row, 'contract_id'),
      customer: r.read(cells, row, 'customer_id'),
      month: r.read(cells, row, 'month'),
      product: r.read(cells, row, 'product'),
      newUsed: r.read(cells, row, 'new_used'),
      origination: r.read(cells, row, 'origination_date'),
      maturity: r.read(cells, row, 'maturity_date'),
      status: r.read(cells, row, 'status'),
      dpd: r.read(cells, row, 'days_past_due'),
      balance: r.read(cells, row, 'balance'),
      grade: r.read(cells, row, 'rating_grade'),
      tier: r.read(cells, row, 'tier'),
    };
    if (this.problems.count > before) {
      this.currentBad = true;
      return;
    }
    this.snapshotRows++;
    const c = this.contract;
    const month = values.month as number;
    const origination = toMonth(values.origination as number);
    const maturity = toMonth(values.maturity as number);
    const product = HISTORY_PRODUCTS.indexOf(values.product as HistoryProduct);
    const bad = (name: string, message: string, hint?: string): void => {
      r.atColumn(row, name, message, hint);
      this.currentBad = true;
    };
    if (c.rows === 0) {
      c.product = product;
      c.origination = origination;
      c.maturity = maturity;
      c.customer = values.customer as string;
    } else {
      const previous = c.month[c.rows - 1]!;
      if (month <= previous)
        return bad(
          'month',
          `out of order: a contract's months increase (this row's month is not after ${monthText(previous)})`,
          'sort with ORDER BY contract_id, month',
        );
      if (month > previous + 1)
        return bad(
          'month',
          `a month is missing: expected ${monthText(previous + 1)} after ${monthText(previous)}`,
          'a contract has a row for every month-end from its first to its last',
        );
      if (c.rows >= MAX_CONTRACT_MONTHS)
        return bad('month', `more than ${MAX_CONTRACT_MONTHS} month-ends for one contract`);
      if (product !== c.product) return bad('product', 'the product changes within a contract');
      if (origination !== c.origination)
        return bad('origination_date', 'the origination date changes within a contract');
      if (maturity !== c.maturity) return bad('maturity_date', 'the maturity date changes within a contract');
      if (values.customer !== c.customer) return bad('customer_id', 'the customer changes within a contract');
    }
    if (month < origination) return bad('month', 'the month-end is before the contract’s origination date');
    if (maturity <= origination)
      return bad('maturity_date', 'expected a maturity date after the origination date');
    const dpd = values.dpd as number;
    if (values.status === 'current' && dpd > 0)
      return bad('days_past_due', 'a current contract is not past due: expected 0, or status arrears');
    if (values.status === 'arrears' && dpd === 0)
      return bad('days_past_due', 'a contract in arrears is past due: expected days_past_due above 0');
    let tier: number = ANY_TIER;
    if (values.tier !== undefined) tier = CREDIT_TIERS.indexOf(values.tier as CreditTier);
    else if (values.grade !== undefined) {
      const mapped = this.grades[values.grade as string];
      if (mapped === undefined)
        return bad(
          'rating_grade',
          `unknown grade ${JSON.stringify(values.grade)}: not in the grade table`,
          'map each grade to prime, near-prime or subprime (--grades FILE, docs/history.md)',
        );
      tier = CREDIT_TIERS.indexOf(mapped);
    }
    const k = c.rows++;
    c.month[k] = month;
    c.bucket[k] = bucketOf(dpd);
    c.tier[k] = tier;
    c.workout[k] = values.status === 'workout' ? 1 : 0;
    c.balance[k] = values.balance as number;
    if (month < this.first) this.first = month;
    if (month > this.last) this.last = month;
  }

  /** The count tables once every row is read; none when any problem was found. */
  finish(): HistoryCountResult {
    this.closeContract();
    const p = this.problems;
    if (p.count === 0 && this.contracts === 0)
      p.report(this.options.snapshotsFile, 2, 1, '(rows)', 'the history has no snapshots');
    if (p.count > 0) return { problems: p.list, problemCount: p.count, problemKinds: p.kinds };
    this.table.finish(this.last);
    const rows: CountRow[] = [];
    for (const [key, sums] of this.table.cells) rows.push({ ...cellOf(key, this.unusual), ...sums });
    rows.sort(compareRows);
    const counts: CountTables = {
      format: 'cyclecast-history-counts/1',
      coverage: {
        from: monthText(this.first),
        to: monthText(this.last),
        contracts: this.contracts,
        snapshots: this.snapshotRows,
        events: this.eventRows,
        enteredRunning: this.enteredRunning,
        stillOpen: this.lastMonths.get(this.last) ?? 0,
      },
      unusualPeriods: this.unusual.map((u) => u.id),
      rows,
    };
    return { counts, problems: [], problemCount: 0, problemKinds: {} };
  }

  /** {@link CountSink}: one contract's count, into its year (or unusual period) and the base. */
  add(
    rate: number,
    product: number,
    tier: number,
    bucket: number,
    band: number,
    month: MonthIndex,
    e: number,
    n: number,
    by?: MonthIndex,
  ): void {
    const key = cellKey(rate, product, tier, bucket, band, 0);
    const windows = this.windows[rate]!;
    for (let i = 0; i < windows.length; i++) {
      const w = windows[i]!;
      if (month >= w[0] && month <= w[1]) {
        this.table.add(withPeriod(key, w[2]), e, n, by);
        return;
      }
    }
    this.table.add(withPeriod(key, yearCode(Math.floor(month / 12))), e, n, by);
    this.table.add(key, e, n, by);
  }

  private closeContract(): void {
    const c = this.contract;
    if (this.current === undefined || this.currentBad || c.rows === 0) return;
    const lastRow = c.month[c.rows - 1]!;
    const t = c.terminating();
    if (t >= 0 && c.eventMonth[t] !== lastRow + 1) {
      this.events.atColumn(
        c.eventRow[t]!,
        'month',
        `a terminating event is dated the month after the contract's last snapshot: expected ${monthText(lastRow + 1)}`,
        'a contract has no snapshot for the month it ends, nor later',
      );
      return;
    }
    if (this.problems.count > 0) return;
    this.contracts++;
    if (c.month[0]! > c.origination) this.enteredRunning++;
    if (t < 0) this.lastMonths.set(lastRow, (this.lastMonths.get(lastRow) ?? 0) + 1);
    c.count(this, this.withEvents, this.newContracts.get(c.customer));
    this.table.closeContract(this.last);
    this.current = undefined;
  }
}

/** The month of a yyyymmdd date. */
function toMonth(date: number): MonthIndex {
  return Math.floor(date / 10000) * 12 + (Math.floor(date / 100) % 100) - 1;
}
