import { describe, expect, it } from 'vitest';
import { CHANNELS, CREDIT_TIERS, POWERTRAINS, REGIONS, SEGMENTS } from '../../engine/domain/lists.ts';
import {
  PORTFOLIO_DECISIONS,
  drawNewVehicle,
  generatePortfolio,
  type Population,
} from '../../engine/portfolio/population.ts';
import { CYCLE_KEYS, defaultPortfolio, type Mix, type PortfolioSpec } from '../../engine/portfolio/spec.ts';
import { iterationKey } from '../../engine/random/streams.ts';
import { KeyedSampler } from '../../engine/world/keyed-sampler.ts';

const N = 20_000;
const spec: PortfolioSpec = { ...defaultPortfolio(), contracts: N };
const population = generatePortfolio(spec, 42);

/** Shares of each index 0…k−1 in `values`. */
function shares(values: ArrayLike<number>, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < values.length; i++) counts[values[i]!]!++;
  return counts.map((c) => c / values.length);
}

/** Each observed share within 4.5 binomial standard errors of its mix share. */
function expectMix<K extends string>(values: ArrayLike<number>, mix: Mix<K>, keys: readonly K[]): void {
  const observed = shares(values, keys.length);
  keys.forEach((k, i) => {
    const p = mix[k];
    expect(Math.abs(observed[i]! - p), `${k}: ${observed[i]} vs ${p}`).toBeLessThanOrEqual(
      4.5 * Math.sqrt((p * (1 - p)) / values.length),
    );
  });
}

function arrays(p: Population): Record<string, ArrayLike<number>> {
  const out: Record<string, ArrayLike<number>> = {};
  for (const [kind, group] of Object.entries(p)) {
    for (const [name, value] of Object.entries(group)) {
      if (ArrayBuffer.isView(value)) out[`${kind}.${name}`] = value as unknown as ArrayLike<number>;
    }
  }
  return out;
}

/**
 * Whether two typed arrays are of one type and hold the same bytes: the matchers' deep equality
 * compares 20,000 elements one by one, which took a second per population.
 */
function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const bytes = (v: ArrayLike<number>) => {
    const view = v as unknown as ArrayBufferView;
    return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  };
  return a.constructor === b.constructor && bytes(a).equals(bytes(b));
}

/** Every array of `a` is the same array of `b` (see sameArray). */
function expectSameArrays(a: Population, b: Population): void {
  const [x, y] = [arrays(a), arrays(b)];
  expect(Object.keys(x)).toEqual(Object.keys(y));
  for (const name of Object.keys(x)) expect(sameArray(x[name]!, y[name]!), name).toBe(true);
}

