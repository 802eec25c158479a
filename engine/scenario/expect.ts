import { describeValue } from '../json/describe.ts';
import { joinPointer, valueProblem, type ValueProblem } from '../json/problem.ts';
import { didYouMean } from '../json/suggest.ts';
import { isKpiId, KPI_IDS, type KpiId } from '../result/kpis.ts';
import { isPlainObject } from './merge.ts';

/**
 * A scenario's `expect` block: assertions on KPI ids that `cyclecast check` judges after a run.
 *
 * - A level claim bounds a statistic of the scenario's own KPI over the iterations:
 *   `{"kpi": "retention.rate", "mean": {"min": 0.55}}`, `{"kpi": "profit.npv", "p05": {"min": 0}}`.
 *   It is judged on the estimate itself; a `mean` claim with `confidence` is judged on its confidence
 *   interval instead (the lower bound against `min`, the upper bound against `max`).
 * - A paired claim compares the scenario with another on the same random numbers:
 *   `{"kpi": "profit.npv", "vs": "./baseline.json", "delta": {"min": 0}, "confidence": 0.95}` holds when
 *   the lower bound of the two-sided confidence interval of the mean paired delta (this − vs) is at
 *   least `min`, and likewise its upper bound at most `max`. `confidence` defaults to 0.95.
 */

/** Statistics a level claim can bound. */
export const EXPECT_STATISTICS = ['mean', 'p05', 'p50', 'p95'] as const;
export type ExpectStatistic = (typeof EXPECT_STATISTICS)[number];

/** Keys an assertion may have. */
export const ASSERTION_KEYS = [
  'kpi',
  ...EXPECT_STATISTICS,
  'vs',
  'delta',
  'confidence',
  'description',
] as const;

/** Confidence of a paired claim that does not state one (two-sided). */
export const DEFAULT_CONFIDENCE = 0.95;

/** Inclusive bounds in the KPI's unit (€, 0–1, count …); at least one is present. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

interface AssertionBase {
  /** Position in the scenario's `expect` block, from 0. */
  readonly index: number;
  /** A KPI id of the catalogue (engine/result/kpis.ts). */
  readonly kpi: KpiId;
  readonly bounds: Bounds;
  /** Why the claim should hold, as the author wrote it. */
  readonly description?: string;
}

/** A bound on a statistic of the scenario's own KPI. */
export interface LevelExpectation extends AssertionBase {
  readonly kind: 'level';
  readonly statistic: ExpectStatistic;
  /** Mean claims only: judge the confidence interval at this level (0–1) rather than the estimate. */
  readonly confidence?: number;
}

/** A bound on the mean paired delta (this scenario − `vs`), judged on its confidence interval. */
export interface PairedExpectation extends AssertionBase {
  readonly kind: 'paired';
  /** The scenario compared with, resolved relative to the file that names it. */
  readonly vs: string;
  /** Two-sided confidence level, strictly between 0 and 1. */
  readonly confidence: number;
}

export type Expectation = LevelExpectation | PairedExpectation;

const CLAIM_KEYS = [...EXPECT_STATISTICS, 'delta'] as const;
const EXAMPLE = '{"kpi": "retention.rate", "mean": {"min": 0.55}}';

/**
 * Checks the `expect` block of a merged scenario (`vs` paths already resolved). `expectations` holds
 * every valid assertion; `ok` is false when any problem was reported (each at its JSON pointer).
 */
export function parseExpectations(raw: unknown): {
  expectations: Expectation[];
  ok: boolean;
  problems: ValueProblem[];
} {
  if (raw === undefined) return { expectations: [], ok: true, problems: [] };
  if (!Array.isArray(raw)) {
    const problem = valueProblem(
      '/expect',
      `invalid expect: expected an array of assertions, e.g. [${EXAMPLE}]`,
    );
    return { expectations: [], ok: false, problems: [problem] };
  }
  const problems: ValueProblem[] = [];
  const parsed = raw.map((entry, index) => parseAssertion(entry, index, problems));
  return {
    expectations: parsed.filter((e) => e !== undefined),
    ok: parsed.every((e) => e !== undefined),
    problems,
  };
}

