import { DUNNING_ACTIONS } from '../../domain/lists.ts';
import { CONDITIONS } from '../../domain/lists.ts';
import { PRODUCTS } from '../../domain/lists.ts';
import type { Counters } from '../counters.ts';
import { deriveIdentity, IDENTITY } from '../identity.ts';
import { CAPTIVE, CAT, LEDGER_CATEGORIES, PARTIES, type Ledger, type LedgerCategory } from '../ledger.ts';
import type { DunningPlan, PolicyRuntime } from '../policies.ts';
import { daysPastDue, type ContractTable, type CustomerTable, type VehicleTable } from '../state.ts';
import type {
  ContractOrigin,
  DunningEffect,
  DunningRecord,
  LeadRecord,
  PolicyDecision,
  TraceRecord,
  VehicleEnding,
} from './records.ts';

/*
 * The recorder the monthly steps call while one customer is followed (`cyclecast explain`). The steps
 * hold `sim.trace`, null in every ordinary run: a site costs one null check then, and nothing is built
 * unless a trace is attached. Sites that run per contract-month also compare the contract's customer
 * identity with `customerId` before calling; sites of rare events (a missed payment, a sale, a
 * placement) call whenever a trace is attached, and the trace looks at who is concerned, which lets the
 * same pass list customers worth following.
 *
 * A trace only reads the simulation state: attaching one never changes a result.
 */

/**
 * What a trace reads of the simulation; a Sim is one. Declared here, not imported from context.ts,
 * because the Sim holds the trace: each importing the other would tie the steps, the context and the
 * trace into one import cycle.
 */
export interface TracedSim {
  readonly contracts: ContractTable;
  readonly vehicles: VehicleTable;
  readonly customers: CustomerTable;
  readonly counters: Counters;
  readonly ledger: Ledger;
  readonly engagement: PolicyRuntime;
  readonly leads: PolicyRuntime;
  readonly dunning: PolicyRuntime;
  readonly dunningPlan: DunningPlan;
  readonly remarketing: PolicyRuntime;
}

/** A customer who joined during the iteration (listing). */
export interface Join {
  readonly customerId: number;
  readonly month: number;
  readonly origin: 'lead-sale' | 'placement';
  /** Customer slot in the iteration's table. */
  readonly slot: number;
  readonly firstContract: { cycle: number; product: 'lease' | 'loan'; termMonths: number };
}

/** The dunning month being recorded, with the state it started from. */
interface OpenDunning {
  readonly record: DunningRecord;
  readonly since: number;
  readonly planMonths: number;
  readonly brokenPromises: number;
  readonly repossessed: number;
  readonly writtenOff: number;
  cured: boolean;
  planStarted: boolean;
  dispute: boolean;
  claim: number;
  agencyFee: boolean;
}

export class Trace {
  /** Stable identity of the followed customer; −1 follows nobody (listing only). */
  readonly customerId: number;
  readonly records: TraceRecord[] = [];
  /** With `list`: every customer who joined, in order, and everyone who missed a payment. */
  readonly joins: Join[] | null;
  readonly missedPayment: Set<number> | null;
  /** Contract identity → the customer's contract number. */
  private readonly numbers = new Map<number, number>();
  private open: OpenDunning | null = null;
  /** Active contracts per customer slot at the horizon, before the book runs off (set by the simulation). */
  activeAtHorizon: Int32Array | null = null;

  constructor(customerId: number, options: { list?: boolean } = {}) {
    this.customerId = customerId;
    this.joins = options.list === true ? [] : null;
    this.missedPayment = options.list === true ? new Set() : null;
  }

