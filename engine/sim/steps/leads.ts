import { log } from '../../math/index.ts';
import { HANDLERS, LEAD_SOURCES } from '../../domain/lists.ts';
import { REGIONS } from '../../domain/lists.ts';
import { interpolate } from '../../world/curve.ts';
import { logistic, logit } from '../../world/resolve.ts';
import type { Sim } from '../context.ts';
import { DECISIONS } from '../../random/decisions.ts';
import { deriveIdentity, IDENTITY } from '../identity.ts';
import { CAT } from '../ledger.ts';
import { newCustomer, placeVehicle, sellNewVehicle, takeFromStock } from '../origination.ts';
import { EVENT_ROUTE } from '../policies.ts';
import { addressOf, poisson, uniform, uniformAt } from '../../random/streams.ts';
import { DAYS_PER_MONTH } from './remarketing.ts';
import {
  LEAD_APPOINTMENT,
  LEAD_CONTACTED,
  LEAD_EXISTING,
  LEAD_NOT_REACHED,
  LEAD_SHOWED,
  LEAD_SOLD,
  LEAD_STAGE_MASK,
  LEAD_USED,
  leadCode,
  leadHandler,
  leadRule,
} from '../lead-stream.ts';

/*
 * Step 1 of the month: leads arrive at each dealer from each source, the leads policy routes them, and
 * the handler works them: first call after the response time, further attempts as the handler actually
 * makes them, then appointment, show and sale. A sale creates a customer and a contract.
 *
 * Everything a lead's outcome depends on is the world, the lead's own luck and the leads policy (BDC
 * capacity is used only by leads), so a change to any other policy leaves every lead KPI unchanged.
 * Only which vehicle a used-interest sale takes depends on the rest of the book: a refurbished one when
 * inventory has one, else a new one.
 */

const SALESPERSON = HANDLERS.indexOf('salesperson');
const BDC = HANDLERS.indexOf('bdc');
const INTEREST = ['new', 'used'] as const;

/** Draw indices of a lead's attributes under DECISIONS.leadAttributes. */
const ATTRIBUTE = {
  hour: 0,
  day: 1,
  used: 2,
  existing: 3,
  score1: 4,
  score2: 5,
  reachable: 6,
  /** Draws 7 … 7 + CUSTOMER_TRIES − 1: which customer of the book an existing customer's lead is. */
  customer: 7,
} as const;
/** Draws to find the current customer behind an existing customer's lead. */
const CUSTOMER_TRIES = 8;

export function leadsStep(sim: Sim, t: number): void {
  const w = sim.w;
  const key = sim.key;
  const bdcCapacity = w.bdcAgentsPerDealer * w.bdcCapacityPerAgentMonth;
  const bdcCost = w.bdcAgentsPerDealer * w.bdcCostPerAgentMonth;
  // A run's scenarios with equal leads inputs share the iteration's leads (engine/sim/lead-stream.ts).
  const stream = sim.leadStream;
  const replay = sim.replayingLeads;
  sim.bdcUsed.fill(0);
  for (let d = 0; d < sim.dealers; d++) {
    if (sim.dealerHasBdc[d] === 1 && bdcCost !== 0) {
      sim.bookDealer(CAT.bdcCosts, w.leadsPaidBy, -bdcCost, d);
      sim.counters.leadSpend += bdcCost;
    }
    for (let s = 0; s < LEAD_SOURCES.length; s++) {
      let n: number;
      if (replay) n = stream!.next();
      else {
        n = poisson(w.arrivals[s]!, key, d * 8 + s, DECISIONS.leadArrivals, t);
        if (stream !== null) stream.push(n);
      }
      for (let k = 0; k < n; k++) workLead(sim, t, d, s, k, bdcCapacity);
    }
  }
  if (stream !== null && t === sim.horizon - 1) {
    if (replay) stream.restore(sim.leads);
    else stream.finish(sim.leads);
  }
}

function workLead(
  sim: Sim,
  t: number,
  dealer: number,
  source: number,
  index: number,
  bdcCapacity: number,
): void {
  const w = sim.w;
  const counters = sim.counters;
  const lead = deriveIdentity(IDENTITY.lead, t, dealer * 8 + source, index);
  counters.leads++;
  const cost = w.costPerLead[source]!;
  if (cost !== 0) {
    sim.bookDealer(CAT.leadCosts, sim.w.leadsPaidBy, -cost, dealer);
    counters.leadSpend += cost;
  }
  let code: number;
  if (sim.replayingLeads) code = sim.leadStream!.next();
  else {
    code = leadFate(sim, t, dealer, source, lead, bdcCapacity);
    if (sim.leadStream !== null) sim.leadStream.push(code);
  }
  const stage = code & LEAD_STAGE_MASK;
  if (stage >= LEAD_CONTACTED) counters.contacted++;
  if (stage >= LEAD_APPOINTMENT) counters.appointments++;
  if (stage >= LEAD_SHOWED) counters.shows++;
  if (stage === LEAD_SOLD) {
    counters.sales++;
    closeSale(sim, t, dealer, source, lead, code);
  }
}