/** One assertion of the `expect` block, or undefined when it has problems (added to `problems`). */
function parseAssertion(entry: unknown, index: number, problems: ValueProblem[]): Expectation | undefined {
  const at = joinPointer('/expect', index);
  const name = `expect[${index}]`;
  if (!isPlainObject(entry)) {
    problems.push(valueProblem(at, `invalid ${name}: expected an assertion object like ${EXAMPLE}`));
    return undefined;
  }
  let ok = true;
  const fail = (pointer: string, message: string, hint?: string) => {
    problems.push(valueProblem(pointer, message, hint));
    ok = false;
  };

  for (const key of Object.keys(entry)) {
    if (!(ASSERTION_KEYS as readonly string[]).includes(key)) {
      fail(
        joinPointer(at, key),
        `unknown assertion property "${key}": expected ${ASSERTION_KEYS.join(', ')}`,
        didYouMean(key, ASSERTION_KEYS),
      );
    }
  }

  const kpi = entry.kpi;
  if (kpi === undefined)
    fail(at, `missing ${name}.kpi: the KPI id the assertion is about, e.g. "retention.rate"`);
  else if (typeof kpi !== 'string') fail(joinPointer(at, 'kpi'), `invalid ${name}.kpi: expected a KPI id`);
  else if (!isKpiId(kpi)) {
    fail(
      joinPointer(at, 'kpi'),
      `unknown KPI "${kpi}"`,
      didYouMean(kpi, KPI_IDS) ?? `KPI ids: ${KPI_IDS.join(', ')}`,
    );
  }

  const claims = CLAIM_KEYS.filter((key) => Object.hasOwn(entry, key));
  if (claims.length === 0) {
    fail(
      at,
      `missing claim in ${name}: state one of ${EXPECT_STATISTICS.join(', ')} (bounds on this scenario's KPI) or "delta" with "vs" (a paired comparison)`,
    );
  } else if (claims.length > 1) {
    fail(
      joinPointer(at, claims[1]!),
      `invalid ${name}: one claim per assertion, found ${claims.join(' and ')}; write one assertion for each`,
    );
  }
  const claim = claims[0];
  const bounds =
    claim === undefined
      ? undefined
      : parseBounds(entry[claim], joinPointer(at, claim), `${name}.${claim}`, fail);

  const vs = entry.vs;
  if (vs !== undefined && typeof vs !== 'string') {
    fail(joinPointer(at, 'vs'), `invalid ${name}.vs: expected the path of the scenario to compare with`);
  } else if (vs !== undefined && claim !== undefined && claim !== 'delta') {
    fail(
      joinPointer(at, 'vs'),
      `invalid ${name}: a claim against "vs" bounds the paired difference, so it is stated as "delta", not "${claim}"`,
      `e.g. {"kpi": "profit.npv", "vs": "./baseline.json", "delta": {"min": 0}}`,
    );
  } else if (vs === undefined && claim === 'delta') {
    fail(
      joinPointer(at, 'delta'),
      `invalid ${name}.delta: a delta needs "vs", the path of the scenario to compare with`,
    );
  }

  const confidence = entry.confidence;
  if (confidence !== undefined) {
    const pointer = joinPointer(at, 'confidence');
    if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
      fail(
        pointer,
        `invalid ${name}.confidence: expected a probability strictly between 0 and 1, e.g. 0.95, got ${describeValue(confidence)}`,
      );
    } else if (claim !== undefined && claim !== 'mean' && claim !== 'delta') {
      fail(
        pointer,
        `invalid ${name}.confidence: a confidence interval exists for "mean" and "delta" claims; a quantile (${claim}) is judged on its estimate`,
      );
    }
  }

  const description = entry.description;
  if (description !== undefined && typeof description !== 'string') {
    fail(joinPointer(at, 'description'), `invalid ${name}.description: expected a string`);
  }

  if (!ok || claim === undefined || bounds === undefined || typeof kpi !== 'string' || !isKpiId(kpi)) {
    return undefined;
  }
  const common = {
    index,
    kpi,
    bounds,
    ...(typeof description === 'string' ? { description } : {}),
  };
  if (claim === 'delta') {
    return {
      kind: 'paired',
      ...common,
      vs: vs as string,
      confidence: typeof confidence === 'number' ? confidence : DEFAULT_CONFIDENCE,
    };
  }
  return {
    kind: 'level',
    ...common,
    statistic: claim,
    ...(typeof confidence === 'number' ? { confidence } : {}),
  };
}

function parseBounds(
  raw: unknown,
  at: string,
  name: string,
  fail: (pointer: string, message: string, hint?: string) => void,
): Bounds | undefined {
  const expected = `expected {"min": …} and/or {"max": …} in the KPI's unit`;
  if (!isPlainObject(raw)) {
    fail(at, `invalid ${name}: ${expected}`);
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (key !== 'min' && key !== 'max') {
      fail(
        joinPointer(at, key),
        `unknown bound "${key}" in ${name}: expected min or max`,
        didYouMean(key, ['min', 'max']),
      );
      ok = false;
    }
  }
  const bounds: { min?: number; max?: number } = {};
  for (const key of ['min', 'max'] as const) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail(joinPointer(at, key), `invalid ${name}.${key}: expected a number, got ${describeValue(value)}`);
      ok = false;
    } else bounds[key] = value;
  }
  if (!ok) return undefined;
  if (bounds.min === undefined && bounds.max === undefined) {
    fail(at, `invalid ${name}: ${expected}`);
    return undefined;
  }
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) {
    fail(at, `invalid ${name}: min ${bounds.min} is greater than max ${bounds.max}, so no value can pass`);
    return undefined;
  }
  return bounds;
}
