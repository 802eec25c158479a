import { joinPointer } from '../../json/problem.ts';
import type { KindCatalogue } from '../catalogue/index.ts';
import type { ParameterType } from '../rule-set.ts';
import type { Readable, Scope, TypeSpec } from './context.ts';
import { checkMembers } from './members.ts';
import { didYouMean } from '../../json/suggest.ts';
import { isJsonObject, listText, nameText, show } from './text.ts';
import { misfit } from './values.ts';

export const PARAMETER_TYPES: readonly ParameterType[] = ['number', 'integer', 'boolean', 'enum'];
export const PARAMETER_KEYS = ['type', 'default', 'values', 'unit', 'min', 'max', 'description'] as const;

/**
 * Checks the `parameters` declarations and returns them as readables. A parameter whose declaration
 * is broken is still returned (without a type), so that rules using it are not also reported as
 * using an unknown fact.
 */
export function checkParameters(
  scope: Pick<Scope, 'report'>,
  catalogue: KindCatalogue | undefined,
  parameters: unknown,
  pointer: string,
): Readable[] {
  const { report } = scope;
  if (!isJsonObject(parameters)) {
    report.error(
      pointer,
      `invalid parameters ${show(parameters)}: expected an object of declarations {"name": {"type": …, "default": …}}`,
    );
    return [];
  }
  const result: Readable[] = [];
  for (const [name, decl] of Object.entries(parameters)) {
    const at = joinPointer(pointer, name);
    const shadowed = catalogue?.facts.find((f) => f.name === name);
    if (shadowed)
      report.error(
        at,
        `invalid parameter name ${show(name)}: it would hide the ${catalogue!.kind} fact ${shadowed.name}`,
        {
          at: 'key',
          hint: 'give the parameter a name of its own',
        },
      );
    if (name === '') report.error(at, 'invalid parameter name "": expected a non-empty name', { at: 'key' });
    const spec = checkDeclaration(scope, name, decl, at);
    // A comparison naming a shadowed parameter reads the fact, so the parameter is not readable.
    if (!shadowed) result.push({ name, source: 'parameter', spec });
  }
  return result;
}

function checkDeclaration(
  scope: Pick<Scope, 'report'>,
  name: string,
  decl: unknown,
  pointer: string,
): TypeSpec | undefined {
  const { report } = scope;
  const label = `parameter ${nameText(name)}`;
  if (!isJsonObject(decl)) {
    report.error(
      pointer,
      `invalid ${label}: expected a declaration {"type": …, "default": …}, got ${show(decl)}`,
    );
    return undefined;
  }
  checkMembers(report, decl, pointer, PARAMETER_KEYS, 'a parameter declaration', [
    ['type', `one of ${listText(PARAMETER_TYPES)}`],
    ['default', 'the value the parameter takes unless a scenario overrides it'],
  ]);
  for (const key of ['unit', 'description'] as const)
    if (Object.hasOwn(decl, key) && typeof decl[key] !== 'string')
      report.error(
        joinPointer(pointer, key),
        `invalid ${key} ${show(decl[key])} for ${label}: expected a string`,
      );

  const type = decl.type;
  if (Object.hasOwn(decl, 'type') && !PARAMETER_TYPES.includes(type as ParameterType)) {
    report.error(
      joinPointer(pointer, 'type'),
      `invalid type ${show(type)} for ${label}: expected one of ${listText(PARAMETER_TYPES)}`,
      {
        hint: typeof type === 'string' ? didYouMean(type, PARAMETER_TYPES) : undefined,
      },
    );
    return undefined;
  }
  if (!Object.hasOwn(decl, 'type')) return undefined;
  const spec = checkTypeDetails(scope, decl, pointer, label, type as ParameterType);
  if (spec && Object.hasOwn(decl, 'default')) {
    const wrong = misfit(decl.default, spec);
    if (wrong)
      report.error(
        joinPointer(pointer, 'default'),
        `invalid default ${show(decl.default)} for ${label}: expected ${wrong.expected}`,
        {
          hint: wrong.hint,
        },
      );
  }
  return spec;
}

/** `values` for an enum, `min`/`max` for numbers; each only where it means something. */
function checkTypeDetails(
  scope: Pick<Scope, 'report'>,
  decl: Record<string, unknown>,
  pointer: string,
  label: string,
  type: ParameterType,
): TypeSpec | undefined {
  const { report } = scope;
  const numeric = type === 'number' || type === 'integer';
  let spec: TypeSpec | undefined = { type };

  if (type === 'enum') {
    const values = decl.values;
    const at = joinPointer(pointer, 'values');
    if (!Object.hasOwn(decl, 'values')) {
      report.error(pointer, `missing property "values": expected the values the enum ${label} can take`);
      spec = undefined;
    } else if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string')) {
      report.error(at, `invalid values ${show(values)} for ${label}: expected a non-empty array of strings`);
      spec = undefined;
    } else {
      const seen = new Set<string>();
      values.forEach((v: string, i) => {
        if (seen.has(v))
          report.error(joinPointer(at, i), `duplicate value ${show(v)} in the values of ${label}`);
        seen.add(v);
      });
      spec = { type, values };
    }
  } else if (Object.hasOwn(decl, 'values')) {
    report.error(
      joinPointer(pointer, 'values'),
      `invalid values for ${label}: only an enum parameter has values`,
    );
  }

  const bounds: { min?: number; max?: number } = {};
  for (const key of ['min', 'max'] as const) {
    if (!Object.hasOwn(decl, key)) continue;
    const at = joinPointer(pointer, key);
    if (!numeric)
      report.error(at, `invalid ${key} for ${label}: only a number or integer parameter has bounds`);
    else if (typeof decl[key] !== 'number')
      report.error(at, `invalid ${key} ${show(decl[key])} for ${label}: expected a number`);
    else bounds[key] = decl[key];
  }
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) {
    report.error(
      joinPointer(pointer, 'max'),
      `invalid bounds for ${label}: max ${bounds.max} is below min ${bounds.min}`,
    );
    // Reported once: the default is not also held against bounds that contradict each other.
    delete bounds.min;
    delete bounds.max;
  }
  if (!spec || !numeric) return spec;
  return { ...spec, ...bounds, ...(typeof decl.unit === 'string' ? { unit: decl.unit } : {}) };
}