describe('generatePortfolio', () => {
  it('gives the same population for the same spec and seed, whether the seed is a number or a string', () => {
    const again = generatePortfolio(spec, '42');
    expectSameArrays(again, population);
  });
  it('gives a different population for another seed', () => {
    const other = arrays(generatePortfolio(spec, 43));
    const base = arrays(population);
    for (const name of [
      'customers.loyalty',
      'vehicles.msrp',
      'contracts.monthsOnBook',
      'dealers.discipline',
    ]) {
      expect(other[name], name).not.toEqual(base[name]);
    }
  });
  it('sizes every array by its entity count', () => {
    expect(population.contracts.count).toBe(N);
    expect(population.customers.count).toBe(N);
    expect(population.vehicles.count).toBe(N);
    expect(population.dealers.count).toBe(spec.dealers);
    for (const [name, values] of Object.entries(arrays(population))) {
      const kind = name.split('.')[0] as Exclude<keyof Population, 'terms'>;
      expect(values.length, name).toBe(population[kind].count);
    }
  });
  it('keeps every index in range (referential integrity)', () => {
    const { contracts, customers, dealers, vehicles } = population;
    const inRange = (values: ArrayLike<number>, lo: number, hi: number): boolean =>
      Array.prototype.every.call(values, (v: number) => Number.isInteger(v) && v >= lo && v < hi);
    expect(inRange(contracts.customer, 0, customers.count)).toBe(true);
    expect(inRange(contracts.vehicle, 0, vehicles.count)).toBe(true);
    expect(inRange(customers.dealer, 0, dealers.count)).toBe(true);
    expect(inRange(dealers.region, 0, REGIONS.length)).toBe(true);
    expect(inRange(dealers.hasBdc, 0, 2)).toBe(true);
    expect(inRange(customers.segment, 0, SEGMENTS.length)).toBe(true);
    expect(inRange(customers.creditTier, 0, CREDIT_TIERS.length)).toBe(true);
    expect(inRange(customers.preferredChannel, 0, CHANNELS.length)).toBe(true);
    expect(inRange(vehicles.powertrain, 0, POWERTRAINS.length)).toBe(true);
    expect(inRange(contracts.cycle, 1, 4)).toBe(true);
    expect(inRange(contracts.insured, 0, 2)).toBe(true);
    // One customer and one vehicle per starting contract.
    expect(new Set(contracts.customer).size).toBe(N);
    expect(new Set(contracts.vehicle).size).toBe(N);
  });
  it('draws customers, contracts and vehicles in the spec mixes, within sampling error', () => {
    const { contracts, customers, vehicles } = population;
    expectMix(customers.segment, spec.segmentMix, SEGMENTS);
    expectMix(customers.creditTier, spec.creditMix, CREDIT_TIERS);
    expectMix(customers.preferredChannel, spec.preferredChannelMix, CHANNELS);
    expectMix(vehicles.powertrain, spec.powertrainMix, POWERTRAINS);
    expectMix(
      Array.from(contracts.cycle, (c) => c - 1),
      spec.cycleMix,
      CYCLE_KEYS,
    );
    expectMix(contracts.insured, { no: 1 - spec.insuredShare, yes: spec.insuredShare }, ['no', 'yes']);
  });
  it('gives dealers the exact region and BDC quotas', () => {
    const big = generatePortfolio({ ...spec, contracts: 10, dealers: 43, bdcShare: 0.3 }, 1);
    const regionCounts = shares(big.dealers.region, REGIONS.length).map((s) => Math.round(s * 43));
    // 43 × 0.2 = 8.6 each: largest remainders give three regions 9 and two 8.
    expect([...regionCounts].sort()).toEqual([8, 8, 9, 9, 9]);
    expect(big.dealers.hasBdc.reduce((s, b) => s + b, 0)).toBe(13);
  });
  it('draws dealer discipline, loyalty, prices and mileage from their distributions', () => {
    const wide = generatePortfolio({ ...spec, contracts: 100, dealers: 20_000 }, 5);
    const mean = (xs: Float64Array): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    // beta(6, 4): mean 0.6, sd 0.148.
    expect(Math.abs(mean(wide.dealers.discipline) - 0.6)).toBeLessThan(4.5 * (0.148 / Math.sqrt(20_000)));
    // beta(2, 2): mean 0.5, sd 0.224.
    expect(Math.abs(mean(population.customers.loyalty) - 0.5)).toBeLessThan(4.5 * (0.224 / Math.sqrt(N)));
    expect(Math.abs(mean(population.vehicles.msrp) - 42_000)).toBeLessThan(4.5 * (12_000 / Math.sqrt(N)));
    expect(Math.abs(mean(population.vehicles.kmPerYear) - 15_000)).toBeLessThan(4.5 * (5_000 / Math.sqrt(N)));
    expect(population.vehicles.msrp.every((p) => p > 0)).toBe(true);
  });
  it('gives a loyalty score that reads latent loyalty with noise, within 0–1', () => {
    const { loyalty, loyaltyScore } = population.customers;
    expect(loyalty.every((l) => l >= 0 && l <= 1)).toBe(true);
    expect(loyaltyScore.every((s) => s >= 0 && s <= 1)).toBe(true);
    let differ = 0;
    let sq = 0;
    for (let c = 0; c < N; c++) {
      if (loyaltyScore[c] !== loyalty[c]) differ++;
      sq += (loyaltyScore[c]! - loyalty[c]!) ** 2;
    }
    expect(differ).toBeGreaterThan(N * 0.95);
    // Clamping at 0 and 1 trims the noise a little below its sd of 0.1.
    expect(Math.sqrt(sq / N)).toBeGreaterThan(0.08);
    expect(Math.sqrt(sq / N)).toBeLessThan(0.1 + 0.005);
  });
  it('seasons each contract within its term and ages its vehicle by the cycles before it', () => {
    const { contracts, vehicles } = population;
    const t = spec.termMonths;
    const before = [0, t.cycle1, t.cycle1 + t.cycle2];
    let seasonedLate = 0;
    const wrong: string[] = [];
    for (let i = 0; i < N; i++) {
      const cycle = contracts.cycle[i]!;
      const term = contracts.termMonths[i]!;
      const mob = contracts.monthsOnBook[i]!;
      const v = contracts.vehicle[i]!;
      if (term !== t[CYCLE_KEYS[cycle - 1]!]) wrong.push(`contract ${i}: term ${term} in cycle ${cycle}`);
      if (!(mob >= 0 && mob < term)) wrong.push(`contract ${i}: seasoning ${mob} outside [0, ${term})`);
      // Registered when its first contract started, the month before that contract's first instalment.
      if (vehicles.ageMonths[v] !== before[cycle - 1]! + mob + 1)
        wrong.push(`vehicle ${v}: age ${vehicles.ageMonths[v]}`);
      const km = (vehicles.kmPerYear[v]! * vehicles.ageMonths[v]!) / 12;
      if (Math.abs(vehicles.mileageKm[v]! - km) > 1e-6)
        wrong.push(`vehicle ${v}: mileage ${vehicles.mileageKm[v]}`);
      if (mob >= term / 2) seasonedLate++;
    }
    expect(wrong).toEqual([]);
    // Steady-state book: seasoning uniform over the term, so about half the contracts are past mid-term.
    expect(Math.abs(seasonedLate / N - 0.5)).toBeLessThan(0.03);
  });
  it('keeps the first customers when the book grows, and moves only what a changed setting feeds', () => {
    const small = generatePortfolio({ ...spec, contracts: 1000 }, 42);
    for (const name of ['segment', 'creditTier', 'loyalty', 'loyaltyScore', 'dealer'] as const) {
      expect(Array.from(small.customers[name]), name).toEqual(
        Array.from(population.customers[name].slice(0, 1000)),
      );
    }
    const riskier = generatePortfolio(
      { ...spec, creditMix: { prime: 0.5, 'near-prime': 0.2, subprime: 0.3 } },
      42,
    );
    // Segment is drawn given the tier (one joint distribution, whose conditionals shift a little with
    // the credit mix): the customers whose tier stayed nearly all keep their segment.
    let stayed = 0;
    let segmentMoved = 0;
    for (let c = 0; c < N; c++) {
      if (riskier.customers.creditTier[c] !== population.customers.creditTier[c]) continue;
      stayed++;
      if (riskier.customers.segment[c] !== population.customers.segment[c]) segmentMoved++;
    }
    expect(segmentMoved / stayed).toBeLessThan(0.05);
    expect(sameArray(riskier.customers.loyalty, population.customers.loyalty)).toBe(true);
    expect(sameArray(riskier.vehicles.msrp, population.vehicles.msrp)).toBe(true);
    // Inversion moves only customers near the shifted boundaries, always towards riskier tiers:
    // u in [0.5, 0.69) prime → near-prime, u in [0.7, 0.83) near-prime → subprime: 32% in all.
    let moved = 0;
    for (let c = 0; c < N; c++) {
      const before = population.customers.creditTier[c]!;
      const after = riskier.customers.creditTier[c]!;
      expect(after).toBeGreaterThanOrEqual(before === 0 ? 0 : 1);
      if (after !== before) moved++;
    }
    expect(Math.abs(moved / N - 0.32)).toBeLessThan(4.5 * Math.sqrt((0.32 * 0.68) / N));
  });
});

