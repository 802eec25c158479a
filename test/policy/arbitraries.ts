/**
 * fast-check arbitraries for random valid rule sets of every policy kind, and for fact objects
 * that fit them. The compiler's differential test runs them against json-rules-engine; the
 * validation tests assert that every rule set generated here (without `edgeCases`) validates clean.
 *
 * Typing of a comparison (what "fits" means here): a value type is a scalar kind — number
 * (number or integer), boolean, or enum over a value set — or an array of one. Decorators act on
 * the (fact, value) pair outermost first: `not` keeps it, `swap` exchanges the sides,
 * `someFact`/`everyFact` need an array fact and compare its elements, `someValue`/`everyValue`
 * need an array value and compare its elements. The base operator then needs:
 * `equal`/`notEqual` two scalars of one kind; `lessThan`… two numbers; `in`/`notIn` a scalar and
 * an array of its kind; `contains`/`doesNotContain` an array and a scalar of its kind.
 * Enums are of one kind when their value sets are equal. A right-hand `{"fact": X}` reads a
 * catalogue fact or a declared parameter of the needed type (never the left-hand fact itself).
 */
import fc from 'fast-check';
import { catalogue, type ActionParamSpec, type TypedSpec } from '../../engine/policy/catalogue/index.ts';
import { type PolicyKind } from '../../engine/domain/lists.ts';
import {
  DECORATORS,
  OPERATORS,
  type DecoratorName,
  type OperatorName,
} from '../../engine/policy/operators.ts';
import type {
  Comparison,
  Condition,
  Literal,
  ParameterDecl,
  ParameterValue,
  Rule,
  RuleEvent,
  RuleSet,
  TopCondition,
} from '../../engine/policy/rule-set.ts';

export interface RuleSetArbitraryOptions {
  /**
   * Also generate what json-rules-engine accepts but a validator may rightly flag: empty `all`/`any`,
   * empty list literals, `params: {}` on events without parameters.
   */
  readonly edgeCases?: boolean;
  /** Most rules per rule set (default 8). */
  readonly maxRules?: number;
  /**
   * Also name a shared condition `""`, which json-rules-engine refuses (and so must the validator):
   * the rule sets are then not all valid. For the test that the validator refuses what the engine does.
   */
  readonly refusedNames?: boolean;
}

/** `arb`'s value in about one case of `1 + odds`, otherwise null. */
function sometimes<T>(arb: fc.Arbitrary<T>, odds = 1): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: odds }, { arbitrary: arb, weight: 1 });
}

// ---------------------------------------------------------------- value types

type Kind = 'number' | 'boolean' | 'enum';
interface ValueType {
  readonly kind: Kind;
  /** The value set of an enum kind. */
  readonly values: readonly string[];
  readonly array: boolean;
}

function valueType(spec: TypedSpec): ValueType {
  switch (spec.type) {
    case 'number':
    case 'integer':
      return { kind: 'number', values: [], array: false };
    case 'boolean':
      return { kind: 'boolean', values: [], array: false };
    case 'enum':
      return { kind: 'enum', values: spec.values ?? [], array: false };
    case 'list':
      return { kind: 'enum', values: spec.values ?? [], array: true };
  }
}

function sameKind(a: ValueType, b: ValueType): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'enum') return true;
  return a.values.length === b.values.length && a.values.every((v) => b.values.includes(v));
}

function sameType(a: ValueType, b: ValueType): boolean {
  return a.array === b.array && sameKind(a, b);
}

const RELATIONAL: ReadonlySet<OperatorName> = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]);

/** Whether `decorators…:base` applied to (fact, value) of these types fits (see the file comment). */
export function operatorFits(
  decorators: readonly DecoratorName[],
  base: OperatorName,
  fact: ValueType,
  value: ValueType,
): boolean {
  let a = fact;
  let b = value;
  for (const decorator of decorators) {
    if (decorator === 'swap') [a, b] = [b, a];
    else if (decorator === 'someFact' || decorator === 'everyFact') {
      if (!a.array) return false;
      a = { ...a, array: false };
    } else if (decorator === 'someValue' || decorator === 'everyValue') {
      if (!b.array) return false;
      b = { ...b, array: false };
    }
  }
  if (!sameKind(a, b)) return false;
  if (base === 'equal' || base === 'notEqual') return !a.array && !b.array;
  if (RELATIONAL.has(base)) return !a.array && !b.array && a.kind === 'number';
  if (base === 'in' || base === 'notIn') return !a.array && b.array;
  return a.array && !b.array; // contains, doesNotContain
}

