import { CHANNELS, CREDIT_TIERS, POWERTRAINS, REGIONS, SEGMENTS } from '../domain/lists.ts';
import { describeValue as describe } from '../json/describe.ts';
import type { ValueProblem } from '../json/problem.ts';
import { didYouMean } from '../json/suggest.ts';
import type { Num } from '../world/distributions.ts';
import { resolveTapeSource, type TapeSource } from './tape-source.ts';
import {
  checkInteger,
  checkMix,
  checkNumber,
  checkNumWithin,
  child,
  isPlainObject,
  problem,
  type Place,
} from './check.ts';

export type Region = (typeof REGIONS)[number];
export type Segment = (typeof SEGMENTS)[number];
export type CreditTier = (typeof CREDIT_TIERS)[number];
export type Powertrain = (typeof POWERTRAINS)[number];
export type Channel = (typeof CHANNELS)[number];

/** The three cycles of a vehicle's life (docs/design.md §2): 1 new subsidised lease, 2 used lease, 3 loan. */
export const CYCLE_KEYS = ['cycle1', 'cycle2', 'cycle3'] as const;
export type CycleKey = (typeof CYCLE_KEYS)[number];

/** Shares (0–1) over the values of an enum, summing to 1. */
export type Mix<K extends string> = Readonly<Record<K, number>>;

/**
 * Who is there at month 0 (docs/design.md §3): the starting book, its customers, vehicles and dealers.
 *
 * The distributions here (`engagementDiscipline`, `vehiclePrice`, `loyalty`, `mileagePerYearKm`) describe
 * the spread over entities, one draw per dealer, vehicle or customer; they are not parameter uncertainty.
 * The population is drawn once per seed, so every iteration and every scenario with the same portfolio
 * and seed sees the same people.
 *
 * Defaults cite the row of docs/calibration.md they come from; *assumption* marks a default with no public
 * source there.
 */
export interface PortfolioSpec {
  /** Starting book size: active contracts at month 0, one customer and one vehicle each (count). */
  readonly contracts: number;
  /** Dealers in the network (count). */
  readonly dealers: number;
  /** Shares of dealers by region; a customer's region is their dealer's. Default even, 0.2 each (*assumption*). */
  readonly regionMix: Mix<Region>;
  /**
   * Share of dealers running a business development centre (BDC, contact centre), 0–1. Default 0.3
   * (*assumption*: no public share found; calibration D only prices a BDC).
   */
  readonly bdcShare: number;
  /**
   * How well each dealer executes engagement, 0–1, one draw per dealer. Default beta(6, 4), mean 0.6, sd 0.15
   * (*assumption*: docs/design.md §2 "dealers carry out engagement unevenly"; no public distribution).
   */
  readonly engagementDiscipline: Num;
  /**
   * Customers by payment behaviour. Default 80/15/5 reliable/occasional/habitual-late —
   * calibration C: Payer mix 80/15/5 (*assumption*, consistent with the delinquency rows).
   */
  readonly segmentMix: Mix<Segment>;
  /**
   * Customers by credit tier at origination. Default 69/14/17 prime/near-prime/subprime —
   * calibration C: Captive credit mix 69/14/17, GM Financial 10-Q Q1 2022 (FICO ≥680 / 620–679 / <620).
   */
  readonly creditMix: Mix<CreditTier>;
  /**
   * How strongly payer segment and credit tier go together, 0–1: 0 draws them independently, 1 is the
   * strongest dependence that keeps both mixes as the marginals (engine/portfolio/joint-mix.ts). Default
   * 0.5 (*assumption*: credit scores are built from payment history, so late payers sit more often in
   * the lower tiers; no public joint table was found; range 0–1). At 0.5, 2.5% of prime and 13% of
   * subprime customers are habitual late payers against 5% overall.
   */
  readonly segmentTierDependence: number;
  /**
   * Starting contracts by cycle. Default 0.6/0.25/0.15 (*assumption*: a book that has run TCM for a few
   * years, with fewer contracts in each later cycle as customers leave and vehicles are wholesaled).
   */
  readonly cycleMix: Mix<CycleKey>;
  /**
   * MSRP of a new vehicle, €, one draw per vehicle. Default lognormal mean €42,000, sd €12,000: KBB average
   * transaction price $47,870 (Aug 2024; calibration A: OEM incentive (subvention) spend) converted at
   * ≈1.10 $/€ is ≈€43,500, rounded down for the lower European mix (*assumption*); the sd is an *assumption*.
   */
  readonly vehiclePrice: Num;
  /**
   * Vehicles by powertrain. Default 0.5/0.35/0.15 ice/hybrid/ev (*assumption*, no row in docs/calibration.md
   * A–D; roughly EU new registrations 2024 with plug-in hybrids counted as hybrids).
   */
  readonly powertrainMix: Mix<Powertrain>;
  /** Customers by preferred contact channel. Default 0.3/0.35/0.15/0.05/0.15 phone/email/sms/letter/dealer-visit (*assumption*). */
  readonly preferredChannelMix: Mix<Channel>;
  /**
   * Contract term by cycle, months. Default 36/24/48: cycle 1 lease 36 — calibration A: Lease term 36
   * (24–48) (Experian SAFM Q2 2013, BMW FS "typically 36"); cycle 2 used lease 24 so that cycle 3 starts
   * after 5 cumulative years (docs/design.md §2: 5–6 years); cycle 3 loan 48 (§2: a 3–4 year loan).
   */
  readonly termMonths: Readonly<Record<CycleKey, number>>;
  /**
   * Share of contracts with payment protection (retail credit insurance), 0–1. Default 0.25 (*assumption*; the order-to-cash articles
   * insure losses within a limit).
   */
  readonly insuredShare: number;
  /**
   * Latent loyalty of each customer, 0–1 (the propensity the world's renewal response reads). Default
   * beta(2, 2), mean 0.5 — calibration B: Household brand loyalty 51 (50–55) % (S&P Global Mobility
   * 2023).
   */
  readonly loyalty: Num;
  /**
   * Noise of the captive's loyalty score: the score is latent loyalty plus a normal error with this sd,
   * clamped to 0–1. Default 0.1 (*assumption*: a useful but imperfect score).
   */
  readonly loyaltyScoreNoiseSd: number;
  /** Kilometres driven per year by each vehicle, km, one draw per vehicle. Default lognormal mean 15,000, sd 5,000 (*assumption*). */
  readonly mileagePerYearKm: Num;
  /**
   * A client's contract tape as the starting book (docs/tape.md): then `contracts` and `dealers` come
   * from the tape, and the other settings complete what the tape does not say.
   */
  readonly tape?: TapeSource;
}

