/**
 * Policy evaluation, side by side per shipped rule set: the compiled evaluator, the same logic written
 * by hand in TypeScript, and json-rules-engine itself, on the same ~1,000 varied fact objects. Each
 * rule set is measured in its own process (policy-child.ts), so no contender's call sites have seen
 * another rule set's functions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { POLICY_KINDS, type PolicyKind } from '../../engine/domain/lists.ts';
import {
  compileRuleSet,
  frameFromFacts,
  type CompiledPolicy,
  type FactFrame,
} from '../../engine/policy/compile/index.ts';
import { formatProblem } from '../../engine/json/problem.ts';
import { loadRuleSet } from '../../engine/policy/load.ts';
import { createReferenceEngine } from '../../engine/policy/reference.ts';
import type { HitPolicy, RuleSet } from '../../engine/policy/rule-set.ts';
import { runChild } from './child.ts';
import { measureSideBySide } from './harness.ts';
import { HANDWRITTEN, type HandwrittenPolicy } from './handwritten/index.ts';
import { handwrittenFacts } from './handwritten-facts.ts';
import { stratifiedFacts, type Facts } from './policy-inputs.ts';
import { SCALING_BASE, SCALING_COPIES, type ScalingPoint, type ScalingResult } from './policy-scaling.ts';
import { ruleSetSize } from './rule-set-size.ts';

/**
 * Targets of docs/design.md §4 "Evaluating rules": within 80% of hand-written code, and three orders of
 * magnitude over the reference.
 */
export const POLICY_TARGETS = { compiledOverHandwritten: 0.8, compiledOverJsonRulesEngine: 1000 } as const;

export interface RuleSetResult {
  /** Relative to the repository root. */
  readonly file: string;
  readonly kind: PolicyKind;
  readonly name: string;
  readonly hitPolicy: HitPolicy;
  readonly rules: number;
  /** Leaf comparisons, shared conditions expanded where used. */
  readonly comparisons: number;
  /**
   * Rules tested per evaluation, mean over the inputs: up to and including the deciding one under
   * `first`, every rule under `collect` (json-rules-engine always tests every rule).
   */
  readonly rulesTestedPerEvaluation: number;
  /** Fact objects evaluated. */
  readonly inputs: number;
  /** Distinct decisions among them (fired rule, or fired set for collect; "none" counts). */
  readonly decisions: number;
  /** Share of the inputs with the most common decision, 0–1. */
  readonly largestDecisionShare: number;
  /** Inputs on which json-rules-engine was checked to agree with the compiled evaluator. */
  readonly referenceChecked: number;
  /** Evaluations per second (median round). */
  readonly compiledPerSecond: number;
  /** Null when the rule set has no hand-written equivalent in test/bench/handwritten. */
  readonly handwrittenPerSecond: number | null;
  readonly jsonRulesEnginePerSecond: number;
  readonly compiledOverHandwritten: number | null;
  readonly compiledOverJsonRulesEngine: number;
  readonly rounds: number;
}

export interface PolicySuiteResult {
  readonly ruleSets: RuleSetResult[];
  /** Geometric means over the rule sets. */
  readonly overall: {
    readonly compiledOverHandwritten: number;
    readonly compiledOverJsonRulesEngine: number;
    readonly targets: typeof POLICY_TARGETS;
    readonly met: {
      readonly compiledOverHandwritten: boolean;
      readonly compiledOverJsonRulesEngine: boolean;
    };
  };
  readonly scaling: ScalingResult;
}

export interface PolicyBenchOptions {
  /** Few rounds and small batches: a smoke run, not figures to quote. */
  readonly quick: boolean;
}

const ROOT = new URL('../../', import.meta.url);

/** Shipped rule sets, `rules/<kind>/*.json`, relative to the repository root, sorted. */
export function shippedRuleSetFiles(): string[] {
  return POLICY_KINDS.flatMap((kind) =>
    readdirSync(new URL(`rules/${kind}/`, ROOT))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => `rules/${kind}/${name}`),
  );
}

