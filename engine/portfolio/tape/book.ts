import type { ExcludedRows } from '../../result/run.ts';

/** Marks a value the tape does not give, in the columns of {@link TapeBook}. */
export const ABSENT = -1;

/**
 * A contract tape read and checked, as columns of typed arrays (one array per attribute, 1 to 8 bytes
 * a row): a 5-million-contract book takes about 500 MB instead of gigabytes of objects, and its arrays,
 * in shared memory where the platform allows, reach workers without being copied (engine/portfolio/
 * tape/growable.ts). Its content's hash is part of the scenario's (engine/sim/montecarlo/hash.ts).
 * Entity i of a kind is index i of its arrays; {@link ABSENT} (−1) where the tape did not say, to be
 * drawn per iteration from the portfolio settings.
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
    readonly region: Int8Array;
    /** Model-only (x_ columns): 0/1 BDC and discipline 0–1, or ABSENT. */
    readonly bdc: Int8Array;
    readonly discipline: Float64Array;
  };
  readonly customers: {
    readonly count: number;
    /** Index into CREDIT_TIERS, or ABSENT. */
    readonly creditTier: Int8Array;
    /** Index into SEGMENTS (read from the payment summary), or ABSENT. */
    readonly segment: Int8Array;
    /** The customer's dealer: the dealer of their first contract in the tape. */
    readonly dealer: Int32Array;
    /** Model-only (x_ columns): loyalty and loyalty score 0–1, channel as an index into CHANNELS, or ABSENT. */
    readonly loyalty: Float64Array;
    readonly loyaltyScore: Float64Array;
    readonly channel: Int8Array;
  };
  readonly contracts: {
    readonly count: number;
    readonly customer: Int32Array;
    /** 1 new lease, 2 used lease, 3 loan (docs/tape.md: how products map). */
    readonly cycle: Uint8Array;
    /** Months from origination to maturity. */
    readonly termMonths: Int32Array;
    /** Instalments fallen due by the as-of date; equal to the term for a matured contract awaiting return. */
    readonly monthsOnBook: Int32Array;
    /** €, as the tape states them. */
    readonly balance: Float64Array;
    readonly instalment: Float64Array;
    readonly residual: Float64Array;
    /** Customer rate per month, 0–1: the tape's nominal rate, else the rate its amounts imply. */
    readonly rateMonthly: Float64Array;
    /** Instalments unpaid: ⌈days past due / 30⌉. */
    readonly missed: Int32Array;
    readonly dispute: Uint8Array;
    readonly agency: Uint8Array;
    /** 0/1, or ABSENT. */
    readonly insured: Int8Array;
    /** € paid at origination, or ABSENT. */
    readonly subsidy: Float64Array;
    readonly commission: Float64Array;
    /** Index into POWERTRAINS, or ABSENT. */
    readonly powertrain: Int8Array;
    /** Vehicle age at the as-of date, months (given or derived from new/used; never absent). */
    readonly vehicleAgeMonths: Int32Array;
    /** Odometer at the as-of date, km, or ABSENT. */
    readonly mileageKm: Float64Array;
    /** Price when new, €, or ABSENT. */
    readonly listPrice: Float64Array;
    /** Kilometres a year (x_km_per_year), or ABSENT. */
    readonly kmPerYear: Float64Array;
  };
}
