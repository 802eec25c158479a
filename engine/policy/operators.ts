/**
 * The fixed list of operators and decorators: json-rules-engine 7's defaults, nothing else.
 * Validation, the compiler and the docs all read them from here. Semantics mirror
 * json-rules-engine's engine-default-operators.js and engine-default-operator-decorators.js.
 */

export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;
export type OperatorName = (typeof OPERATORS)[number];

export const DECORATORS = ['not', 'someFact', 'someValue', 'everyFact', 'everyValue', 'swap'] as const;
export type DecoratorName = (typeof DECORATORS)[number];

export interface ParsedOperator {
  /** Outermost first, as written: `not:someFact:equal` → ['not', 'someFact']. */
  readonly decorators: readonly DecoratorName[];
  readonly base: OperatorName;
}

const operatorSet: ReadonlySet<string> = new Set(OPERATORS);
const decoratorSet: ReadonlySet<string> = new Set(DECORATORS);

/**
 * Splits a decorated operator name the way json-rules-engine's OperatorMap#get does.
 * Returns undefined for anything json-rules-engine would not resolve.
 * @example parseOperator('not:someFact:equal') // { decorators: ['not', 'someFact'], base: 'equal' }
 */
export function parseOperator(name: string): ParsedOperator | undefined {
  const decorators: DecoratorName[] = [];
  let rest = name;
  while (!operatorSet.has(rest)) {
    const colon = rest.indexOf(':');
    if (colon <= 0) return undefined;
    const decorator = rest.slice(0, colon);
    if (!decoratorSet.has(decorator)) return undefined;
    decorators.push(decorator as DecoratorName);
    rest = rest.slice(colon + 1);
  }
  return { decorators, base: rest as OperatorName };
}

/** json-rules-engine's numberValidator: the fact value parses as a number. */
export function isNumberLike(value: unknown): boolean {
  return Number.parseFloat(value as string).toString() !== 'NaN';
}

type Evaluate = (factValue: unknown, jsonValue: unknown) => boolean;

/** Reference semantics of each base operator: validator on the fact value, then the comparison. */
export const OPERATOR_SEMANTICS: Readonly<Record<OperatorName, Evaluate>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
};

/** Reference semantics of each decorator, wrapping the next evaluation (json-rules-engine OperatorDecorator). */
export const DECORATOR_SEMANTICS: Readonly<Record<DecoratorName, (next: Evaluate) => Evaluate>> = {
  someFact: (next) => (a, b) => Array.isArray(a) && a.some((x) => next(x, b)),
  someValue: (next) => (a, b) => (b as unknown[]).some((y) => next(a, y)),
  everyFact: (next) => (a, b) => Array.isArray(a) && a.every((x) => next(x, b)),
  everyValue: (next) => (a, b) => (b as unknown[]).every((y) => next(a, y)),
  swap: (next) => (a, b) => next(b, a),
  not: (next) => (a, b) => !next(a, b),
};

/** The full evaluation function of a parsed operator, composed from the fixed lists above. */
export function operatorFunction(op: ParsedOperator): Evaluate {
  let evaluate = OPERATOR_SEMANTICS[op.base];
  for (let i = op.decorators.length - 1; i >= 0; i--)
    evaluate = DECORATOR_SEMANTICS[op.decorators[i]!](evaluate);
  return evaluate;
}