/**
 * How far lead `lead` gets (a code of engine/sim/lead-stream.ts): its attributes and the leads policy's
 * routing, then the handler's attempts, the appointment, the show and the sale, each on the lead's own
 * draws. Reads only the world, the dealer, the leads policy and the lead's luck, never the book.
 */
function leadFate(
  sim: Sim,
  t: number,
  dealer: number,
  source: number,
  lead: number,
  bdcCapacity: number,
): number {
  const w = sim.w;
  const key = sim.key;
  const at = addressOf(key, lead, DECISIONS.leadAttributes, t);
  const hour = pick(w.hourCumulative, uniformAt(at, ATTRIBUTE.hour));
  const day = pick(w.dayCumulative, uniformAt(at, ATTRIBUTE.day)) + 1;
  const closing = day <= 5 ? w.closingHour : day === 6 ? w.saturdayClosingHour : -1;
  const open = hour >= w.openingHour && hour < closing;
  const used = uniformAt(at, ATTRIBUTE.used) < w.usedInterestShare[source]!;
  const existing = uniformAt(at, ATTRIBUTE.existing) < w.existingCustomerShare[source]!;
  const score = (uniformAt(at, ATTRIBUTE.score1) + uniformAt(at, ATTRIBUTE.score2)) / 2;
  const reachable = uniformAt(at, ATTRIBUTE.reachable) < w.reachableShare[source]!;
  const hasBdc = sim.dealerHasBdc[dealer] === 1;
  const bdcAvailable = hasBdc && sim.bdcUsed[dealer]! < bdcCapacity;

  const rt = sim.leads;
  const f = sim.leadsSlots;
  const num = rt.num;
  const ref = rt.ref;
  ref[f.source] = LEAD_SOURCES[source];
  num[f.hourOfDay] = hour;
  num[f.dayOfWeek] = day;
  ref[f.withinOpeningHours] = open;
  ref[f.interest] = INTEREST[used ? 1 : 0];
  ref[f.isExistingCustomer] = existing;
  num[f.leadScore] = score;
  ref[f.bdcAvailable] = bdcAvailable;
  ref[f.dealerHasBdc] = hasBdc;
  ref[f.region] = REGIONS[sim.dealerRegion[dealer]!];
  // One lead is worked once: under `collect` too, the first event in decision order decides.
  if (rt.decide() === 0) return LEAD_NOT_REACHED;
  const rule = rt.fired[0]!;
  const plan = sim.leadsPlan;
  if (plan.type[rule] !== EVENT_ROUTE) return LEAD_NOT_REACHED;

  // A lead routed to a BDC the dealer does not have, or that is full, falls back to a salesperson.
  let handler = plan.handler[rule]!;
  if (handler === BDC) {
    if (bdcAvailable) sim.bdcUsed[dealer]!++;
    else handler = SALESPERSON;
  }
  const prepared = plan.prepareFirst[rule] === 1;
  const maxAttempts = plan.maxAttempts[rule]!;

  const contact = addressOf(key, lead, DECISIONS.leadContact, t);
  let reached =
    reachable && uniformAt(contact, 0) < sim.leadFirstContact[rule * LEAD_SOURCES.length + source]!;
  if (!reached && maxAttempts > 1) {
    const later = w.laterAttemptContact;
    const keepGoing = w.continueProbability[handler]!;
    const carryOn = addressOf(key, lead, DECISIONS.leadContinue, t);
    for (let attempt = 1; !reached && attempt < maxAttempts; attempt++) {
      if (!(uniformAt(carryOn, attempt) < keepGoing)) break;
      const p = later[attempt - 1 < later.length ? attempt - 1 : later.length - 1]!;
      reached = reachable && uniformAt(contact, attempt) < p;
    }
  }
  if (!reached) return LEAD_NOT_REACHED;

  let x =
    sim.leadAppointmentLogit[rule]! +
    w.sourceAppointmentLogOdds[source]! +
    log(interpolate(w.scoreOdds, score));
  if (prepared) x += w.prepareAppointmentLogOdds;
  if (!(uniform(key, lead, DECISIONS.leadAppointment, t) < logistic(x))) return LEAD_CONTACTED;
  if (!(uniform(key, lead, DECISIONS.leadShow, t) < w.showProbability)) return LEAD_APPOINTMENT;
  if (!(uniform(key, lead, DECISIONS.leadSale, t) < w.showToSale)) return LEAD_SHOWED;
  return leadCode(LEAD_SOLD, used, existing, handler, rule);
}

