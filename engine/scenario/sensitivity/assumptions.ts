import { iterationKey } from '../../random/streams.ts';
import { WORLD, type World } from '../../world/assumptions.ts';
import { fieldsOf, type FieldOf, type Shape } from '../../world/declare.ts';
import { cdf, distSupport, isDist, quantile, type Dist } from '../../world/distributions.ts';
import { resolveWorld } from '../../world/resolve.ts';

/**
 * One world assumption a scenario leaves uncertain, as the sensitivity analysis moves it: a value at
 * each quantile, the share of its distribution below a value, and the `--set` value that holds it.
 */
export interface UncertainAssumption {
  /** Its dotted path in the world, e.g. 'economics.fundingRate' or 'dunning.cure.remind.reliable'. */
  readonly path: string;
  /** What a reader calls it, from its declaration (engine/world/assumptions.ts). */
  readonly label: string;
  /** The unit of its values, e.g. 'fraction per year' or '€'. */
  readonly unit: string;
  /** How it is uncertain, as JSON for the output (a distribution object). */
  readonly distribution: unknown;
  /** The values a break-even value is searched over: its support, p0.1–p99.9 where unbounded. */
  readonly searchRange: readonly [number, number];
  /** Its value at quantile p (0–1), in its unit. */
  quantile(p: number): number;
  /** The share (0–1) of its distribution at or below `value`. */
  cdf(value: number): number;
  /** The value `--set world.PATH=…` takes to hold it at `value` (for a plain field, `value` itself). */
  held(value: number): unknown;
}

/**
 * Where uncertain assumptions come from: which a world has, and what each drew in an iteration (by
 * path), so their draws can be correlated with the outcome without storing them during the run.
 */
export interface AssumptionSource {
  find(world: World): UncertainAssumption[];
  /** Reports each found assumption's value in iteration `iteration` of a run on `seed`. */
  drawn(world: World, seed: number, iteration: number, record: (path: string, value: number) => void): void;
}

/** The quantiles that bound a search on an unbounded side of a distribution. */
const UNBOUNDED_ENDS = [0.001, 0.999] as const;

/**
 * The world's values given as distributions (`{"dist": …}`, by a scenario, `--set` or the defaults),
 * drawn once per iteration by the world resolver from a stream of their own.
 */
export const WORLD_DISTRIBUTIONS: AssumptionSource = {
  find: uncertainAssumptions,
  drawn: (world, seed, iteration, record) => void resolveWorld(world, iterationKey(seed, iteration), record),
};

/**
 * Every world value of `world` that is a distribution, in declaration order, with a label read from its
 * declaration: the workbench's label where it has one, else the description's first clause, with the
 * table entry for an entry of a table. Transfers between parties (the manufacturer's residual support,
 * who pays what) are world assumptions like any other and are found the same way.
 * @example uncertainAssumptions(world)[0].label // 'Funding cost of the captive'
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
  found.push(
    distributed(
      at === '' ? fieldPath : `${fieldPath}.${at}`,
      field.edit?.[at] ?? (at === '' ? clause(field.description) : `${clause(field.description)}: ${at}`),
      shape.unit,
      value,
      [shape.lo, shape.hi],
    ),
  );
}

/** An assumption given as a distribution, within the declared domain `[lo, hi]`. */
function distributed(
  path: string,
  label: string,
  unit: string,
  dist: Dist,
  [lo, hi]: readonly [number, number],
): UncertainAssumption {
  const [from, to] = distSupport(dist);
  const low = Number.isFinite(from) ? from : quantile(dist, UNBOUNDED_ENDS[0]);
  const high = Number.isFinite(to) ? to : quantile(dist, UNBOUNDED_ENDS[1]);
  return {
    path,
    label,
    unit,
    distribution: dist,
    searchRange: [Math.max(low, lo), Math.min(high, hi)],
    quantile: (p) => quantile(dist, p),
    cdf: (value) => cdf(dist, value),
    held: (value) => value,
  };
}

/** The first clause of a description: up to its first comma, colon, parenthesis or full stop. */
function clause(description: string): string {
  const end = description.search(/[,:(]|\.(\s|$)/);
  return (end > 0 ? description.slice(0, end) : description).trim();
}
