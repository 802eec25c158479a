import type { ActionSpec, FactSpec, KindCatalogue, TypedSpec } from './catalogue/index.ts';
import { CATALOGUES } from './catalogue/index.ts';
import { POLICY_KINDS } from '../domain/lists.ts';
import type { OperatorName } from './operators.ts';
import { DECORATORS, OPERATORS } from './operators.ts';
import { HIT_POLICIES } from './rule-set.ts';
import { fittingOperators } from './validate/operand-types.ts';
import type { PARAMETER_KEYS } from './validate/parameters.ts';
import { PARAMETER_TYPES } from './validate/parameters.ts';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const alternatives = (list: readonly string[]) => `(?:${list.join('|')})`;

/** `not:someFact:equal`: one decorator or more, each followed by a colon, then a base operator. */
export const DECORATED_OPERATOR_PATTERN = `^(?:${alternatives(DECORATORS)}:)+${alternatives(OPERATORS)}$`;

const SCALAR_OPERATORS: readonly OperatorName[] = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];
const MEMBERSHIP_OPERATORS: readonly OperatorName[] = ['in', 'notIn'];
const CONTAINMENT_OPERATORS: readonly OperatorName[] = ['contains', 'doesNotContain'];

/**
 * The JSON Schema (draft-07) of rule-set files, generated from the fact and action catalogues and
 * the operator list, so editors complete fact names, operators, values and actions per kind. The
 * schema gives structure and completion; `validateRuleSet` remains the authority (operator types
 * through decorators, parameters, references, cycles) and accepts nothing the schema rejects.
 */
export function ruleSetSchema(): Schema {
  const definitions: Record<string, Schema> = {
    priority: {
      description:
        'json-rules-engine priority: higher runs first; default 1. An integer of at least 1 (json-rules-engine truncates fractions).',
      type: 'integer',
      minimum: 1,
    },
    conditionName: { description: 'a name for the condition, shown in explanations', type: 'string' },
    literal: {
      anyOf: [{ type: ['number', 'string', 'boolean', 'null'] }, { type: 'array', items: ref('literal') }],
    },
    operator: {
      description: `a json-rules-engine operator (${OPERATORS.join(', ')}), optionally behind decorators (${DECORATORS.join(', ')}): "not:in", "someFact:equal"`,
      type: 'string',
      anyOf: [{ enum: [...OPERATORS] }, ref('decoratedOperator')],
    },
    decoratedOperator: {
      description: `decorators (${DECORATORS.join(', ')}), each followed by a colon, then an operator`,
      type: 'string',
      pattern: DECORATED_OPERATOR_PATTERN,
    },
    conditionReference: {
      description: 'a reference to a shared condition of this rule set',
      type: 'object',
      required: ['condition'],
      additionalProperties: false,
      properties: {
        condition: { description: 'the name of a shared condition (under "conditions")', type: 'string' },
        name: ref('conditionName'),
        priority: ref('priority'),
      },
    },
    parameter: parameterSchema(),
  };
  for (const kind of POLICY_KINDS) Object.assign(definitions, kindDefinitions(CATALOGUES[kind]));

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Cyclecast rule set',
    description:
      'A policy as json-rules-engine rules: facts of one policy kind, actions as events. Generated from the fact and action catalogues (npm run schemas).',
    type: 'object',
    required: ['kind', 'name', 'description', 'hitPolicy', 'rules'],
    additionalProperties: false,
    properties: {
      $schema: { description: 'the JSON Schema of this file, for editors', type: 'string' },
      kind: {
        description: 'the policy kind: which facts the rules read and which actions they take',
        type: 'string',
        anyOf: POLICY_KINDS.map((k) => ({ const: k, description: `evaluated ${CATALOGUES[k].evaluated}` })),
      },
      name: { description: 'a short name for the rule set', type: 'string', minLength: 1 },
      description: { description: 'what the policy does, in a sentence or two', type: 'string' },
      hitPolicy: {
        description: 'how fired events become decisions',
        type: 'string',
        anyOf: [
          { const: HIT_POLICIES[0], description: 'the highest-priority fired event decides' },
          { const: HIT_POLICIES[1], description: 'every fired event is carried out, in order' },
        ],
      },
      parameters: {
        description:
          'typed policy constants that rules read as facts ({"fact": "name"}) and a scenario may override',
        type: 'object',
        additionalProperties: ref('parameter'),
      },
      conditions: {
        description: 'shared named conditions that rules reference with {"condition": "name"}',
        type: 'object',
      },
      rules: { description: 'the rules, evaluated in priority order', type: 'array' },
    },
    allOf: POLICY_KINDS.map((kind) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: {
        properties: {
          parameters: {
            type: 'object',
            propertyNames: {
              not: { enum: CATALOGUES[kind].facts.map((f) => f.name) },
              minLength: 1,
            },
          },
          conditions: { type: 'object', additionalProperties: ref(`${kind}.topCondition`) },
          rules: { type: 'array', items: ref(`${kind}.rule`) },
        },
      },
    })),
    definitions,
  };
}

