import type { Readable, Scope } from './context.ts';
import { didYouMean } from '../../json/suggest.ts';
import { listText, show } from './text.ts';

/**
 * The fact or parameter a comparison reads, or undefined. An unknown name is reported with the
 * nearest known names (the kind's facts and the rule set's parameters); without a known kind,
 * nothing can be said and nothing is reported.
 */
export function lookupReadable(scope: Scope, name: unknown, pointer: string): Readable | undefined {
  if (typeof name !== 'string') {
    scope.report.error(pointer, `invalid fact ${show(name)}: expected the name of a fact or parameter`);
    return undefined;
  }
  const found = scope.readables.get(name);
  if (found || !scope.catalogue) return found;
  const known = [...scope.readables.keys()];
  const facts = [...scope.readables.values()].filter((r) => r.source === 'fact').map((r) => r.name);
  const parameters = [...scope.readables.values()].filter((r) => r.source === 'parameter').map((r) => r.name);
  const listing =
    `${scope.catalogue.kind} facts: ${listText(facts)}` +
    (parameters.length ? `; parameters: ${listText(parameters.map(show))}` : '');
  scope.report.error(pointer, `unknown fact ${show(name)} for ${scope.catalogue.kind} rules`, {
    hint: didYouMean(name, known) ?? listing,
  });
  return undefined;
}
