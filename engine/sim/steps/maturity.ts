import { log } from '../../math/index.ts';
import { OFFERS } from '../../domain/lists.ts';
import { interpolate } from '../../world/curve.ts';
import { logistic } from '../../world/resolve.ts';
import type { Sim } from '../context.ts';
import { DECISIONS } from '../../random/decisions.ts';
import { CAT } from '../ledger.ts';
import { endContract, exitVehicle, sellNewVehicle } from '../origination.ts';
import { uniform } from '../../random/streams.ts';
import { LEASE, VEHICLE_RETURNED } from '../state.ts';
import type { VehicleEnding } from '../trace/records.ts';
import { EARLY_UPGRADE, MATURITY_PURCHASE, MATURITY_RETURN } from '../history-tap.ts';
import { annuity, appraise, cleanValue, guideValue } from '../valuation.ts';

/*
 * Step 5: contracts end. A customer who upgrades early renews now; a contract that reached its term with
 * nothing unpaid matures: the customer renews with probability
 *   logistic(logit(base[cycle]) + best contact + best offer + incentive + positive equity + dealer
 *            discipline + latent loyalty + goodwill lost to dunning),
 * or, offered an extension and not renewing, may extend the lease; at a lease's end the equity decides
 * between buy-out and return. Renewal puts the customer in a new vehicle on a new cycle-1 lease; a
 * returned vehicle goes to remarketing; a bought-out or paid-off vehicle leaves with its customer.
 */

const EXTENSION = 1 << OFFERS.indexOf('extension');
const LOYALTY_RATE = 1 << OFFERS.indexOf('loyalty-rate');
const SERVICE_PACKAGE = 1 << OFFERS.indexOf('service-package');

export function maturityStep(sim: Sim, t: number): void {
  listMaturing(sim, t);
  const upgrading = sim.upgrading;
  const maturing = sim.maturing;
  for (let k = 0; k < upgrading.length; k++) upgradeEarly(sim, upgrading.items[k]!, t);
  for (let k = 0; k < maturing.length; k++) mature(sim, maturing.items[k]!, t);
  upgrading.clear();
  maturing.clear();
}

// The scan is its own function: compiled on its own, it is not thrown away each time the rarer
// ending paths meet a case they have not seen yet.
function listMaturing(sim: Sim, t: number): void {
  const C = sim.contracts;
  const maturing = sim.maturing;
  const active = C.active;
  const startMonth = C.startMonth;
  const monthsOnBook = C.monthsOnBook;
  const term = C.term;
  const missed = C.missed;
  for (let i = 0, end = C.end; i < end; i++) {
    if (active[i] === 1 && startMonth[i]! < t && monthsOnBook[i]! >= term[i]! && missed[i] === 0)
      maturing.push(i);
  }
}

/** The customer's renewal log-odds at the end of contract `i`, with `equity` € at the end. */
export function renewalLogOdds(sim: Sim, i: number, equity: number): number {
  const C = sim.contracts;
  const K = sim.customers;
  const w = sim.w;
  const c = C.customer[i]!;
  let x = w.renewalBaseLogit[C.cycle[i]! - 1]!;
  if (C.contacts[i]! > 0) x += C.bestContactLogOdds[i]!;
  const offers = C.offersMade[i]!;
  if (offers !== 0) {
    let bestOffer = -Infinity;
    for (let o = 0; o < OFFERS.length; o++) {
      if ((offers & (1 << o)) !== 0 && w.offerLogOdds[o]! > bestOffer) bestOffer = w.offerLogOdds[o]!;
    }
    x += bestOffer;
  }
  x += C.incentive[i]! * w.incentiveLogOddsPerEuro;
  if (equity > 0) x += equity * w.equityLogOddsPerEuro;
  x += sim.disciplineLogOdds[K.dealer[c]!]!;
  x += log(interpolate(w.loyaltyOdds, K.loyalty[c]!));
  x += K.goodwillLogOdds[c]!;
  return x;
}

