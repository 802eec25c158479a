import { drawNewVehicle } from '../portfolio/index.ts';
import type { Sim } from './context.ts';
import { DECISIONS } from '../random/decisions.ts';
import { deriveIdentity, IDENTITY } from './identity.ts';
import { CAT, DEALER, MANUFACTURER } from './ledger.ts';
import { normalQuantile, pickIndex, streamOf, uniform } from '../random/streams.ts';
import { guideValue, annuity, attachParties } from './valuation.ts';
import { LEASE, LOAN, VEHICLE_IN_STOCK, VEHICLE_ON_CONTRACT } from './state.ts';

/*
 * Entities born during the run: customers, vehicles and contracts, with their luck keyed by stable
 * identities (identity.ts). Called from the event parts of the steps, never while a step loops over a
 * table's columns held in locals (adding may grow the table).
 */

/** Draw indices of a new customer's attributes under DECISIONS.customerAttributes. */
const ATTRIBUTE = { segment: 0, tier: 1, channel: 2, scoreNoise: 3, loyalty: 10 } as const;

/**
 * A new customer of `dealer` with identity `id`, drawn from the portfolio's mixes (credit tier, then the
 * segment given the tier: one joint distribution,
 * preferred channel, latent loyalty and its noisy score). Returns the customer slot.
 */
export function newCustomer(sim: Sim, id: number, dealer: number): number {
  const K = sim.customers;
  const key = sim.key;
  const D = DECISIONS.customerAttributes;
  const c = K.add();
  K.id[c] = id;
  K.dealer[c] = dealer;
  const tier = pickIndex(sim.tierWeights, uniform(key, id, D, 0, ATTRIBUTE.tier));
  K.tier[c] = tier;
  K.segment[c] = pickIndex(sim.segmentByTier[tier]!, uniform(key, id, D, 0, ATTRIBUTE.segment));
  K.channel[c] = pickIndex(sim.channelWeights, uniform(key, id, D, 0, ATTRIBUTE.channel));
  const loyalty = clamp01(sim.sample(sim.portfolio.loyalty, id, D, 0, ATTRIBUTE.loyalty));
  K.loyalty[c] = loyalty;
  const z = normalQuantile(uniform(key, id, D, 0, ATTRIBUTE.scoreNoise) || 2 ** -33);
  K.loyaltyScore[c] = clamp01(loyalty + sim.portfolio.loyaltyScoreNoiseSd * z);
  return c;
}

/** A new vehicle with identity `id`, first registered in month `t`. Returns the vehicle slot. */
export function newVehicle(sim: Sim, id: number, t: number): number {
  const V = sim.vehicles;
  const drawn = drawNewVehicle(sim.portfolio, sim.sampler, sim.key, id, t, sim.newVehicleDraw);
  const v = V.add();
  V.id[v] = id;
  V.msrp[v] = drawn.msrp;
  V.powertrain[v] = drawn.powertrain;
  V.birthMonth[v] = t;
  V.kmPerMonth[v] = drawn.kmPerYear / 12;
  V.valueZ[v] = vehicleValueZ(sim, id);
  sim.counters.vehiclesNew++;
  return v;
}

/** The vehicle's standard normal position around the market, drawn once per vehicle and iteration. */
export function vehicleValueZ(sim: Sim, id: number): number {
  return normalQuantile(uniform(sim.key, id, DECISIONS.vehicleValue, 0) || 2 ** -33);
}

/** Gives contract slot `i` its identity `id`, and the random streams the monthly loops keep per contract. */
export function identifyContract(sim: Sim, i: number, id: number): void {
  sim.contracts.id[i] = id;
  sim.contracts.missStream[i] = streamOf(sim.key, id, DECISIONS.paymentMiss);
}

/**
 * The customer rate of a used contract (cycles 2 and 3), fraction per month, built from what the
 * contract costs the captive with no subsidy: funding on the debt part of its average exposure, the
 * expected credit loss of the customer's tier, the operating cost (origination spread over the term,
 * servicing) and the capital charge on the equity it ties up (the capital ratio on the credit part,
 * the residual capital ratio on a lease's balloon). `amount` and `balloon` in €, `term` in months.
 */