function parameterSchema(): Schema {
  const onlyFor = (type: string, extra: Schema): Schema => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: extra,
  });
  const unbounded = { min: false, max: false };
  return {
    description: 'a typed policy constant',
    type: 'object',
    required: ['type', 'default'],
    additionalProperties: false,
    properties: {
      type: { enum: [...PARAMETER_TYPES] },
      default: {
        description: 'the value unless a scenario overrides it',
        type: ['number', 'boolean', 'string'],
      },
      values: {
        description: 'the values an enum parameter can take',
        type: 'array',
        items: { type: 'string' },
        minItems: 1,
        uniqueItems: true,
      },
      unit: { description: "as shown to people: '€', 'months', '0–1', …", type: 'string' },
      min: { description: 'inclusive lower bound', type: 'number' },
      max: { description: 'inclusive upper bound', type: 'number' },
      description: { description: 'what the parameter means', type: 'string' },
    } satisfies Record<(typeof PARAMETER_KEYS)[number], Schema>,
    allOf: [
      onlyFor('number', { properties: { default: { type: 'number' }, values: false } }),
      onlyFor('integer', { properties: { default: { type: 'integer' }, values: false } }),
      onlyFor('boolean', { properties: { default: { type: 'boolean' }, values: false, ...unbounded } }),
      onlyFor('enum', { required: ['values'], properties: { default: { type: 'string' }, ...unbounded } }),
    ],
  };
}

function kindDefinitions(cat: KindCatalogue): Record<string, Schema> {
  const k = cat.kind;
  const boolean = (key: 'all' | 'any' | 'not', description: string): Schema => ({
    description,
    type: 'object',
    required: [key],
    additionalProperties: false,
    properties: {
      [key]: key === 'not' ? ref(`${k}.condition`) : { type: 'array', items: ref(`${k}.condition`) },
      name: ref('conditionName'),
      priority: ref('priority'),
    },
  });
  return {
    [`${k}.rule`]: {
      type: 'object',
      required: ['name', 'conditions', 'event'],
      additionalProperties: false,
      properties: {
        name: { description: 'the rule, named uniquely in the rule set', type: 'string', minLength: 1 },
        priority: ref('priority'),
        conditions: ref(`${k}.topCondition`),
        event: ref(`${k}.event`),
      },
    },
    [`${k}.topCondition`]: {
      anyOf: [ref(`${k}.all`), ref(`${k}.any`), ref(`${k}.not`), ref('conditionReference')],
    },
    [`${k}.condition`]: {
      anyOf: [
        ref(`${k}.comparison`),
        ref(`${k}.all`),
        ref(`${k}.any`),
        ref(`${k}.not`),
        ref('conditionReference'),
      ],
    },
    [`${k}.all`]: boolean('all', 'holds when every condition holds'),
    [`${k}.any`]: boolean('any', 'holds when at least one condition holds'),
    [`${k}.not`]: boolean('not', 'holds when the condition does not'),
    [`${k}.factName`]: {
      type: 'string',
      anyOf: [
        ...cat.facts.map((f) => ({ const: f.name, description: specDescription(f) })),
        { description: 'a parameter declared under "parameters"' },
      ],
    },
    [`${k}.factReference`]: {
      description: 'the value of a fact or parameter',
      type: 'object',
      required: ['fact'],
      additionalProperties: false,
      properties: { fact: ref(`${k}.factName`) },
    },
    [`${k}.comparison`]: {
      description: 'compares a fact or parameter with a value or another fact',
      type: 'object',
      required: ['fact', 'operator', 'value'],
      additionalProperties: false,
      properties: {
        fact: ref(`${k}.factName`),
        operator: ref('operator'),
        value: { anyOf: [ref('literal'), ref(`${k}.factReference`)] },
        name: ref('conditionName'),
        priority: ref('priority'),
      },
      allOf: factComparisons(k, cat.facts),
    },
    [`${k}.event`]: {
      description: 'the action the rule decides',
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: {
          type: 'string',
          anyOf: cat.actions.map((a) => ({ const: a.type, description: a.meaning })),
        },
        params: { type: 'object' },
      },
      allOf: cat.actions.map(actionParams),
    },
  };
}

