import { CREDIT_TIERS } from '../../domain/lists.ts';
import { TAPE_COLUMN_BY_NAME, type TapeCellType, type TapeColumn } from '../../portfolio/tape/columns.ts';

/**
 * The columns of a history (docs/history.md): monthly snapshots per contract and, optionally, the
 * events between them. Every column a contract tape also has is the tape's own declaration
 * (engine/portfolio/tape/columns.ts), so a value reads the same in both; a column listed in neither
 * table is refused, and personal data is refused exactly as in a tape.
 */

/** How a history cell is read: a tape cell type, or a calendar month written YYYY-MM. */
export type HistoryCellType = TapeCellType | 'month';

export interface HistoryColumn extends Omit<TapeColumn, 'type'> {
  readonly type: HistoryCellType;
}

/** The kinds of event row (docs/history.md, events). */
export const HISTORY_EVENTS = [
  'terminated-maturity-return',
  'terminated-maturity-purchase',
  'terminated-early-settlement',
  'terminated-early-upgrade',
  'default',
  'cure',
  'charge-off',
  'repossession',
  'vehicle-sale',
  'recovery',
  'new-contract',
] as const;
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];

/** The events that end a contract: it has no snapshot for their month or later. */
export const TERMINATING_EVENTS: readonly HistoryEvent[] = [
  'terminated-maturity-return',
  'terminated-maturity-purchase',
  'terminated-early-settlement',
  'terminated-early-upgrade',
  'charge-off',
  'repossession',
];

/** A tape column's declaration, with its requirement in a history. */
function fromTape(name: string, required: boolean, description?: string): HistoryColumn {
  const column = TAPE_COLUMN_BY_NAME.get(name);
  if (column === undefined) throw new Error(`no tape column ${name}`);
  return { ...column, required, ...(description ? { description } : {}) };
}

const MONTH: HistoryColumn = {
  name: 'month',
  required: true,
  type: 'month',
  description: 'the month-end the row describes, YYYY-MM',
};

/** One row per contract per month-end, sorted by contract_id (as text) then month. */
export const SNAPSHOT_COLUMNS: readonly HistoryColumn[] = [
  fromTape('contract_id', true),
  fromTape('customer_id', true),
  MONTH,
  fromTape('product', true),
  fromTape('new_used', true),
  fromTape('origination_date', true),
  fromTape('maturity_date', true),
  fromTape('status', true, 'the contract’s state at the month-end'),
  fromTape('days_past_due', true, 'days the oldest unpaid instalment is overdue at the month-end'),
  fromTape('balance', true, 'outstanding balance at the month-end, €'),
  fromTape(
    'rating_grade',
    false,
    'internal rating grade, mapped to the model’s credit tiers by the grade table; or give tier',
  ),
  {
    name: 'tier',
    required: false,
    type: 'enum',
    values: CREDIT_TIERS,
    description: 'the model’s credit tier, where the warehouse already maps grades to it',
  },
];

/** One row per event, sorted by contract_id (as text) then month, like the snapshots. */
export const EVENT_COLUMNS: readonly HistoryColumn[] = [
  fromTape('contract_id', true),
  { ...MONTH, description: 'the month the event happened, YYYY-MM' },
  {
    name: 'event',
    required: true,
    type: 'enum',
    values: HISTORY_EVENTS,
    description: 'what happened (docs/history.md, events)',
  },
  {
    name: 'amount',
    required: false,
    type: 'money',
    unit: '€',
    min: 0,
    max: 10_000_000,
    description: 'a vehicle sale’s price or a recovery’s cash, €',
  },
  {
    name: 'guide_residual',
    required: false,
    type: 'money',
    unit: '€',
    min: 0,
    max: 10_000_000,
    description: 'the guide residual a vehicle sale is compared with, €',
  },
  fromTape(
    'customer_id',
    false,
    'the customer of a new contract: one within ±6 months of an earlier contract’s maturity is a renewal',
  ),
];

/** The declaration of each column by name, per file. */
export const SNAPSHOT_COLUMN_BY_NAME: ReadonlyMap<string, HistoryColumn> = new Map(
  SNAPSHOT_COLUMNS.map((c) => [c.name, c]),
);
export const EVENT_COLUMN_BY_NAME: ReadonlyMap<string, HistoryColumn> = new Map(
  EVENT_COLUMNS.map((c) => [c.name, c]),
);
