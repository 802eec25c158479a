import type { PolicyKind } from '../../domain/lists.ts';

/**
 * The value types a fact, a policy parameter or an action parameter can have.
 * `list` is a set of enum values (for `contains`, `someFact:` and `everyFact:`).
 */
export type ValueType = 'number' | 'integer' | 'boolean' | 'enum' | 'list';

export interface TypedSpec {
  readonly name: string;
  readonly type: ValueType;
  /** Allowed values of an `enum`, or of the elements of a `list`. */
  readonly values?: readonly string[];
  /** Unit as shown to people: '€', 'months', 'days', '0–1', 'km', 'count', 'hour', … */
  readonly unit: string;
  /** Inclusive bounds of a number or integer, where the domain has them. */
  readonly min?: number;
  readonly max?: number;
  /** One sentence: what it means, for docs, `cyclecast facts` and the UI. */
  readonly meaning: string;
}

/** A fact a rule's condition can test. */
export type FactSpec = TypedSpec;

/** A typed parameter of an action (event params). */
export interface ActionParamSpec extends TypedSpec {
  readonly required: boolean;
}

/** An action: the `type` of a rule's event, which the simulator knows how to carry out. */
export interface ActionSpec {
  readonly type: string;
  readonly meaning: string;
  readonly params: readonly ActionParamSpec[];
}

export interface KindCatalogue {
  readonly kind: PolicyKind;
  /** When the simulator evaluates this kind's rule set. */
  readonly evaluated: string;
  readonly facts: readonly FactSpec[];
  readonly actions: readonly ActionSpec[];
}
