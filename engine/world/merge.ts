import { describeValue as describe } from '../json/describe.ts';
import { joinPointer, valueProblem, type ValueProblem } from '../json/problem.ts';
import { didYouMean } from '../json/suggest.ts';
import type { World } from './assumptions.ts';
import { checkCurve } from './curve.ts';
import { checkNum, distSupport, isDist, type Num } from './distributions.ts';
import { WORLD_SCHEMA, type SchemaNode } from './schema.ts';

/*
 * Checking and merging a scenario's `world` block. Each problem is at the JSON pointer of the offending
 * value, its message `invalid world.<path>: <what is wrong, what was expected>`, like the portfolio's.
 */

interface Place {
  readonly name: string;
  readonly pointer: string;
}

const child = (place: Place, key: string): Place => ({
  name: `${place.name}.${key}`,
  pointer: joinPointer(place.pointer, key),
});

const fail = (place: Place, message: string, hint?: string): ValueProblem =>
  valueProblem(place.pointer, `invalid ${place.name}: ${message}`, hint);

/**
 * Merges a scenario's `world` block (found at JSON pointer `pointer`, e.g. `/world`) into `base`:
 * objects merge key by key, arrays (curves, profiles) and scalars (numbers, distributions) replace.
 * Unknown keys, wrong types and values outside an assumption's domain are reported; when there is any
 * problem, `world` is `base` unchanged.
 * @example mergeWorld(defaultWorld(), { market: { marketShift: 0.1 } }, '/world').world.market.marketShift // 0.1
 */
export function mergeWorld(
  base: World,
  override: unknown,
  pointer: string,
): { world: World; problems: ValueProblem[] } {
  const root: Place = { name: 'world', pointer };
  const problems = checkNode(WORLD_SCHEMA, override, root, false);
  if (problems.length > 0) return { world: base, problems };
  const merged = mergeValue(base, override) as World;
  const cross = crossChecks(merged, root);
  return cross.length > 0 ? { world: base, problems: cross } : { world: merged, problems: [] };
}

/**
 * Checks a complete world (every key present). Returns one problem per fault; empty when valid.
 * @example checkWorld(defaultWorld(), '/world') // []
 */
export function checkWorld(world: unknown, pointer: string): ValueProblem[] {
  const root: Place = { name: 'world', pointer };
  const problems = checkNode(WORLD_SCHEMA, world, root, true);
  return problems.length > 0 ? problems : crossChecks(world as World, root);
}

/**
 * Checks one numeric world assumption at `path` (e.g. ['economics', 'fundingRate']) as a scenario file's
 * `world` block would be checked: a number or a distribution, within the assumption's domain. For
 * editors that change one value at a time; the problems point at `/world/…`.
 */
export function checkWorldValue(path: readonly string[], value: unknown): ValueProblem[] {
  let node: SchemaNode = WORLD_SCHEMA;
  let place: Place = { name: 'world', pointer: '/world' };
  for (const key of path) {
    const next: SchemaNode | undefined = node.kind === 'object' ? node.fields.get(key) : undefined;
    if (!next) return [fail(child(place, key), 'unknown assumption')];
    node = next;
    place = child(place, key);
  }
  if (node.kind !== 'num') return [fail(place, 'is not a numeric assumption')];
  return checkNumNode(value, place, node.lo, node.hi, node.unit);
}

function mergeValue(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override) || isDist(override) || isDist(base)) {
    return override === undefined ? base : override;
  }
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(base)) merged[key] = base[key];
  for (const key of Object.keys(override)) {
    merged[key] = Object.hasOwn(base, key) ? mergeValue(base[key], override[key]) : override[key];
  }
  return merged;
}

