import { joinPointer, valueProblem, type ValueProblem } from '../json/problem.ts';
import type { TypedSpec } from './catalogue/index.ts';
import { checkValue } from './check-value.ts';
import { didYouMean } from '../json/suggest.ts';
import type { ParameterDecl, ParameterValue, RuleSet } from './rule-set.ts';

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
 * The problems of a scenario's overrides of a rule set's parameters (found at JSON pointer `pointer`),
 * each at its own pointer: an undeclared name (with the closest declared one as a hint) or a value that
 * does not fit the declaration (type, enum values, min/max). Empty when every override fits.
 * @example checkParameterOverrides(tcm, { contactWindowStart: 'soon' }, '/parameters/engagement')
 */
export function checkParameterOverrides(
  ruleSet: RuleSet,
  overrides: Readonly<Record<string, unknown>>,
  pointer: string,
): ValueProblem[] {
  const declared = declaredParameters(ruleSet);
  const problems: ValueProblem[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    const at = joinPointer(pointer, name);
    const decl = declared.get(name);
    if (decl === undefined) {
      const known =
        declared.size === 0 ? 'it declares none' : `it declares ${[...declared.keys()].join(', ')}`;
      problems.push(
        valueProblem(
          at,
          `invalid parameter override ${name}: rule set "${ruleSet.name}" declares no such parameter; ${known}`,
          didYouMean(name, declared.keys(), { limit: 1 }),
        ),
      );
      continue;
    }
    const problem = checkValue(parameterSpec(name, decl), value, true);
    if (problem !== undefined)
      problems.push(valueProblem(at, `invalid parameter override ${name}: ${problem}`));
  }
  return problems;
}

/**
 * The values a rule set's parameters take: each declared default, replaced by an override where one is
 * given. For overrides already checked ({@link checkParameterOverrides}, as loading a scenario does):
 * throws an Error `invalid parameter …` for a default or an override that does not fit, a programming
 * error at this point.
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
  if (overrides === undefined) return resolved;
  const [first] = checkParameterOverrides(ruleSet, overrides, '');
  if (first !== undefined) throw new Error(first.hint ? `${first.message} (${first.hint})` : first.message);
  for (const [name, value] of Object.entries(overrides)) resolved.set(name, value);
  return resolved;
}