  /**
   * An instalment of contract slot `i` fell due (or, past its term, a delinquent contract stayed on
   * book): the captive's running entries of the month (interest, funding, servicing, capital charge),
   * the premium, and the month's share of the deferred subsidy and dealer commission it recognises, €.
   */
  instalmentDue(
    sim: TracedSim,
    i: number,
    t: number,
    running: readonly number[],
    premium: number,
    subsidy: number,
    commission: number,
  ): void {
    const cycle = sim.contracts.cycle[i]!;
    this.number(sim, i);
    this.ledger(t, CAT.interestIncome, cycle, running[0]!, CAPTIVE);
    this.ledger(t, CAT.fundingCost, cycle, running[1]!, CAPTIVE);
    this.ledger(t, CAT.operatingCost, cycle, running[2]!, CAPTIVE);
    this.ledger(t, CAT.capitalCharge, cycle, running[3]!, CAPTIVE);
    if (premium !== 0) this.ledger(t, CAT.insurancePremiums, cycle, premium, CAPTIVE);
    if (subsidy !== 0) this.ledger(t, CAT.subsidy, cycle, subsidy, CAPTIVE);
    if (commission !== 0) this.ledger(t, CAT.dealerCommission, cycle, commission, CAPTIVE);
  }

  /** A ledger entry booked to the followed customer (Sim.bookFor). */
  booked(sim: TracedSim, category: number, cycle: number, amount: number, party: number): void {
    this.ledger(sim.ledger.month, category, cycle, amount, party);
    if (this.open !== null && category === CAT.agencyFees) this.open.agencyFee = true;
  }

  /** Contract slot `i` missed this month's instalment (called for every miss). */
  missed(sim: TracedSim, i: number, t: number): void {
    const C = sim.contracts;
    const id = C.customerId[i]!;
    this.missedPayment?.add(id);
    if (id !== this.customerId) return;
    this.records.push({
      type: 'missed',
      month: t,
      contract: this.number(sim, i),
      instalment: C.payment[i]!,
      dispute: C.dispute[i] === 1,
    });
  }

  /** Before the followed customer's contract slot `i` is dunned in month `t`. */
  dunningBegin(sim: TracedSim, i: number, t: number): void {
    const C = sim.contracts;
    const missed = C.missed[i]!;
    const record: DunningRecord = {
      type: 'dunning',
      month: t,
      contract: this.number(sim, i),
      daysPastDue: daysPastDue(t - C.delinquentSince[i]!),
      missedPayments: missed,
      outstanding: C.balance[i]! + missed * C.payment[i]!,
      disputeOpen: C.dispute[i] === 1,
      actions: [],
      outcome: 'unresolved',
      missedAfter: missed,
    };
    this.records.push(record);
    this.open = {
      record,
      since: C.delinquentSince[i]!,
      planMonths: C.planMonthsLeft[i]!,
      brokenPromises: C.brokenPromises[i]!,
      repossessed: sim.counters.repossessed,
      writtenOff: sim.counters.writtenOff,
      cured: false,
      planStarted: false,
      dispute: C.dispute[i] === 1,
      claim: C.claim[i]!,
      agencyFee: false,
    };
  }

  /**
   * The dunning action of fired rule `rule` was carried out; `cured`, `planStarted` and `termination`
   * are the step's running state after it.
   */
  dunningAction(
    sim: TracedSim,
    i: number,
    rule: number,
    cured: boolean,
    planStarted: boolean,
    termination: number,
  ): void {
    const open = this.open;
    if (open === null) throw new Error('internal: a dunning action outside dunningBegin/dunningEnd');
    const C = sim.contracts;
    const decision = decisionOf(sim.dunning, rule);
    const action = DUNNING_ACTIONS[sim.dunningPlan.action[rule]!];
    let effect: DunningEffect;
    if (termination >= 0 && (action === 'repossess' || action === 'write-off')) {
      effect = 'terminated';
      open.record.causeRule = decision.rule;
    } else if (action === 'insurance-claim' && C.claim[i] === 1 && open.claim !== 1) {
      effect = 'claim paid: arrears paid by the insurer';
      open.record.cause = 'action';
      open.record.causeRule = decision.rule;
    } else if (cured && !open.cured) {
      effect = 'cured';
      open.record.cause = 'action';
      open.record.causeRule = decision.rule;
    } else if (action === 'payment-plan') {
      if (planStarted && !open.planStarted) effect = 'plan started';
      else if (open.planMonths > 0 || open.planStarted) effect = 'plan already running';
      else if (C.dispute[i] === 1) effect = 'no plan: dispute open';
      else effect = 'plan declined';
    } else if (action === 'collection-agency') effect = 'placed with agency';
    else if (action === 'insurance-claim') {
      const claim = C.claim[i]!;
      if (claim !== open.claim)
        effect = claim === 3 ? 'claim rejected: no insured event' : 'claim filed too late (void)';
      else if (C.insured[i] !== 1) effect = 'no claim: not insured';
      else if (claim !== 0) effect = 'no claim: already filed';
      else effect = 'no claim: waiting period';
    } else if (action === 'hold') effect = 'hold';
    else effect = 'no effect';
    open.record.actions.push({ ...decision, effect });
    open.cured = cured;
    open.planStarted = planStarted;
    open.dispute = C.dispute[i] === 1;
    open.claim = C.claim[i]!;
  }

