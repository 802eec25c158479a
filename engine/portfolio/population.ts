import { CHANNELS, CREDIT_TIERS, POWERTRAINS, REGIONS } from '../domain/lists.ts';
import { iterationKey, normal01, pickIndex, uniform } from '../random/streams.ts';
import type { Num } from '../world/distributions.ts';
import { KeyedSampler } from '../world/keyed-sampler.ts';
import { segmentGivenTier } from './joint-mix.ts';
import { CYCLE_KEYS, type Mix, type PortfolioSpec } from './spec.ts';

/**
 * Decision ids of the portfolio's random draws, in the range 1000–1999 reserved for the portfolio
 * (engine/random/streams.ts), so the population never reads the same luck as the simulator's decisions.
 * Each id belongs to one kind of entity: the entity index of a draw is a dealer, customer, vehicle or
 * contract index accordingly.
 */
export const PORTFOLIO_DECISIONS = {
  dealerRegion: 1000,
  dealerBdc: 1001,
  dealerDiscipline: 1002,
  customerSegment: 1010,
  customerCreditTier: 1011,
  customerLoyalty: 1012,
  customerLoyaltyScore: 1013,
  customerChannel: 1014,
  customerDealer: 1015,
  vehicleMsrp: 1020,
  vehiclePowertrain: 1021,
  vehicleKmPerYear: 1022,
  contractCycle: 1030,
  contractSeasoning: 1031,
  contractInsured: 1032,
  newVehicleMsrp: 1040,
  newVehiclePowertrain: 1041,
  newVehicleKmPerYear: 1042,
} as const;

/**
 * The synthetic population at month 0, as struct-of-arrays typed arrays: entity i of a kind is index i of
 * each of that kind's arrays. Enum-valued arrays hold indices into the catalogue's value lists
 * (REGIONS, SEGMENTS, CREDIT_TIERS, CHANNELS, POWERTRAINS in engine/domain/lists.ts).
 * In a synthetic book contract i belongs to customer i; in a tape a customer may hold several contracts
 * (contracts.customer). Contract i always finances vehicle i.
 */
export interface Population {
  dealers: {
    count: number;
    /** Index into REGIONS. */
    region: Uint8Array;
    /** 1 when the dealer runs a business development centre (BDC). */
    hasBdc: Uint8Array;
    /** Engagement discipline, 0–1. */
    discipline: Float64Array;
  };
  customers: {
    count: number;
    /** Index into SEGMENTS. */
    segment: Uint8Array;
    /** Index into CREDIT_TIERS. */
    creditTier: Uint8Array;
    /** Latent loyalty, 0–1: what the world's responses read. */
    loyalty: Float64Array;
    /** The captive's loyalty score, 0–1: a noisy reading of latent loyalty, what policies see. */
    loyaltyScore: Float64Array;
    /** Index into CHANNELS. */
    preferredChannel: Uint8Array;
    /** Index of the customer's dealer. */
    dealer: Int32Array;
  };
  vehicles: {
    count: number;
    /** Price when new, €. */
    msrp: Float64Array;
    /** Index into POWERTRAINS. */
    powertrain: Uint8Array;
    /** Age at month 0, months. */
    ageMonths: Int32Array;
    /** Odometer at month 0, km. */
    mileageKm: Float64Array;
    /** Kilometres driven per year, km: the rate at which the odometer grows. */
    kmPerYear: Float64Array;
  };
  contracts: {
    count: number;
    customer: Int32Array;
    vehicle: Int32Array;
    /** 1 new subsidised lease, 2 used lease, 3 loan (cycles 1–2 are leases, cycle 3 a loan). */
    cycle: Uint8Array;
    /** Contract term, months. */
    termMonths: Int32Array;
    /** Seasoning at month 0, months: 0 ≤ monthsOnBook < termMonths. */
    monthsOnBook: Int32Array;
    /** 1 when the contract has payment protection. */
    insured: Uint8Array;
  };
  /** A client's book (engine/portfolio/tape): each contract's terms as its tape states them, never re-priced. */
  terms?: StartingTerms;
}

/**
 * The money and arrears of each starting contract as a tape states them (index n is contract n).
 * Amounts in €; `rateMonthly` per month, 0–1; `subsidy` and `commission` are what was paid at
 * origination, or −1 where the tape does not say.
 */
