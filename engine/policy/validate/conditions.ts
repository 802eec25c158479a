import { joinPointer } from '../../json/problem.ts';
import { COMPARISON_KEYS, checkComparison } from './comparison.ts';
import type { Scope } from './context.ts';
import { checkConditionExtras } from './name-and-priority.ts';
import { checkMembers, unknownPropertyHint } from './members.ts';
import { didYouMean } from '../../json/suggest.ts';
import { andList, isJsonObject, listText, show } from './text.ts';

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
type BooleanKey = (typeof BOOLEAN_KEYS)[number];
const ALL_KEYS: readonly string[] = [...BOOLEAN_KEYS, 'condition', ...COMPARISON_KEYS];

export const TOP_CONDITION_FORMS = '{"all": […]}, {"any": […]}, {"not": …} or {"condition": "name"}';

/** Where a condition sits: at the root of a rule or shared condition, or inside another. */
export interface ConditionPlace {
  readonly top: boolean;
  /** The shared condition being walked, for the reference graph; undefined inside a rule. */
  readonly shared?: string | undefined;
  /** How many conditions enclose this one. */
  readonly depth: number;
}

/** Deeper than any policy a person writes; a guard against hostile files exhausting the stack. */
export const MAX_CONDITION_DEPTH = 64;

/**
 * Checks a condition tree the way json-rules-engine reads it: a boolean (`all`, `any`, `not`), a
 * reference to a shared condition, or (below the root) a comparison. Exactly one form per object.
 */
export function checkCondition(
  scope: Scope,
  condition: unknown,
  pointer: string,
  place: ConditionPlace,
): void {
  const { report } = scope;
  if (place.depth > MAX_CONDITION_DEPTH) {
    report.error(pointer, `invalid condition: nested more than ${MAX_CONDITION_DEPTH} levels deep`, {
      hint: 'name parts of it as shared conditions',
    });
    return;
  }
  if (!isJsonObject(condition)) {
    report.error(pointer, `invalid condition ${show(condition)}: expected ${formsText(place)}`);
    return;
  }
  const booleans = BOOLEAN_KEYS.filter((k) => Object.hasOwn(condition, k));
  const isReference = Object.hasOwn(condition, 'condition');
  const comparisonKeys = ['fact', 'operator', 'value'].filter((k) => Object.hasOwn(condition, k));
  const forms = [
    ...booleans,
    ...(isReference ? ['condition'] : []),
    ...(comparisonKeys.length ? ['fact'] : []),
  ];

  if (forms.length > 1) {
    const present = [...booleans, ...(isReference ? ['condition'] : []), ...comparisonKeys].map((k) =>
      show(k),
    );
    report.error(
      pointer,
      `invalid condition: it has ${andList(present)}, but a condition is exactly one of ${formsText(place)}`,
    );
    return;
  }
  if (forms.length === 0) {
    const unknown = Object.keys(condition).filter((k) => !ALL_KEYS.includes(k));
    if (unknown.length === 0) {
      report.error(pointer, `invalid condition: expected ${formsText(place)}`);
      return;
    }
    // An unknown key is most likely a misspelt form: say so once, at the key.
    for (const key of unknown)
      report.error(joinPointer(pointer, key), `unknown property ${show(key)} in a condition`, {
        at: 'key',
        hint: unknownPropertyHint(
          key,
          [...BOOLEAN_KEYS, 'condition', ...(place.top ? [] : ['fact'])],
          'a condition',
        ),
      });
    return;
  }

  const boolean = booleans[0];
  if (boolean) return checkBoolean(scope, condition, pointer, boolean, place);
  if (isReference) return checkReference(scope, condition, pointer, place);
  if (place.top)
    report.error(
      pointer,
      `invalid conditions: a rule or shared condition starts with ${TOP_CONDITION_FORMS}, not a comparison`,
      { hint: 'wrap it: {"all": [ … ]}' },
    );
  checkComparison(scope, condition, pointer);
}

function checkBoolean(
  scope: Scope,
  condition: Record<string, unknown>,
  pointer: string,
  key: BooleanKey,
  place: ConditionPlace,
): void {
  checkMembers(scope.report, condition, pointer, [key, 'name', 'priority'], `an "${key}" condition`);
  checkConditionExtras(scope, condition, pointer);
  const inner = condition[key];
  const innerPointer = joinPointer(pointer, key);
  const nested: ConditionPlace = { top: false, shared: place.shared, depth: place.depth + 1 };
  if (key === 'not') {
    if (Array.isArray(inner)) {
      scope.report.error(innerPointer, 'invalid "not": expected one condition, not an array', {
        hint: 'to negate several, wrap them: {"not": {"all": [ … ]}}',
      });
      return;
    }
    return checkCondition(scope, inner, innerPointer, nested);
  }
  if (!Array.isArray(inner)) {
    scope.report.error(innerPointer, `invalid "${key}" ${show(inner)}: expected an array of conditions`);
    return;
  }
  inner.forEach((child, index) => checkCondition(scope, child, joinPointer(innerPointer, index), nested));
}

function checkReference(
  scope: Scope,
  condition: Record<string, unknown>,
  pointer: string,
  place: ConditionPlace,
): void {
  const { report } = scope;
  checkMembers(report, condition, pointer, ['condition', 'name', 'priority'], 'a condition reference');
  checkConditionExtras(scope, condition, pointer);
  const target = condition.condition;
  const targetPointer = joinPointer(pointer, 'condition');
  if (typeof target !== 'string') {
    report.error(
      targetPointer,
      `invalid condition reference ${show(target)}: expected the name of a shared condition`,
    );
    return;
  }
  if (!scope.sharedConditions.has(target)) {
    const names = [...scope.sharedConditions];
    report.error(
      targetPointer,
      names.length
        ? `unknown condition ${show(target)}: expected one of ${listText(names.map(show))}`
        : `unknown condition ${show(target)}: this rule set declares no shared conditions`,
      { hint: didYouMean(target, names) },
    );
    return;
  }
  if (place.shared !== undefined) {
    const edges = scope.references.get(place.shared) ?? [];
    edges.push({ target, pointer: targetPointer });
    scope.references.set(place.shared, edges);
  }
}

function formsText(place: ConditionPlace): string {
  return place.top
    ? TOP_CONDITION_FORMS
    : `${TOP_CONDITION_FORMS.replace(' or ', ', ')} or a comparison {"fact", "operator", "value"}`;
}
