import type { ProblemReporter } from '../../json/reporter.ts';
import { joinPointer } from '../../json/problem.ts';
import type { DecoratorName, OperatorName, ParsedOperator } from '../operators.ts';
import { OPERATORS } from '../operators.ts';
import type { TypeSpec } from './context.ts';
import { didYouMean } from '../../json/suggest.ts';
import { listText, nameText, show } from './text.ts';
import { describeExpected, describeIs } from './values.ts';

/**
 * One side of a comparison as the operator sees it: a typed fact or parameter (or an element of a
 * list fact), or a JSON literal (or an element of a literal array).
 */
export type Operand =
  | {
      readonly form: 'typed';
      readonly spec: TypeSpec;
      /** `monthsToEnd`, `each element of offersMade`. */
      readonly label: string;
      readonly side: 'fact' | 'value';
      readonly pointer: string;
    }
  | {
      readonly form: 'literal';
      readonly value: unknown;
      readonly side: 'fact' | 'value';
      readonly pointer: string;
    };

interface Misfit {
  readonly operand: Operand;
  /** Who needs it: the base operator or a decorator. */
  readonly by: OperatorName | DecoratorName;
  readonly expected: string;
  readonly hint?: string | undefined;
}

const NUMERIC: ReadonlySet<OperatorName> = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]);

/**
 * Checks that a comparison's operator fits the types of its two sides, walking the decorators
 * outermost to innermost: `someFact`/`everyFact` need a list on the fact side and go on with its
 * elements, `someValue`/`everyValue` the same on the value side, `swap` exchanges the sides, `not`
 * changes nothing. Reports each misfit once, at the operator when the fact side is wrong and at the
 * value (or the offending array element) when the value is.
 */
export function checkOperandTypes(
  report: ProblemReporter,
  comparison: { readonly pointer: string; readonly fact: string; readonly operator: string },
  parsed: ParsedOperator,
  fact: Operand,
  value: Operand,
): void {
  const misfits: Misfit[] = [];
  walk(parsed, 0, fact, value, { misfits, steps: 0 });
  for (const m of misfits.slice(0, MAX_MISFITS)) {
    const factName = nameText(comparison.fact);
    if (m.operand.side === 'fact') {
      const is = m.operand.form === 'typed' ? describeIs(m.operand.spec) : show(m.operand.value);
      const fitting =
        parsed.decorators.length === 0 && m.operand.form === 'typed' ? fittingOperators(m.operand.spec) : [];
      report.error(
        joinPointer(comparison.pointer, 'operator'),
        `invalid operator ${show(comparison.operator)} for ${factName}: ${m.by} needs ${m.expected}, but ${m.operand.form === 'typed' ? m.operand.label : 'it'} is ${is}`,
        {
          hint:
            m.hint ?? (fitting.length ? `operators that fit ${factName}: ${listText(fitting)}` : undefined),
        },
      );
    } else if (m.operand.form === 'literal') {
      report.error(
        m.operand.pointer,
        `invalid value ${show(m.operand.value)} for ${factName}: expected ${m.expected}`,
        {
          hint: m.hint,
        },
      );
    } else {
      report.error(
        m.operand.pointer,
        `invalid value for ${factName}: expected ${m.expected}, but ${m.operand.label} is ${describeIs(m.operand.spec)}`,
        { hint: m.hint },
      );
    }
  }
}

/** The undecorated operators whose fact side a fact of this type fits. */
export function fittingOperators(spec: TypeSpec): OperatorName[] {
  const scalar = spec.type !== 'list';
  const numeric = spec.type === 'number' || spec.type === 'integer';
  return OPERATORS.filter((op) =>
    NUMERIC.has(op) ? numeric : op === 'contains' || op === 'doesNotContain' ? !scalar : scalar,
  );
}

/** Enough to explain any real mistake; a bound on the walk through hostile nested arrays. */
const MAX_MISFITS = 20;
const MAX_STEPS = 10_000;

interface Walk {
  readonly misfits: Misfit[];
  steps: number;
}

function walk(parsed: ParsedOperator, i: number, left: Operand, right: Operand, state: Walk): void {
  if (++state.steps > MAX_STEPS || state.misfits.length >= MAX_MISFITS) return;
  const out = state.misfits;
  const decorator = parsed.decorators[i];
  if (decorator === undefined) return base(parsed.base, left, right, out);
  switch (decorator) {
    case 'not':
      return walk(parsed, i + 1, left, right, state);
    case 'swap':
      return walk(parsed, i + 1, right, left, state);
    case 'someFact':
    case 'everyFact': {
      const items = elements(left);
      if (!items) return void out.push({ operand: left, by: decorator, expected: 'a list' });
      for (const item of items) walk(parsed, i + 1, item, right, state);
      return;
    }
    case 'someValue':
    case 'everyValue': {
      const items = elements(right);
      if (!items) return void out.push({ operand: right, by: decorator, expected: 'an array' });
      for (const item of items) walk(parsed, i + 1, left, item, state);
      return;
    }
  }
}