describe('drawNewVehicle', () => {
  const key = iterationKey(42, 3);
  const sampler = new KeyedSampler();
  const draw = (s: PortfolioSpec, customer: number, month: number) =>
    drawNewVehicle(s, sampler, key, customer, month, { msrp: 0, powertrain: 0, kmPerYear: 0 });
  it('is keyed for common random numbers: same customer and month, same vehicle', () => {
    expect(draw(spec, 17, 40)).toEqual(draw({ ...spec }, 17, 40));
    expect(draw(spec, 17, 41)).not.toEqual(draw(spec, 17, 40));
    const out = { msrp: 0, powertrain: 0, kmPerYear: 0 };
    expect(drawNewVehicle(spec, sampler, key, 17, 40, out)).toBe(out);
    expect(out).toEqual(draw(spec, 17, 40));
    expect(draw(spec, 18, 40)).not.toEqual(draw(spec, 17, 40));
  });
  it('draws prices and powertrains from the spec', () => {
    const evOnly = { ...spec, powertrainMix: { ice: 0, hybrid: 0, ev: 1 } };
    let sum = 0;
    const n = 20_000;
    const counts = [0, 0, 0];
    for (let c = 0; c < n; c++) {
      const v = draw(spec, c, 12);
      sum += v.msrp;
      counts[v.powertrain]!++;
      expect(draw(evOnly, c, 12).powertrain).toBe(POWERTRAINS.indexOf('ev'));
    }
    expect(Math.abs(sum / n - 42_000)).toBeLessThan(4.5 * (12_000 / Math.sqrt(n)));
    expectMix(
      counts.flatMap((count, i) => new Array<number>(count).fill(i)),
      spec.powertrainMix,
      POWERTRAINS,
    );
  });
  it('uses decision ids reserved for the portfolio', () => {
    for (const id of Object.values(PORTFOLIO_DECISIONS)) expect(id >= 1000 && id < 2000).toBe(true);
    expect(new Set(Object.values(PORTFOLIO_DECISIONS)).size).toBe(Object.keys(PORTFOLIO_DECISIONS).length);
  });
});
