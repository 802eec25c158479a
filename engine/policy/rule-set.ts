import type { PolicyKind } from '../domain/lists.ts';

/**
 * The rule-set file format. `rules` are json-rules-engine rules; `conditions` are shared named
 * conditions that rules reference with `{"condition": "name"}`; `parameters` are typed policy
 * constants that rules read as facts (`{"fact": "contactWindowStart"}`) and a scenario may override.
 */
export interface RuleSet {
  $schema?: string;
  kind: PolicyKind;
  name: string;
  description: string;
  /** `first`: the highest-priority fired event decides; `collect`: every fired event is carried out, in order. */
  hitPolicy: HitPolicy;
  parameters?: Record<string, ParameterDecl>;
  conditions?: Record<string, TopCondition>;
  rules: Rule[];
}

export type HitPolicy = 'first' | 'collect';
export const HIT_POLICIES: readonly HitPolicy[] = ['first', 'collect'];

export type ParameterType = 'number' | 'integer' | 'boolean' | 'enum';
export type ParameterValue = number | boolean | string;

export interface ParameterDecl {
  type: ParameterType;
  default: ParameterValue;
  /** Allowed values of an `enum` parameter. */
  values?: string[];
  unit?: string;
  min?: number;
  max?: number;
  description?: string;
}

/** A JSON literal on the right-hand side of a comparison. */
export type Literal = number | boolean | string | null | Literal[];

/** A fact (or parameter) used as the right-hand value of a comparison. */
export interface FactRef {
  fact: string;
}

interface ConditionBase {
  name?: string;
  priority?: number;
}

export interface Comparison extends ConditionBase {
  fact: string;
  /** A default json-rules-engine 7 operator, optionally behind decorators: `not:someFact:equal`. */
  operator: string;
  value: Literal | FactRef;
}
export interface AllCondition extends ConditionBase {
  all: Condition[];
}
export interface AnyCondition extends ConditionBase {
  any: Condition[];
}
export interface NotCondition extends ConditionBase {
  not: Condition;
}
export interface ConditionReference extends ConditionBase {
  condition: string;
}

/** A condition at the root of a rule or shared condition: json-rules-engine requires a boolean or a reference there. */
export type TopCondition = AllCondition | AnyCondition | NotCondition | ConditionReference;
export type Condition = Comparison | TopCondition;

export interface RuleEvent {
  type: string;
  params?: Record<string, ParameterValue>;
}

export interface Rule {
  name: string;
  /** json-rules-engine priority: higher runs first; default 1, must be > 0. */
  priority?: number;
  conditions: TopCondition;
  event: RuleEvent;
}

export function isFactRef(value: unknown): value is FactRef {
  // json-rules-engine treats any object with an own `fact` key as a fact reference (Almanac#getValue).
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'fact');
}
