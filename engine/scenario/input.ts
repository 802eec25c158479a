import type { ScenarioInput } from '../sim/setup.ts';
import type { ResolvedScenario } from './load.ts';

/** The simulator's view of a loaded scenario: plain JSON, ready to cross to Node or browser workers. */
export function scenarioInput(scenario: ResolvedScenario): ScenarioInput {
  return {
    name: scenario.name,
    ruleSets: {
      engagement: scenario.policies.engagement.ruleSet,
      leads: scenario.policies.leads.ruleSet,
      dunning: scenario.policies.dunning.ruleSet,
      remarketing: scenario.policies.remarketing.ruleSet,
    },
    parameters: scenario.parameters,
    world: scenario.world,
    portfolio: scenario.portfolio,
  };
}
