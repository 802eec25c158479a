import { WORLD, type World } from '../../world/assumptions.ts';
import { fieldsOf, type FieldOf, type Shape } from '../../world/declare.ts';
import { isDist, type Dist } from '../../world/distributions.ts';

/** One world assumption a scenario leaves uncertain: a value drawn from a distribution each iteration. */
export interface UncertainAssumption {
  /** Its dotted path in the world, e.g. 'economics.fundingRate' or 'dunning.cure.remind.reliable'. */
  readonly path: string;
  /** What a reader calls it, from its declaration (engine/world/assumptions.ts). */
  readonly label: string;
  /** Its unit, e.g. 'fraction per year' or '€'. */
  readonly unit: string;
  /** The values its declaration allows, [lo, hi] (±Infinity: unbounded). */
  readonly lo: number;
  readonly hi: number;
  readonly dist: Dist;
}

/**
 * Every world value of `world` that is a distribution, in declaration order, with a label read from its
 * declaration: the workbench's label where it has one, else the description's first clause, with the
 * table entry for an entry of a table. Transfers between parties (the manufacturer's residual support,
 * who pays what) are world assumptions like any other and are found the same way.
 * @example uncertainAssumptions(world)[0] // { path: 'economics.fundingRate', label: 'Funding cost of the captive', … }
 */
export function uncertainAssumptions(world: World): UncertainAssumption[] {
  const found: UncertainAssumption[] = [];
  for (const { path, field } of fieldsOf(WORLD)) {
    const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], world);
    collect(field, field.shape, value, path.join('.'), [], found);
  }
  return found;
}

/** Adds the distributions within `value` (of shape `shape`, a field or an entry of its tables). */
function collect(
  field: FieldOf,
  shape: Shape,
  value: unknown,
  fieldPath: string,
  entry: readonly string[],
  found: UncertainAssumption[],
): void {
  if (shape.kind === 'table') {
    if (typeof value !== 'object' || value === null) return;
    for (const key of shape.keys) {
      const inner = (value as Record<string, unknown>)[key];
      collect(field, shape.of as Shape, inner, fieldPath, [...entry, key], found);
    }
    return;
  }
  if (shape.kind !== 'num' || !isDist(value)) return;
  const at = entry.join('.');
  found.push({
    path: at === '' ? fieldPath : `${fieldPath}.${at}`,
    label:
      field.edit?.[at] ?? (at === '' ? clause(field.description) : `${clause(field.description)}: ${at}`),
    unit: shape.unit,
    lo: shape.lo,
    hi: shape.hi,
    dist: value,
  });
}

/** The first clause of a description: up to its first comma, colon, parenthesis or full stop. */
function clause(description: string): string {
  const end = description.search(/[,:(]|\.(\s|$)/);
  return (end > 0 ? description.slice(0, end) : description).trim();
}
