import { CHANNELS, CREDIT_TIERS, POWERTRAINS, REGIONS, SEGMENTS } from '../domain/lists.ts';
import type { Sim } from './context.ts';
import { priceStartingContract, type StartingPrice } from './initial.ts';

/**
 * The columns `cyclecast portfolio export` writes (docs/tape.md): what a client's tape would say about
 * the book, then the model-only `x_` columns a client's tape leaves out, so that nothing of the book is
 * drawn when it is read back.
 */
export const EXPORT_COLUMNS = [
  'contract_id',
  'customer_id',
  'dealer_id',
  'product',
  'residual_risk',
  'new_used',
  'origination_date',
  'maturity_date',
  'balance',
  'instalment',
  'residual',
  'status',
  'days_past_due',
  'arrears_amount',
  'as_of_date',
  'list_price',
  'subsidy_amount',
  'dealer_commission',
  'region',
  'rating_grade',
  'vehicle_age_months',
  'mileage_km',
  'powertrain',
  'insured',
  'x_dealer_index',
  'x_dealer_bdc',
  'x_dealer_discipline',
  'x_segment',
  'x_loyalty',
  'x_loyalty_score',
  'x_channel',
  'x_km_per_year',
  'x_rate_monthly',
] as const;

/** The columns of the dealer list `cyclecast portfolio export --dealers-out` writes. */
export const DEALER_EXPORT_COLUMNS = ['dealer_id', 'region', 'x_dealer_bdc', 'x_dealer_discipline'] as const;

/** Ids of `count` entities: `prefix` and the index, zero-padded to one width. */
function ids(prefix: string, count: number): (i: number) => string {
  const width = String(Math.max(0, count - 1)).length;
  return (i) => prefix + String(i).padStart(width, '0');
}

/**
 * The dealer network of `sim` as the rows of a dealer list, in the model's order and the columns of
 * {@link DEALER_EXPORT_COLUMNS}: dealers without contracts included, with the same ids as the tape.
 */
export function dealerListRows(sim: Sim): string[][] {
  const D = sim.population.dealers;
  const dealerId = ids('d', D.count);
  return Array.from({ length: D.count }, (_, d) => [
    dealerId(d),
    REGIONS[D.region[d]!]!,
    String(D.hasBdc[d]!),
    exact(D.discipline[d]!),
  ]);
}

/**
 * The starting book of `sim` (after startIteration: its customers, vehicles and contracts loaded) as
 * the rows of a contract tape at `asOf` (YYYY-MM-DD, month 0), one row per contract in the model's
 * order, in the columns of {@link EXPORT_COLUMNS}. Every number is written to its last digit, so reading
 * it back gives the same doubles. Contract n is `k…n`, customer c `c…c` and dealer d `d…d`, and the
 * rows keep the model's order, so the tape reader numbers contracts and customers as the model does;
 * dealers carry their place in x_dealer_index. Unless `withDealerList` (the network is written as a
 * dealer list beside the tape, {@link dealerListRows}), throws `invalid portfolio: …` when a dealer
 * has no contract: a tape alone holds dealers only through their contracts.
 */
export function startingBookRows(sim: Sim, asOf: string, withDealerList = false): string[][] {
  const P = sim.population;
  const K = sim.customers;
  const V = sim.vehicles;
  const D = P.dealers;
  const covered = new Uint8Array(D.count);
  for (let c = 0; c < P.customers.count; c++) covered[P.customers.dealer[c]!] = 1;
  if (!withDealerList && covered.includes(0)) {
    const empty = covered.reduce((n, x) => n + (x === 0 ? 1 : 0), 0);
    throw new Error(
      `invalid portfolio: ${empty} of the ${D.count} dealers hold no contract of the starting book, and a tape alone holds a dealer only through its contracts (write the network beside it with --dealers-out DEALERS.csv and name it in portfolio.tape.dealers)`,
    );
  }
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const contractId = ids('k', P.contracts.count);
  const customerId = ids('c', P.customers.count);
  const dealerId = ids('d', D.count);
  const price: StartingPrice = { rate: 0, balloon: 0, payment: 0, balance: 0, subsidy: 0, commission: 0 };
  const rows: string[][] = [];
  for (let n = 0; n < P.contracts.count; n++) {
    const c = P.contracts.customer[n]!;
    const v = P.contracts.vehicle[n]!;
    const d = K.dealer[c]!;
    const cycle = P.contracts.cycle[n]!;
    const term = P.contracts.termMonths[n]!;
    const seasoning = P.contracts.monthsOnBook[n]!;
    const p = priceStartingContract(sim, n, price);
    // The seasoning's instalments have fallen due by the as-of date: the contract started that many
    // whole months before it, and ends `term` months after its start.
    const start = shiftMonths(year, month, day, -seasoning);
    const end = shiftMonths(year, month, day, term - seasoning);
    rows.push([
      contractId(n),
      customerId(c),
      dealerId(d),
      cycle === 3 ? 'amortising-loan' : 'operating-lease',
      'captive',
      cycle === 1 ? 'new' : 'used',
      start,
      end,
      exact(p.balance),
      exact(p.payment),
      exact(p.balloon),
      'current',
      '0',
      '0',
      asOf,
      exact(V.msrp[v]!),
      exact(p.subsidy),
      exact(p.commission),
      REGIONS[D.region[d]!]!,
      CREDIT_TIERS[K.tier[c]!]!,
      String(P.vehicles.ageMonths[v]!),
      String(Math.round(P.vehicles.mileageKm[v]!)),
      POWERTRAINS[V.powertrain[v]!]!,
      String(P.contracts.insured[n]!),
      String(d),
      String(D.hasBdc[d]!),
      exact(D.discipline[d]!),
      SEGMENTS[K.segment[c]!]!,
      exact(K.loyalty[c]!),
      exact(K.loyaltyScore[c]!),
      CHANNELS[K.channel[c]!]!,
      exact(P.vehicles.kmPerYear[v]!),
      exact(p.rate),
    ]);
  }
  return rows;
}

/**
 * A number to its last digit in plain decimal notation (the tape's number cells take no exponent):
 * the shortest text that reads back as the same double.
 * @example exact(1.5e-7) // '0.00000015'
 */
export function exact(x: number): string {
  const text = String(x);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const sign = text.startsWith('-') ? '-' : '';
  const mantissa = text.slice(sign.length, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const before = (point < 0 ? mantissa.length : point) + exponent;
  if (before <= 0) return `${sign}0.${'0'.repeat(-before)}${digits}`;
  if (before >= digits.length) return sign + digits + '0'.repeat(before - digits.length);
  return `${sign}${digits.slice(0, before)}.${digits.slice(before)}`;
}

/** The date `months` whole months from year-month-day, YYYY-MM-DD; a day past a month's end is its last. */
function shiftMonths(year: number, month: number, day: number, months: number): string {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(day, last);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
