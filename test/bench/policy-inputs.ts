/**
 * The inputs of the policy benchmark: about a thousand varied, catalogue-valid fact objects per rule
 * set, drawn deterministically and stratified by decision, so every rule of the rule set decides a
 * fair share of them. Uniform draws would be decided almost always by the first rule or two (e.g.
 * `daysPastDue > 0`), which measures one comparison, not the rule set; ten repeated lines would let
 * the branch predictor learn the answers.
 */
import fc from 'fast-check';
import { CATALOGUES, type FactSpec } from '../../engine/policy/catalogue/index.ts';
import { isFactRef, type RuleSet } from '../../engine/policy/rule-set.ts';

export type Facts = Record<string, unknown>;

export interface InputOptions {
  /** Fact objects wanted (default 1,000). */
  readonly count?: number;
  /** Draws to stratify from (default 20,000). */
  readonly candidates?: number;
  readonly seed?: number;
}

/**
 * `count` fact objects, drawn from `factsArbitrary(ruleSet)` with `seed`, taken round-robin over the
 * decisions `decide` gives them (so each decision gets about count / decisions, rare ones all they
 * have), then shuffled with the same seed.
 * @example stratifiedFacts(tcm, (f) => String(engagementTcm(f as never)), { count: 1000, seed: 42 })
 */
export function stratifiedFacts(
  ruleSet: RuleSet,
  decide: (facts: Facts) => string,
  options: InputOptions = {},
): Facts[] {
  const count = options.count ?? 1000;
  const seed = options.seed ?? 42;
  const candidates = fc.sample(factsArbitrary(ruleSet), { numRuns: options.candidates ?? 20_000, seed });
  const buckets = new Map<string, Facts[]>();
  for (const facts of candidates) {
    const decision = decide(facts);
    const bucket = buckets.get(decision);
    if (bucket === undefined) buckets.set(decision, [facts]);
    else bucket.push(facts);
  }
  const chosen: Facts[] = [];
  const queues = [...buckets.values()];
  for (let depth = 0; chosen.length < count && queues.some((q) => q.length > depth); depth++) {
    for (const queue of queues) {
      if (depth < queue.length && chosen.length < count) chosen.push(queue[depth]!);
    }
  }
  return shuffle(chosen, seed);
}

/**
 * Catalogue-valid facts of a rule set's kind, biased to the numbers its rules compare with: each
 * numeric fact is uniform over its range, or on (or one step beside) a literal or parameter default
 * the rule set compares it with. Parameters keep their defaults (the hand-written contender bakes
 * them in as constants).
 */
export function factsArbitrary(ruleSet: RuleSet): fc.Arbitrary<Facts> {
  const thresholds = thresholdsByFact(ruleSet);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const spec of CATALOGUES[ruleSet.kind].facts) {
    record[spec.name] = factArbitrary(spec, thresholds.get(spec.name) ?? []);
  }
  return fc.record(record);
}

function factArbitrary(spec: FactSpec, thresholds: readonly number[]): fc.Arbitrary<unknown> {
  const values = [...(spec.values ?? [])];
  switch (spec.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...values);
    case 'list':
      return fc.subarray(values);
    case 'integer':
    case 'number': {
      const integer = spec.type === 'integer';
      const min = spec.min ?? -1e6;
      const max = spec.max ?? 1e6;
      const step = integer ? 1 : 0.01;
      const edges = [min, max, 0, ...thresholds.flatMap((t) => [t - step, t, t + step])].filter(
        (v) => v >= min && v <= max && (!integer || Number.isInteger(v)),
      );
      const uniform = integer
        ? fc.integer({ min, max })
        : fc
            .double({ min, max, noNaN: true, noDefaultInfinity: true })
            .map((v) => (Object.is(v, -0) ? 0 : v));
      return fc.oneof(
        { arbitrary: uniform, weight: 1 },
        { arbitrary: fc.constantFrom(...new Set(edges)), weight: 3 },
      );
    }
  }
}

/** For each fact, the numbers the rule set compares it with: literals and parameter defaults. */
function thresholdsByFact(ruleSet: RuleSet): Map<string, number[]> {
  const defaults = new Map(
    Object.entries(ruleSet.parameters ?? {}).map(([name, decl]) => [name, decl.default]),
  );
  const found = new Map<string, number[]>();
  const add = (fact: string, value: unknown) => {
    const resolved = isFactRef(value) ? defaults.get(value.fact) : value;
    for (const v of Array.isArray(resolved) ? resolved : [resolved]) {
      if (typeof v === 'number') found.set(fact, [...(found.get(fact) ?? []), v]);
    }
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const comparison = node as { fact?: unknown; value?: unknown };
      if (typeof comparison.fact === 'string' && 'value' in comparison)
        add(comparison.fact, comparison.value);
      else Object.values(node).forEach(walk);
    }
  };
  walk(ruleSet.conditions ?? {});
  walk(ruleSet.rules.map((rule) => rule.conditions));
  return found;
}

/** Fisher–Yates with mulberry32, so the order is the same on every machine. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
