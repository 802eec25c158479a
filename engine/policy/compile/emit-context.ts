import type { TopCondition } from '../rule-set.ts';
import type { ConstantTables } from './constants.ts';
import type { FactLayout } from './types.ts';

/** What the emitters share while compiling one rule set. */
export interface EmitContext {
  readonly layout: FactLayout;
  readonly tables: ConstantTables;
  /** Shared named conditions of the rule set, by name. */
  readonly conditions: ReadonlyMap<string, TopCondition>;
  /** Facts and parameters read so far. */
  readonly referenced: Set<string>;
  /** Names of the shared conditions being expanded, outermost first (to report cycles). */
  readonly expanding: string[];
  /** An Error saying where in the rule set the emitter is. */
  error(message: string): Error;
}
