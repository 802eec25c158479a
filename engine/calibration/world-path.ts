import { WORLD } from '../world/assumptions.ts';
import { fieldsOf, type Shape } from '../world/declare.ts';
import type { World } from '../world/assumptions.ts';

/*
 * A calibrated parameter is one number of the world, named by its dotted path
 * ('payments.selfCure.habitual-late'): where it is declared, what values it may take, how to set it.
 */

/** Every path that names one number of the world (a `Num` field or a table entry of one), with its domain. */
export function numericPaths(): Map<string, { lo: number; hi: number; unit: string }> {
  const paths = new Map<string, { lo: number; hi: number; unit: string }>();
  const walk = (at: string, shape: Shape): void => {
    if (shape.kind === 'num') paths.set(at, { lo: shape.lo, hi: shape.hi, unit: shape.unit });
    else if (shape.kind === 'table') {
      for (const key of shape.keys) walk(`${at}.${key}`, shape.of as Shape);
    }
  };
  for (const { path, field } of fieldsOf(WORLD)) walk(path.join('.'), field.shape);
  return paths;
}

/** The value at `path` in `world` (a number, or a distribution a scenario gave). */
export function valueAt(world: World, path: string): unknown {
  let node: unknown = world;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node;
}

/** A copy of `world` with the number at `path` set to `value` (the rest shared, never mutated). */
export function withValue(world: World, path: string, value: number): World {
  const set = (node: unknown, keys: readonly string[]): unknown => {
    if (keys.length === 0) return value;
    const object = node as Record<string, unknown>;
    return { ...object, [keys[0]!]: set(object[keys[0]!], keys.slice(1)) };
  };
  return set(world, path.split('.')) as World;
}
