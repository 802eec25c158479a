import type { JsonDocument } from '../../json/document.ts';
import type { Problem } from '../../json/problem.ts';
import { joinPointer } from '../../json/problem.ts';
import { ProblemReporter } from '../../json/reporter.ts';
import type { PolicyKind } from '../../domain/lists.ts';
import { CATALOGUES } from '../catalogue/index.ts';
import { POLICY_KINDS } from '../../domain/lists.ts';
import { HIT_POLICIES } from '../rule-set.ts';
import type { RuleSet } from '../rule-set.ts';
import { checkCondition } from './conditions.ts';
import type { Readable, Scope } from './context.ts';
import { checkConditionCycles } from './cycles.ts';
import { checkMembers } from './members.ts';
import { checkParameters } from './parameters.ts';
import { checkReachability } from './reachability.ts';
import { checkRules } from './rules.ts';
import { didYouMean } from '../../json/suggest.ts';
import { isJsonObject, listText, orList, show } from './text.ts';

export const RULE_SET_KEYS = [
  '$schema',
  'kind',
  'name',
  'description',
  'hitPolicy',
  'parameters',
  'conditions',
  'rules',
] as const;

const RULE_SET_EXPECTED =
  'expected a rule set: an object with "kind", "name", "description", "hitPolicy" and "rules"';

/**
 * Validates a parsed rule-set file against the language: its structure, the kind's facts and
 * actions, operator types, parameters, shared conditions; then, when it has no errors, warns of rules
 * that can never fire or never decide. Every problem is located through `doc`, in document order.
 */
export function validateRuleSet(value: unknown, doc: JsonDocument): Problem[] {
  const report = new ProblemReporter(doc);
  if (!isJsonObject(value) || !Object.hasOwn(value, 'kind') || !Object.hasOwn(value, 'rules')) {
    const missing = isJsonObject(value) ? ['kind', 'rules'].filter((k) => !Object.hasOwn(value, k)) : [];
    report.error('', RULE_SET_EXPECTED, {
      hint: isJsonObject(value) ? `missing ${missing.map(show).join(' and ')}` : `got ${show(value)}`,
    });
    return report.problems();
  }
  checkMembers(report, value, '', RULE_SET_KEYS, 'the rule set', [
    ['name', 'a short name for the rule set'],
    ['description', 'a sentence or two on what the policy does'],
    ['hitPolicy', orList(HIT_POLICIES.map(show))],
  ]);
  const kind = checkKind(report, value.kind);
  for (const key of ['$schema', 'name', 'description'] as const)
    if (Object.hasOwn(value, key) && typeof value[key] !== 'string')
      report.error(joinPointer('', key), `invalid ${key} ${show(value[key])}: expected a string`);
  if (Object.hasOwn(value, 'hitPolicy') && !HIT_POLICIES.includes(value.hitPolicy as never))
    report.error(
      '/hitPolicy',
      `invalid hitPolicy ${show(value.hitPolicy)}: expected ${orList(HIT_POLICIES.map(show))}`,
      {
        hint: typeof value.hitPolicy === 'string' ? didYouMean(value.hitPolicy, HIT_POLICIES) : undefined,
      },
    );

  const catalogue = kind ? CATALOGUES[kind] : undefined;
  const readables = new Map<string, Readable>();
  for (const fact of catalogue?.facts ?? [])
    readables.set(fact.name, { name: fact.name, source: 'fact', spec: fact });
  if (Object.hasOwn(value, 'parameters'))
    for (const p of checkParameters({ report }, catalogue, value.parameters, '/parameters'))
      readables.set(p.name, p);

  const shared = Object.hasOwn(value, 'conditions') ? value.conditions : {};
  const sharedOk = isJsonObject(shared);
  if (!sharedOk)
    report.error('/conditions', `invalid conditions ${show(shared)}: expected an object of named conditions`);
  const scope: Scope = {
    report,
    catalogue,
    readables,
    sharedConditions: new Set(sharedOk ? Object.keys(shared) : []),
    references: new Map(),
  };
  if (sharedOk)
    for (const [name, condition] of Object.entries(shared))
      checkCondition(scope, condition, joinPointer('/conditions', name), {
        top: true,
        shared: name,
        depth: 0,
      });
  checkConditionCycles(scope);
  checkRules(scope, value.rules, '/rules');

  if (report.errorCount === 0) checkReachability(report, value as unknown as RuleSet);
  return report.problems();
}

function checkKind(report: ProblemReporter, kind: unknown): PolicyKind | undefined {
  if (POLICY_KINDS.includes(kind as PolicyKind)) return kind as PolicyKind;
  report.error('/kind', `invalid kind ${show(kind)}: expected one of ${listText(POLICY_KINDS)}`, {
    hint: typeof kind === 'string' ? didYouMean(kind, POLICY_KINDS) : undefined,
  });
  return undefined;
}
