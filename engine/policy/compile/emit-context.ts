import type { TopCondition } from '../rule-set.ts';
import type { ConstantTables } from './constants.ts';
import type { ListScan } from './emit-lists.ts';
import type { SlotReads } from './reads.ts';
import type { SharedResult } from './shared.ts';
import type { FactLayout } from './types.ts';

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
