import type { TypedSpec } from './catalogue/index.ts';
import { checkValue } from './compile/check-value.ts';
import { suggest } from './validate/suggest.ts';
import type { ParameterDecl, ParameterValue, RuleSet } from './rule-set.ts';
import { nameText } from './validate/text.ts';

/** A parameter declaration seen as a typed spec, so facts and parameters share one type check. */
export function parameterSpec(name: string, decl: ParameterDecl): TypedSpec {
  return {
    name,
    type: decl.type,
    ...(decl.values !== undefined ? { values: decl.values } : {}),
    unit: decl.unit ?? '',
    ...(decl.min !== undefined ? { min: decl.min } : {}),
    ...(decl.max !== undefined ? { max: decl.max } : {}),
    meaning: decl.description ?? '',
  };
}

/** The declared parameters of a rule set by name (own keys only: `__proto__` is an ordinary name). */
export function declaredParameters(ruleSet: RuleSet): Map<string, ParameterDecl> {
  return new Map(ruleSet.parameters === undefined ? [] : Object.entries(ruleSet.parameters));
}

/**
 * The values a rule set's parameters take: each declared default, replaced by a scenario's
 * override where one is given. Throws an Error `invalid parameter override X: …` for an
 * undeclared name or a value that does not fit the declaration (type, enum values, min/max).
 * @example resolveParameters(tcm, { contactWindowStart: 15 }) // Map { 'contactWindowStart' => 15, … }
 */
export function resolveParameters(
  ruleSet: RuleSet,
  overrides?: Readonly<Record<string, ParameterValue>>,
): Map<string, ParameterValue> {
  const declared = declaredParameters(ruleSet);
  const resolved = new Map<string, ParameterValue>();
  for (const [name, decl] of declared) {
    const problem = checkValue(parameterSpec(name, decl), decl.default, true);
    if (problem !== undefined) throw new Error(`invalid parameter ${name}: default ${problem}`);
    resolved.set(name, decl.default);
  }
  for (const [name, value] of overrides === undefined ? [] : Object.entries(overrides)) {
    const decl = declared.get(name);
    if (decl === undefined) {
      const near = suggest(name, declared.keys(), { limit: 1 })[0];
      const hint = near === undefined ? '' : ` (did you mean "${near}"?)`;
      const known =
        declared.size === 0 ? 'it declares none' : `it declares ${[...declared.keys()].join(', ')}`;
      throw new Error(
        `invalid parameter override ${nameText(name)}: rule set "${ruleSet.name}" declares no such parameter; ${known}${hint}`,
      );
    }
    const problem = checkValue(parameterSpec(name, decl), value, true);
    if (problem !== undefined) throw new Error(`invalid parameter override ${nameText(name)}: ${problem}`);
    resolved.set(name, value);
  }
  return resolved;
}
