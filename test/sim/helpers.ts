import { readFileSync } from 'node:fs';
import type { PolicyKind } from '../../engine/domain/lists.ts';
import { loadRuleSet } from '../../engine/policy/load.ts';
import type { RuleSet } from '../../engine/policy/rule-set.ts';
import { defaultPortfolio, generatePortfolio, type PortfolioSpec } from '../../engine/portfolio/index.ts';
import { createSimSetup, type SimSetup } from '../../engine/sim/iteration.ts';
import type { World } from '../../engine/world/assumptions.ts';
import { defaultWorld } from '../../engine/world/defaults.ts';
import { kpiIndex, type KpiId } from '../../engine/result/kpis.ts';

/** The rule sets shipped in rules/<kind>/, by file name. */
export const SHIPPED = {
  engagement: ['reactive', 'tcm'],
  leads: ['salesperson-prepared', 'speed-to-lead', 'bdc'],
  dunning: ['uniform', 'segmented'],
  remarketing: ['three-cycle', 'wholesale-at-return'],
} as const satisfies Record<PolicyKind, readonly string[]>;

const cache = new Map<string, RuleSet>();

/** A shipped rule set, loaded and validated like any user file. */
export function shipped(kind: PolicyKind, name: string): RuleSet {
  const file = `rules/${kind}/${name}.json`;
  let ruleSet = cache.get(file);
  if (ruleSet === undefined) {
    const loaded = loadRuleSet(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file);
    if (loaded.ruleSet === undefined) throw new Error(`${file}: ${JSON.stringify(loaded.problems)}`);
    ruleSet = loaded.ruleSet;
    cache.set(file, ruleSet);
  }
  return ruleSet;
}

/** A deeply writable view of T: tests edit a fresh default world in place. */
export type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

export interface Scenario {
  engagement?: string | RuleSet;
  leads?: string | RuleSet;
  dunning?: string | RuleSet;
  remarketing?: string | RuleSet;
  portfolio?: Partial<PortfolioSpec>;
  world?: (world: Mutable<World>) => void;
  horizonMonths?: number;
  seed?: number;
}

/** A small scenario: 400 contracts at 4 dealers over 36 months unless told otherwise. */
export function setupOf(scenario: Scenario = {}): SimSetup {
  const portfolio: PortfolioSpec = {
    ...defaultPortfolio(),
    contracts: 400,
    dealers: 4,
    ...scenario.portfolio,
  };
  const world = defaultWorld() as Mutable<World>;
  scenario.world?.(world);
  const pick = (kind: PolicyKind, choice: string | RuleSet | undefined, fallback: string): RuleSet =>
    typeof choice === 'object' ? choice : shipped(kind, choice ?? fallback);
  const seed = scenario.seed ?? 11;
  return createSimSetup({
    population: generatePortfolio(portfolio, seed),
    portfolio,
    world,
    ruleSets: {
      engagement: pick('engagement', scenario.engagement, 'tcm'),
      leads: pick('leads', scenario.leads, 'speed-to-lead'),
      dunning: pick('dunning', scenario.dunning, 'segmented'),
      remarketing: pick('remarketing', scenario.remarketing, 'three-cycle'),
    },
    horizonMonths: scenario.horizonMonths ?? 36,
    seed,
  });
}

/** Index of a KPI id in the KPI vector. */
export function kpi(id: KpiId): number {
  return kpiIndex(id);
}

/** A rule set of `kind` whose only rule always fires with `event`. */
export function single(
  kind: PolicyKind,
  event: RuleSet['rules'][number]['event'],
  fact: string,
  value = 0,
): RuleSet {
  return {
    kind,
    name: `always-${event.type}`,
    description: 'test policy: one rule that always fires',
    hitPolicy: 'first',
    rules: [
      {
        name: `always-${event.type}`,
        conditions: { all: [{ fact, operator: 'greaterThanInclusive', value }] },
        event,
      },
    ],
  };
}
