/**
 * How policy evaluation cost grows with the rules and comparisons a rule set has. The base rule set
 * (rules/engagement/tcm.json, evaluated every month for every active contract) is padded with k
 * "decoy" copies of its rules, placed above it in priority and made never to fire (each copy's
 * conditions, then an impossible comparison), so every evaluation tests k × 13 more rules before
 * reaching the same decision. Each padded variant is measured side by side with the base in its own
 * process (policy-child.ts scaling K).
 */
import { CATALOGUES } from '../../engine/policy/catalogue/index.ts';
import {
  compileRuleSet,
  frameFromFacts,
  type CompiledPolicy,
  type FactFrame,
} from '../../engine/policy/compile/index.ts';
import { createReferenceEngine, type ReferenceEngine } from '../../engine/policy/reference.ts';
import type { Comparison, Rule, RuleSet, TopCondition } from '../../engine/policy/rule-set.ts';
import { measureSideBySide, type Contender } from './harness.ts';
import { readRuleSet, type PolicyBenchOptions } from './policy.bench.ts';
import { stratifiedFacts, type Facts } from './policy-inputs.ts';
import { ruleSetSize } from './rule-set-size.ts';

export const SCALING_BASE = 'rules/engagement/tcm.json';

/** Decoy copies measured by the full run (the quick run measures the first only). */
export const SCALING_COPIES = [1, 3, 7] as const;

export interface ScalingVariant {
  readonly rules: number;
  readonly comparisons: number;
  /** Rules tested per evaluation, mean over the inputs: up to and including the deciding one. */
  readonly rulesTestedPerEvaluation: number;
  /** Evaluations per second (median round). */
  readonly compiledPerSecond: number;
  readonly jsonRulesEnginePerSecond: number;
}

export interface ScalingPoint {
  /** Decoy copies of the base rules. */
  readonly copies: number;
  /** The base rule set, measured in the same rounds as the padded one. */
  readonly base: ScalingVariant;
  readonly padded: ScalingVariant;
  /** Time per evaluation, padded / base. */
  readonly compiledCostVsBase: number;
  readonly jsonRulesEngineCostVsBase: number;
}

export interface ScalingResult {
  readonly base: string;
  readonly points: ScalingPoint[];
}

interface Variant {
  readonly ruleSet: RuleSet;
  readonly policy: CompiledPolicy;
  readonly frames: FactFrame[];
  readonly reference: ReferenceEngine;
  readonly rulesTested: number;
}

/** Measures the base rule set and its `copies`-padded variant side by side. */
export async function measureScaling(copies: number, options: PolicyBenchOptions): Promise<ScalingPoint> {
  const baseRuleSet = readRuleSet(SCALING_BASE);
  const basePolicy = compileRuleSet(baseRuleSet);
  const inputs = stratifiedFacts(
    baseRuleSet,
    (facts) => String(basePolicy.first(frameOf(basePolicy, facts))),
    {
      count: 1000,
      candidates: options.quick ? 5000 : 20_000,
      seed: 42,
    },
  );
  const base = variant(baseRuleSet, inputs);
  const padded = variant(paddedRuleSet(baseRuleSet, copies), inputs);
  // The decoys never fire: the padded rule set decides what the base decides, copies × rules further down.
  base.frames.forEach((f, i) => {
    const expected = base.policy.first(f);
    const got = padded.policy.first(padded.frames[i]!);
    if (got !== (expected < 0 ? -1 : expected + copies * baseRuleSet.rules.length))
      throw new Error(`scaling: a decoy fired in the ${copies}-copy variant`);
  });

  let sink = 0;
  // Two loop literals on purpose: V8 keeps type feedback per function literal, so one shared loop
  // would call both evaluators polymorphically and slow both (tcm: ~17 instead of ~50 M/s).
  const baseFirst = base.policy.first;
  const paddedFirst = padded.policy.first;
  const baseFrames = base.frames;
  const paddedFrames = padded.frames;
  let basePasses = 1;
  let paddedPasses = 1;
  const compiledBase = {
    name: 'compiled-base',
    batch: (): number => {
      let s = sink;
      for (let p = 0; p < basePasses; p++)
        for (let i = 0; i < baseFrames.length; i++) s = (s * 31 + baseFirst(baseFrames[i]!)) | 0;
      sink = s;
      return basePasses * baseFrames.length;
    },
  };
  const compiledPadded = {
    name: 'compiled-padded',
    batch: (): number => {
      let s = sink;
      for (let p = 0; p < paddedPasses; p++)
        for (let i = 0; i < paddedFrames.length; i++) s = (s * 31 + paddedFirst(paddedFrames[i]!)) | 0;
      sink = s;
      return paddedPasses * paddedFrames.length;
    },
  };
  // Warm up, then size each batch to ~10 ms (2 ms quick), as policy.bench.ts does.
  const target = options.quick ? 2 : 10;
  basePasses = passesFor(compiledBase, target);
  paddedPasses = passesFor(compiledPadded, target);

  const referenceContender = (name: string, engine: ReferenceEngine, runs: number): Contender => {
    let cursor = 0;
    return {
      name,
      batch: async () => {
        for (let j = 0; j < runs; j++) {
          sink = (sink + (await engine.run(inputs[cursor]!)).length) | 0;
          cursor = (cursor + 1) % inputs.length;
        }
        return runs;
      },
    };
  };
  const runs = options.quick ? 20 : 100;
  const measured = await measureSideBySide(
    [
      compiledBase,
      compiledPadded,
      referenceContender('reference-base', base.reference, runs),
      referenceContender('reference-padded', padded.reference, Math.max(5, Math.round(runs / (copies + 1)))),
    ],
    { rounds: options.quick ? 3 : 15, warmupRounds: options.quick ? 1 : 3 },
  );
  const rate = (name: string) => measured.find((m) => m.name === name)!.opsPerSecond;
  const summary = (v: Variant, which: 'base' | 'padded'): ScalingVariant => {
    const size = ruleSetSize(v.ruleSet);
    return {
      rules: size.rules,
      comparisons: size.comparisons,
      rulesTestedPerEvaluation: v.rulesTested,
      compiledPerSecond: rate(`compiled-${which}`),
      jsonRulesEnginePerSecond: rate(`reference-${which}`),
    };
  };
  return {
    copies,
    base: summary(base, 'base'),
    padded: summary(padded, 'padded'),
    compiledCostVsBase: rate('compiled-base') / rate('compiled-padded'),
    jsonRulesEngineCostVsBase: rate('reference-base') / rate('reference-padded'),
  };
}

