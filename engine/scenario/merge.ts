import { parsePointer } from '../json/pointer.ts';
/**
 * How `extends` combines a scenario with its parent: objects merge deeply (the child's keys win),
 * arrays and scalars replace. A distribution (`{"dist": …}`) is one value and replaces as a whole, so a
 * child can swap a triangular for a normal without inheriting stale keys. `null` in the child replaces
 * too (it does not delete).
 * @example deepMerge({ run: { seed: 1, iterations: 200 } }, { run: { seed: 7 } }) // { run: { seed: 7, iterations: 200 } }
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override) || isDistribution(base) || isDistribution(override)) {
    return override === undefined ? base : override;
  }
  const merged: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(base)) merged[key] = base[key];
  for (const key of Object.keys(override)) {
    merged[key] = Object.hasOwn(base, key) ? deepMerge(base[key], override[key]) : override[key];
  }
  return merged;
}

function isDistribution(value: Record<string, unknown>): boolean {
  return Object.hasOwn(value, 'dist');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at an RFC 6901 pointer, or undefined (own properties only). */
export function valueAt(root: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens === undefined) return undefined;
  let node: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isPlainObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}