/**
 * Runs the whole policy suite: one child process per rule set, then the scaling experiment.
 * `files`: the rule sets to measure (default: every shipped one; the smoke test measures one).
 */
export async function runPolicySuite(
  options: PolicyBenchOptions,
  onProgress: (line: string) => void = () => {},
  files: readonly string[] = shippedRuleSetFiles(),
): Promise<PolicySuiteResult> {
  const flags = options.quick ? ['--quick'] : [];
  const ruleSets: RuleSetResult[] = [];
  for (const file of files) {
    onProgress(`policy: ${file}`);
    ruleSets.push(await runChild<RuleSetResult>('policy-child.ts', ['rule-set', file, ...flags]));
  }
  const points: ScalingPoint[] = [];
  for (const copies of options.quick ? SCALING_COPIES.slice(0, 1) : SCALING_COPIES) {
    onProgress(`policy: ${SCALING_BASE} with ${copies} never-firing copies of its rules`);
    points.push(await runChild<ScalingPoint>('policy-child.ts', ['scaling', String(copies), ...flags]));
  }
  const scaling: ScalingResult = { base: SCALING_BASE, points };
  const overHandwritten = geometricMean(
    ruleSets.flatMap((r) => (r.compiledOverHandwritten === null ? [] : [r.compiledOverHandwritten])),
  );
  const overReference = geometricMean(ruleSets.map((r) => r.compiledOverJsonRulesEngine));
  return {
    ruleSets,
    overall: {
      compiledOverHandwritten: overHandwritten,
      compiledOverJsonRulesEngine: overReference,
      targets: POLICY_TARGETS,
      met: {
        compiledOverHandwritten: overHandwritten >= POLICY_TARGETS.compiledOverHandwritten,
        compiledOverJsonRulesEngine: overReference >= POLICY_TARGETS.compiledOverJsonRulesEngine,
      },
    },
    scaling,
  };
}

export function geometricMean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

/** Reads and validates a shipped rule set; throws with the located problems when it is invalid. */
export function readRuleSet(file: string): RuleSet {
  const { ruleSet, problems } = loadRuleSet(readFileSync(new URL(file, ROOT), 'utf8'), file);
  if (ruleSet === undefined) throw new Error(problems.map(formatProblem).join('\n'));
  return ruleSet;
}

/**
 * Measures one rule set in this process (policy-child.ts calls it). Checks first that the three
 * contenders decide alike on the inputs, so the figures compare the same work.
 */
