import { CHANNELS, CREDIT_TIERS, POWERTRAINS, REGIONS, SEGMENTS } from '../../domain/lists.ts';
import { normal01, pickIndex, uniform } from '../../random/streams.ts';
import { KeyedSampler } from '../../world/keyed-sampler.ts';
import { segmentGivenTier } from '../joint-mix.ts';
import { mixWeights, type Population } from '../population.ts';
import type { PortfolioSpec } from '../spec.ts';
import { ABSENT, type TapeBook } from './book.ts';

/**
 * Decision ids of the draws that complete a tape, in 1100–1199 of the portfolio's range 1000–1999
 * (engine/random/streams.ts); the synthetic population keeps 1000–1099. Add ids, never renumber.
 */
export const TAPE_DECISIONS = {
  dealerRegion: 1100,
  dealerBdc: 1101,
  dealerDiscipline: 1102,
  customerTier: 1110,
  customerSegment: 1111,
  customerLoyalty: 1112,
  customerLoyaltyScore: 1113,
  customerChannel: 1114,
  vehicleMsrp: 1120,
  vehiclePowertrain: 1121,
  vehicleKmPerYear: 1122,
  contractInsured: 1130,
} as const;

/** Tries of the list-price draw above the contract's balance before the balance itself is taken. */
const PRICE_TRIES = 16;

/**
 * The population of a tape: what the tape states is copied once; what it lacks is left for
 * {@link drawTapeIteration}, which each iteration runs before it loads the starting book.
 */
export function tapePopulation(book: TapeBook): Population {
  const D = book.dealers;
  const K = book.customers;
  const C = book.contracts;
  const n = C.count;
  return {
    dealers: {
      count: D.count,
      region: new Uint8Array(D.count),
      hasBdc: new Uint8Array(D.count),
      discipline: new Float64Array(D.count),
    },
    customers: {
      count: K.count,
      segment: new Uint8Array(K.count),
      creditTier: new Uint8Array(K.count),
      loyalty: new Float64Array(K.count),
      loyaltyScore: new Float64Array(K.count),
      preferredChannel: new Uint8Array(K.count),
      dealer: Int32Array.from(K.dealer),
    },
    vehicles: {
      count: n,
      msrp: new Float64Array(n),
      powertrain: new Uint8Array(n),
      ageMonths: Int32Array.from(C.vehicleAgeMonths),
      mileageKm: new Float64Array(n),
      kmPerYear: new Float64Array(n),
    },
    contracts: {
      count: n,
      customer: Int32Array.from(C.customer),
      vehicle: Int32Array.from({ length: n }, (_, i) => i),
      cycle: Uint8Array.from(C.cycle),
      termMonths: Int32Array.from(C.termMonths),
      monthsOnBook: Int32Array.from(C.monthsOnBook),
      insured: new Uint8Array(n),
    },
    terms: {
      balance: Float64Array.from(C.balance),
      payment: Float64Array.from(C.instalment),
      balloon: Float64Array.from(C.residual),
      rateMonthly: Float64Array.from(C.rateMonthly),
      missed: Int32Array.from(C.missed),
      dispute: Uint8Array.from(C.dispute),
      agency: Uint8Array.from(C.agency),
      subsidy: Float64Array.from(C.subsidy),
      commission: Float64Array.from(C.commission),
    },
  };
}

/**
 * Completes `population` (from {@link tapePopulation}) for one iteration: every attribute the tape does
 * not give is drawn from the portfolio settings, given what the tape does say (a tier given the
 * customer's payment record and the reverse, a list price no lower than what is still owed on the
 * vehicle). Each draw is `uniform(key, entity, TAPE_DECISIONS.x, 0)` with `key` the iteration's key and
 * the entity the tape's dealer, customer or contract index, so the result is the same in any worker
 * and changes from one iteration to the next: the spread of the results includes what the tape leaves
 * open. What the tape gives is never overwritten.
 */
