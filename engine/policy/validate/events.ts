import { joinPointer } from '../../json/problem.ts';
import type { Scope } from './context.ts';
import { checkMembers } from './members.ts';
import { suggest, didYouMean } from '../../json/suggest.ts';
import { andList, isJsonObject, listText, show } from './text.ts';
import { describeWithBounds, misfit } from './values.ts';

/**
 * Checks a rule's event: an action of the kind's catalogue, with its required parameters, no
 * unknown ones, and each of the declared type, values and bounds.
 */
export function checkEvent(scope: Scope, event: unknown, pointer: string): void {
  const { report, catalogue } = scope;
  const types = catalogue?.actions.map((a) => a.type) ?? [];
  const typesText = catalogue ? `one of ${listText(types)}` : 'the name of an action';
  if (!isJsonObject(event)) {
    report.error(
      pointer,
      `invalid event ${show(event)}: expected {"type": …, "params": {…}} with a type ${typesText}`,
    );
    return;
  }
  checkMembers(report, event, pointer, ['type', 'params'], 'an event', [['type', typesText]]);
  const params = event.params;
  const paramsPointer = joinPointer(pointer, 'params');
  const hasParams = Object.hasOwn(event, 'params');
  if (hasParams && !isJsonObject(params)) {
    report.error(paramsPointer, `invalid params ${show(params)}: expected an object of action parameters`);
  }
  if (!Object.hasOwn(event, 'type')) return;
  const type = event.type;
  const typePointer = joinPointer(pointer, 'type');
  if (typeof type !== 'string') {
    report.error(typePointer, `invalid event type ${show(type)}: expected ${typesText}`);
    return;
  }
  if (!catalogue) return;
  const action = catalogue.actions.find((a) => a.type === type);
  if (!action) {
    report.error(
      typePointer,
      `unknown action ${show(type)} for ${catalogue.kind} rules: expected ${typesText}`,
      {
        hint: didYouMean(type, types),
      },
    );
    return;
  }
  if (hasParams && !isJsonObject(params)) return;
  const given = isJsonObject(params) ? params : {};
  const names = action.params.map((p) => p.name);

  const misspelt = new Set<string>();
  for (const [key, value] of Object.entries(given)) {
    const at = joinPointer(paramsPointer, key);
    const spec = action.params.find((p) => p.name === key);
    if (!spec) {
      const hint = didYouMean(key, names);
      const near = suggest(key, names, { limit: 1 })[0];
      if (near !== undefined) misspelt.add(near);
      report.error(at, `unknown parameter ${show(key)} of action ${action.type}`, {
        at: 'key',
        hint:
          hint ??
          (names.length ? `${action.type} takes ${andList(names)}` : `${action.type} takes no parameters`),
      });
      continue;
    }
    const wrong = misfit(value, spec);
    if (wrong)
      report.error(
        at,
        `invalid ${spec.name} ${show(value)} for action ${action.type}: expected ${wrong.expected}`,
        {
          hint: wrong.hint,
        },
      );
  }
  for (const spec of action.params) {
    if (!spec.required || Object.hasOwn(given, spec.name) || misspelt.has(spec.name)) continue;
    report.error(
      hasParams ? paramsPointer : pointer,
      `missing parameter ${show(spec.name)} of action ${action.type}: expected ${describeWithBounds(spec)}`,
    );
  }
}