  /** After the followed customer's contract slot `i` was dunned: how the month ended. */
  dunningEnd(sim: TracedSim, i: number): void {
    const open = this.open;
    if (open === null) throw new Error('internal: dunningEnd without dunningBegin');
    this.open = null;
    const C = sim.contracts;
    const n = sim.counters;
    const r = open.record;
    r.missedAfter = C.missed[i]!;
    if (C.active[i] === 0) {
      r.outcome = 'defaulted';
      if (n.repossessed > open.repossessed) r.cause = 'repossessed';
      else if (n.writtenOff > open.writtenOff) r.cause = 'written-off';
      else {
        // The policy never terminated it: the world charged it off at chargeOffDays.
        r.cause = 'charged-off';
        delete r.causeRule;
      }
    } else if (C.missed[i] === 0) {
      r.outcome = 'cured';
      if (r.cause === undefined) {
        if (open.agencyFee) r.cause = 'agency-collected';
        else if (open.planMonths > 0 && C.delinquentSince[i] === open.since + 1) r.cause = 'plan-completed';
        else if (open.dispute) r.cause = 'dispute-resolved';
        else r.cause = 'self-cure';
      }
    } else {
      delete r.cause;
      delete r.causeRule;
      if (C.brokenPromises[i]! > open.brokenPromises) r.outcome = 'plan-broken';
      else if (open.planStarted) r.outcome = 'plan-started';
      else if (C.planMonthsLeft[i]! > 0 && C.delinquentSince[i]! > open.since) r.outcome = 'plan-kept';
      else if (C.missed[i]! > r.missedPayments) r.outcome = 'escalated';
      else r.outcome = 'unresolved';
    }
  }

  /** Fired engagement rule `rule` for the followed customer's contract slot `i`; `executed` null for `none`. */
  engagement(sim: TracedSim, i: number, t: number, rule: number, executed: boolean | null): void {
    const C = sim.contracts;
    this.records.push({
      type: 'engagement',
      month: t,
      contract: this.number(sim, i),
      decision: decisionOf(sim.engagement, rule),
      monthsToEnd: C.term[i]! - C.monthsOnBook[i]!,
      executed,
    });
  }

  /** The followed customer holds an early-upgrade offer on slot `i`: upgrades with `probability` (0–1). */
  upgradeOffer(sim: TracedSim, i: number, t: number, probability: number, upgrades: boolean): void {
    this.records.push({
      type: 'upgrade-offer',
      month: t,
      contract: this.number(sim, i),
      probability,
      upgrades,
    });
  }

  /** Contract slot `i` of the followed customer reached its term (before it is ended). */
  matured(
    sim: TracedSim,
    i: number,
    t: number,
    ending: {
      equity: number;
      renewalProbability: number;
      renewed: boolean;
      extended: boolean;
      vehicle: VehicleEnding | null;
      buyOutProbability: number | null;
    },
  ): void {
    this.records.push({
      type: 'maturity',
      month: t,
      contract: this.number(sim, i),
      early: false,
      ...ending,
      waived: 0,
    });
  }