export function usedRateMonthly(
  sim: Sim,
  tier: number,
  amount: number,
  balloon: number,
  term: number,
): number {
  const w = sim.w;
  // The average exposure of an annuity running down from amount to balloon, about halfway between them.
  const average = (amount + balloon) / 2;
  if (average <= 0 || term <= 0) return w.fundingMonthly + w.creditRiskMonthly[tier]!;
  const held = balloon < average ? balloon : average;
  const equity = (w.capitalRatio * (average - held) + w.residualCapitalRatio * held) / average;
  const operating = (w.servicingCostPerMonth + w.originationCost / term) / average;
  return w.fundingMonthly * (1 - equity) + w.creditRiskMonthly[tier]! + operating + w.hurdleMonthly * equity;
}

/**
 * Puts customer `c` on a new contract for vehicle `v` starting in month `t`: `amount` € financed at the
 * customer's APR for the product and tier on cycle 1 (less the subvention on a new lease), at the
 * cost-based used rate on cycles 2 and 3 (usedRateMonthly), less the loyalty rate when offered, with the guide residual (plus the subvented uplift on cycle 1) as balloon of a
 * lease. Books the origination cost, the dealer's commission (paid now, deferred by the captive) and,
 * on a new vehicle's cycle-1 lease, the manufacturer's subsidy (paid now, deferred by the captive).
 * Returns the contract slot.
 */
export function originate(
  sim: Sim,
  c: number,
  v: number,
  cycle: number,
  product: number,
  amount: number,
  t: number,
  loyaltyRate: boolean,
): number {
  const C = sim.contracts;
  const V = sim.vehicles;
  const K = sim.customers;
  const w = sim.w;
  const newLease = cycle === 1 && product === LEASE;
  const i = C.add();
  const seq = K.contractSeq[c]!;
  K.contractSeq[c] = seq + 1;
  K.activeContracts[c]!++;
  const id = deriveIdentity(IDENTITY.contract, K.id[c]!, seq);
  const term = sim.termByCycle[cycle - 1]!;
  const msrp = V.msrp[v]!;
  let balloon = 0;
  if (product === LEASE) {
    balloon = guideValue(sim, msrp, t - V.birthMonth[v]! + term) + (newLease ? w.residualUplift * msrp : 0);
    if (balloon > amount) balloon = amount;
    if (balloon < 0) balloon = 0;
  }
  let rate =
    cycle === 1
      ? w.aprMonthly[product * 3 + K.tier[c]!]!
      : usedRateMonthly(sim, K.tier[c]!, amount, balloon, term);
  if (newLease) rate -= w.subventedAprReductionMonthly;
  if (loyaltyRate) rate -= w.loyaltyRateDiscountMonthly;
  if (rate < 0) rate = 0;
  identifyContract(sim, i, id);
  attachParties(sim, i, c, v);
  C.cycle[i] = cycle;
  C.product[i] = product;
  C.term[i] = term;
  C.monthsOnBook[i] = 0;
  C.startMonth[i] = t;
  C.lastDueMonth[i] = t;
  C.rate[i] = rate;
  C.balloon[i] = balloon;
  C.balance[i] = amount;
  C.payment[i] = annuity(amount, rate, term, balloon);
  C.insured[i] = uniform(sim.key, id, DECISIONS.contractInsured, 0) < sim.portfolio.insuredShare ? 1 : 0;

  V.status[v] = VEHICLE_ON_CONTRACT;
  V.contracts[v]!++;
  V.dealer[v] = K.dealer[c]!;
  V.customer[v] = c;
  sim.book(CAT.operatingCost, cycle, 0 - w.originationCost, c);
  const commission = w.dealerCommissionShare * amount;
  if (commission !== 0) {
    // Paid to the dealer now; the captive defers it as an origination cost (recognised over the term).
    sim.bookFor(CAT.dealerCommission, DEALER, cycle, commission, c);
    C.commissionDeferred[i] = 0 - commission;
  }
  if (newLease && V.contracts[v] === 1) {
    // Paid by the manufacturer now; the captive defers it as a yield adjustment (recognised over the term).
    const subsidy = w.subsidyShare * msrp;
    sim.bookFor(CAT.subsidy, MANUFACTURER, cycle, 0 - subsidy, c);
    C.subsidyDeferred[i] = subsidy;
  }
  return i;
}