export interface StartingTerms {
  balance: Float64Array;
  payment: Float64Array;
  balloon: Float64Array;
  rateMonthly: Float64Array;
  missed: Int32Array;
  dispute: Uint8Array;
  agency: Uint8Array;
  subsidy: Float64Array;
  commission: Float64Array;
}

/**
 * Draws the starting population of `spec`. Every draw is `uniform(iterationKey(seed, 0), entity, decision,
 * 0, draw)` with a decision of {@link PORTFOLIO_DECISIONS}, so the same spec and seed give the same
 * population in every scenario, iteration and worker (common random numbers), and a change to one
 * setting moves only the draws it feeds (changing a share moves only the entities near its boundary).
 *
 * The starting book is in steady state: a contract's seasoning is uniform over its term, and its
 * vehicle's age is the terms of the cycles before its current one plus its seasoning.
 */
export function generatePortfolio(spec: PortfolioSpec, seed: number | string): Population {
  const key = iterationKey(seed, 0);
  const sampler = new KeyedSampler();
  const draw = (x: Num, entity: number, decision: number): number =>
    sampler.sample(x, key, entity, decision, 0);
  const D = PORTFOLIO_DECISIONS;

  const dealerCount = spec.dealers;
  const dealers = {
    count: dealerCount,
    region: allocateByQuota(dealerCount, mixWeights(spec.regionMix, REGIONS), key, D.dealerRegion),
    hasBdc: allocateByQuota(dealerCount, Float64Array.of(1 - spec.bdcShare, spec.bdcShare), key, D.dealerBdc),
    discipline: new Float64Array(dealerCount),
  };
  for (let d = 0; d < dealerCount; d++) {
    dealers.discipline[d] = clamp01(draw(spec.engagementDiscipline, d, D.dealerDiscipline));
  }

  const n = spec.contracts;
  const segmentByTier = segmentGivenTier(spec);
  const creditWeights = mixWeights(spec.creditMix, CREDIT_TIERS);
  const channelWeights = mixWeights(spec.preferredChannelMix, CHANNELS);
  const customers = {
    count: n,
    segment: new Uint8Array(n),
    creditTier: new Uint8Array(n),
    loyalty: new Float64Array(n),
    loyaltyScore: new Float64Array(n),
    preferredChannel: new Uint8Array(n),
    dealer: new Int32Array(n),
  };
  for (let c = 0; c < n; c++) {
    const tier = pickIndex(creditWeights, uniform(key, c, D.customerCreditTier, 0));
    customers.creditTier[c] = tier;
    customers.segment[c] = pickIndex(segmentByTier[tier]!, uniform(key, c, D.customerSegment, 0));
    const loyalty = clamp01(draw(spec.loyalty, c, D.customerLoyalty));
    customers.loyalty[c] = loyalty;
    customers.loyaltyScore[c] = clamp01(
      loyalty + spec.loyaltyScoreNoiseSd * normal01(key, c, D.customerLoyaltyScore, 0),
    );
    customers.preferredChannel[c] = pickIndex(channelWeights, uniform(key, c, D.customerChannel, 0));
    customers.dealer[c] = Math.floor(uniform(key, c, D.customerDealer, 0) * dealerCount);
  }

  const cycleWeights = mixWeights(spec.cycleMix, CYCLE_KEYS);
  const terms = CYCLE_KEYS.map((cycle) => spec.termMonths[cycle]);
  const contracts = {
    count: n,
    customer: new Int32Array(n),
    vehicle: new Int32Array(n),
    cycle: new Uint8Array(n),
    termMonths: new Int32Array(n),
    monthsOnBook: new Int32Array(n),
    insured: new Uint8Array(n),
  };
  const powertrainWeights = mixWeights(spec.powertrainMix, POWERTRAINS);
  const vehicles = {
    count: n,
    msrp: new Float64Array(n),
    powertrain: new Uint8Array(n),
    ageMonths: new Int32Array(n),
    mileageKm: new Float64Array(n),
    kmPerYear: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const cycleIndex = pickIndex(cycleWeights, uniform(key, i, D.contractCycle, 0));
    const term = terms[cycleIndex]!;
    const monthsOnBook = Math.floor(uniform(key, i, D.contractSeasoning, 0) * term);
    contracts.customer[i] = i;
    contracts.vehicle[i] = i;
    contracts.cycle[i] = cycleIndex + 1;
    contracts.termMonths[i] = term;
    contracts.monthsOnBook[i] = monthsOnBook;
    contracts.insured[i] = uniform(key, i, D.contractInsured, 0) < spec.insuredShare ? 1 : 0;

    // The contract started the month before its first instalment (month −1 − monthsOnBook), and a
    // vehicle's first contract starts when it is registered: its age is the contract's plus earlier terms.
    let age = monthsOnBook + 1;
    for (let k = 0; k < cycleIndex; k++) age += terms[k]!;
    const kmPerYear = Math.max(0, draw(spec.mileagePerYearKm, i, D.vehicleKmPerYear));
    vehicles.msrp[i] = draw(spec.vehiclePrice, i, D.vehicleMsrp);
    vehicles.powertrain[i] = pickIndex(powertrainWeights, uniform(key, i, D.vehiclePowertrain, 0));
    vehicles.ageMonths[i] = age;
    vehicles.kmPerYear[i] = kmPerYear;
    vehicles.mileageKm[i] = (kmPerYear * age) / 12;
  }

  return { dealers, customers, vehicles, contracts };
}