/** Every decorated operator with up to two decorators, as [decorators, base]. */
const ALL_OPERATORS: readonly (readonly [readonly DecoratorName[], OperatorName])[] = (() => {
  const chains: DecoratorName[][] = [[]];
  for (const d of DECORATORS) chains.push([d]);
  for (const d of DECORATORS) for (const e of DECORATORS) chains.push([d, e]);
  return chains.flatMap((chain) => OPERATORS.map((base) => [chain, base] as const));
})();

interface OperatorChoice {
  readonly operator: string;
  readonly valueArray: boolean;
  readonly decorated: boolean;
}

/**
 * Per fact type, the weighted choice of a fitting operator: plain ones 3 to 2 against decorated ones.
 * Cached, because the arbitraries are rebuilt for every generated comparison and the fitting
 * operators are the same for every fact of one type (computing them was half the generation time).
 */
const choiceArbs = new Map<string, fc.Arbitrary<OperatorChoice>>();

function operatorChoiceArb(fact: ValueType): fc.Arbitrary<OperatorChoice> {
  const key = `${fact.kind}|${String(fact.array)}|${fact.values.join('\u0000')}`;
  let arb = choiceArbs.get(key);
  if (arb === undefined) {
    const choices = operatorChoices(fact);
    const plain = choices.filter((c) => !c.decorated);
    const decorated = choices.filter((c) => c.decorated);
    arb = fc.oneof(
      { arbitrary: fc.constantFrom(...plain), weight: 3 },
      ...(decorated.length > 0 ? [{ arbitrary: fc.constantFrom(...decorated), weight: 2 }] : []),
    );
    choiceArbs.set(key, arb);
  }
  return arb;
}

/** The operators and right-hand value shapes (array or not) that fit a left-hand fact type. */
function operatorChoices(fact: ValueType): OperatorChoice[] {
  const choices: OperatorChoice[] = [];
  for (const [decorators, base] of ALL_OPERATORS) {
    for (const valueArray of [false, true]) {
      const value: ValueType = { kind: fact.kind, values: fact.values, array: valueArray };
      if (operatorFits(decorators, base, fact, value)) {
        choices.push({
          operator: [...decorators, base].join(':'),
          valueArray,
          decorated: decorators.length > 0,
        });
      }
    }
  }
  return choices;
}

// ---------------------------------------------------------------- values

/**
 * A few values per numeric spec that both literals and facts favour, so comparisons often hit
 * equality (the boundary of every relational operator).
 */
export function boundaryValues(spec: TypedSpec): number[] {
  const min = spec.min ?? 0;
  const max = spec.max ?? 100;
  const at = (share: number) => min + (max - min) * share;
  const raw = [min, max, at(0.25), at(0.5), at(0.75), at(0.1)];
  if (min < 0 && max > 0) raw.push(0);
  const values = spec.type === 'integer' ? raw.map(Math.round) : raw.map((v) => Math.round(v * 100) / 100);
  return [...new Set(values)];
}

function numberArb(spec: TypedSpec, poolWeight: number): fc.Arbitrary<number> {
  const min = spec.min ?? 0;
  const max = spec.max ?? 100;
  const anywhere =
    spec.type === 'integer'
      ? fc.integer({ min, max })
      : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
  return fc.oneof(
    { arbitrary: fc.constantFrom(...boundaryValues(spec)), weight: poolWeight },
    { arbitrary: anywhere, weight: 10 - poolWeight },
  );
}

