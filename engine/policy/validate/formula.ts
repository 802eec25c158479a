import { joinPointer } from '../../json/problem.ts';
import type { FactSpec } from '../catalogue/index.ts';
import { parseOperator } from '../operators.ts';
import type { Comparison, Condition, TopCondition } from '../rule-set.ts';
import { isFactRef } from '../rule-set.ts';
import type { Atom, AtomOp, Scalar } from './domains.ts';
import { negate } from './domains.ts';

/** A validated condition tree with shared conditions expanded and comparisons made atoms. */
export type Formula =
  | {
      readonly kind: 'comparison';
      readonly pointer: string;
      readonly comparison: Comparison;
      readonly atom: Atom | undefined;
    }
  | { readonly kind: 'all' | 'any'; readonly pointer: string; readonly items: readonly Formula[] }
  | { readonly kind: 'not'; readonly pointer: string; readonly item: Formula }
  /** Something the analysis does not look into (too deep to expand). */
  | { readonly kind: 'opaque'; readonly pointer: string };

export interface FormulaContext {
  readonly facts: ReadonlyMap<string, FactSpec>;
  readonly shared: ReadonlyMap<string, TopCondition>;
}

/** Expansion depth after which a condition is left opaque, so a hostile chain cannot exhaust the stack. */
const MAX_DEPTH = 200;

/** Builds formulas for a rule set's conditions, expanding each shared condition once. */
export class FormulaBuilder {
  private readonly sharedFormulas = new Map<string, Formula>();

  constructor(private readonly context: FormulaContext) {}

  build(condition: Condition, pointer: string, depth = 0): Formula {
    if (depth > MAX_DEPTH) return { kind: 'opaque', pointer };
    const has = (key: string) => Object.hasOwn(condition, key);
    if (has('all') || has('any')) {
      const written = has('any') ? 'any' : 'all';
      const items = (condition as unknown as Record<string, Condition[]>)[written]!;
      const at = joinPointer(pointer, written);
      // json-rules-engine 7 answers true for an empty list before it looks at all/any: `any: []` holds.
      const kind = items.length === 0 ? 'all' : written;
      return { kind, pointer, items: items.map((c, i) => this.build(c, joinPointer(at, i), depth + 1)) };
    }
    if (has('not')) {
      const inner = (condition as { not: Condition }).not;
      return { kind: 'not', pointer, item: this.build(inner, joinPointer(pointer, 'not'), depth + 1) };
    }
    if (has('condition')) return this.shared((condition as { condition: string }).condition, depth);
    condition = condition as Comparison;
    return { kind: 'comparison', pointer, comparison: condition, atom: this.atom(condition, pointer) };
  }

  private shared(name: string, depth: number): Formula {
    const known = this.sharedFormulas.get(name);
    if (known) return known;
    const pointer = joinPointer('/conditions', name);
    const formula = this.build(this.context.shared.get(name)!, pointer, depth + 1);
    this.sharedFormulas.set(name, formula);
    return formula;
  }

  /** The comparison as an atom, if it compares a catalogue fact with literals through `not`s at most. */
  private atom(comparison: Comparison, pointer: string): Atom | undefined {
    const fact = this.context.facts.get(comparison.fact);
    const parsed = parseOperator(comparison.operator);
    if (!fact || !parsed || isFactRef(comparison.value)) return undefined;
    if (parsed.decorators.some((d) => d !== 'not')) return undefined;
    const value = comparison.value;
    let op: AtomOp;
    let values: Scalar[];
    switch (parsed.base) {
      case 'lessThan':
      case 'lessThanInclusive':
      case 'greaterThan':
      case 'greaterThanInclusive':
        if (typeof value !== 'number') return undefined;
        op = (
          { lessThan: 'lt', lessThanInclusive: 'le', greaterThan: 'gt', greaterThanInclusive: 'ge' } as const
        )[parsed.base];
        values = [value];
        break;
      case 'equal':
      case 'notEqual':
      case 'contains':
      case 'doesNotContain':
        if (!isScalar(value)) return undefined;
        op = (
          { equal: 'eq', notEqual: 'ne', contains: 'contains', doesNotContain: 'doesNotContain' } as const
        )[parsed.base];
        values = [value];
        break;
      case 'in':
      case 'notIn':
        if (!Array.isArray(value) || !value.every(isScalar)) return undefined;
        op = parsed.base;
        values = value as Scalar[];
        break;
    }
    const atom: Atom = { fact, op, values, pointer };
    return parsed.decorators.length % 2 === 1 ? negate(atom) : atom;
  }
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
}
