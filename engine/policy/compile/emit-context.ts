import type { TopCondition } from '../rule-set.ts';
import type { ConstantTables } from './constants.ts';
import type { SlotReads } from './reads.ts';
import type { SharedResult } from './shared.ts';
import type { FactLayout } from './types.ts';

/**
 * Which literal scalars a list fact (a `ref` slot) holds, found in one pass over the list and kept
 * as a bit mask for the rest of the evaluation: `contains`, `doesNotContain` and the decorators
 * that only ask about membership then test bits instead of calling indexOf once per test (a call
 * also makes V8 re-check the frame after it). The evaluator keeps the mask in a local `m3` (for
 * ref slot 3) and computes it with a generated function `s3`, at most once per evaluation.
 */
export interface ListScan {
  readonly slot: number;
  /** Bit i + 1 of the mask is set when the list holds members[i] (strict equality, as indexOf). */
  readonly members: unknown[];
  /** The table binding of each member (`k3`, `d0`). */
  readonly bindings: string[];
  /** Some source before here computes the mask (when evaluation gets there). */
  emitted: boolean;
}

/** What the emitters share while compiling one rule set. */
export interface EmitContext {
  readonly layout: FactLayout;
  readonly tables: ConstantTables;
  /** Shared named conditions of the rule set, by name. */
  readonly conditions: ReadonlyMap<string, TopCondition>;
  /** The evaluator's locals for shared conditions referred to from several places, by name. */
  readonly shared: ReadonlyMap<string, SharedResult>;
  /** The membership masks of list facts, by ref slot, as tests ask for them. */
  readonly lists: Map<number, ListScan>;
  /**
   * The locals (`c0`, `m3`) that evaluation has certainly computed by the time it gets to where the
   * emitter stands: sources are emitted in evaluation order, and this is what every path to here
   * has computed (see emitJunction).
   */
  readonly known: Set<string>;
  /** Frame slots read into locals so far. */
  readonly reads: SlotReads;
  /** Facts and parameters read so far. */
  readonly referenced: Set<string>;
  /** Names of the shared conditions being expanded, outermost first (to report cycles). */
  readonly expanding: string[];
  /** An Error saying where in the rule set the emitter is. */
  error(message: string): Error;
}