/**
 * For comparisons on facts of one type (all numbers; all booleans; each set of enum values): the
 * undecorated operators that fit, and for each the value it takes. Decorated operators are left to
 * the validator, which follows the decorators' types.
 */
function factComparisons(kind: string, facts: readonly FactSpec[]): Schema[] {
  const groups = new Map<string, FactSpec[]>();
  for (const fact of facts) {
    const numeric = fact.type === 'number' || fact.type === 'integer';
    const key = JSON.stringify([numeric ? 'number' : fact.type, numeric ? [] : (fact.values ?? [])]);
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  return [...groups.values()].map((group) => {
    const fact = group[0]!;
    const factRef = ref(`${kind}.factReference`);
    const fitting = fittingOperators(fact);
    const single = element(fact);
    const cases: [readonly OperatorName[], Schema][] =
      fact.type === 'list'
        ? [[CONTAINMENT_OPERATORS, single]]
        : [
            [SCALAR_OPERATORS.filter((op) => fitting.includes(op)), single],
            [MEMBERSHIP_OPERATORS, { type: 'array', items: single }],
          ];
    const names = group.map((f) => f.name);
    return {
      if: {
        properties: { fact: names.length === 1 ? { const: names[0] } : { enum: names } },
        required: ['fact'],
      },
      then: {
        properties: { operator: { anyOf: [{ enum: fitting }, ref('decoratedOperator')] } },
        allOf: cases.map(([operators, value]) => ({
          if: { properties: { operator: { enum: [...operators] } }, required: ['operator'] },
          then: { properties: { value: { anyOf: [value, factRef] } } },
        })),
      },
    };
  });
}

/** One value of the fact (an element, for a list). Integers compare with any number. */
function element(fact: FactSpec): Schema {
  switch (fact.type) {
    case 'number':
    case 'integer':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
    case 'list':
      return { enum: [...(fact.values ?? [])] };
  }
}

function actionParams(action: ActionSpec): Schema {
  const required = action.params.filter((p) => p.required).map((p) => p.name);
  return {
    if: { properties: { type: { const: action.type } }, required: ['type'] },
    then: {
      properties: {
        params: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(action.params.map((p) => [p.name, valueSchema(p)])),
          ...(required.length ? { required } : {}),
        },
      },
      ...(required.length ? { required: ['params'] } : {}),
    },
  };
}

function valueSchema(spec: TypedSpec): Schema {
  const description = specDescription(spec);
  switch (spec.type) {
    case 'number':
    case 'integer':
      return {
        description,
        type: spec.type,
        ...(spec.min !== undefined ? { minimum: spec.min } : {}),
        ...(spec.max !== undefined ? { maximum: spec.max } : {}),
      };
    case 'boolean':
      return { description, type: 'boolean' };
    case 'enum':
      return { description, enum: [...(spec.values ?? [])] };
    case 'list':
      return { description, type: 'array', items: { enum: [...(spec.values ?? [])] } };
  }
}

/** `months until the contract matures (integer, months, 0–96)` */
function specDescription(spec: TypedSpec): string {
  const range =
    spec.min !== undefined && spec.max !== undefined
      ? `${spec.min}–${spec.max}`
      : spec.min !== undefined
        ? `≥ ${spec.min}`
        : spec.max !== undefined
          ? `≤ ${spec.max}`
          : '';
  const details = [spec.type, spec.unit, range].filter((d) => d !== '');
  return `${spec.meaning} (${details.join(', ')})`;
}
