import type { ProblemReporter } from '../../json/reporter.ts';
import type { KindCatalogue, ValueType } from '../catalogue/index.ts';

/** What validation needs to know of a value's type: a fact's, a parameter's or an action parameter's. */
export interface TypeSpec {
  readonly type: ValueType;
  /** Enum values, or the values of a list's elements. */
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
}

/** A name a comparison can read: a catalogue fact of the kind, or a parameter of the rule set. */
export interface Readable {
  readonly name: string;
  readonly source: 'fact' | 'parameter';
  /** Undefined for a parameter whose declaration is itself invalid (reported there, not again). */
  readonly spec: TypeSpec | undefined;
}

/** Everything known while walking one rule set. */
export interface Scope {
  readonly report: ProblemReporter;
  /** Undefined when `kind` is missing or unknown: kind-specific checks are skipped then. */
  readonly catalogue: KindCatalogue | undefined;
  /** Facts of the kind, then parameters (a parameter never replaces a fact of the same name). */
  readonly readables: ReadonlyMap<string, Readable>;
  /** Names of the shared conditions. */
  readonly sharedConditions: ReadonlySet<string>;
  /** Condition references found inside shared conditions, for cycle detection. */
  readonly references: Map<string, { readonly target: string; readonly pointer: string }[]>;
}
