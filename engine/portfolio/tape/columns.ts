import { CHANNELS, POWERTRAINS, SEGMENTS } from '../../domain/lists.ts';
import { MAX_DEALERS } from '../spec.ts';

/**
 * The columns a contract tape may have: the one definition that the tape reader checks against, that
 * `cyclecast tape check` summarises and that docs/tape.md describes (a test keeps the two in step).
 * A column not listed here is refused: a tape carries only what the model reads. Columns named `x_…`
 * are model-only: what the model holds and a client's tape leaves out (a customer's loyalty, a dealer's
 * BDC), written by `cyclecast portfolio export` so that a synthetic book runs from its tape exactly as
 * it runs from its settings; a client's tape need not have them, and when it has one the reader takes
 * the value instead of drawing it.
 */

/** The prefix of the model-only columns. */
export const MODEL_ONLY_PREFIX = 'x_';

/** How a cell is read (the dialect says how numbers and dates are written). */
export type TapeCellType =
  /** A pseudonymised identifier: letters, digits, `-` and `_`, at most 64 characters; never echoed. */
  | 'id'
  /** One of `values`. */
  | 'enum'
  /** A calendar date in the dialect's date pattern. */
  | 'date'
  /** An amount in € (the dialect's decimal and thousands separators), ≥ 0. */
  | 'money'
  /** A decimal number within `min`…`max`. */
  | 'number'
  /** A whole number within `min`…`max`. */
  | 'integer'
  /** 0 or 1. */
  | 'flag'
  /** A short code (letters, digits, space, `-`, `_`, `.`, `/`), at most 32 characters, e.g. a rating grade. */
  | 'code'
  /** Twelve characters, oldest month first: `0`–`9` instalments overdue at that month's end, `-` not on book. */
  | 'payment-summary';

export interface TapeColumn {
  readonly name: string;
  readonly required: boolean;
  readonly type: TapeCellType;
  /** The allowed values of an `enum` column. */
  readonly values?: readonly string[];
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  /** What the column means and how the model uses it. */
  readonly description: string;
}

export const TAPE_PRODUCTS = ['operating-lease', 'finance-lease', 'balloon-loan', 'amortising-loan'] as const;
export const TAPE_STATUSES = [
  'current',
  'arrears',
  'forborne',
  'workout',
  'matured-awaiting-return',
] as const;
export const RESIDUAL_BEARERS = ['captive', 'dealer', 'customer'] as const;

const MONEY_MAX = 10_000_000;