function base(op: OperatorName, left: Operand, right: Operand, out: Misfit[]): void {
  if (NUMERIC.has(op)) {
    const wrong = [left, right].find((o) => !isNumeric(o));
    if (wrong) out.push({ operand: wrong, by: op, expected: 'a number' });
    return;
  }
  switch (op) {
    case 'equal':
    case 'notEqual': {
      if (!isScalar(left))
        return void out.push({ operand: left, by: op, expected: 'a single value', hint: listHint(left) });
      if (!isScalar(right))
        return void out.push({
          operand: right,
          by: op,
          expected: 'a single value',
          hint: right.side === 'value' ? 'use "in" to compare with several values' : listHint(right),
        });
      return compatible(left, right, op, out);
    }
    case 'in':
    case 'notIn': {
      if (!isScalar(left))
        return void out.push({ operand: left, by: op, expected: 'a single value', hint: listHint(left) });
      const items = elements(right);
      if (!items)
        return void out.push({
          operand: right,
          by: op,
          expected: `an array of ${plural(left)}`,
          hint: 'use "equal" to compare with one value',
        });
      for (const item of items) compatible(left, item, op, out);
      return;
    }
    case 'contains':
    case 'doesNotContain': {
      const items = elements(left);
      if (!items) return void out.push({ operand: left, by: op, expected: 'a list', hint: scalarHint(left) });
      if (!isScalar(right)) return void out.push({ operand: right, by: op, expected: 'a single value' });
      for (const item of items) compatible(item, right, op, out);
      return;
    }
  }
}

/** The elements of a list fact, or of a literal array; undefined for anything else. */
function elements(o: Operand): Operand[] | undefined {
  if (o.form === 'typed') {
    if (o.spec.type !== 'list') return undefined;
    return [
      {
        form: 'typed',
        spec: { type: 'enum', values: o.spec.values ?? [] },
        label: `each element of ${o.label}`,
        side: o.side,
        pointer: o.pointer,
      },
    ];
  }
  if (!Array.isArray(o.value)) return undefined;
  return o.value.map((value, index) => ({
    form: 'literal',
    value,
    side: o.side,
    pointer: joinPointer(o.pointer, index),
  }));
}

function isNumeric(o: Operand): boolean {
  return o.form === 'typed'
    ? o.spec.type === 'number' || o.spec.type === 'integer'
    : typeof o.value === 'number';
}

function isScalar(o: Operand): boolean {
  return o.form === 'typed' ? o.spec.type !== 'list' : !Array.isArray(o.value);
}

/**
 * Whether two single values can be equal: numbers with numbers (integer or not), booleans with
 * booleans, an enum with one of its values or with an enum whose values it shares. A misfit blames
 * the value side, with the fact side's type as what was expected.
 */
function compatible(a: Operand, b: Operand, op: OperatorName, out: Misfit[]): void {
  const { blamed, expected, hint } = scalarExpectation(a, b);
  if (fits(a, b)) return;
  out.push({ operand: blamed, by: op, expected, hint });
}

function scalarExpectation(a: Operand, b: Operand): { blamed: Operand; expected: string; hint?: string } {
  const [blamed, other] = a.side === 'value' ? [a, b] : [b, a];
  if (other.form !== 'typed') return { blamed, expected: `a value like ${show(other.value)}` };
  const hint =
    other.spec.type === 'enum' && blamed.form === 'literal' && typeof blamed.value === 'string'
      ? didYouMean(blamed.value, other.spec.values ?? [])
      : undefined;
  return { blamed, expected: describeExpected(other.spec), ...(hint ? { hint } : {}) };
}

function fits(a: Operand, b: Operand): boolean {
  if (isNumeric(a) || isNumeric(b)) return isNumeric(a) && isNumeric(b);
  if (a.form === 'typed' && b.form === 'typed') {
    if (a.spec.type !== b.spec.type) return false;
    if (a.spec.type !== 'enum') return true;
    const av = a.spec.values ?? [];
    const bv = b.spec.values ?? [];
    return av.every((v) => bv.includes(v)) || bv.every((v) => av.includes(v));
  }
  const [typed, literal] = a.form === 'typed' ? [a, b] : [b, a];
  if (typed.form !== 'typed' || literal.form !== 'literal') return false; // two literals never meet
  if (typed.spec.type === 'boolean') return typeof literal.value === 'boolean';
  if (typed.spec.type === 'enum')
    return typeof literal.value === 'string' && (typed.spec.values ?? []).includes(literal.value);
  return false;
}

function plural(element: Operand): string {
  if (element.form !== 'typed') return 'values';
  switch (element.spec.type) {
    case 'number':
    case 'integer':
      return 'numbers';
    case 'boolean':
      return 'booleans';
    default:
      return `values from ${listText(element.spec.values ?? [])}`;
  }
}

function listHint(o: Operand): string | undefined {
  return o.form === 'typed' && o.spec.type === 'list'
    ? 'use "contains" to ask whether the list holds a value'
    : undefined;
}

function scalarHint(o: Operand): string | undefined {
  return o.form === 'typed' && o.spec.type !== 'list' ? 'use "equal" or "in" for a single value' : undefined;
}
