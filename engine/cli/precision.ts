import { formatValue, halfWidthProblem, HEADLINE_KPI, kpiSpec, PRECISION_CHECKS } from '../index.ts';
import type { Manifest, PrecisionTarget } from '../index.ts';
import { UserError } from './errors.ts';
import { parseKpi } from './options.ts';

/** The options that ask a run to stop on precision. */
export interface PrecisionOptions {
  /** A half-width in the KPI's unit (€, 0–1 …), or `excludes-zero`. */
  precision?: string;
  /** The KPI `--precision` watches (default: the scenario's run.precision.kpi, else the headline). */
  kpi?: string;
}

/** The word `--precision` takes for "until the 95% CI excludes zero". */
export const EXCLUDES_ZERO = 'excludes-zero';

/**
 * The precision target of a run: `--precision` (and `--kpi`) over the scenario's `run.precision`;
 * undefined when neither asks for one (a run of fixed length).
 * @example precisionTarget({ precision: '100000' }, undefined) // { kpi: 'profit.npv', halfWidth: 100000 }
 */
export function precisionTarget(
  options: PrecisionOptions,
  fromScenario: PrecisionTarget | undefined,
): PrecisionTarget | undefined {
  const kpi = options.kpi === undefined ? undefined : parseKpi('--kpi', options.kpi);
  if (options.precision === undefined) {
    if (kpi !== undefined && fromScenario === undefined) {
      throw new UserError(
        `invalid --kpi without --precision: --kpi chooses the KPI --precision watches; add --precision HALF-WIDTH or --precision ${EXCLUDES_ZERO}`,
      );
    }
    return fromScenario && kpi ? { ...fromScenario, kpi } : fromScenario;
  }
  const watched = kpi ?? fromScenario?.kpi ?? HEADLINE_KPI;
  if (options.precision === EXCLUDES_ZERO) return { kpi: watched, excludesZero: true };
  const halfWidth = Number(options.precision);
  const problem =
    options.precision.trim() === '' ? halfWidthProblem(options.precision) : halfWidthProblem(halfWidth);
  if (problem !== undefined) {
    throw new UserError(`invalid --precision "${options.precision}": ${problem}, or ${EXCLUDES_ZERO}`);
  }
  return { kpi: watched, halfWidth };
}

/**
 * One line on how a run that stopped on precision ended, e.g.
 * `precision: target met after 130 iterations (at most 2000): 95% CI of the paired difference of profit.npv ±€41k (target ±€50k)`.
 */
export function precisionLine(manifest: Manifest, comparison: boolean): string | undefined {
  const p = manifest.precision;
  if (!p) return undefined;
  const unit = kpiSpec(p.kpi).unit;
  const of = `95% CI of ${comparison ? 'the paired difference of ' : ''}${p.kpi}`;
  const reached = p.reachedHalfWidth === null ? 'undefined' : `±${formatValue(p.reachedHalfWidth, unit)}`;
  const target = p.excludesZero ? 'target: excludes zero' : `target ±${formatValue(p.halfWidth!, unit)}`;
  const how = p.met
    ? `target met after ${p.iterationsTaken} iterations (at most ${p.maxIterations})`
    : `target not met within the maximum of ${p.maxIterations} iterations (raise --iterations)`;
  const note =
    p.maxIterations < PRECISION_CHECKS.minIterations
      ? `; it is checked from ${PRECISION_CHECKS.minIterations} iterations on`
      : '';
  return `precision: ${how}: ${of} ${reached} (${target})${note}\n`;
}
