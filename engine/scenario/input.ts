import type { RunSpec } from '../sim/montecarlo/spec.ts';
import { RUN_LIMITS } from '../sim/run-limits.ts';
import type { ScenarioInput } from '../sim/setup.ts';
import { DEFAULT_RUN, type RunSettings } from './format.ts';
import type { ResolvedScenario } from './load.ts';

/** The simulator's view of a loaded scenario: plain JSON, ready to cross to Node or browser workers. */
export function scenarioInput(scenario: ResolvedScenario): ScenarioInput {
  return {
    name: scenario.name,
    ...(scenario.title !== undefined ? { title: scenario.title } : {}),
    ruleSets: {
      engagement: scenario.policies.engagement.ruleSet,
      leads: scenario.policies.leads.ruleSet,
      dunning: scenario.policies.dunning.ruleSet,
      remarketing: scenario.policies.remarketing.ruleSet,
    },
    parameters: scenario.parameters,
    world: scenario.world,
    portfolio: scenario.portfolio,
    ...(scenario.tape ? { tape: scenario.tape } : {}),
  };
}

/**
 * The run of `scenarios`, baseline first: each on the baseline's run settings, or `settings` where
 * given, paired iteration by iteration (common random numbers). The one place a RunSpec is assembled:
 * `run`, `compare`, `check`, `explain` and the workbench call it.
 * @example runSpec([baseline, challenger], { iterations: 50 }).seed // the baseline's seed
 */
export function runSpec(
  scenarios: readonly ResolvedScenario[],
  settings: Partial<RunSettings> = {},
  chunkSize: number = RUN_LIMITS.chunkSize.default,
): RunSpec {
  const base = scenarios[0]?.run ?? DEFAULT_RUN;
  return {
    scenarios: scenarios.map(scenarioInput),
    iterations: settings.iterations ?? base.iterations,
    seed: settings.seed ?? base.seed,
    horizonMonths: settings.horizonMonths ?? base.horizonMonths,
    chunkSize,
  };
}
