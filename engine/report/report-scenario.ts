import { POLICY_KINDS, type PolicyKind } from '../policy/catalogue/index.ts';
import type { ResolvedScenario } from '../scenario/load.ts';
import { isPlainObject } from '../scenario/merge.ts';
import { defaultWorld } from '../world/defaults.ts';

/** What a report says about one scenario besides its numbers: what it is, its policies, its assumptions. */
export interface ReportScenario {
  readonly name: string;
  readonly description: string;
  readonly policies: readonly {
    readonly kind: PolicyKind;
    readonly name: string;
    readonly description: string;
    /** Parameters set by the scenario, `name = value`. */
    readonly parameters: readonly string[];
  }[];
  /** World assumptions that differ from the defaults: dotted path, the scenario's value, the default. */
  readonly assumptions: readonly {
    readonly path: string;
    readonly value: string;
    readonly default: string;
  }[];
}

/** Leaves of a nested object (a distribution `{dist…}` is one leaf), by dotted path. */
function leaves(value: unknown, path: string[] = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value) && !Object.hasOwn(value, 'dist')) {
    for (const key of Object.keys(value)) leaves(value[key], [...path, key], out);
  } else out.set(path.join('.'), value);
  return out;
}

/** A resolved scenario as the report describes it. */
export function reportScenario(scenario: ResolvedScenario): ReportScenario {
  const defaults = leaves(defaultWorld());
  const assumptions = [...leaves(scenario.world)].flatMap(([path, value]) => {
    const before = defaults.get(path);
    const text = JSON.stringify(value);
    const was = before === undefined ? '–' : JSON.stringify(before);
    return text === was ? [] : [{ path, value: text, default: was }];
  });
  return {
    name: scenario.name,
    description: scenario.description,
    policies: POLICY_KINDS.map((kind) => ({
      kind,
      name: scenario.policies[kind].ruleSet.name,
      description: scenario.policies[kind].ruleSet.description,
      parameters: Object.entries(scenario.parameters[kind] ?? {}).map(
        ([name, value]) => `${name} = ${JSON.stringify(value)}`,
      ),
    })),
    assumptions,
  };
}
