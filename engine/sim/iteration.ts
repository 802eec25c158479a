import { log } from '../math/index.ts';
import { interpolate } from '../world/curve.ts';
import { resolveWorld } from '../world/resolve.ts';
import type { Sim } from './context.ts';
import type { Counters } from './counters.ts';
import { loadStartingBook } from './initial.ts';
import { breakdowns, census, coverage, kpiVector, ledgerTotals } from './outcome.ts';
import { iterationKey } from '../random/streams.ts';
import type { IterationResult } from '../result/iteration.ts';
import type { SimSetup } from './setup.ts';

export { createSimSetup, prepareScenario, type SimSetup, type SimSetupOptions } from './setup.ts';
import { VEHICLE_IN_STOCK, VEHICLE_ON_CONTRACT, VEHICLE_RETURNED } from './state.ts';
import { dunningStep } from './steps/dunning.ts';
import { engagementStep } from './steps/engagement.ts';
import { leadsStep, prepareLeads } from './steps/leads.ts';
import { maturityStep } from './steps/maturity.ts';
import { paymentsStep } from './steps/payments.ts';
import { remarketingStep } from './steps/remarketing.ts';

/** The books of one iteration beyond its result: for invariant tests and `explain`. */
export interface IterationAudit {
  /** Flow counts of the iteration (a copy). */
  readonly counters: Readonly<Omit<Counters, 'reset'>>;
  /** Ledger totals, € ([category · 4 + cycle], LEDGER_CATEGORIES order). */
  readonly ledger: Float64Array;
  /** Net cash flow per month, €. */
  readonly cash: Float64Array;
  /** End-of-horizon census. */
  readonly activeContracts: number;
  readonly vehiclesOnContract: number;
  readonly vehiclesInStock: number;
  readonly vehiclesReturned: number;
  readonly customers: number;
  readonly customersWithContract: number;
}

/**
 * Simulates iteration `iteration` of `setup` (docs/design.md §3, the monthly step): draws the iteration's
 * world, loads the starting book, and for each month t runs leads → payments → dunning → engagement →
 * maturity (and early upgrades) → remarketing, then records the month. Deterministic: the same setup
 * and iteration give the same result, in any process and any order of iterations.
 */
export function runIteration(setup: SimSetup, iteration: number): IterationResult {
  return simulate(setup, iteration).result;
}

/** One part of the monthly step, as the simulation runs them in order. */
export interface MonthlyStep {
  readonly name: 'leads' | 'payments' | 'dunning' | 'engagement' | 'maturity' | 'remarketing' | 'census';
  readonly run: (sim: Sim, t: number) => void;
}

/** The monthly step's parts in the order they run; census records the month's end. */
export const MONTHLY_STEPS: readonly MonthlyStep[] = [
  { name: 'leads', run: leadsStep },
  { name: 'payments', run: paymentsStep },
  { name: 'dunning', run: dunningStep },
  { name: 'engagement', run: engagementStep },
  { name: 'maturity', run: maturityStep },
  { name: 'remarketing', run: remarketingStep },
  { name: 'census', run: census },
];

/** {@link runIteration} with the iteration's audit. */
export function simulate(
  setup: SimSetup,
  iteration: number,
): { result: IterationResult; audit: IterationAudit } {
  const sim = startIteration(setup, iteration);
  for (let t = 0; t < sim.horizon; t++) {
    beginMonth(sim, t);
    for (let s = 0; s < MONTHLY_STEPS.length; s++) MONTHLY_STEPS[s]!.run(sim, t);
  }
  return finishIteration(sim, iteration);
}

/**
 * Resets the setup's simulation for `iteration`: its key, its drawn world and the tables that depend
 * on it, and the starting book. Then each month: {@link beginMonth} and the {@link MONTHLY_STEPS};
 * then {@link finishIteration}. (What {@link simulate} does; apart, for the benchmark's step timings.)
 */
export function startIteration(setup: SimSetup, iteration: number): Sim {
  const sim = setup.sim;
  sim.reset();
  sim.key = iterationKey(setup.seed, iteration);
  sim.w = resolveWorld(setup.world, sim.key);
  prepareIteration(sim);
  loadStartingBook(sim);
  return sim;
}

/** Books the month's ledger entries to month `t`. */
export function beginMonth(sim: Sim, t: number): void {
  sim.ledger.month = t;
}

/** The iteration's result and audit, once every month has run. */
export function finishIteration(
  sim: Sim,
  iteration: number,
): { result: IterationResult; audit: IterationAudit } {
  const result: IterationResult = {
    iteration,
    kpis: kpiVector(sim),
    series: Float64Array.from(sim.series),
    breakdowns: breakdowns(sim),
    coverage: coverage(sim),
  };
  return { result, audit: audit(sim) };
}

/** Per-iteration tables that depend on the drawn world. */
function prepareIteration(sim: Sim): void {
  const w = sim.w;
  const discipline = sim.population.dealers.discipline;
  for (let d = 0; d < sim.dealers; d++) {
    const p = discipline[d]!;
    sim.executeProbability[d] = sim.dealerHasBdc[d] === 1 ? 1 - (1 - p) * (1 - w.bdcDisciplineLift) : p;
    sim.disciplineLogOdds[d] = log(interpolate(w.disciplineOdds, p));
  }
  for (let t = 0; t < sim.horizon; t++) sim.stressLogOdds[t] = log(interpolate(w.stressOdds, t));
  prepareLeads(sim);
}

function audit(sim: Sim): IterationAudit {
  const V = sim.vehicles;
  let onContract = 0;
  let inStock = 0;
  let returned = 0;
  for (let v = 0; v < V.end; v++) {
    const s = V.status[v];
    if (s === VEHICLE_ON_CONTRACT) onContract++;
    else if (s === VEHICLE_IN_STOCK) inStock++;
    else if (s === VEHICLE_RETURNED) returned++;
  }
  const K = sim.customers;
  let withContract = 0;
  for (let c = 0; c < K.count; c++) if (K.activeContracts[c]! > 0) withContract++;
  const counters = {
    ...sim.counters,
    ended: Float64Array.from(sim.counters.ended),
    retained: Float64Array.from(sim.counters.retained),
  };
  return {
    counters,
    ledger: ledgerTotals(sim),
    cash: Float64Array.from(sim.ledger.cash),
    activeContracts: sim.contracts.activeCount,
    vehiclesOnContract: onContract,
    vehiclesInStock: inStock,
    vehiclesReturned: returned,
    customers: K.count,
    customersWithContract: withContract,
  };
}
