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

  /** The source expression reading literal `value`. */
  literal(value: unknown): string {
    if (typeof value === 'number') return `d${this.numbers.push(value) - 1}`;
    return `k${this.values.push(frozenCopy(value)) - 1}`;
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