export async function measureRuleSet(file: string, options: PolicyBenchOptions): Promise<RuleSetResult> {
  const ruleSet = readRuleSet(file);
  const policy = compileRuleSet(ruleSet);
  const handwritten = HANDWRITTEN.find((h) => h.file === file);
  const out = new Int32Array(policy.rules.length);
  const compiledDecision = (frame: FactFrame): number[] =>
    policy.hitPolicy === 'first'
      ? [policy.first(frame)].filter((i) => i >= 0)
      : Array.from(out.subarray(0, policy.fire(frame, out)));

  const inputs = stratifiedFacts(ruleSet, (facts) => compiledDecision(frameOf(policy, facts)).join(','), {
    count: 1000,
    candidates: options.quick ? 5000 : 20_000,
    seed: 42,
  });
  const frames = inputs.map((facts) => frameOf(policy, facts));
  const decisions = frames.map((frame) => compiledDecision(frame).join(','));
  const decisionCounts = new Map<string, number>();
  for (const d of decisions) decisionCounts.set(d, (decisionCounts.get(d) ?? 0) + 1);

  if (handwritten !== undefined) checkHandwritten(handwritten, inputs, decisions, file);
  const reference = createReferenceEngine(ruleSet);
  const referenceChecked = options.quick ? 100 : inputs.length;
  const indexOf = new Map(policy.rules.map((rule, index) => [rule.name, index]));
  for (let i = 0; i < referenceChecked; i++) {
    const fired = (await reference.runFirings(inputs[i]!)).map((firing) => indexOf.get(firing.name)!);
    const expected = (policy.hitPolicy === 'first' ? fired.slice(0, 1) : fired).join(',');
    if (expected !== decisions[i]) {
      throw new Error(
        `${file}: compiled decided [${decisions[i]}] but json-rules-engine [${expected}] on ${JSON.stringify(inputs[i])}`,
      );
    }
  }

  const contenders = [
    ...evaluatorContenders(policy, handwritten, inputs, frames, options),
    referenceContender(reference, inputs, options),
  ];
  const rounds = options.quick ? 3 : 15;
  const measured = await measureSideBySide(
    contenders.map((c) => c.contender),
    {
      rounds,
      warmupRounds: options.quick ? 1 : 3,
    },
  );
  const rate = (name: string) => measured.find((m) => m.name === name)?.opsPerSecond ?? null;
  const sums = contenders.filter((c) => c.checksum !== undefined).map((c) => c.checksum!());
  if (new Set(sums).size > 1) throw new Error(`${file}: checksums differ after timing: ${sums.join(' ≠ ')}`);

  const compiledPerSecond = rate('compiled')!;
  const handwrittenPerSecond = rate('handwritten');
  const jsonRulesEnginePerSecond = rate('json-rules-engine')!;
  const size = ruleSetSize(ruleSet);
  return {
    file,
    kind: ruleSet.kind,
    name: ruleSet.name,
    hitPolicy: ruleSet.hitPolicy,
    rules: size.rules,
    comparisons: size.comparisons,
    rulesTestedPerEvaluation:
      policy.hitPolicy === 'collect'
        ? policy.rules.length
        : frames.reduce((sum, frame) => {
            const decided = policy.first(frame);
            return sum + (decided < 0 ? policy.rules.length : decided + 1);
          }, 0) / frames.length,
    inputs: inputs.length,
    decisions: decisionCounts.size,
    largestDecisionShare: Math.max(...decisionCounts.values()) / inputs.length,
    referenceChecked,
    compiledPerSecond,
    handwrittenPerSecond,
    jsonRulesEnginePerSecond,
    compiledOverHandwritten: handwrittenPerSecond === null ? null : compiledPerSecond / handwrittenPerSecond,
    compiledOverJsonRulesEngine: compiledPerSecond / jsonRulesEnginePerSecond,
    rounds,
  };
}

function frameOf(policy: CompiledPolicy, facts: Facts): FactFrame {
  const built = frameFromFacts(policy, facts);
  if ('error' in built) throw new Error(`${policy.name}: generated facts do not fit: ${built.error}`);
  return built.frame;
}

function handwrittenDecision(policy: HandwrittenPolicy, facts: never, out: Int32Array): number[] {
  if (policy.hitPolicy === 'first') return [policy.first(facts)].filter((i) => i >= 0);
  return Array.from(out.subarray(0, policy.fire(facts, out)));
}

function checkHandwritten(
  policy: HandwrittenPolicy,
  inputs: readonly Facts[],
  decisions: readonly string[],
  file: string,
) {
  const out = new Int32Array(64);
  inputs.forEach((facts, i) => {
    const got = handwrittenDecision(policy, handwrittenFacts(policy.kind, facts) as never, out).join(',');
    if (got !== decisions[i]) {
      throw new Error(
        `${file}: compiled decided [${decisions[i]}] but hand-written [${got}] on ${JSON.stringify(facts)}`,
      );
    }
  });
}

interface Entry {
  readonly contender: { name: string; batch: () => number | Promise<number> };
  /** The sink of every result so far: equal for contenders that decided alike the same number of times. */
  readonly checksum?: () => number;
}

/**
 * The compiled and hand-written contenders. Each has its own loop literal, so each call site only
 * ever sees its own evaluator; both sink every decision into a checksum the same way.
 */