  /** The followed customer trades contract slot `i` in early, with `equity` € and `waived` € of instalments. */
  upgradedEarly(sim: TracedSim, i: number, t: number, equity: number, waived: number): void {
    this.records.push({
      type: 'maturity',
      month: t,
      contract: this.number(sim, i),
      early: true,
      equity,
      renewalProbability: null,
      renewed: true,
      extended: false,
      vehicle: 'traded-in',
      buyOutProbability: null,
      waived,
    });
  }

  /** Contract slot `i` of the followed customer started in month `t`. */
  contractStarted(sim: TracedSim, i: number, t: number, origin: ContractOrigin): void {
    this.register(sim, i, t, origin);
  }

  /**
   * Vehicle slot `v` of the followed customer got the remarketing decision of fired rule `rule` (−1 when
   * none fired), after it was carried out.
   */
  remarketed(sim: TracedSim, v: number, t: number, rule: number, refurbished: boolean): void {
    const V = sim.vehicles;
    const age = t - V.birthMonth[v]!;
    this.records.push({
      type: 'remarketing',
      month: t,
      vehicleId: V.id[v]!,
      cycleEnded: V.cycleEnded[v]!,
      repossessed: V.repossessed[v] === 1,
      decision: rule < 0 ? null : decisionOf(sim.remarketing, rule),
      result: refurbished ? 'refurbished' : 'wholesaled',
      condition: CONDITIONS[V.condition[v]!] ?? 'unknown',
      ageMonths: age,
      mileageKm: V.kmPerMonth[v]! * age,
      marketValue: V.marketValue[v]!,
      refurbCostEstimate: V.refurbEstimate[v]!,
      readyMonth: refurbished ? V.readyMonth[v]! : null,
    });
  }

  /**
   * Vehicle slot `v`, last with customer slot `previous`, left the stock in month `t`: placed with new
   * customer slot `customer` on contract slot `contract`, or (both −1) wholesaled. Called for every
   * placement from stock and every forced wholesale.
   */
  leftStock(
    sim: TracedSim,
    v: number,
    t: number,
    previous: number,
    customer: number,
    contract: number,
  ): void {
    this.vehicleLeftStock(sim, v, t, previous, customer);
    if (customer >= 0) this.joined(sim, customer, contract, t, 'placement', null);
  }

  /**
   * A lead sale created customer slot `c` on contract slot `i`, with vehicle slot `v` taken from stock
   * (last with customer slot `previous`) or, when `v` is −1, a new vehicle. Called for every lead sale.
   */
  leadSale(
    sim: TracedSim,
    c: number,
    i: number,
    t: number,
    lead: Omit<LeadRecord, 'type' | 'month' | 'decision'> & { rule: number },
    v: number,
    previous: number,
  ): void {
    if (v >= 0) this.vehicleLeftStock(sim, v, t, previous, c);
    this.joined(sim, c, i, t, 'lead-sale', leadRecord(sim, t, lead));
  }

  /**
   * A lead from customer `c`, already on the books, bought: contract slot `i` is an extra contract of
   * theirs (no new customer joins).
   */
  customerLeadSale(
    sim: TracedSim,
    c: number,
    i: number,
    t: number,
    lead: Omit<LeadRecord, 'type' | 'month' | 'decision'> & { rule: number },
    v: number,
    previous: number,
  ): void {
    if (v >= 0) this.vehicleLeftStock(sim, v, t, previous, c);
    if (sim.customers.id[c] !== this.customerId) return;
    this.records.push(leadRecord(sim, t, lead));
    this.register(sim, i, t, 'lead-sale');
  }

