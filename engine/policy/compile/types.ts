import type { PolicyKind } from '../../domain/lists.ts';
import type { TypedSpec } from '../catalogue/index.ts';
import type { HitPolicy, ParameterValue, RuleEvent } from '../rule-set.ts';
import type { PartialDecider } from './partial.ts';

/** Where one fact or parameter lives in a frame: numbers in `num`, everything else in `ref`. */
export interface Slot {
  readonly index: number;
  readonly store: 'num' | 'ref';
  readonly spec: TypedSpec;
  readonly isParameter: boolean;
}

/**
 * The slots of a rule set's facts: every catalogue fact of the kind (in catalogue order, so a
 * fact's slot is the same for every rule set of that kind), then the rule set's parameters.
 */
export interface FactLayout {
  readonly kind: PolicyKind;
  readonly slots: ReadonlyMap<string, Slot>;
  readonly numCount: number;
  readonly refCount: number;
}

/**
 * The facts of one evaluation. Number and integer facts live in a Float64Array so the
 * simulator's hot loop writes raw doubles without allocating; booleans, enum strings and lists
 * are the real JS values, so comparisons mean exactly what they mean in json-rules-engine.
 */
export interface FactFrame {
  readonly num: Float64Array;
  readonly ref: unknown[];
}

export interface CompiledRule {
  readonly name: string;
  /** Effective json-rules-engine priority (parseInt of the declared one, default 1). */
  readonly priority: number;
  /** Index of the rule in the rule-set file. */
  readonly position: number;
  /** Frozen; `{type}` plus `params` only when the rule has them. */
  readonly event: RuleEvent;
}

export interface CompiledPolicy {
  readonly kind: PolicyKind;
  readonly name: string;
  readonly hitPolicy: HitPolicy;
  readonly layout: FactLayout;
  /** In decision order: priority descending, then file position. */
  readonly rules: readonly CompiledRule[];
  readonly parameters: ReadonlyMap<string, ParameterValue>;
  /** Facts and parameters the rules read (through shared conditions too). */
  readonly referenced: ReadonlySet<string>;
  /** The generated evaluator source: fixed templates and integer indices only (for tests and review). */
  readonly source: string;
  /** A fresh frame with every parameter slot filled. */
  newFrame(): FactFrame;
  /**
   * Writes the index (into `rules`) of every fired rule into `out`, in decision order, and returns
   * how many fired. `out` must have room for `rules.length` entries. Allocates nothing.
   */
  fire(frame: FactFrame, out: Int32Array): number;
  /** The first fired rule in decision order (index into `rules`), or -1; stops at the first hit. */
  first(frame: FactFrame): number;
  /**
   * The decision when only the facts in `known` (by name) are known, if they settle it whatever the
   * other facts are: under `first` the index into `rules` of the deciding rule, DECIDES_NONE (−1)
   * when no rule can fire, UNDECIDED (−2) when it depends on other facts. Not for the hot loop:
   * callers tabulate it once (see engine/sim/steps/engagement.ts).
   */
  decideKnown: PartialDecider;
}