/** Passes of a synchronous contender's batch that take about `targetMs` ms, after a warm-up. */
function passesFor(contender: { readonly batch: () => number }, targetMs: number): number {
  for (let w = 0; w < 20; w++) contender.batch();
  const start = performance.now();
  for (let w = 0; w < 5; w++) contender.batch();
  const onePass = Math.max((performance.now() - start) / 5, 1e-3);
  return Math.max(1, Math.round(targetMs / onePass));
}

function variant(ruleSet: RuleSet, inputs: readonly Facts[]): Variant {
  const policy = compileRuleSet(ruleSet);
  const frames = inputs.map((facts) => frameOf(policy, facts));
  const tested = frames.reduce((sum, f) => {
    const decided = policy.first(f);
    return sum + (decided < 0 ? policy.rules.length : decided + 1);
  }, 0);
  return {
    ruleSet,
    policy,
    frames,
    reference: createReferenceEngine(ruleSet),
    rulesTested: tested / frames.length,
  };
}

function frameOf(policy: CompiledPolicy, facts: Facts): FactFrame {
  const built = frameFromFacts(policy, facts);
  if ('error' in built) throw new Error(`scaling: generated facts do not fit: ${built.error}`);
  return built.frame;
}

/** The rule set with `copies` never-firing copies of its rules above it, in the same order. */
function paddedRuleSet(base: RuleSet, copies: number): RuleSet {
  const impossible = impossibleComparison(base);
  const top = Math.max(...base.rules.map((rule) => rule.priority ?? 1));
  const decoys: Rule[] = [];
  for (let c = 0; c < copies; c++) {
    base.rules.forEach((rule, i) => {
      decoys.push({
        name: `decoy-${c}-${rule.name}`,
        priority: top + (copies - c) * base.rules.length - i,
        conditions: { all: [structuredClone(rule.conditions), impossible] } as TopCondition,
        event: structuredClone(rule.event),
      });
    });
  }
  return { ...base, name: `${base.name}-x${copies + 1}`, rules: [...decoys, ...base.rules] };
}

/** A comparison no catalogue-valid fact object satisfies: a bounded number below its minimum. */
function impossibleComparison(ruleSet: RuleSet): Comparison {
  const fact = CATALOGUES[ruleSet.kind].facts.find(
    (spec) => (spec.type === 'integer' || spec.type === 'number') && spec.min !== undefined,
  );
  if (fact === undefined) throw new Error(`scaling: no bounded number fact in ${ruleSet.kind}`);
  return { fact: fact.name, operator: 'lessThan', value: fact.min! };
}