export function drawTapeIteration(
  population: Population,
  book: TapeBook,
  spec: PortfolioSpec,
  key: number,
): void {
  const T = TAPE_DECISIONS;
  const sampler = new KeyedSampler();
  const regionWeights = mixWeights(spec.regionMix, REGIONS);
  const dealers = population.dealers;
  for (let d = 0; d < dealers.count; d++) {
    const given = book.dealers.region[d]!;
    dealers.region[d] =
      given !== ABSENT ? given : pickIndex(regionWeights, uniform(key, d, T.dealerRegion, 0));
    const bdc = book.dealers.bdc[d]!;
    dealers.hasBdc[d] = bdc !== ABSENT ? bdc : uniform(key, d, T.dealerBdc, 0) < spec.bdcShare ? 1 : 0;
    const discipline = book.dealers.discipline[d]!;
    dealers.discipline[d] =
      discipline !== ABSENT
        ? discipline
        : clamp01(sampler.sample(spec.engagementDiscipline, key, d, T.dealerDiscipline, 0));
  }

  const segmentByTier = segmentGivenTier(spec);
  const creditWeights = mixWeights(spec.creditMix, CREDIT_TIERS);
  // P(tier | segment) ∝ P(segment | tier) P(tier): the same joint distribution read the other way.
  const tierBySegment = SEGMENTS.map((_, s) =>
    Float64Array.from(CREDIT_TIERS, (_, g) => {
      const row = segmentByTier[g]!;
      const total = row.reduce((x, y) => x + y, 0);
      return total > 0 ? (creditWeights[g]! * row[s]!) / total : 0;
    }),
  );
  const channelWeights = mixWeights(spec.preferredChannelMix, CHANNELS);
  const customers = population.customers;
  for (let c = 0; c < customers.count; c++) {
    const givenTier = book.customers.creditTier[c]!;
    const givenSegment = book.customers.segment[c]!;
    let tier = givenTier;
    if (tier === ABSENT) {
      const weights = givenSegment !== ABSENT ? tierBySegment[givenSegment]! : creditWeights;
      tier = pickIndex(weights, uniform(key, c, T.customerTier, 0));
    }
    customers.creditTier[c] = tier;
    customers.segment[c] =
      givenSegment !== ABSENT
        ? givenSegment
        : pickIndex(segmentByTier[tier]!, uniform(key, c, T.customerSegment, 0));
    const givenLoyalty = book.customers.loyalty[c]!;
    const loyalty =
      givenLoyalty !== ABSENT
        ? givenLoyalty
        : clamp01(sampler.sample(spec.loyalty, key, c, T.customerLoyalty, 0));
    customers.loyalty[c] = loyalty;
    const score = book.customers.loyaltyScore[c]!;
    customers.loyaltyScore[c] =
      score !== ABSENT
        ? score
        : clamp01(loyalty + spec.loyaltyScoreNoiseSd * normal01(key, c, T.customerLoyaltyScore, 0));
    const channel = book.customers.channel[c]!;
    customers.preferredChannel[c] =
      channel !== ABSENT ? channel : pickIndex(channelWeights, uniform(key, c, T.customerChannel, 0));
  }

  const powertrainWeights = mixWeights(spec.powertrainMix, POWERTRAINS);
  const vehicles = population.vehicles;
  const C = book.contracts;
  for (let i = 0; i < C.count; i++) {
    const listPrice = C.listPrice[i]!;
    let msrp = listPrice;
    if (listPrice === ABSENT) {
      msrp = C.balance[i]!;
      for (let attempt = 0; attempt < PRICE_TRIES; attempt++) {
        const drawn = sampler.sample(spec.vehiclePrice, key, i, T.vehicleMsrp, attempt);
        if (drawn >= C.balance[i]!) {
          msrp = drawn;
          break;
        }
      }
    }
    vehicles.msrp[i] = msrp;
    const powertrain = C.powertrain[i]!;
    vehicles.powertrain[i] =
      powertrain !== ABSENT
        ? powertrain
        : pickIndex(powertrainWeights, uniform(key, i, T.vehiclePowertrain, 0));
    const age = C.vehicleAgeMonths[i]!;
    const mileage = C.mileageKm[i]!;
    const givenKm = C.kmPerYear[i]!;
    const kmPerYear =
      givenKm !== ABSENT
        ? givenKm
        : mileage !== ABSENT && book.columns.includes('vehicle_age_months') && age > 0
          ? (mileage * 12) / age
          : Math.max(0, sampler.sample(spec.mileagePerYearKm, key, i, T.vehicleKmPerYear, 0));
    vehicles.kmPerYear[i] = kmPerYear;
    vehicles.mileageKm[i] = mileage !== ABSENT ? mileage : (kmPerYear * age) / 12;
    const insured = C.insured[i]!;
    population.contracts.insured[i] =
      insured !== ABSENT ? insured : uniform(key, i, T.contractInsured, 0) < spec.insuredShare ? 1 : 0;
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
