import { POLICY_KINDS } from '../domain/lists.ts';
import type { ReportScenario } from '../report/report-scenario.ts';
import { defaultWorld } from '../world/defaults.ts';
import type { ResolvedScenario } from './load.ts';
import { isPlainObject } from './merge.ts';

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