/** A value of a spec's type (facts: any element subset for lists). */
export function specValueArb(
  spec: TypedSpec,
  poolWeight = 7,
): fc.Arbitrary<number | boolean | string | string[]> {
  switch (spec.type) {
    case 'number':
    case 'integer':
      return numberArb(spec, poolWeight);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(spec.values ?? []));
    case 'list':
      return fc.subarray([...(spec.values ?? [])]);
  }
}

/** A scalar literal of the fact's kind, from the fact's own boundary values where it has them. */
function scalarLiteralArb(spec: TypedSpec): fc.Arbitrary<Literal> {
  const type = valueType(spec);
  if (type.kind === 'number') return numberArb(spec, 8);
  if (type.kind === 'boolean') return fc.boolean();
  return fc.constantFrom(...type.values);
}

function arrayLiteralArb(spec: TypedSpec, edgeCases: boolean): fc.Arbitrary<Literal> {
  return fc.uniqueArray(scalarLiteralArb(spec), { minLength: edgeCases ? 0 : 1, maxLength: 4 });
}

// ---------------------------------------------------------------- parameters

const PARAMETER_NAMES = [
  'windowStart',
  'windowEnd',
  'threshold',
  'limit',
  'minScore',
  'maxDays',
  'preferred',
  'enabled',
  'cutOff',
  'target',
];

/** Up to three declared parameters, each shaped on a catalogue fact so rules can compare them. */
function parametersArb(kind: PolicyKind): fc.Arbitrary<Record<string, ParameterDecl>> {
  const facts = catalogue(kind).facts;
  const declArb = (name: string): fc.Arbitrary<[string, ParameterDecl]> =>
    fc.constantFrom(...facts).chain((model): fc.Arbitrary<[string, ParameterDecl]> => {
      switch (model.type) {
        case 'number':
        case 'integer':
          return numberArb(model, 7).map((value) => [
            name,
            {
              type: model.type as 'number' | 'integer',
              default: value,
              unit: model.unit,
              ...(model.min !== undefined ? { min: model.min } : {}),
              ...(model.max !== undefined ? { max: model.max } : {}),
              description: `a policy constant compared with ${model.name}`,
            },
          ]);
        case 'boolean':
          return fc.boolean().map((value) => [name, { type: 'boolean', default: value }]);
        case 'enum':
        case 'list': {
          const values = [...(model.values ?? [])];
          return fc.constantFrom(...values).map((value) => [name, { type: 'enum', values, default: value }]);
        }
      }
    });
  return fc
    .shuffledSubarray(PARAMETER_NAMES, { minLength: 0, maxLength: 3 })
    .chain((names) => fc.tuple(...names.map(declArb)))
    .map((entries) => Object.fromEntries(entries));
}

// ---------------------------------------------------------------- conditions

interface Universe {
  /** Catalogue facts and declared parameters, as specs. */
  readonly specs: readonly TypedSpec[];
  readonly edgeCases: boolean;
}

function universe(kind: PolicyKind, parameters: Record<string, ParameterDecl>, edgeCases: boolean): Universe {
  const parameterSpecs = Object.entries(parameters).map(([name, decl]): TypedSpec => ({
    name,
    type: decl.type,
    ...(decl.values !== undefined ? { values: decl.values } : {}),
    unit: decl.unit ?? '',
    ...(decl.min !== undefined ? { min: decl.min } : {}),
    ...(decl.max !== undefined ? { max: decl.max } : {}),
    meaning: '',
  }));
  return { specs: [...catalogue(kind).facts, ...parameterSpecs], edgeCases };
}

function comparisonArb(u: Universe): fc.Arbitrary<Comparison> {
  return fc.constantFrom(...u.specs).chain((spec) => {
    const factType = valueType(spec);
    return operatorChoiceArb(factType).chain(({ operator, valueArray }) => {
      const needed: ValueType = { kind: factType.kind, values: factType.values, array: valueArray };
      const refs = u.specs.filter((s) => s.name !== spec.name && sameType(valueType(s), needed));
      const literal = valueArray ? arrayLiteralArb(spec, u.edgeCases) : scalarLiteralArb(spec);
      const valueArb: fc.Arbitrary<Comparison['value']> =
        refs.length === 0
          ? literal
          : fc.oneof(
              { arbitrary: literal, weight: 3 },
              { arbitrary: fc.constantFrom(...refs).map((r) => ({ fact: r.name })), weight: 1 },
            );
      return fc.record({ fact: fc.constant(spec.name), operator: fc.constant(operator), value: valueArb });
    });
  });
}

