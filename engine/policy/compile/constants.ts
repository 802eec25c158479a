/** One composed operator evaluation (a decorated json-rules-engine operator). */
export type Evaluate = (factValue: unknown, jsonValue: unknown) => boolean;

/**
 * The tables through which everything that came from a rule file reaches the generated code.
 * The source only ever names them `k3`, `d0` or `g1` (our letter and our index; the generated code
 * binds `k3 = k[3]` once per policy): the value stays data.
 * - `k`: literal values (strings, booleans, null, arrays), frozen copies
 * - `d`: number literals, as raw doubles so numeric comparisons read no heap numbers
 * - `g`: composed operator functions for decorators that iterate (someFact, everyValue, …)
 */
export class ConstantTables {
  readonly values: unknown[] = [];
  readonly numbers: number[] = [];
  readonly functions: Evaluate[] = [];

  private readonly bound = new Map<unknown, string>();

  /**
   * The source expression reading literal `value`. A scalar used in several places is bound once
   * (-0 apart: it is its own entry, never confused with 0); arrays get an entry per use.
   */
  literal(value: unknown): string {
    const scalar = typeof value !== 'object' || value === null;
    const known = scalar && !Object.is(value, -0) ? this.bound.get(value) : undefined;
    if (known !== undefined) return known;
    const expr =
      typeof value === 'number'
        ? `d${this.numbers.push(value) - 1}`
        : `k${this.values.push(frozenCopy(value)) - 1}`;
    if (scalar && !Object.is(value, -0)) this.bound.set(value, expr);
    return expr;
  }

  /** The source expression naming the composed operator `evaluate`. */
  operator(evaluate: Evaluate): string {
    return `g${this.functions.push(evaluate) - 1}`;
  }
}

/**
 * Arrays are copied and frozen, so later edits to the rule-set object cannot reach the compiled
 * policy. Strings are canonicalised: a parser may hand us sliced strings, which V8 compares by
 * content (~60% slower `===` in a measured loop); a property key is V8's canonical copy.
 */
function frozenCopy(value: unknown): unknown {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy));
  if (typeof value === 'string') return Object.keys({ [value]: 0 })[0] ?? value;
  return value;
}
