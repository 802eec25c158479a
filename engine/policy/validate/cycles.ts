import type { Scope } from './context.ts';
import { show } from './text.ts';

/**
 * Reports each cycle of references among shared conditions once, at the reference that closes it:
 * json-rules-engine would expand such a condition forever. Iterative, so that a hostile chain of
 * thousands of conditions cannot exhaust the stack.
 */
export function checkConditionCycles(scope: Scope): void {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of scope.sharedConditions) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const next: number[] = [0];
    state.set(start, 'open');
    while (path.length > 0) {
      const name = path[path.length - 1]!;
      const edges = scope.references.get(name) ?? [];
      const i = next[next.length - 1]!;
      if (i >= edges.length) {
        state.set(name, 'done');
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const edge = edges[i]!;
      const seen = state.get(edge.target);
      if (seen === 'open') {
        const names = [...path.slice(path.indexOf(edge.target)), edge.target].map(show);
        const cycle = (names.length > 8 ? [...names.slice(0, 4), '…', ...names.slice(-3)] : names).join(
          ' → ',
        );
        scope.report.error(
          edge.pointer,
          `invalid condition reference ${show(edge.target)}: it closes a cycle ${cycle}`,
          {
            hint: 'a shared condition cannot depend on itself',
          },
        );
      } else if (seen === undefined) {
        state.set(edge.target, 'open');
        path.push(edge.target);
        next.push(0);
      }
    }
  }
}
