import { describeValue } from '../json/describe.ts';
import { joinPointer, type Problem } from '../json/problem.ts';
import { didYouMean } from '../json/suggest.ts';
import { POLICY_KINDS } from '../domain/lists.ts';
import { deepMerge } from './merge.ts';

/**
 * One `--set PATH=VALUE` what-if, applied over a scenario as if it were the last file of its `extends`
 * chain, so it is validated exactly like a value in the file. `text` is the option as given: problems are
 * located by it (`--set world.economics.fundingRat=0.05: unknown …`) and the result's manifest records it.
 */
export interface ScenarioOverride {
  readonly text: string;
  /** Where the value goes in the scenario, e.g. `/parameters/dunning/agencyDays`. */
  readonly pointer: string;
  readonly path: readonly string[];
  readonly value: unknown;
}

const SECTIONS = ['world', 'portfolio', 'run', 'parameters'] as const;
const HEADS: readonly string[] = [...SECTIONS, ...POLICY_KINDS];
const EXPECTED = `expected world.GROUP.NAME, portfolio.NAME, run.NAME or KIND.NAME (a policy parameter; KIND one of ${POLICY_KINDS.join(', ')}), then =VALUE`;

/**
 * Reads `PATH=VALUE`: VALUE as JSON (numbers, booleans, "strings", a distribution object), else as a
 * bare string. `KIND.NAME` is short for `parameters.KIND.NAME`.
 * @example parseOverride('dunning.agencyDays=45') // { override: { pointer: '/parameters/dunning/agencyDays', value: 45, … } }
 */
export function parseOverride(text: string): { override?: ScenarioOverride; problem?: Problem } {
  const equals = text.indexOf('=');
  if (equals <= 0) return { problem: overrideProblem(text, `invalid --set: ${EXPECTED}`) };
  const segments = text.slice(0, equals).split('.');
  const head = segments[0]!;
  const path = (POLICY_KINDS as readonly string[]).includes(head) ? ['parameters', ...segments] : segments;
  if (!HEADS.includes(head)) {
    return {
      problem: overrideProblem(
        text,
        `unknown setting ${describeValue(head)}: ${EXPECTED}`,
        didYouMean(head, HEADS),
      ),
    };
  }
  const depth = path[0] === 'parameters' ? 3 : 2;
  if (path.length < depth || (path[0] === 'parameters' && path.length > depth) || path.includes('')) {
    return {
      problem: overrideProblem(text, `invalid --set path ${describeValue(segments.join('.'))}: ${EXPECTED}`),
    };
  }
  const raw = text.slice(equals + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw; // a bare word: `--set run.seed=x` then fails as "expected a whole number, got "x"".
  }
  return { override: { text, pointer: joinPointer('', ...path), path, value } };
}

/** The scenario (merged over its `extends` chain) with every override applied in order, later ones winning. */
export function applyOverrides(
  scenario: Record<string, unknown>,
  overrides: readonly ScenarioOverride[],
): Record<string, unknown> {
  let merged = scenario;
  for (const { path, value } of overrides) {
    // fromEntries makes own properties, so a key such as "__proto__" stays data.
    const nested = path.reduceRight<unknown>((inner, key) => Object.fromEntries([[key, inner]]), value);
    merged = deepMerge(merged, nested) as Record<string, unknown>;
  }
  return merged;
}

/**
 * The override that gave the value at `pointer` (the last one at or above it), or, when `alsoBelow`, one
 * that set a value under it (an unknown world group named only by a --set path).
 */
export function overrideAt(
  overrides: readonly ScenarioOverride[],
  pointer: string,
  alsoBelow: boolean,
): ScenarioOverride | undefined {
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer + '/');
  return (
    overrides.findLast((o) => within(pointer, o.pointer)) ??
    (alsoBelow ? overrides.findLast((o) => within(o.pointer, pointer)) : undefined)
  );
}

/** A problem of a `--set` option: its `file` is the option as given, and line 0 says "not in a file". */
export function overrideProblem(text: string, message: string, hint?: string, pointer = ''): Problem {
  return {
    file: `--set ${text}`,
    line: 0,
    column: 0,
    pointer,
    severity: 'error',
    message,
    ...(hint ? { hint } : {}),
  };
}