/**
 * Closes the sale of lead `lead` (its code recorded by {@link leadFate}) against this setup's book: an
 * existing customer's extra contract or a new customer's first, on a vehicle from stock or a new one.
 */
function closeSale(sim: Sim, t: number, dealer: number, source: number, lead: number, code: number): void {
  const w = sim.w;
  const counters = sim.counters;
  const used = (code & LEAD_USED) !== 0;
  const existing = (code & LEAD_EXISTING) !== 0;
  const at = addressOf(sim.key, lead, DECISIONS.leadAttributes, t);
  // A lead from an existing customer is that customer: the sale is an extra contract on the books.
  let c = existing ? currentCustomer(sim, at) : -1;
  const existingCustomer = c >= 0;
  if (existingCustomer) counters.leadSalesToCustomers++;
  else {
    c = newCustomer(sim, deriveIdentity(IDENTITY.leadCustomer, lead, 0), dealer);
    counters.customersFromLeads++;
  }
  const v = used ? takeFromStock(sim, t) : -1;
  const previous = v >= 0 ? sim.vehicles.customer[v]! : -1;
  let i: number;
  if (v >= 0) {
    // Sold mid-month on average: half a month of holding.
    sim.book(
      CAT.holdingCosts,
      sim.vehicles.cycleEnded[v]!,
      (-DAYS_PER_MONTH / 2) * w.holdingCostPerDay,
      previous,
    );
    i = placeVehicle(sim, v, c, t);
    counters.leadSalesUsed++;
  } else {
    i = sellNewVehicle(sim, c, t, 0, false);
    counters.leadSalesNew++;
  }
  const trace = sim.trace;
  if (trace !== null) {
    const rule = leadRule(code);
    const plan = sim.leadsPlan;
    const minutes = plan.responseMinutes[rule]! + (plan.prepareFirst[rule] === 1 ? w.prepareDelayMinutes : 0);
    const lead = {
      source: LEAD_SOURCES[source]!,
      interest: INTEREST[used ? 1 : 0],
      rule,
      handler: HANDLERS[leadHandler(code)]!,
      responseMinutes: minutes,
    };
    if (existingCustomer) trace.customerLeadSale(sim, c, i, t, lead, v, previous);
    else trace.leadSale(sim, c, i, t, lead, v, previous);
  }
}

/**
 * The parts of a lead's chances that depend only on the rule that routed it (its response time) and
 * the iteration's world, computed once per iteration: the first call's contact probability per rule
 * and source, and the appointment log-odds before the lead's source and score.
 */
export function prepareLeads(sim: Sim): void {
  const w = sim.w;
  const plan = sim.leadsPlan;
  const sources = LEAD_SOURCES.length;
  for (let rule = 0; rule < plan.type.length; rule++) {
    const minutes = plan.responseMinutes[rule]! + (plan.prepareFirst[rule] === 1 ? w.prepareDelayMinutes : 0);
    const first = interpolate(w.firstContactByResponseMinutes, minutes);
    for (let s = 0; s < sources; s++) {
      const inbound = w.inboundContactLogOdds[s]!;
      sim.leadFirstContact[rule * sources + s] = inbound !== 0 ? logistic(logit(first) + inbound) : first;
    }
    sim.leadAppointmentLogit[rule] =
      w.appointmentLogit + log(interpolate(w.appointmentOddsByResponseMinutes, minutes));
  }
}

/**
 * A customer with a contract on the books, drawn uniformly from the lead's draws at `at` (customer
 * slots are those of every customer so far); −1 when CUSTOMER_TRIES draws find only customers who have
 * left (the lead then counts as a new customer).
 */
function currentCustomer(sim: Sim, at: number): number {
  const K = sim.customers;
  for (let k = 0; k < CUSTOMER_TRIES; k++) {
    const c = Math.floor(uniformAt(at, ATTRIBUTE.customer + k) * K.count);
    if (K.activeContracts[c]! > 0) return c;
  }
  return -1;
}

/** The index chosen by `u` in [0, 1) from running sums of weights (zero weights are never chosen). */
function pick(cumulative: Float64Array, u: number): number {
  const last = cumulative.length - 1;
  const target = u * cumulative[last]!;
  let i = 0;
  while (i < last && target >= cumulative[i]!) i++;
  return i;
}