function checkNode(node: SchemaNode, x: unknown, place: Place, complete: boolean): ValueProblem[] {
  switch (node.kind) {
    case 'num':
      return checkNumNode(x, place, node.lo, node.hi, node.unit);
    case 'curve': {
      const problems = checkCurve(x, place.pointer, place.name);
      if (problems.length > 0) return problems;
      const points = x as readonly (readonly [number, number])[];
      return points.flatMap(([, y], i) =>
        y < node.lo || y > node.hi
          ? [
              fail(
                child(child(place, String(i)), '1'),
                `y ${y} is outside ${range(node.lo, node.hi)} (${node.unit})`,
              ),
            ]
          : [],
      );
    }
    case 'numbers': {
      if (!Array.isArray(x))
        return [fail(place, `expected an array of numbers (${node.unit}), got ${describe(x)}`)];
      if (node.length !== undefined && x.length !== node.length) {
        return [fail(place, `expected exactly ${node.length} numbers, got ${x.length}`)];
      }
      if (node.minLength !== undefined && x.length < node.minLength) {
        return [fail(place, `expected at least ${node.minLength} number(s), got ${x.length}`)];
      }
      const problems: ValueProblem[] = [];
      x.forEach((v: unknown, i) => {
        if (typeof v !== 'number' || !Number.isFinite(v) || v < node.lo || v > node.hi) {
          problems.push(
            fail(
              child(place, String(i)),
              `expected a number in ${range(node.lo, node.hi)}, got ${describe(v)}`,
            ),
          );
        }
      });
      if (problems.length === 0 && node.positiveSum === true && !x.some((v: number) => v > 0)) {
        problems.push(fail(place, 'expected at least one positive weight'));
      }
      return problems;
    }
    case 'integer':
      return typeof x === 'number' && Number.isInteger(x) && x >= node.lo && x <= node.hi
        ? []
        : [
            fail(
              place,
              `expected an integer from ${node.lo} to ${node.hi} (${node.unit}), got ${describe(x)}`,
            ),
          ];
    case 'object': {
      const known = [...node.fields.keys()];
      if (!isPlainObject(x) || isDist(x)) {
        return [fail(place, `expected an object with keys ${known.join(', ')}, got ${describe(x)}`)];
      }
      const problems: ValueProblem[] = [];
      for (const key of Object.keys(x)) {
        const field = node.fields.get(key);
        if (field === undefined) {
          problems.push(
            fail(
              child(place, key),
              `unknown assumption: expected one of ${known.join(', ')}`,
              didYouMean(key, known, { limit: 1 }),
            ),
          );
          continue;
        }
        problems.push(...checkNode(field, x[key], child(place, key), complete));
      }
      if (complete) {
        for (const key of known)
          if (!Object.hasOwn(x, key)) problems.push(fail(child(place, key), 'missing'));
      }
      return problems;
    }
  }
}

function checkNumNode(x: unknown, place: Place, lo: number, hi: number, unit: string): ValueProblem[] {
  const problems = checkNum(x, place.pointer, place.name);
  if (problems.length > 0) return problems;
  const [min, max] = distSupport(x as Num);
  if (min >= lo && max <= hi) return [];
  const what =
    typeof x === 'number'
      ? `${x} is outside ${range(lo, hi)}`
      : `the distribution can take values outside ${range(lo, hi)}`;
  const fits =
    typeof x === 'number'
      ? ''
      : hi === Infinity
        ? `; use lognormal, or triangular, pert, uniform or beta with min ≥ ${lo}`
        : `; use beta, triangular, pert or uniform with bounds within ${range(lo, hi)}`;
  return [fail(place, `${what} (${unit})${fits}`)];
}

/** Checks that span several fields of a structurally valid world. */
function crossChecks(world: World, root: Place): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const market = child(root, 'market');
  for (const key of ['conditionAtReturn', 'conditionAtRepossession'] as const) {
    const weights = Object.values(world.market[key]) as Num[];
    if (!weights.some((w) => distSupport(w)[1] > 0)) {
      problems.push(fail(child(market, key), 'expected at least one grade with a positive probability'));
    }
  }
  const leads = child(root, 'leads');
  const { openingHour, closingHour } = world.leads;
  if (closingHour <= openingHour) {
    problems.push(
      fail(child(leads, 'closingHour'), `${closingHour} must be later than openingHour ${openingHour}`),
    );
  }
  const dunning = child(root, 'dunning');
  const waiting = distSupport(world.dunning.claimWaitingDays);
  const window = distSupport(world.dunning.claimWindowDays);
  if (window[0] < waiting[1] && window[1] < waiting[0]) {
    problems.push(
      fail(child(dunning, 'claimWindowDays'), 'the claim window closes before the waiting period ends'),
    );
  }
  return problems;
}

function range(lo: number, hi: number): string {
  return `[${lo === -Infinity ? '−∞' : lo}, ${hi === Infinity ? '∞' : hi}]`;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