function evaluatorContenders(
  policy: CompiledPolicy,
  handwritten: HandwrittenPolicy | undefined,
  inputs: readonly Facts[],
  frames: readonly FactFrame[],
  options: PolicyBenchOptions,
): Entry[] {
  const n = frames.length;
  const out = new Int32Array(Math.max(64, policy.rules.length));
  const objects =
    handwritten === undefined ? [] : inputs.map((facts) => handwrittenFacts(handwritten.kind, facts));
  let compiledSink = 0;
  let handwrittenSink = 0;
  let passes = 1;

  let compiledBatch: () => number;
  if (policy.hitPolicy === 'first') {
    const first = policy.first;
    compiledBatch = () => {
      let s = compiledSink;
      for (let p = 0; p < passes; p++) for (let i = 0; i < n; i++) s = (s * 31 + first(frames[i]!)) | 0;
      compiledSink = s;
      return passes * n;
    };
  } else {
    const fire = policy.fire;
    compiledBatch = () => {
      let s = compiledSink;
      for (let p = 0; p < passes; p++)
        for (let i = 0; i < n; i++) s = (s * 31 + fire(frames[i]!, out) * 7 + out[0]!) | 0;
      compiledSink = s;
      return passes * n;
    };
  }
  const entries: Entry[] = [
    { contender: { name: 'compiled', batch: compiledBatch }, checksum: () => compiledSink },
  ];
  // Both evaluators are synchronous: sizing calls them directly, no promise to wait for.
  const batches: (() => number)[] = [compiledBatch];

  if (handwritten !== undefined) {
    let handwrittenBatch: () => number;
    if (handwritten.hitPolicy === 'first') {
      const first = handwritten.first as (facts: unknown) => number;
      handwrittenBatch = () => {
        let s = handwrittenSink;
        for (let p = 0; p < passes; p++) for (let i = 0; i < n; i++) s = (s * 31 + first(objects[i])) | 0;
        handwrittenSink = s;
        return passes * n;
      };
    } else {
      const fire = handwritten.fire as (facts: unknown, out: Int32Array) => number;
      handwrittenBatch = () => {
        let s = handwrittenSink;
        for (let p = 0; p < passes; p++)
          for (let i = 0; i < n; i++) s = (s * 31 + fire(objects[i], out) * 7 + out[0]!) | 0;
        handwrittenSink = s;
        return passes * n;
      };
    }
    entries.push({
      contender: { name: 'handwritten', batch: handwrittenBatch },
      checksum: () => handwrittenSink,
    });
    batches.push(handwrittenBatch);
  }

  // Batches of ~10 ms (2 ms quick): long enough for the clock, short enough for many rounds. Sized
  // on the slower contender after a warm-up, identically for both, so their checksums stay comparable.
  for (const batch of batches) for (let w = 0; w < 20; w++) batch();
  let slowest = 0;
  for (const batch of batches) {
    const start = performance.now();
    for (let w = 0; w < 5; w++) batch();
    slowest = Math.max(slowest, (performance.now() - start) / 5);
  }
  passes = Math.max(1, Math.round((options.quick ? 2 : 10) / Math.max(slowest, 1e-3)));
  // Restart the sinks so both count exactly the same evaluations from here on.
  compiledSink = 0;
  handwrittenSink = 0;
  return entries;
}

/** json-rules-engine, one engine, runs awaited one after another over the same inputs in turn. */
function referenceContender(
  reference: ReturnType<typeof createReferenceEngine>,
  inputs: readonly Facts[],
  options: PolicyBenchOptions,
): Entry {
  const runs = options.quick ? 20 : 100;
  let cursor = 0;
  let sink = 0;
  return {
    contender: {
      name: 'json-rules-engine',
      batch: async () => {
        for (let j = 0; j < runs; j++) {
          const events = await reference.run(inputs[cursor]!);
          sink = (sink * 31 + events.length) | 0;
          cursor = (cursor + 1) % inputs.length;
        }
        return runs;
      },
    },
  };
}