export const TAPE_COLUMNS: readonly TapeColumn[] = [
  {
    name: 'contract_id',
    required: true,
    type: 'id',
    description: 'the contract, pseudonymised; unique in the tape',
  },
  {
    name: 'customer_id',
    required: true,
    type: 'id',
    description: 'the customer, pseudonymised; a customer may hold several contracts',
  },
  {
    name: 'dealer_id',
    required: true,
    type: 'id',
    description: 'the dealer who sold the contract, pseudonymised',
  },
  {
    name: 'product',
    required: true,
    type: 'enum',
    values: TAPE_PRODUCTS,
    description:
      'leases and balloon (PCP) loans with a return option are the model’s lease; an amortising loan is its loan',
  },
  {
    name: 'residual_risk',
    required: true,
    type: 'enum',
    values: RESIDUAL_BEARERS,
    description:
      'who bears the residual risk; read and summarised, the model books residual results to the captive',
  },
  {
    name: 'new_used',
    required: true,
    type: 'enum',
    values: ['new', 'used'],
    description: 'the vehicle when the contract started',
  },
  { name: 'origination_date', required: true, type: 'date', description: 'the contract’s start' },
  { name: 'maturity_date', required: true, type: 'date', description: 'the contract’s scheduled end' },
  {
    name: 'balance',
    required: true,
    type: 'money',
    unit: '€',
    min: 0,
    max: MONEY_MAX,
    description: 'outstanding balance at the as-of date after the instalments fallen due, used as is',
  },
  {
    name: 'instalment',
    required: true,
    type: 'money',
    unit: '€',
    min: 0,
    max: MONEY_MAX,
    description: 'monthly instalment, used as is',
  },
  {
    name: 'residual',
    required: true,
    type: 'money',
    unit: '€',
    min: 0,
    max: MONEY_MAX,
    description: 'the contract residual or balloon due at maturity (0 for an amortising loan), used as is',
  },
  {
    name: 'status',
    required: true,
    type: 'enum',
    values: TAPE_STATUSES,
    description: 'the contract’s state at the as-of date',
  },
  {
    name: 'days_past_due',
    required: true,
    type: 'integer',
    unit: 'days',
    min: 0,
    max: 3650,
    description: 'days the oldest unpaid instalment is overdue',
  },
  {
    name: 'arrears_amount',
    required: true,
    type: 'money',
    unit: '€',
    min: 0,
    max: MONEY_MAX,
    description: 'amount overdue',
  },
  // Optional.
  {
    name: 'as_of_date',
    required: false,
    type: 'date',
    description:
      'the tape’s as-of date (month 0), the same on every row; else given in the scenario or with --as-of',
  },
  {
    name: 'nominal_rate',
    required: false,
    type: 'number',
    unit: '% per year',
    min: 0,
    max: 100,
    description:
      'customer rate; without it, the rate implied by balance, instalment, residual and the months left',
  },
  {
    name: 'guide_residual',
    required: false,
    type: 'money',
    unit: '€',
    min: 0,
    max: MONEY_MAX,
    description: 'guide residual at origination; read and summarised',
  },
  {
    name: 'market_value',
    required: false,
    type: 'money',
    unit: '€',
    min: 0,
    max: MONEY_MAX,
    description: 'current market value of the vehicle; read and summarised',
  },
  {
    name: 'list_price',
    required: false,
    type: 'money',
    unit: '€',
    min: 0,
    max: MONEY_MAX,
    description: 'the vehicle’s price when new (MSRP), which the residual curves scale',
  },
  {
    name: 'subsidy_amount',
    required: false,
    type: 'money',
    unit: '€',
    min: 0,
    max: MONEY_MAX,
    description:
      'manufacturer rate subsidy received at origination; the part for the instalments left is deferred',
  },
  {
    name: 'residual_support_amount',
    required: false,
    type: 'money',
    unit: '€',
    min: 0,
    max: MONEY_MAX,
    description: 'manufacturer residual support; read and summarised',
  },
  {
    name: 'dealer_commission',
    required: false,
    type: 'money',
    unit: '€',
    min: 0,
    max: MONEY_MAX,
    description:
      'commission paid to the dealer at origination; the part for the instalments left is deferred',
  },
  {
    name: 'currency',
    required: false,
    type: 'enum',
    values: ['EUR'],
    description: 'the model counts in €: convert other currencies before loading',
  },
  {
    name: 'region',
    required: false,
    type: 'code',
    description: 'the dealer’s region, mapped to the model’s regions by the tape’s region table',
  },
  {
    name: 'rating_grade',
    required: false,
    type: 'code',
    description: 'internal rating grade, mapped to the model’s credit tiers by the tape’s grade table',
  },
  { name: 'vehicle_make', required: false, type: 'code', description: 'read, not used by the model' },
  { name: 'vehicle_model', required: false, type: 'code', description: 'read, not used by the model' },
  {
    name: 'vehicle_age_months',
    required: false,
    type: 'integer',
    unit: 'months',
    min: 0,
    max: 600,
    description: 'vehicle age at the as-of date',
  },
  {
    name: 'mileage_km',
    required: false,
    type: 'number',
    unit: 'km',
    min: 0,
    max: 2_000_000,
    description: 'odometer at the as-of date',
  },
  {
    name: 'powertrain',
    required: false,
    type: 'enum',
    values: POWERTRAINS,
    description: 'the vehicle’s powertrain',
  },
  { name: 'forborne', required: false, type: 'flag', description: 'under forbearance; read and summarised' },
  { name: 'dispute', required: false, type: 'flag', description: 'an open dispute on an unpaid instalment' },
  { name: 'agency', required: false, type: 'flag', description: 'placed with a collection agency' },
  { name: 'insured', required: false, type: 'flag', description: 'credit insurance' },
  {
    name: 'payment_summary_12m',
    required: false,
    type: 'payment-summary',
    description: 'the last 12 month-ends, oldest first; the customer’s payer segment is read from it',
  },
  {
    name: 'business_customer',
    required: false,
    type: 'flag',
    description: 'fleet or business customer; read and summarised',
  }, // Model-only (MODEL_ONLY_PREFIX): what the model holds and a client's tape leaves out.
  {
    name: 'x_dealer_index',
    required: false,
    type: 'integer',
    min: 0,
    max: MAX_DEALERS - 1,
    description:
      'the dealer’s place in the model’s network, from 0: with it, dealers are numbered by it rather than in the order they first appear; the same on each of a dealer’s rows, and each place from 0 to the largest held by a dealer',
  },
  {
    name: 'x_dealer_bdc',
    required: false,
    type: 'flag',
    description: 'the dealer runs a business development centre; the same on each of the dealer’s rows',
  },
  {
    name: 'x_dealer_discipline',
    required: false,
    type: 'number',
    unit: '0–1',
    min: 0,
    max: 1,
    description: 'how well the dealer carries out engagement; the same on each of the dealer’s rows',
  },
  {
    name: 'x_segment',
    required: false,
    type: 'enum',
    values: SEGMENTS,
    description:
      'the customer’s payer segment, read instead of payment_summary_12m; a customer’s worst counts',
  },
  {
    name: 'x_loyalty',
    required: false,
    type: 'number',
    unit: '0–1',
    min: 0,
    max: 1,
    description: 'the customer’s latent loyalty; the same on each of the customer’s rows',
  },
  {
    name: 'x_loyalty_score',
    required: false,
    type: 'number',
    unit: '0–1',
    min: 0,
    max: 1,
    description: 'the captive’s loyalty score of the customer; the same on each of the customer’s rows',
  },
  {
    name: 'x_channel',
    required: false,
    type: 'enum',
    values: CHANNELS,
    description: 'the customer’s preferred contact channel; the same on each of the customer’s rows',
  },
  {
    name: 'x_km_per_year',
    required: false,
    type: 'number',
    unit: 'km',
    min: 0,
    max: 1_000_000,
    description:
      'kilometres the vehicle is driven a year, read instead of mileage_km over vehicle_age_months',
  },
  {
    name: 'x_rate_monthly',
    required: false,
    type: 'number',
    unit: 'per month, 0–1',
    min: 0,
    max: 1,
    description: 'customer rate per month, to the last digit, read instead of nominal_rate',
  },
];

/** The declaration of each column by name. */
export const TAPE_COLUMN_BY_NAME: ReadonlyMap<string, TapeColumn> = new Map(
  TAPE_COLUMNS.map((c) => [c.name, c]),
);
