import {
  PairedAccumulator,
  RunAccumulator,
  type PairedAggregateJson,
  type RunAggregateJson,
} from '../../stats/index.ts';
import { kpiIndex } from '../../result/kpis.ts';
import type { Population } from '../../portfolio/index.ts';
import { prepareScenario, runIteration, type SimSetup, type UncertaintySettings } from '../iteration.ts';
import { startingPopulation, type ScenarioInput } from '../setup.ts';
import { STRESS, stressedWorld } from '../../world/stresses.ts';
import { canonicalJson } from './hash.ts';
import { LeadStream } from '../lead-stream.ts';
import type { ChunkTask, RunSpec } from './spec.ts';

/** What a worker sends back for one chunk: per scenario, and per challenger against the baseline. */
export interface ChunkResult {
  readonly index: number;
  readonly runs: RunAggregateJson[];
  readonly paired: PairedAggregateJson[];
  /** With the spec's `trackKpi`: per scenario, that KPI's value in each iteration of the chunk (NaN: undefined). */
  readonly kpiValues?: number[][];
}

/** A run made ready on one worker: policies compiled, populations generated, state allocated. */
export interface PreparedRun {
  readonly spec: RunSpec;
  readonly setups: readonly SimSetup[];
}

export function prepareRun(spec: RunSpec): PreparedRun {
  // Compared scenarios usually share their portfolio: generate each distinct one once (the simulation
  // only reads the population, so sharing it changes nothing but the time to the first chunk).
  const populations = new Map<string, Population>();
  // A tape's population is shared too: each iteration completes it the same way from its key.
  const populationOf = (scenario: ScenarioInput): Population => {
    const key = canonicalJson(scenario.portfolio);
    let population = populations.get(key);
    if (!population) populations.set(key, (population = startingPopulation(scenario, spec.seed)));
    return population;
  };
  const stress = spec.stress ?? 'none';
  const uncertainty: UncertaintySettings = {
    assumptions: spec.uncertainty === true,
    redrawPopulation: spec.population === 'per-iteration',
    ...(stress !== 'none' ? { economy: STRESS[stress].economy } : {}),
  };
  const setups = spec.scenarios.map((s) =>
    prepareScenario(
      { ...s, world: stressedWorld(s.world, stress) },
      spec.horizonMonths,
      spec.seed,
      populationOf(s),
      uncertainty,
    ),
  );
  shareLeads(spec.scenarios, setups);
  return { spec, setups };
}

/**
 * Gives the setups whose leads cannot differ one shared lead stream (engine/sim/lead-stream.ts): those
 * with equal portfolios (hence one population), worlds and leads policies, parameters included. The
 * run's seed, horizon, stress and uncertainty are the same for all. Equal by content, not identity.
 */
function shareLeads(scenarios: readonly ScenarioInput[], setups: readonly SimSetup[]): void {
  const groups = new Map<string, SimSetup[]>();
  scenarios.forEach((s, i) => {
    const key = canonicalJson({
      portfolio: s.portfolio,
      world: s.world,
      leads: s.ruleSets.leads,
      parameters: s.parameters.leads,
    });
    const group = groups.get(key);
    if (group) group.push(setups[i]!);
    else groups.set(key, [setups[i]!]);
  });
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const stream = new LeadStream();
    for (const setup of group) setup.sim.leadStream = stream;
  }
}

/**
 * Runs one chunk of iterations for every scenario in lockstep (iteration i of each scenario uses the
 * same random streams) and aggregates them. The same chunk gives the same result on any worker.
 */
export function runChunk(run: PreparedRun, task: ChunkTask): ChunkResult {
  const steps = chunkSteps(run, task);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * runChunk, pausing after each scenario's iteration: a browser worker yields to its event loop there,
 * so that `Worker.terminate()` stops it within one scenario-iteration. Chromium lets a worker busy in one long task
 * run on for two seconds after terminate(); a cancelled run kept every core busy that long.
 */
export function* chunkSteps(run: PreparedRun, task: ChunkTask): Generator<void, ChunkResult, void> {
  const runs = run.setups.map((setup) => new RunAccumulator(setup.layout));
  const paired = run.setups.slice(1).map(() => new PairedAccumulator());
  const tracked = run.spec.trackKpi === undefined ? -1 : kpiIndex(run.spec.trackKpi);
  const kpiValues = run.setups.map((): number[] => []);
  const end = task.first + task.count;
  for (let i = task.first; i < end; i++) {
    const baseline = runIteration(run.setups[0]!, i);
    runs[0]!.add(baseline);
    if (tracked >= 0) kpiValues[0]!.push(baseline.kpis[tracked]!);
    for (let s = 1; s < run.setups.length; s++) {
      yield;
      const challenger = runIteration(run.setups[s]!, i);
      runs[s]!.add(challenger);
      paired[s - 1]!.add(baseline, challenger);
      if (tracked >= 0) kpiValues[s]!.push(challenger.kpis[tracked]!);
    }
    if (i + 1 < end) yield;
  }
  return {
    index: task.index,
    runs: runs.map((r) => r.toJSON()),
    paired: paired.map((p) => p.toJSON()),
    ...(tracked >= 0 ? { kpiValues } : {}),
  };
}