function mature(sim: Sim, i: number, t: number): void {
  const C = sim.contracts;
  const K = sim.customers;
  const w = sim.w;
  const key = sim.key;
  const counters = sim.counters;
  const c = C.customer[i]!;
  const v = C.vehicle[i]!;
  const cycle = C.cycle[i]!;
  const customerId = K.id[c]!;
  const equity = cleanValue(sim, v, t) - C.balance[i]!;
  const renewal = logistic(renewalLogOdds(sim, i, equity));
  // After the horizon the book runs off: no new business, so no renewal and no extension.
  const runOff = t >= sim.horizon;
  const renews = !runOff && uniform(key, customerId, DECISIONS.renewal, t) < renewal;
  const offers = C.offersMade[i]!;
  const trace = sim.trace !== null && sim.trace.customerId === customerId ? sim.trace : null;
  if (
    !renews &&
    !runOff &&
    C.product[i] === LEASE &&
    (offers & EXTENSION) !== 0 &&
    C.extended[i] === 0 &&
    w.extensionMonths > 0 &&
    uniform(key, customerId, DECISIONS.extension, t) < w.extensionTakeUp
  ) {
    extend(sim, i, t);
    counters.extensions++;
    if (trace !== null) {
      trace.matured(sim, i, t, {
        equity,
        renewalProbability: renewal,
        renewed: false,
        extended: true,
        vehicle: null,
        buyOutProbability: null,
      });
    }
    return;
  }
  recordEnding(sim, i, t, renews);
  let vehicle: VehicleEnding = 'paid-off';
  let buyOut: number | null = null;
  if (C.product[i] === LEASE) {
    buyOut = interpolate(w.buyOutByEquity, equity);
    if (uniform(key, customerId, DECISIONS.buyOut, t) < buyOut) {
      exitVehicle(sim, v);
      counters.vehiclesSoldOff++;
      counters.maturedBoughtOut++;
      vehicle = 'bought-out';
    } else {
      returnVehicle(sim, v, t, cycle, C.balance[i]!);
      chargeLeaseEnd(sim, i, v, renews);
      counters.maturedReturned++;
      vehicle = 'returned';
    }
  } else {
    exitVehicle(sim, v);
    counters.vehiclesSoldOff++;
    counters.maturedPaidOff++;
  }
  if (trace !== null) {
    trace.matured(sim, i, t, {
      equity,
      renewalProbability: renewal,
      renewed: renews,
      extended: false,
      vehicle,
      buyOutProbability: buyOut,
    });
  }
  const incentive = C.incentive[i]!;
  const history = sim.history;
  if (history !== null) {
    if (vehicle === 'returned') {
      history.ended(i, t, MATURITY_RETURN, sim.vehicles.marketValue[v]!, C.balloon[i]!);
    } else history.ended(i, t, MATURITY_PURCHASE, 0, 0);
  }
  endContract(sim, i);
  if (renews) {
    const next = renew(sim, c, t, cycle, offers, incentive, 0);
    if (trace !== null) trace.contractStarted(sim, next, t, 'renewal');
  }
}

/**
 * An early upgrade: the customer trades the vehicle in at its clean value, the equity (value − payoff)
 * goes towards the new vehicle, and the waived instalments are a cost of the world's incentive payers.
 */
function upgradeEarly(sim: Sim, i: number, t: number): void {
  const C = sim.contracts;
  const counters = sim.counters;
  const c = C.customer[i]!;
  const v = C.vehicle[i]!;
  const cycle = C.cycle[i]!;
  const value = cleanValue(sim, v, t);
  const equity = value - C.balance[i]!;
  const toEnd = C.term[i]! - C.monthsOnBook[i]!;
  const waived = Math.min(C.waiveMonths[i]!, toEnd) * C.payment[i]!;
  const trace = sim.trace !== null && sim.trace.customerId === C.customerId[i] ? sim.trace : null;
  if (trace !== null) trace.upgradedEarly(sim, i, t, equity, waived);
  if (waived > 0) sim.bookShared(CAT.incentives, sim.w.incentivesPaidBy, cycle, -waived, c);
  recordEnding(sim, i, t, true);
  returnVehicle(sim, v, t, cycle, value);
  counters.earlyUpgrades++;
  const offers = C.offersMade[i]!;
  const incentive = C.incentive[i]!;
  if (sim.history !== null) sim.history.ended(i, t, EARLY_UPGRADE, 0, 0);
  endContract(sim, i);
  const next = renew(sim, c, t, cycle, offers, incentive, equity);
  if (trace !== null) trace.contractStarted(sim, next, t, 'early-upgrade');
}

