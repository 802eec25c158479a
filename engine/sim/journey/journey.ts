import { CREDIT_TIERS, REGIONS, SEGMENTS } from '../../domain/lists.ts';
import type { Sim } from '../context.ts';
import { simulate, type SimSetup } from '../iteration.ts';
import type { IterationResult } from '../../result/iteration.ts';
import type { TraceRecord } from '../trace/records.ts';
import { Trace } from '../trace/trace.ts';

/*
 * One customer's journey through one iteration (`cyclecast explain`), and the customers worth
 * following. Both run the iteration with a trace attached to the setup's Sim and detach it after, so
 * the setup serves ordinary runs again with no trace.
 */

/** Identities from here on belong to customers born during the run (identity.ts). */
const FIRST_DERIVED_ID = 2 ** 30;

/** Who a customer is, at the end of the iteration. */
export interface CustomerProfile {
  /** Stable identity: the population index for the starting book, a derived identity for the others. */
  readonly id: number;
  readonly origin: 'starting-book' | 'lead-sale' | 'placement';
  /** Month the customer joined; null for the starting book. */
  readonly joinedMonth: number | null;
  readonly segment: string;
  readonly creditTier: string;
  readonly dealer: number;
  readonly region: string;
  readonly dealerHasBdc: boolean;
  /** The captive's loyalty score, 0–1 (what policies see). */
  readonly loyaltyScore: number;
  /** Contracts the customer has taken, the starting book's included. */
  readonly contracts: number;
  /** Contracts still on book at the end of the horizon. */
  readonly activeContracts: number;
}

export interface CustomerJourney {
  readonly customer: CustomerProfile;
  readonly iteration: number;
  /** In the order the simulator did them, so in month order. */
  readonly records: readonly TraceRecord[];
  /** The iteration's result: the same as without the trace. */
  readonly result: IterationResult;
}

/**
 * Follows customer `customerId` through iteration `iteration` of `setup`. Returns null when no customer
 * has that identity in the iteration (customers born during the run differ between iterations).
 * @example
 * const journey = followCustomer(prepareScenario(input, 24, 11), 0, 17);
 * journey?.records.filter((r) => r.type === 'dunning');
 */
export function followCustomer(
  setup: SimSetup,
  iteration: number,
  customerId: number,
): CustomerJourney | null {
  const starting = setup.population.customers.count;
  if (!Number.isInteger(customerId) || customerId < 0 || customerId >= 2 ** 31) return null;
  if (customerId >= starting && customerId < FIRST_DERIVED_ID) return null;
  const trace = new Trace(customerId, { list: customerId >= starting });
  const { result } = runTraced(setup, iteration, trace);
  const sim = setup.sim;
  const slot = customerId < starting ? customerId : slotOf(sim, customerId);
  if (slot < 0) return null;
  const join = trace.joins?.find((j) => j.customerId === customerId);
  const customer = profile(sim, slot, join?.origin ?? 'starting-book', join?.month ?? null);
  return { customer, iteration, records: trace.records, result };
}

/** A customer offered to follow, with why they are interesting. */
export interface CustomerSample {
  readonly customer: CustomerProfile;
  readonly firstContract: {
    cycle: number;
    product: 'lease' | 'loan';
    termMonths: number;
    monthsOnBook: number;
  };
  readonly missedPayment: boolean;
  /** Why the customer was picked: 'missed a payment', 'renewed', 'left', 'lead sale' or 'placement'. */
  readonly group: string;
}

/**
 * Up to `perGroup` customers of iteration `iteration` from each group: starting-book customers who missed
 * a payment, who renewed, who left; customers won by a lead sale; customers placed in a refurbished
 * vehicle. Starting-book customers in identity order, the others in the order they joined.
 */
export function sampleCustomers(setup: SimSetup, iteration: number, perGroup = 3): CustomerSample[] {
  const trace = new Trace(-1, { list: true });
  runTraced(setup, iteration, trace);
  const sim = setup.sim;
  const K = sim.customers;
  const P = setup.population;
  const missed = trace.missedPayment!;
  const taken = new Set<number>();
  const samples: CustomerSample[] = [];

  const firstContractOf = new Map<number, number>();
  const startingContracts = new Int32Array(P.customers.count);
  for (let n = P.contracts.count - 1; n >= 0; n--) {
    firstContractOf.set(P.contracts.customer[n]!, n);
    startingContracts[P.contracts.customer[n]!]!++;
  }
  const starting = (group: string, wanted: (c: number) => boolean): void => {
    let found = 0;
    for (let c = 0; c < P.customers.count && found < perGroup; c++) {
      const n = firstContractOf.get(c);
      if (n === undefined || taken.has(c) || !wanted(c)) continue;
      taken.add(c);
      found++;
      const cycle = P.contracts.cycle[n]!;
      samples.push({
        customer: profile(sim, c, 'starting-book', null),
        // The starting book's cycle-3 contracts are loans, the others leases (initial.ts).
        firstContract: {
          cycle,
          product: cycle === 3 ? 'loan' : 'lease',
          termMonths: P.contracts.termMonths[n]!,
          monthsOnBook: P.contracts.monthsOnBook[n]!,
        },
        missedPayment: missed.has(c),
        group,
      });
    }
  };
  starting('missed a payment', (c) => missed.has(c));
  starting('renewed', (c) => K.contractSeq[c]! > startingContracts[c]!);
  starting('left', (c) => K.activeContracts[c] === 0);

  for (const origin of ['lead-sale', 'placement'] as const) {
    const joins = trace.joins!.filter((j) => j.origin === origin).slice(0, perGroup);
    for (const j of joins) {
      samples.push({
        customer: profile(sim, j.slot, origin, j.month),
        firstContract: { ...j.firstContract, monthsOnBook: 0 },
        missedPayment: missed.has(j.customerId),
        group: origin === 'lead-sale' ? 'lead sale' : 'placement',
      });
    }
  }
  return samples;
}

function runTraced(setup: SimSetup, iteration: number, trace: Trace): { result: IterationResult } {
  const sim = setup.sim;
  if (sim.trace !== null) throw new Error('internal: the setup is already tracing a customer');
  sim.trace = trace;
  try {
    return simulate(setup, iteration);
  } finally {
    sim.trace = null;
  }
}

function slotOf(sim: Sim, id: number): number {
  const K = sim.customers;
  for (let c = 0; c < K.count; c++) if (K.id[c] === id) return c;
  return -1;
}

function profile(
  sim: Sim,
  c: number,
  origin: CustomerProfile['origin'],
  joinedMonth: number | null,
): CustomerProfile {
  const K = sim.customers;
  const dealer = K.dealer[c]!;
  return {
    id: K.id[c]!,
    origin,
    joinedMonth,
    segment: SEGMENTS[K.segment[c]!]!,
    creditTier: CREDIT_TIERS[K.tier[c]!]!,
    dealer,
    region: REGIONS[sim.dealerRegion[dealer]!]!,
    dealerHasBdc: sim.dealerHasBdc[dealer] === 1,
    loyaltyScore: K.loyaltyScore[c]!,
    contracts: K.contractSeq[c]!,
    activeContracts: K.activeContracts[c]!,
  };
}