/**
 * A new vehicle on a new cycle-1 lease for customer `c` in month `t` (a renewal or a lead sale), with
 * `equityCredit` € from the old vehicle paid towards it. Books the dealer's gross and the manufacturer's
 * margin on the sale.
 */
export function sellNewVehicle(
  sim: Sim,
  c: number,
  t: number,
  equityCredit: number,
  loyaltyRate: boolean,
): number {
  const K = sim.customers;
  const v = newVehicle(sim, deriveIdentity(IDENTITY.vehicle, K.id[c]!, K.contractSeq[c]!), t);
  const msrp = sim.vehicles.msrp[v]!;
  let amount = msrp - equityCredit;
  if (amount < 0) amount = 0;
  const i = originate(sim, c, v, 1, LEASE, amount, t, loyaltyRate);
  sim.bookFor(CAT.salesGross, DEALER, 1, sim.w.grossPerSale, c);
  sim.bookFor(CAT.manufacturerMargin, MANUFACTURER, 1, sim.w.manufacturerMargin, c);
  return i;
}

/**
 * Places refurbished vehicle `v` from stock with customer `c` in month `t`, on the product the
 * remarketing policy chose: the contract finances the used retail value, and the refurbishment result
 * books that value against the wholesale value at return. The caller removes `v` from the stock list.
 */
export function placeVehicle(sim: Sim, v: number, c: number, t: number): number {
  const V = sim.vehicles;
  const w = sim.w;
  const retail = V.retailValue[v]!;
  const ended = V.cycleEnded[v]!;
  sim.book(
    CAT.refurbishmentResult,
    ended,
    retail - V.marketValue[v]! * (1 + w.wholesaleGross),
    V.customer[v]!,
  );
  const product = V.nextProduct[v]!;
  const cycle = product === LOAN ? 3 : Math.min(3, ended + 1);
  return originate(sim, c, v, cycle, product, retail, t, false);
}

/** Removes and returns the first vehicle in stock that can be placed in month `t`, or −1. */
export function takeFromStock(sim: Sim, t: number): number {
  const stock = sim.stock;
  const V = sim.vehicles;
  for (let k = 0; k < stock.length; k++) {
    const v = stock.items[k]!;
    if (V.readyMonth[v]! <= t) {
      stock.items[k] = stock.items[--stock.length]!;
      return v;
    }
  }
  return -1;
}

/** Takes vehicle `v` out of the captive's hands for good (wholesaled, sold off or lost). */
export function exitVehicle(sim: Sim, v: number): void {
  const V = sim.vehicles;
  const counters = sim.counters;
  counters.exitedVehicles++;
  counters.exitedContracts += V.contracts[v]!;
  counters.exitedRefurbishments += V.refurbishments[v]!;
  V.remove(v);
}

/**
 * Ends contract `i` (its fields stay readable until the slot is reused by the next originate). What is
 * left of its deferred subsidy and commission is recognised now, as on an early payoff.
 */
export function endContract(sim: Sim, i: number): void {
  const C = sim.contracts;
  const c = C.customer[i]!;
  recogniseDeferred(sim, i);
  sim.customers.activeContracts[c]!--;
  C.remove(i);
}

/** Recognises what is left of contract `i`'s deferred subsidy and commission, €. */
export function recogniseDeferred(sim: Sim, i: number): void {
  const C = sim.contracts;
  const c = C.customer[i]!;
  if (C.subsidyDeferred[i] !== 0) {
    sim.book(CAT.subsidy, C.cycle[i]!, C.subsidyDeferred[i]!, c);
    C.subsidyDeferred[i] = 0;
  }
  if (C.commissionDeferred[i] !== 0) {
    sim.book(CAT.dealerCommission, C.cycle[i]!, C.commissionDeferred[i]!, c);
    C.commissionDeferred[i] = 0;
  }
}

/** Moves vehicle `v` into stock after reconditioning for `days` days, available from month `ready`. */
export function stockVehicle(sim: Sim, v: number, nextProduct: number, ready: number, days: number): void {
  const V = sim.vehicles;
  V.status[v] = VEHICLE_IN_STOCK;
  V.nextProduct[v] = nextProduct;
  V.readyMonth[v] = ready;
  V.stockDays[v] = days;
  V.refurbishments[v]!++;
  sim.stock.push(v);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
