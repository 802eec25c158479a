import type { TopCondition } from '../rule-set.ts';

/**
 * How one evaluation keeps the result of a shared condition that several places refer to, so it is
 * computed at most once per evaluation. `c3` in the generated source is a local of the evaluator:
 * - `eager`: first reached where evaluation always passes (see `must` in emit-condition.ts), so it
 *   is assigned there, as a boolean, before any later reference reads it;
 * - `lazy`: first reached where short-circuiting may skip it, so it starts at 0 (not computed yet)
 *   and holds 1 (true) or 2 (false) once computed.
 */
export interface SharedResult {
  /** The local's number (`c3`). */
  readonly index: number;
  /** Decided by the first reference emitted, which is the first one evaluated. */
  mode: 'eager' | 'lazy' | undefined;
}

/**
 * Names of the shared conditions referred to from more than one place: in rules, or in other
 * shared conditions that the rules reach. Each other shared condition is then reached at most once
 * per evaluation (its only referrer is itself reached at most once), so it stays inlined.
 * Malformed conditions are skipped here; the emitter reports them.
 */
export function repeatedConditions(
  roots: readonly unknown[],
  conditions: ReadonlyMap<string, TopCondition>,
): Set<string> {
  const sites = new Map<string, number>();
  const reached = new Set<string>();
  const pending: unknown[] = [...roots];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null || Array.isArray(node)) continue;
    const name: unknown = Object.hasOwn(node, 'condition')
      ? (node as { condition: unknown }).condition
      : undefined;
    if (typeof name === 'string') {
      sites.set(name, (sites.get(name) ?? 0) + 1);
      const shared = conditions.get(name);
      if (shared !== undefined && !reached.has(name)) {
        reached.add(name);
        pending.push(shared);
      }
      continue;
    }
    for (const form of ['all', 'any'] as const) {
      const children: unknown = Object.hasOwn(node, form)
        ? (node as Record<typeof form, unknown>)[form]
        : undefined;
      if (Array.isArray(children)) pending.push(...(children as unknown[]));
    }
    if (Object.hasOwn(node, 'not')) pending.push((node as { not: unknown }).not);
  }
  return new Set([...sites].filter(([, count]) => count > 1).map(([name]) => name));
}
