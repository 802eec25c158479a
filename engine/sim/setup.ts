import { formatValueProblem } from '../json/problem.ts';
import { POLICY_KINDS, type PolicyKind } from '../domain/lists.ts';
import { compileRuleSet } from '../policy/compile/index.ts';
import type { ParameterValue, RuleSet } from '../policy/rule-set.ts';
import { generatePortfolio, type Population, type PortfolioSpec } from '../portfolio/index.ts';
import type { TapeBook } from '../portfolio/tape/book.ts';
import { tapePopulation } from '../portfolio/tape/population.ts';
import type { RunLayout } from '../stats/accumulator.ts';
import type { World } from '../world/assumptions.ts';
import { checkWorld } from '../world/merge.ts';
import { Sim } from './context.ts';
import type { Policies } from './policies.ts';
import { RUN_LIMITS } from './run-limits.ts';

/** One scenario as the simulator needs it: plain JSON, so it crosses to Node and browser workers as is. */
export interface ScenarioInput {
  readonly name: string;
  /** Display name, carried to the manifest for reports; the simulation never reads it. */
  readonly title?: string;
  readonly ruleSets: Readonly<Record<PolicyKind, RuleSet>>;
  readonly parameters: Readonly<Record<PolicyKind, Readonly<Record<string, ParameterValue>>>>;
  readonly world: World;
  readonly portfolio: PortfolioSpec;
  /** The client's book when `portfolio.tape` names one, read by the CLI (engine/cli/tape). */
  readonly tape?: TapeBook;
}

export interface SimSetupOptions {
  /** The starting book, generated once per run (generatePortfolio) and shared by every iteration and scenario. */
  readonly population: Population;
  /** The portfolio spec the population came from: mixes and prices of the customers and vehicles born during the run. */
  readonly portfolio: PortfolioSpec;
  readonly world: World;
  /** One validated rule set per policy kind… */
  readonly ruleSets?: Readonly<Record<PolicyKind, RuleSet>>;
  /** …with a scenario's parameter overrides per kind… */
  readonly parameters?: Readonly<Partial<Record<PolicyKind, Readonly<Record<string, ParameterValue>>>>>;
  /** …or policies compiled already (then `ruleSets` and `parameters` are ignored). */
  readonly policies?: Policies;
  /** Months to simulate, within RUN_LIMITS.horizonMonths (1…600). */
  readonly horizonMonths: number;
  /** The run's seed: iteration k draws from iterationKey(seed, k). */
  readonly seed: number | string;
  /** The tape the population came from (tapePopulation): what it lacks is drawn anew each iteration. */
  readonly tape?: TapeBook;
}

/**
 * Everything one iteration needs, prepared once per scenario and run: the compiled policies with their
 * fact slots and decoded events, and the simulation tables (reused by each iteration; one iteration at
 * a time per setup).
 */
export interface SimSetup {
  readonly population: Population;
  readonly portfolio: PortfolioSpec;
  readonly world: World;
  readonly policies: Policies;
  readonly horizonMonths: number;
  readonly seed: number | string;
  readonly tape?: TapeBook;
  /** Horizon and rule names per kind, for the run's aggregates. */
  readonly layout: RunLayout;
  /** The preallocated state. */
  readonly sim: Sim;
}

/**
 * Prepares a scenario for simulation. Throws an Error `invalid …: …` for a horizon out of range, a
 * world that does not check, a rule set that does not compile, a parameter override the rule set does
 * not declare, or an event the simulator does not know.
 * @example
 * const population = generatePortfolio(defaultPortfolio(), 42);
 * const setup = createSimSetup({ population, portfolio: defaultPortfolio(), world: defaultWorld(),
 *   ruleSets: { engagement: tcm, leads: speedToLead, dunning: segmented, remarketing: threeCycle },
 *   parameters: { engagement: { contactWindowStart: 15 } }, horizonMonths: 120, seed: 42 });
 * const result = runIteration(setup, 0);
 */
export function createSimSetup(options: SimSetupOptions): SimSetup {
  const { population, portfolio, world, horizonMonths, seed } = options;
  const { min, max } = RUN_LIMITS.horizonMonths;
  if (!Number.isInteger(horizonMonths) || horizonMonths < min || horizonMonths > max) {
    throw new Error(`invalid horizonMonths: expected an integer from ${min} to ${max}, got ${horizonMonths}`);
  }
  const problems = checkWorld(world, '/world');
  if (problems.length > 0) throw new Error(problems.map(formatValueProblem).join('\n'));
  const policies = options.policies ?? compileAll(options);
  for (const kind of POLICY_KINDS) {
    if (policies[kind].kind !== kind) {
      throw new Error(
        `invalid ${kind} policy: rule set "${policies[kind].name}" is a ${policies[kind].kind} rule set`,
      );
    }
  }
  const sim = new Sim(population, portfolio, world, policies, horizonMonths);
  const ruleNames = Object.fromEntries(
    POLICY_KINDS.map((kind) => [kind, policies[kind].rules.map((r) => r.name)]),
  );
  const layout: RunLayout = { horizon: horizonMonths, ruleNames };
  const tape = options.tape;
  return Object.freeze({
    population,
    portfolio,
    world,
    policies,
    horizonMonths,
    seed,
    ...(tape ? { tape } : {}),
    layout,
    sim,
  });
}

/**
 * A scenario made ready to simulate: its population generated from its portfolio and the run's seed
 * (the same spec and seed give the same people in every scenario and worker), its rule sets compiled
 * with its parameter overrides.
 */
export function prepareScenario(
  scenario: ScenarioInput,
  horizonMonths: number,
  seed: number | string,
  population: Population = startingPopulation(scenario, seed),
): SimSetup {
  return createSimSetup({
    ...(scenario.tape ? { tape: scenario.tape } : {}),
    population,
    portfolio: scenario.portfolio,
    world: scenario.world,
    ruleSets: scenario.ruleSets,
    parameters: scenario.parameters,
    horizonMonths,
    seed,
  });
}

/**
 * The starting book of a scenario: its tape's contracts when `portfolio.tape` names one, else the
 * synthetic population of its settings. Throws `invalid portfolio.tape: …` when the tape was named
 * but not read (the workbench cannot read tapes).
 */
export function startingPopulation(scenario: ScenarioInput, seed: number | string): Population {
  if (scenario.portfolio.tape === undefined) return generatePortfolio(scenario.portfolio, seed);
  if (scenario.tape === undefined) {
    throw new Error(
      `invalid portfolio.tape: ${scenario.portfolio.tape.file} was not read; a scenario on a contract tape runs with the cyclecast command line (the workbench cannot load tapes)`,
    );
  }
  return tapePopulation(scenario.tape);
}

function compileAll(options: SimSetupOptions): Policies {
  const ruleSets = options.ruleSets;
  if (ruleSets === undefined) throw new Error('invalid setup: expected ruleSets or policies');
  const compiled = {} as Record<PolicyKind, ReturnType<typeof compileRuleSet>>;
  for (const kind of POLICY_KINDS) {
    const ruleSet = ruleSets[kind];
    if (ruleSet === undefined) throw new Error(`invalid setup: no ${kind} rule set`);
    compiled[kind] = compileRuleSet(ruleSet, options.parameters?.[kind]);
  }
  return compiled;
}