  private vehicleLeftStock(sim: TracedSim, v: number, t: number, previous: number, customer: number): void {
    const K = sim.customers;
    if (K.id[previous] !== this.customerId) return;
    this.records.push({
      type: 'stock',
      month: t,
      vehicleId: sim.vehicles.id[v]!,
      result: customer < 0 ? 'forced-wholesale' : 'placed',
      newCustomerId: customer < 0 ? null : K.id[customer]!,
      daysInStock: sim.vehicles.stockDays[v]!,
    });
  }

  private joined(
    sim: TracedSim,
    c: number,
    i: number,
    t: number,
    origin: 'lead-sale' | 'placement',
    lead: LeadRecord | null,
  ): void {
    const K = sim.customers;
    const C = sim.contracts;
    const id = K.id[c]!;
    this.joins?.push({
      customerId: id,
      month: t,
      origin,
      slot: c,
      firstContract: { cycle: C.cycle[i]!, product: PRODUCTS[C.product[i]!]!, termMonths: C.term[i]! },
    });
    if (id !== this.customerId) return;
    // The sale booked its entries (subsidy, dealer gross) before the customer could be announced.
    const booked = this.records.splice(0);
    if (lead !== null) this.records.push(lead);
    this.register(sim, i, t, origin);
    this.records.push(...booked);
  }

  private ledger(month: number, category: number, cycle: number, amount: number, party: number): void {
    this.records.push({
      type: 'ledger',
      month,
      category: LEDGER_CATEGORIES[category]! as LedgerCategory,
      party: PARTIES[party]!,
      cycle,
      amount,
    });
  }

  /** The customer's number of contract slot `i`; a contract first seen here is on book from the start. */
  private number(sim: TracedSim, i: number): number {
    const known = this.numbers.get(sim.contracts.id[i]!);
    if (known !== undefined) return known;
    if (sim.contracts.startMonth[i]! >= 0) {
      throw new Error(
        `internal: contract ${sim.contracts.id[i]} started in the run but was never registered`,
      );
    }
    return this.register(sim, i, sim.ledger.month, 'starting-book');
  }

  private register(sim: TracedSim, i: number, t: number, origin: ContractOrigin): number {
    const C = sim.contracts;
    const K = sim.customers;
    const c = C.customer[i]!;
    const id = C.id[i]!;
    // A contract's identity is (customer, the customer's contract number − 1): identity.ts.
    let number = 0;
    for (let seq = 0; seq < K.contractSeq[c]!; seq++) {
      if (deriveIdentity(IDENTITY.contract, K.id[c]!, seq) === id) number = seq + 1;
    }
    if (number === 0) throw new Error(`internal: contract ${id} is not one of customer ${K.id[c]}'s`);
    this.numbers.set(id, number);
    this.records.push({
      type: 'contract',
      month: t,
      contract: number,
      contractId: id,
      origin,
      cycle: C.cycle[i]!,
      product: PRODUCTS[C.product[i]!]!,
      termMonths: C.term[i]!,
      monthsOnBook: C.monthsOnBook[i]!,
      payment: C.payment[i]!,
      balance: C.balance[i]!,
      balloon: C.balloon[i]!,
      insured: C.insured[i] === 1,
      vehicleId: sim.vehicles.id[C.vehicle[i]!]!,
      vehicleMsrp: C.msrp[i]!,
    });
    return number;
  }
}

/** Rule `rule` of a policy (index in decision order) as the decision it made. */
function decisionOf(rt: PolicyRuntime, rule: number): PolicyDecision {
  const r = rt.policy.rules[rule]!;
  const decision: PolicyDecision = { policy: rt.policy.kind, rule: r.name, action: r.event.type };
  return r.event.params === undefined ? decision : { ...decision, params: { ...r.event.params } };
}

/** The trace's record of a lead in month `t`, with the decision its routing rule took. */
function leadRecord(
  sim: TracedSim,
  t: number,
  lead: Omit<LeadRecord, 'type' | 'month' | 'decision'> & { rule: number },
): LeadRecord {
  const { rule, ...rest } = lead;
  return { type: 'lead', month: t, ...rest, decision: decisionOf(sim.leads, rule) };
}