function renew(
  sim: Sim,
  c: number,
  t: number,
  cycle: number,
  offers: number,
  incentive: number,
  equity: number,
): number {
  if (incentive > 0) sim.bookShared(CAT.incentives, sim.w.incentivesPaidBy, cycle, -incentive, c);
  if ((offers & SERVICE_PACKAGE) !== 0)
    sim.bookShared(CAT.incentives, sim.w.incentivesPaidBy, cycle, -sim.w.servicePackageCost, c);
  const i = sellNewVehicle(sim, c, t, equity, (offers & LOYALTY_RATE) !== 0);
  sim.counters.renewals++;
  return i;
}

/** Vehicle `v` comes back at the end of a cycle-`cycle` contract with `bookValue` € on the books. */
function returnVehicle(sim: Sim, v: number, t: number, cycle: number, bookValue: number): void {
  const V = sim.vehicles;
  appraise(sim, v, t, cycle, false);
  V.bookValue[v] = bookValue;
  V.status[v] = VEHICLE_RETURNED;
  sim.returned.push(v);
}

/**
 * The lease-end charges the lessee of lease `i` pays on handing vehicle `v` back at maturity, booked as
 * the captive's income: the excess-mileage charge on the km driven beyond the allowance over the
 * contract's term, the wear-and-tear charge of the grade just appraised, and the disposition fee unless
 * the customer `renews`. Mileage and grade are the vehicle's own draws, so no new random number is read.
 * Early upgrades (pull-ahead) and repossessions pay none.
 */
function chargeLeaseEnd(sim: Sim, i: number, v: number, renews: boolean): void {
  const C = sim.contracts;
  const V = sim.vehicles;
  const w = sim.w;
  const excessKm = (V.kmPerMonth[v]! - w.mileageAllowancePerMonth) * C.term[i]!;
  let charges = w.damageCharge[V.condition[v]!]!;
  if (excessKm > 0) charges += excessKm * w.excessMileageCharge;
  if (!renews) charges += w.dispositionFee;
  if (charges > 0) sim.book(CAT.leaseEndCharges, C.cycle[i]!, charges, C.customer[i]!);
}

/** Extends lease `i` by the world's extension months, re-amortising to the guide residual at the new end. */
function extend(sim: Sim, i: number, t: number): void {
  const C = sim.contracts;
  const V = sim.vehicles;
  const months = sim.w.extensionMonths;
  const v = C.vehicle[i]!;
  const balance = C.balance[i]!;
  let balloon = guideValue(sim, V.msrp[v]!, t - V.birthMonth[v]! + months);
  if (balloon > balance) balloon = balance;
  C.extended[i] = 1;
  C.term[i]! += months;
  C.balloon[i] = balloon;
  C.payment[i] = annuity(balance, C.rate[i]!, months, balloon);
}

function recordEnding(sim: Sim, i: number, t: number, renewed: boolean): void {
  if (t >= sim.horizon) return; // retention is the horizon's
  const C = sim.contracts;
  const K = sim.customers;
  const counters = sim.counters;
  const c = C.customer[i]!;
  const cycle = C.cycle[i]! - 1;
  const dealer = K.dealer[c]!;
  const r = renewed ? 1 : 0;
  counters.ended[cycle]!++;
  counters.retained[cycle]! += r;
  sim.endedByMonth[t]!++;
  sim.retainedByMonth[t]! += r;
  sim.retentionBySegment[K.segment[c]! * 2]!++;
  sim.retentionBySegment[K.segment[c]! * 2 + 1]! += r;
  sim.retentionByTier[K.tier[c]! * 2]!++;
  sim.retentionByTier[K.tier[c]! * 2 + 1]! += r;
  sim.retentionByRegion[sim.dealerRegion[dealer]! * 2]!++;
  sim.retentionByRegion[sim.dealerRegion[dealer]! * 2 + 1]! += r;
  sim.retentionByDealer[dealer * 2]!++;
  sim.retentionByDealer[dealer * 2 + 1]! += r;
}
