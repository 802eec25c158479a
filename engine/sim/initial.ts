import type { Sim } from './context.ts';
import { deriveIdentity, IDENTITY } from './identity.ts';
import { identifyContract, usedRateMonthly, vehicleValueZ } from './origination.ts';
import { LEASE, LOAN, VEHICLE_ON_CONTRACT } from './state.ts';
import { annuity, attachParties, balanceAfter, guideValue } from './valuation.ts';

/**
 * Loads the starting book into the tables at the start of an iteration. The population fixes who is
 * there; the iteration's world prices it: each contract is re-priced as it was originated (the APR of
 * its product and tier, subvention on cycle-1 leases, the guide residual as balloon, a used contract
 * financing the guide retail value at its start) and its balance amortised over its seasoning; the
 * subsidy and dealer commission paid at its start are deferred in proportion to the instalments left.
 * Entity slots equal population indices, and identities are the population indices. A client's tape
 * (population.terms) keeps its own rate, instalment, residual, balance and arrears instead.
 */
export function loadStartingBook(sim: Sim): void {
  const P = sim.population;
  const K = sim.customers;
  const V = sim.vehicles;
  const C = sim.contracts;
  const w = sim.w;
  const counters = sim.counters;

  for (let c = 0; c < P.customers.count; c++) {
    const slot = K.add();
    K.id[slot] = c;
    K.segment[slot] = P.customers.segment[c]!;
    K.tier[slot] = P.customers.creditTier[c]!;
    K.loyalty[slot] = P.customers.loyalty[c]!;
    K.loyaltyScore[slot] = P.customers.loyaltyScore[c]!;
    K.channel[slot] = P.customers.preferredChannel[c]!;
    K.dealer[slot] = P.customers.dealer[c]!;
  }
  counters.customersInitial = P.customers.count;

  for (let v = 0; v < P.vehicles.count; v++) {
    const slot = V.add();
    V.id[slot] = v;
    V.msrp[slot] = P.vehicles.msrp[v]!;
    V.powertrain[slot] = P.vehicles.powertrain[v]!;
    V.birthMonth[slot] = -P.vehicles.ageMonths[v]!;
    V.kmPerMonth[slot] = P.vehicles.kmPerYear[v]! / 12;
    V.valueZ[slot] = vehicleValueZ(sim, v);
    V.status[slot] = 0;
  }
  counters.vehiclesInitial = P.vehicles.count;

  for (let n = 0; n < P.contracts.count; n++) {
    const i = C.add();
    const c = P.contracts.customer[n]!;
    const v = P.contracts.vehicle[n]!;
    const cycle = P.contracts.cycle[n]!;
    const product = cycle === 3 ? LOAN : LEASE;
    const term = P.contracts.termMonths[n]!;
    const seasoning = P.contracts.monthsOnBook[n]!;
    // A tape's contracts keep the terms it states: never re-priced.
    const T = P.terms;
    const priced = T === undefined ? priceStartingContract(sim, n, PRICED) : undefined;
    const rate = T !== undefined ? T.rateMonthly[n]! : priced!.rate;
    const balloon = T !== undefined ? T.balloon[n]! : priced!.balloon;
    const payment = T !== undefined ? T.payment[n]! : priced!.payment;
    const balance = T !== undefined ? T.balance[n]! : priced!.balance;
    const seq = K.contractSeq[c]!;
    K.contractSeq[c] = seq + 1;
    K.activeContracts[c]!++;
    identifyContract(sim, i, deriveIdentity(IDENTITY.contract, K.id[c]!, seq));
    attachParties(sim, i, c, v);
    C.cycle[i] = cycle;
    C.product[i] = product;
    C.term[i] = term;
    C.monthsOnBook[i] = seasoning;
    C.startMonth[i] = -1 - seasoning;
    C.lastDueMonth[i] = -1;
    C.rate[i] = rate;
    C.balloon[i] = balloon;
    C.payment[i] = payment;
    C.balance[i] = balance;
    C.insured[i] = P.contracts.insured[n]!;
    // The part of the subsidy and the dealer's commission (paid before the run) not yet recognised.
    const unearned = seasoning >= term ? 0 : (term - seasoning) / term;
    const subsidy =
      T === undefined
        ? priced!.subsidy
        : T.subsidy[n]! >= 0
          ? T.subsidy[n]!
          : cycle === 1
            ? w.subsidyShare * V.msrp[v]!
            : 0;
    const commission =
      T === undefined
        ? priced!.commission
        : T.commission[n]! >= 0
          ? T.commission[n]!
          : w.dealerCommissionShare * financedAmount(sim, n);
    C.subsidyDeferred[i] = subsidy * unearned;
    C.commissionDeferred[i] = 0 - commission * unearned;
    if (T !== undefined && T.missed[n]! > 0) {
      // In arrears at month 0: the oldest unpaid instalment fell due missed − 1 months before.
      C.missed[i] = T.missed[n]!;
      C.delinquentSince[i] = 1 - T.missed[n]!;
      C.dispute[i] = T.dispute[n]!;
      C.agencyPlaced[i] = T.agency[n]!;
    }
    V.status[v] = VEHICLE_ON_CONTRACT;
    // Its earlier cycles count: a vehicle in cycle 2 has had two contracts and one refurbishment.
    V.contracts[v] = cycle;
    V.refurbishments[v] = cycle - 1;
    V.dealer[v] = K.dealer[c]!;
    V.customer[v] = c;
  }
  counters.contractsInitial = P.contracts.count;
}

