import type { ExcludedRows } from '../../result/run.ts';

/** Marks a value the tape does not give, in the columns of {@link TapeBook}. */
export const ABSENT = -1;

/**
 * A contract tape read and checked: plain JSON, so it travels with the run to every worker and its
 * hash is part of the scenario's. Entity i of a kind is index i of its arrays; {@link ABSENT} (−1)
 * where the tape did not say, to be drawn per iteration from the portfolio settings.
 */
export interface TapeBook {
  readonly format: 'cyclecast-tape/1';
  /** The tape's file, as the scenario names it. */
  readonly file: string;
  /** Month 0 of the run, YYYY-MM-DD. */
  readonly asOf: string;
  /** The dealer list that names the tape's dealer network (docs/tape.md), when one does. */
  readonly dealerList?: string;
  /** The columns the tape has, in file order. */
  readonly columns: readonly string[];
  /** The model's attributes the tape does not give, drawn per iteration (see docs/tape.md). */
  readonly drawn: readonly string[];
  /** The rows left out because they had problems (`--exclude-invalid`); absent when none were. */
  readonly excluded?: ExcludedRows;
  /** The region and grade tables used: tape code → the model's value. */
  readonly regions: Readonly<Record<string, string>>;
  readonly grades: Readonly<Record<string, string>>;
  readonly dealers: {
    readonly count: number;
    /** Index into REGIONS, or ABSENT. */
    readonly region: readonly number[];
    /** Model-only (x_ columns): 0/1 BDC and discipline 0–1, or ABSENT. */
    readonly bdc: readonly number[];
    readonly discipline: readonly number[];
  };
  readonly customers: {
    readonly count: number;
    /** Index into CREDIT_TIERS, or ABSENT. */
    readonly creditTier: readonly number[];
    /** Index into SEGMENTS (read from the payment summary), or ABSENT. */
    readonly segment: readonly number[];
    /** The customer's dealer: the dealer of their first contract in the tape. */
    readonly dealer: readonly number[];
    /** Model-only (x_ columns): loyalty and loyalty score 0–1, channel as an index into CHANNELS, or ABSENT. */
    readonly loyalty: readonly number[];
    readonly loyaltyScore: readonly number[];
    readonly channel: readonly number[];
  };
  readonly contracts: {
    readonly count: number;
    readonly customer: readonly number[];
    /** 1 new lease, 2 used lease, 3 loan (docs/tape.md: how products map). */
    readonly cycle: readonly number[];
    /** Months from origination to maturity. */
    readonly termMonths: readonly number[];
    /** Instalments fallen due by the as-of date; equal to the term for a matured contract awaiting return. */
    readonly monthsOnBook: readonly number[];
    /** €, as the tape states them. */
    readonly balance: readonly number[];
    readonly instalment: readonly number[];
    readonly residual: readonly number[];
    /** Customer rate per month, 0–1: the tape's nominal rate, else the rate its amounts imply. */
    readonly rateMonthly: readonly number[];
    /** Instalments unpaid: ⌈days past due / 30⌉. */
    readonly missed: readonly number[];
    readonly dispute: readonly number[];
    readonly agency: readonly number[];
    /** 0/1, or ABSENT. */
    readonly insured: readonly number[];
    /** € paid at origination, or ABSENT. */
    readonly subsidy: readonly number[];
    readonly commission: readonly number[];
    /** Index into POWERTRAINS, or ABSENT. */
    readonly powertrain: readonly number[];
    /** Vehicle age at the as-of date, months (given or derived from new/used; never absent). */
    readonly vehicleAgeMonths: readonly number[];
    /** Odometer at the as-of date, km, or ABSENT. */
    readonly mileageKm: readonly number[];
    /** Price when new, €, or ABSENT. */
    readonly listPrice: readonly number[];
    /** Kilometres a year (x_km_per_year), or ABSENT. */
    readonly kmPerYear: readonly number[];
  };
}