/** The default portfolio: a mid-sized European captive book of 10,000 contracts and 40 dealers. */
export function defaultPortfolio(): PortfolioSpec {
  return {
    contracts: 10_000,
    dealers: 40,
    regionMix: { north: 0.2, south: 0.2, east: 0.2, west: 0.2, central: 0.2 },
    bdcShare: 0.3,
    engagementDiscipline: { dist: 'beta', alpha: 6, beta: 4 },
    segmentMix: { reliable: 0.8, occasional: 0.15, 'habitual-late': 0.05 },
    creditMix: { prime: 0.69, 'near-prime': 0.14, subprime: 0.17 },
    segmentTierDependence: 0.5,
    cycleMix: { cycle1: 0.6, cycle2: 0.25, cycle3: 0.15 },
    vehiclePrice: { dist: 'lognormal', mean: 42_000, sd: 12_000 },
    powertrainMix: { ice: 0.5, hybrid: 0.35, ev: 0.15 },
    preferredChannelMix: { phone: 0.3, email: 0.35, sms: 0.15, letter: 0.05, 'dealer-visit': 0.15 },
    termMonths: { cycle1: 36, cycle2: 24, cycle3: 48 },
    insuredShare: 0.25,
    loyalty: { dist: 'beta', alpha: 2, beta: 2 },
    loyaltyScoreNoiseSd: 0.1,
    mileagePerYearKm: { dist: 'lognormal', mean: 15_000, sd: 5_000 },
  };
}

/** Bounds of the size settings: entities are indexed by 31-bit integers, and 10 million keeps runs feasible. */
export const MAX_CONTRACTS = 10_000_000;
export const MAX_DEALERS = 100_000;
/** Longest contract term accepted, months. */
export const MAX_TERM_MONTHS = 120;

type Check = (x: unknown, place: Place) => ValueProblem[];