/** An optional condition priority: it orders json-rules-engine's evaluation, never its result. */
function withPriority<T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc
    .tuple(arb, sometimes(fc.integer({ min: 1, max: 3 }), 5))
    .map(([c, priority]) => (priority === null ? c : { ...c, priority }));
}

function groupArb(u: Universe, depth: number, refs: readonly string[]): fc.Arbitrary<TopCondition> {
  const children = fc.array(conditionArb(u, depth - 1, refs), {
    minLength: u.edgeCases ? 0 : 1,
    maxLength: 3,
  });
  const options: fc.Arbitrary<TopCondition>[] = [
    children.map((all) => ({ all })),
    children.map((any) => ({ any })),
    conditionArb(u, depth - 1, refs).map((not) => ({ not })),
  ];
  if (refs.length > 0) options.push(fc.constantFrom(...refs).map((condition) => ({ condition })));
  return withPriority(fc.oneof(...options));
}

function conditionArb(u: Universe, depth: number, refs: readonly string[]): fc.Arbitrary<Condition> {
  if (depth <= 0) return withPriority(comparisonArb(u));
  return fc.oneof(
    { arbitrary: withPriority(comparisonArb(u)), weight: 3 },
    { arbitrary: groupArb(u, depth, refs), weight: 2 },
  );
}

const CONDITION_NAMES = ['inWindow', 'goodPayer', 'highValue', 'reachable', 'late', 'eligible'];

/** Shared named conditions; each may refer only to those before it, so references never cycle. */
function sharedConditionsArb(u: Universe, refusedNames: boolean): fc.Arbitrary<Record<string, TopCondition>> {
  return fc
    .shuffledSubarray(refusedNames ? [...CONDITION_NAMES, ''] : CONDITION_NAMES, {
      minLength: 0,
      maxLength: 3,
    })
    .chain((names) =>
      fc.tuple(...names.map((name, i) => groupArb(u, 2, names.slice(0, i)).map((c) => [name, c] as const))),
    )
    .map((entries) => Object.fromEntries(entries));
}

// ---------------------------------------------------------------- events and rules

function paramValueArb(spec: ActionParamSpec): fc.Arbitrary<ParameterValue> {
  return specValueArb(spec, 5) as fc.Arbitrary<ParameterValue>;
}

function eventArb(kind: PolicyKind, edgeCases: boolean): fc.Arbitrary<RuleEvent> {
  return fc.constantFrom(...catalogue(kind).actions).chain((action) => {
    if (action.params.length === 0) {
      return edgeCases
        ? fc.constantFrom<RuleEvent>({ type: action.type }, { type: action.type, params: {} })
        : fc.constant<RuleEvent>({ type: action.type });
    }
    const params = action.params.map((p) =>
      p.required
        ? paramValueArb(p).map((v) => [p.name, v] as const)
        : sometimes(paramValueArb(p)).map((v) => (v === null ? null : ([p.name, v] as const))),
    );
    return fc.tuple(...params).map((entries) => ({
      type: action.type,
      params: Object.fromEntries(entries.filter((e) => e !== null)),
    }));
  });
}

const RULE_WORDS = ['early', 'renewal', 'loyal', 'late', 'fast', 'bdc', 'web', 'prime', 'fallback', 'ev'];

/** The parts every rule of one rule set draws from; built once per rule set, not once per rule. */
interface RuleParts {
  readonly conditions: fc.Arbitrary<TopCondition>;
  readonly event: fc.Arbitrary<RuleEvent>;
}

