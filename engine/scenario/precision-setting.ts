import { describeValue } from '../json/describe.ts';
import { joinPointer, valueProblem, type ValueProblem } from '../json/problem.ts';
import { didYouMean } from '../json/suggest.ts';
import { HEADLINE_KPI, isKpiId, KPIS, type KpiId } from '../result/kpis.ts';
import type { PrecisionTarget } from '../result/run.ts';
import { PRECISION_CHECKS } from '../sim/run-limits.ts';
import { isPlainObject } from './merge.ts';

const KEYS = ['kpi', 'halfWidth', 'excludesZero'];
const EXPECTED =
  'expected {"halfWidth": N} (the widest acceptable 95% CI half-width, in the KPI\'s unit) or {"excludesZero": true}, with an optional "kpi"';

/**
 * A scenario's `run.precision` (found at JSON pointer `at`): a target on the simulation error of one KPI
 * (default the headline). `target` is undefined when it has problems, each at its own pointer.
 * @example checkPrecision({ halfWidth: 100000 }, '/run/precision') // { target: { kpi: 'profit.npv', halfWidth: 100000 }, problems: [] }
 */
export function checkPrecision(
  value: unknown,
  at: string,
): { target: PrecisionTarget | undefined; problems: ValueProblem[] } {
  if (!isPlainObject(value)) {
    return { target: undefined, problems: [valueProblem(at, `invalid run.precision: ${EXPECTED}`)] };
  }
  const problems: ValueProblem[] = [];
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key)) {
      problems.push(
        valueProblem(
          joinPointer(at, key),
          `unknown precision setting ${describeValue(key)}: expected kpi, halfWidth or excludesZero`,
          didYouMean(key, KEYS),
        ),
      );
    }
  }
  const kpi = value.kpi ?? HEADLINE_KPI;
  const kpiProblem = kpiIdProblem(kpi);
  if (kpiProblem) problems.push(valueProblem(joinPointer(at, 'kpi'), kpiProblem.message, kpiProblem.hint));
  const { halfWidth, excludesZero } = value;
  if (halfWidth !== undefined && excludesZero !== undefined) {
    problems.push(valueProblem(at, 'invalid run.precision: give halfWidth or excludesZero, not both'));
  } else if (halfWidth === undefined && excludesZero === undefined) {
    problems.push(valueProblem(at, `invalid run.precision: ${EXPECTED}`));
  } else if (halfWidth !== undefined && halfWidthProblem(halfWidth)) {
    problems.push(
      valueProblem(
        joinPointer(at, 'halfWidth'),
        `invalid run.precision.halfWidth: ${halfWidthProblem(halfWidth)}`,
      ),
    );
  } else if (excludesZero !== undefined && excludesZero !== true) {
    problems.push(
      valueProblem(
        joinPointer(at, 'excludesZero'),
        `invalid run.precision.excludesZero: expected true, got ${describeValue(excludesZero)}; leave it out to stop on a half-width`,
      ),
    );
  }
  if (problems.length > 0) return { target: undefined, problems };
  return {
    target: {
      kpi: kpi as KpiId,
      ...(halfWidth !== undefined ? { halfWidth: halfWidth as number } : { excludesZero: true }),
    },
    problems,
  };
}

/** Why `value` is not a half-width (a finite number > 0), or undefined when it is one. */
export function halfWidthProblem(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return undefined;
  return `expected a number above 0 (the widest acceptable 95% CI half-width, in the KPI's unit: € for money, 0–1 for rates), got ${describeValue(value)}`;
}

/** Why `value` is not a KPI id (with the closest one as a hint), or undefined when it is one. */
export function kpiIdProblem(value: unknown): { message: string; hint?: string } | undefined {
  if (typeof value === 'string' && isKpiId(value)) return undefined;
  const hint =
    typeof value === 'string'
      ? didYouMean(
          value,
          KPIS.map((k) => k.id),
        )
      : undefined;
  return {
    message: `unknown KPI ${describeValue(value)}: expected a KPI id such as ${HEADLINE_KPI} (cyclecast run --format json lists them all)`,
    ...(hint ? { hint } : {}),
  };
}

/** The JSON Schema of `run.precision`. */
export function precisionSchema(): Record<string, unknown> {
  const { minIterations, batch } = PRECISION_CHECKS;
  return {
    description: `stop on precision: run until the 95% confidence interval of the mean of "kpi" (of its paired difference, in a comparison) is narrower than ±halfWidth, or excludes zero; "iterations" is then the most it runs; checked after ${minIterations} iterations and every ${batch} after`,
    type: 'object',
    additionalProperties: false,
    properties: {
      kpi: {
        description: `the KPI watched (default ${HEADLINE_KPI})`,
        type: 'string',
        enum: KPIS.map((k) => k.id),
      },
      halfWidth: {
        description:
          "the widest acceptable half-width of the 95% CI, in the KPI's unit (€ for money, 0–1 for rates)",
        type: 'number',
        exclusiveMinimum: 0,
      },
      excludesZero: { description: 'stop once the 95% CI excludes zero', const: true },
    },
    // One of the two stopping rules (the properties are repeated for strict validators' sake).
    oneOf: ['halfWidth', 'excludesZero'].map((key) => ({ properties: { [key]: true }, required: [key] })),
  };
}