/** How each setting is checked, and how a user's value combines with the default. */
const FIELDS: ReadonlyMap<keyof PortfolioSpec, Check> = new Map<keyof PortfolioSpec, Check>([
  ['contracts', (x, at) => checkInteger(x, at, 1, MAX_CONTRACTS)],
  ['dealers', (x, at) => checkInteger(x, at, 1, MAX_DEALERS)],
  ['regionMix', (x, at) => checkMix(x, at, REGIONS)],
  ['bdcShare', (x, at) => checkNumber(x, at, 0, 1)],
  ['engagementDiscipline', (x, at) => checkNumWithin(x, at, 0, 1)],
  ['segmentMix', (x, at) => checkMix(x, at, SEGMENTS)],
  ['creditMix', (x, at) => checkMix(x, at, CREDIT_TIERS)],
  ['segmentTierDependence', (x, at) => checkNumber(x, at, 0, 1)],
  ['cycleMix', (x, at) => checkMix(x, at, CYCLE_KEYS)],
  ['vehiclePrice', (x, at) => checkNumWithin(x, at, 0, Infinity)],
  ['powertrainMix', (x, at) => checkMix(x, at, POWERTRAINS)],
  ['preferredChannelMix', (x, at) => checkMix(x, at, CHANNELS)],
  ['termMonths', checkTermMonths],
  ['insuredShare', (x, at) => checkNumber(x, at, 0, 1)],
  ['loyalty', (x, at) => checkNumWithin(x, at, 0, 1)],
  ['loyaltyScoreNoiseSd', (x, at) => checkNumber(x, at, 0, 1)],
  ['mileagePerYearKm', (x, at) => checkNumWithin(x, at, 0, Infinity)],
]);

/** The setting names a portfolio accepts. */
export const PORTFOLIO_KEYS: readonly (keyof PortfolioSpec)[] = [...FIELDS.keys(), 'tape'];

/** Terms are merged per cycle over the defaults, so `{ "cycle1": 48 }` changes only cycle 1. */
function checkTermMonths(x: unknown, place: Place): ValueProblem[] {
  if (!isPlainObject(x)) {
    return [
      problem(place, `expected an object of months per cycle, e.g. { "cycle1": 36 }, got ${describe(x)}`),
    ];
  }
  const problems: ValueProblem[] = [];
  for (const key of Object.keys(x)) {
    const at = child(place, key);
    if (!(CYCLE_KEYS as readonly string[]).includes(key)) {
      problems.push(
        problem(
          at,
          `unknown cycle ${describe(key)}: expected ${CYCLE_KEYS.join(', ')}`,
          didYouMean(key, CYCLE_KEYS, { limit: 1 }),
        ),
      );
    } else {
      problems.push(...checkInteger(x[key], at, 1, MAX_TERM_MONTHS));
    }
  }
  return problems;
}

/**
 * The portfolio of a scenario: the user's `partial` settings (the scenario's `portfolio` object, found at
 * JSON pointer `pointer`) over {@link defaultPortfolio}. Settings not given keep their defaults; a mix
 * given replaces the default mix as a whole (shares not named are 0, since a mix is stated as one unit);
 * `termMonths` merges per cycle. Invalid settings keep their defaults and add one problem each at
 * their JSON pointer, `invalid portfolio.<setting>: <what is wrong>`.
 * @example resolvePortfolioSpec({ contracts: 2000, creditMix: { prime: 0.5, 'near-prime': 0.2, subprime: 0.3 } }, '/portfolio')
 */
export function resolvePortfolioSpec(
  partial: unknown,
  pointer: string,
): { spec: PortfolioSpec; problems: ValueProblem[] } {
  const defaults = defaultPortfolio();
  if (partial === undefined) return { spec: defaults, problems: [] };
  const root: Place = { name: 'portfolio', pointer };
  if (!isPlainObject(partial)) {
    return {
      spec: defaults,
      problems: [problem(root, `expected an object of portfolio settings, got ${describe(partial)}`)],
    };
  }
  const spec: Record<string, unknown> = { ...defaults };
  const problems: ValueProblem[] = [];
  for (const key of Object.keys(partial)) {
    const at = child(root, key);
    if (key === 'tape') {
      const { source, problems: found } = resolveTapeSource(partial[key], at);
      problems.push(...found);
      if (source) spec.tape = source;
      continue;
    }
    const check = FIELDS.get(key as keyof PortfolioSpec);
    if (check === undefined) {
      problems.push(
        problem(
          at,
          `unknown setting: expected one of ${PORTFOLIO_KEYS.join(', ')}`,
          didYouMean(key, PORTFOLIO_KEYS, { limit: 1 }),
        ),
      );
      continue;
    }
    const value = partial[key];
    const found = check(value, at);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    spec[key] =
      key === 'termMonths' ? { ...defaults.termMonths, ...(value as object) } : resolvedValue(value);
  }
  return { spec: spec as unknown as PortfolioSpec, problems };
}

/** A checked value, copied so that later edits of the user's object cannot change the spec. */
function resolvedValue(value: unknown): unknown {
  return isPlainObject(value) ? { ...value } : value;
}