/** The powertrain weights of each spec, computed once: drawNewVehicle runs inside the monthly step. */
const powertrainWeightsCache = new WeakMap<PortfolioSpec, Float64Array>();

/** A new vehicle's draws: msrp in €, powertrain as an index into POWERTRAINS, kmPerYear in km. */
export interface NewVehicleDraw {
  msrp: number;
  powertrain: number;
  kmPerYear: number;
}

/**
 * A new vehicle for a renewal or a lead sale, drawn from the spec's price and powertrain mix into `out`
 * (allocation-free: it runs inside the monthly step). Keyed for common random numbers: `key` is the
 * iteration key, `entity` the customer (or lead) who takes the vehicle, `month` the month of the sale,
 * so every scenario that sells this customer a vehicle in this month hands over the same one.
 */
export function drawNewVehicle(
  spec: PortfolioSpec,
  sampler: KeyedSampler,
  key: number,
  entity: number,
  month: number,
  out: NewVehicleDraw,
): NewVehicleDraw {
  let weights = powertrainWeightsCache.get(spec);
  if (weights === undefined) {
    weights = mixWeights(spec.powertrainMix, POWERTRAINS);
    powertrainWeightsCache.set(spec, weights);
  }
  const D = PORTFOLIO_DECISIONS;
  out.msrp = sampler.sample(spec.vehiclePrice, key, entity, D.newVehicleMsrp, month);
  out.powertrain = pickIndex(weights, uniform(key, entity, D.newVehiclePowertrain, month));
  out.kmPerYear = Math.max(
    0,
    sampler.sample(spec.mileagePerYearKm, key, entity, D.newVehicleKmPerYear, month),
  );
  return out;
}

/** The shares of a mix as weights in the order of `values`, for pickIndex (0 for a value the mix leaves out). */
export function mixWeights<K extends string>(mix: Mix<K>, values: readonly K[]): Float64Array {
  return Float64Array.from(values, (v) => (Object.hasOwn(mix, v) ? mix[v] : 0));
}

/**
 * Labels 0…k−1 for `n` entities in exact proportions (largest-remainder rounding of n × weight), shuffled
 * with the keyed stream. For a few dozen dealers, independent draws would often leave a region with no
 * dealer or miss the BDC share by several dealers; quotas give the stated mix.
 */
function allocateByQuota(n: number, weights: Float64Array, key: number, decision: number): Uint8Array {
  const total = weights.reduce((s, w) => s + w, 0);
  const counts = Array.from(weights, (w) => Math.floor((n * w) / total));
  let remaining = n - counts.reduce((s, c) => s + c, 0);
  const byRemainder = Array.from(weights.keys()).sort(
    (a, b) => (n * weights[b]!) / total - counts[b]! - ((n * weights[a]!) / total - counts[a]!) || a - b,
  );
  for (const i of byRemainder) {
    if (remaining === 0) break;
    counts[i] = counts[i]! + 1;
    remaining--;
  }
  const labels = new Uint8Array(n);
  let at = 0;
  counts.forEach((count, label) => {
    labels.fill(label, at, at + count);
    at += count;
  });
  // Fisher–Yates with keyed uniforms: entity i's draw decides which label lands at position i.
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(uniform(key, i, decision, 0) * (i + 1));
    const t = labels[i]!;
    labels[i] = labels[j]!;
    labels[j] = t;
  }
  return labels;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
