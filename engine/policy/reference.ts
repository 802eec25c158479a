import type * as JsonRulesEngine from 'json-rules-engine';
import type { Engine, RuleProperties, TopLevelCondition } from 'json-rules-engine';
import { resolveParameters } from './parameters.ts';
import type { ParameterValue, RuleEvent, RuleSet } from './rule-set.ts';

/** One rule that fired in a reference run, in the order json-rules-engine emitted it. */
export interface ReferenceFiring {
  readonly name: string;
  readonly priority: number;
  readonly event: RuleEvent;
}

export interface ReferenceEngine {
  /** The fired events, `{type, params?}`, in json-rules-engine's emitted order. */
  run(facts: Readonly<Record<string, unknown>>): Promise<RuleEvent[]>;
  /** The fired rules with their name and effective priority (for `explain` and tests). */
  runFirings(facts: Readonly<Record<string, unknown>>): Promise<ReferenceFiring[]>;
}

/**
 * json-rules-engine itself, set up with a rule set: the reference semantics and the oracle of the
 * compiled evaluator. The rule set's resolved parameters are facts unless the facts object sets
 * them. Runs are queued: one Engine never serves two runs at once (its `status` is per engine,
 * and overlapping runs silently skip lower-priority rules, json-rules-engine #303).
 * Slow (~0.3 ms per run): for `--engine reference`, explanations and tests, not the simulator.
 */
export function createReferenceEngine(
  ruleSet: RuleSet,
  overrides?: Readonly<Record<string, ParameterValue>>,
): ReferenceEngine {
  const parameters = resolveParameters(ruleSet, overrides);
  const engine = jsonRulesEngine().then(({ Engine }) => buildEngine(Engine, ruleSet));
  let queue: Promise<unknown> = engine;

  const runFirings = (facts: Readonly<Record<string, unknown>>): Promise<ReferenceFiring[]> => {
    const runtimeFacts = withParameters(facts, parameters);
    const result = queue.then(async () => (await engine).run(runtimeFacts));
    queue = result.catch(() => undefined);
    return result.then(({ results }) =>
      results.map((r) => ({ name: String(r.name), priority: r.priority ?? 1, event: plainEvent(r.event!) })),
    );
  };
  return {
    runFirings,
    run: async (facts) => (await runFirings(facts)).map((firing) => firing.event),
  };
}

/**
 * json-rules-engine, loaded when a reference engine is first created: a process that only simulates
 * never loads it (it and its dependencies cost about 20 ms of CPU at start-up).
 */
let library: Promise<typeof JsonRulesEngine> | undefined;
const jsonRulesEngine = () => (library ??= import('json-rules-engine'));

function buildEngine(EngineClass: typeof Engine, ruleSet: RuleSet): Engine {
  const engine = new EngineClass([], { allowUndefinedFacts: false, allowUndefinedConditions: false });
  // json-rules-engine writes into the objects it is given (parsed priorities, realised references):
  // hand it copies so the caller's rule set stays as loaded.
  for (const [name, condition] of Object.entries(ruleSet.conditions ?? {})) {
    engine.setCondition(name, structuredClone(condition) as unknown as TopLevelCondition);
  }
  for (const rule of ruleSet.rules) {
    const properties = {
      name: rule.name,
      conditions: structuredClone(rule.conditions),
      event: structuredClone(rule.event),
      ...(rule.priority !== undefined ? { priority: rule.priority } : {}),
    };
    engine.addRule(properties as unknown as RuleProperties);
  }
  return engine;
}

/**
 * The run's facts: the given ones plus each parameter the object does not set. A null-prototype
 * object, so a parameter named `__proto__` or `constructor` is an ordinary own key.
 */
function withParameters(
  facts: Readonly<Record<string, unknown>>,
  parameters: ReadonlyMap<string, ParameterValue>,
): Record<string, unknown> {
  const runtimeFacts = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(facts)) runtimeFacts[name] = value;
  for (const [name, value] of parameters) if (!Object.hasOwn(facts, name)) runtimeFacts[name] = value;
  return runtimeFacts;
}

function plainEvent(event: { type: string; params?: Record<string, unknown> }): RuleEvent {
  return event.params === undefined
    ? { type: event.type }
    : { type: event.type, params: event.params as Record<string, ParameterValue> };
}