/** What {@link priceStartingContract} works out for one synthetic starting contract. */
export interface StartingPrice {
  /** Customer rate per month, 0–1. */
  rate: number;
  /** € due at maturity (0 for a loan), the monthly instalment, and the balance at month 0. */
  balloon: number;
  payment: number;
  balance: number;
  /** € paid at the contract's start: the manufacturer's subsidy and the dealer's commission. */
  subsidy: number;
  commission: number;
}

const PRICED: StartingPrice = { rate: 0, balloon: 0, payment: 0, balance: 0, subsidy: 0, commission: 0 };

/** € financed at the start of starting contract `n`: a new vehicle's price, else its retail value then. */
function financedAmount(sim: Sim, n: number): number {
  const P = sim.population;
  const v = P.contracts.vehicle[n]!;
  const cycle = P.contracts.cycle[n]!;
  const msrp = sim.vehicles.msrp[v]!;
  // Contracts start the month before their first instalment: at month −1 − seasoning.
  const startAge = -sim.vehicles.birthMonth[v]! - P.contracts.monthsOnBook[n]! - 1;
  const w = sim.w;
  return cycle === 1 ? msrp : (guideValue(sim, msrp, startAge) + w.refurbBaseCost) / (1 - w.retailFrontGross);
}

/**
 * The terms of synthetic starting contract `n` as the iteration's world prices it when it was
 * originated (written into `out`): the APR of its product and tier (less subvention on a cycle-1
 * lease), the guide residual as balloon, the balance amortised over its seasoning, the subsidy and
 * commission paid at its start. Reads the customer and vehicle tables, so the starting customers and
 * vehicles are loaded first. `cyclecast portfolio export` writes these on the tape, so a run on the tape
 * starts from the very same numbers.
 */
export function priceStartingContract(sim: Sim, n: number, out: StartingPrice): StartingPrice {
  const P = sim.population;
  const w = sim.w;
  const v = P.contracts.vehicle[n]!;
  const c = P.contracts.customer[n]!;
  const cycle = P.contracts.cycle[n]!;
  const product = cycle === 3 ? LOAN : LEASE;
  const term = P.contracts.termMonths[n]!;
  const msrp = sim.vehicles.msrp[v]!;
  const startAge = -sim.vehicles.birthMonth[v]! - P.contracts.monthsOnBook[n]! - 1;
  const amount = financedAmount(sim, n);
  let balloon = 0;
  if (product === LEASE) {
    balloon = guideValue(sim, msrp, startAge + term) + (cycle === 1 ? w.residualUplift * msrp : 0);
    if (balloon > amount) balloon = amount;
    if (balloon < 0) balloon = 0;
  }
  const tier = sim.customers.tier[c]!;
  // Priced as origination.ts prices them: new-vehicle APR less subvention on cycle 1, cost-based after.
  let rate =
    cycle === 1
      ? w.aprMonthly[product * 3 + tier]! - w.subventedAprReductionMonthly
      : usedRateMonthly(sim, tier, amount, balloon, term);
  if (rate < 0) rate = 0;
  const payment = annuity(amount, rate, term, balloon);
  out.rate = rate;
  out.balloon = balloon;
  out.payment = payment;
  out.balance = balanceAfter(amount, rate, payment, P.contracts.monthsOnBook[n]!);
  out.subsidy = cycle === 1 ? w.subsidyShare * msrp : 0;
  out.commission = w.dealerCommissionShare * amount;
  return out;
}
