import { log } from '../math/index.ts';
import { interpolate } from '../world/curve.ts';
import { resolveWorld } from '../world/resolve.ts';
import type { Sim } from './context.ts';
import type { Counters } from './counters.ts';
import { loadStartingBook } from './initial.ts';
import { drawTapeIteration } from '../portfolio/tape/population.ts';
import { breakdowns, census, coverage, kpiVector, ledgerTotals, moneyKpis } from './outcome.ts';
import { recogniseDeferred } from './origination.ts';
import { fillPriceIndex } from './price-index.ts';
import { iterationKey } from '../random/streams.ts';
import { drawPopulation, type Population, type PortfolioSpec } from '../portfolio/index.ts';
import type { IterationResult } from '../result/iteration.ts';
import type { SimSetup } from './setup.ts';

export {
  createSimSetup,
  prepareScenario,
  type SimSetup,
  type SimSetupOptions,
  type UncertaintySettings,
} from './setup.ts';
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
  /** Ledger totals over every party, the horizon and its run-off, € ([category · 4 + cycle], LEDGER_CATEGORIES order). */
  readonly ledger: Float64Array;
  /** Net result per perspective and month of the horizon and run-off, € ([perspective · months + month]). */
  readonly cash: Float64Array;
  /** End-of-horizon census (the counters too are the horizon's). */
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
  const finished = finishIteration(sim, iteration);
  const u = setup.uncertain;
  if (u === null || !u.drawsAssumptions) return finished;
  return { ...finished, result: { ...finished.result, assumptionScores: Float64Array.from(u.scores) } };
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
  sim.replayingLeads = sim.leadStream !== null && sim.leadStream.begin(sim.key);
  if (setup.tape) drawTapeIteration(setup.population, setup.tape, setup.portfolio, sim.key);
  else if (setup.redrawPopulation) redrawPopulation(setup.population, setup.portfolio, sim.key);
  sim.w = resolveWorld(setup.uncertain === null ? setup.world : setup.uncertain.draw(sim.key), sim.key);
  prepareIteration(sim);
  loadStartingBook(sim);
  return sim;
}

/** The key each population was last drawn with: scenarios of a run share one and draw it once. */
const drawnWith = new WeakMap<Population, number>();

/** Draws iteration `key`'s population into the tables of `population`, unless they hold it already. */
function redrawPopulation(population: Population, portfolio: PortfolioSpec, key: number): void {
  if (drawnWith.get(population) === key) return;
  drawPopulation(portfolio, key, population);
  drawnWith.set(population, key);
}

/** Books the month's ledger entries to month `t`. */
export function beginMonth(sim: Sim, t: number): void {
  sim.ledger.month = t;
}

/**
 * The iteration's result and audit, once every month of the horizon has run: the horizon's census and
 * counts are taken, then the book still held runs off ({@link RUN_OFF_STEPS}) and the money KPIs,
 * including the book's value at the horizon, are read from the ledger.
 */
export function finishIteration(
  sim: Sim,
  iteration: number,
): { result: IterationResult; audit: IterationAudit } {
  const kpis = kpiVector(sim);
  const result: IterationResult = {
    iteration,
    kpis,
    series: Float64Array.from(sim.series),
    breakdowns: breakdowns(sim),
    coverage: coverage(sim),
  };
  const atHorizon = audit(sim);
  runOff(sim);
  moneyKpis(sim, kpis);
  return {
    result,
    audit: { ...atHorizon, ledger: ledgerTotals(sim), cash: Float64Array.from(sim.ledger.cash) },
  };
}

/**
 * The parts of the monthly step that run after the horizon: no leads, no engagement, no renewals or
 * placements (maturity and remarketing see the month is past the horizon), on the same random
 * numbers (every draw is keyed by entity and month).
 */
export const RUN_OFF_STEPS: readonly MonthlyStep[] = MONTHLY_STEPS.filter(
  (s) => s.name === 'payments' || s.name === 'dunning' || s.name === 'maturity' || s.name === 'remarketing',
);

/** Runs off the book held at the horizon; what is left after the run-off months has its deferrals recognised. */
function runOff(sim: Sim): void {
  // A followed customer's journey (explain) is the horizon's.
  const trace = sim.trace;
  if (trace !== null) {
    const K = sim.customers;
    trace.activeAtHorizon = K.activeContracts.slice(0, K.count);
  }
  sim.trace = null;
  sim.ledger.startRunOff();
  const end = sim.horizon + sim.runOffMonths;
  for (let t = sim.horizon; t < end; t++) {
    beginMonth(sim, t);
    for (let s = 0; s < RUN_OFF_STEPS.length; s++) RUN_OFF_STEPS[s]!.run(sim, t);
  }
  const C = sim.contracts;
  for (let i = 0; i < C.end; i++) if (C.active[i] === 1) recogniseDeferred(sim, i);
  sim.trace = trace;
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
  for (let t = 0; t < sim.stressLogOdds.length; t++) sim.stressLogOdds[t] = log(interpolate(w.stressOdds, t));
  fillPriceIndex(sim);
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
  // The counters' arrays are reused by the next iteration: the audit keeps copies.
  const counters = { ...sim.counters };
  for (const key of Object.keys(counters) as (keyof typeof counters)[]) {
    const value = counters[key];
    if (value instanceof Float64Array) (counters as Record<string, unknown>)[key] = Float64Array.from(value);
  }
  return {
    counters,
    ledger: new Float64Array(0),
    cash: new Float64Array(0),
    activeContracts: sim.contracts.activeCount,
    vehiclesOnContract: onContract,
    vehiclesInStock: inStock,
    vehiclesReturned: returned,
    customers: K.count,
    customersWithContract: withContract,
  };
}