function ruleArb(parts: RuleParts, name: string): fc.Arbitrary<Rule> {
  return fc
    .record({
      conditions: parts.conditions,
      event: parts.event,
      // Now and then a priority of 1e21 or more, which json-rules-engine reads from its text
      // ("3e+21") as 3: a valid integer whose effective priority is not its value.
      priority: sometimes(
        fc.oneof(
          { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 6 },
          { arbitrary: fc.constantFrom(1e21, 3e21, 4.5e22), weight: 1 },
        ),
      ),
    })
    .map(({ conditions, event, priority }) => ({
      name,
      ...(priority === null ? {} : { priority }),
      conditions,
      event,
    }));
}

/**
 * A random valid rule set of `kind`: random catalogue facts and declared parameters, operators
 * and decorator chains that fit their types, literals of the right type (enum values, list
 * literals), right-hand fact references, shared conditions (acyclic), nested all/any/not,
 * priorities with ties, events from the action catalogue with valid params, either hit policy.
 */
export function ruleSetArbitrary(
  kind: PolicyKind,
  options: RuleSetArbitraryOptions = {},
): fc.Arbitrary<RuleSet> {
  const edgeCases = options.edgeCases ?? false;
  return parametersArb(kind).chain((parameters) => {
    const u = universe(kind, parameters, edgeCases);
    return sharedConditionsArb(u, options.refusedNames ?? false).chain((conditions) => {
      const refs = Object.keys(conditions);
      const parts: RuleParts = { conditions: groupArb(u, 3, refs), event: eventArb(kind, edgeCases) };
      const rules = fc
        .integer({ min: 1, max: options.maxRules ?? 8 })
        .chain((count) =>
          fc.tuple(
            ...Array.from({ length: count }, (_, i) =>
              ruleArb(parts, `${RULE_WORDS[i % RULE_WORDS.length]!}-${i + 1}`),
            ),
          ),
        );
      return fc
        .record({ rules, hitPolicy: fc.constantFrom('first' as const, 'collect' as const) })
        .map(({ rules: ruleList, hitPolicy }): RuleSet => ({
          kind,
          name: `random ${kind} policy`,
          description: 'generated by the property tests',
          hitPolicy,
          ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
          ...(refs.length > 0 ? { conditions } : {}),
          rules: ruleList,
        }));
    });
  });
}

/** A random valid rule set of a random kind. */
export const anyRuleSetArbitrary: fc.Arbitrary<RuleSet> = fc
  .constantFrom<PolicyKind>('engagement', 'leads', 'dunning', 'remarketing')
  .chain((kind) => ruleSetArbitrary(kind));

function declaredParameterSpecs(ruleSet: RuleSet): TypedSpec[] {
  return universe(ruleSet.kind, ruleSet.parameters ?? {}, false).specs.slice(
    catalogue(ruleSet.kind).facts.length,
  );
}

/**
 * A fact object for a rule set: every catalogue fact of its kind with a value of the right type
 * (favouring boundary values the literals use too); sometimes also values for its parameters,
 * which then replace the policy's.
 */
export function factsArbitrary(ruleSet: RuleSet): fc.Arbitrary<Record<string, unknown>> {
  const facts = catalogue(ruleSet.kind).facts.map((spec) =>
    specValueArb(spec).map((v) => [spec.name, v] as const),
  );
  const parameters = declaredParameterSpecs(ruleSet).map((spec) =>
    sometimes(specValueArb(spec), 2).map((v) => (v === null ? null : ([spec.name, v] as const))),
  );
  return fc
    .tuple(fc.tuple(...facts), fc.tuple(...parameters))
    .map(([f, p]) => Object.fromEntries([...f, ...p.filter((e) => e !== null)]));
}

/** A scenario's overrides of some of a rule set's parameters, with values that fit them. */
export function parameterOverridesArbitrary(ruleSet: RuleSet): fc.Arbitrary<Record<string, ParameterValue>> {
  const entries = declaredParameterSpecs(ruleSet).map((spec) =>
    fc
      .oneof(fc.constant(null), specValueArb(spec) as fc.Arbitrary<ParameterValue>)
      .map((v) => (v === null ? null : ([spec.name, v] as const))),
  );
  return fc.tuple(...entries).map((e) => Object.fromEntries(e.filter((x) => x !== null)));
}
