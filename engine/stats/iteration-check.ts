import { BREAKDOWN_DIMENSIONS, BREAKDOWN_METRICS, SERIES } from '../result/iteration.ts';
import type { IterationResult } from '../result/iteration.ts';
import { MAX_MAGNITUDE } from './distribution.ts';
import { KPIS } from '../result/kpis.ts';

/** An iteration result that does not fit the run it is added to: a simulator bug, reported precisely. */
export class IterationResultError extends Error {
  constructor(iteration: number, detail: string) {
    super(`invalid iteration result ${iteration}: ${detail}`);
    this.name = 'IterationResultError';
  }
}

/**
 * Checks shapes and values before anything is aggregated, so a bad result never leaves an
 * accumulator half-updated. KPI and series values may be NaN (undefined); every value must be
 * within ±MAX_MAGNITUDE; breakdown values must be finite and coverage counts whole.
 */
export function checkIterationResult(result: IterationResult, horizon: number): void {
  const fail = (detail: string): never => {
    throw new IterationResultError(result.iteration, detail);
  };
  if (result.kpis.length !== KPIS.length) {
    fail(`kpis has ${result.kpis.length} values, expected ${KPIS.length} (KPIS order)`);
  }
  result.kpis.forEach((x, i) => {
    if (Math.abs(x) > MAX_MAGNITUDE && Number.isFinite(x)) {
      fail(`KPI ${KPIS[i]!.id} is ${x}, outside the supported range ±${MAX_MAGNITUDE.toPrecision(3)}`);
    }
  });
  const seriesLength = SERIES.length * horizon;
  if (result.series.length !== seriesLength) {
    fail(`series has ${result.series.length} values, expected ${SERIES.length} series × ${horizon} months`);
  }
  result.series.forEach((x, i) => {
    if (Math.abs(x) > MAX_MAGNITUDE && Number.isFinite(x)) {
      const s = SERIES[Math.floor(i / horizon)]!;
      fail(`series ${s.id} month ${i % horizon} is ${x}, outside ±${MAX_MAGNITUDE.toPrecision(3)}`);
    }
  });
  const metrics = BREAKDOWN_METRICS.length;
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const table = result.breakdowns[dimension];
    if (table === undefined) fail(`breakdowns.${dimension} is missing`);
    if (table.values.length !== table.groups.length * metrics) {
      fail(
        `breakdowns.${dimension} has ${table.values.length} values, expected ${table.groups.length} groups × ${metrics} metrics`,
      );
    }
    if (new Set(table.groups).size !== table.groups.length) fail(`breakdowns.${dimension} repeats a group`);
    table.values.forEach((x, i) => {
      if (!(Math.abs(x) <= MAX_MAGNITUDE)) {
        const group = table.groups[Math.floor(i / metrics)]!;
        const metric = BREAKDOWN_METRICS[i % metrics]!.id;
        fail(
          `breakdowns.${dimension} group ${JSON.stringify(group)} ${metric} is ${x}, expected a finite number`,
        );
      }
    });
  }
}

/** Checks one policy's coverage: whole, non-negative counts, and the expected number of rules. */
export function checkCoverage(
  iteration: number,
  kind: string,
  decisions: number,
  fired: Float64Array,
  rules: number | null,
): void {
  if (!isCount(decisions)) {
    throw new IterationResultError(iteration, `coverage.${kind}.decisions is ${decisions}, expected a count`);
  }
  if (rules !== null && fired.length !== rules) {
    throw new IterationResultError(
      iteration,
      `coverage.${kind} has ${fired.length} rules, expected ${rules}`,
    );
  }
  fired.forEach((x, i) => {
    if (!isCount(x)) {
      throw new IterationResultError(iteration, `coverage.${kind}.fired[${i}] is ${x}, expected a count`);
    }
  });
}

function isCount(x: number): boolean {
  return Number.isSafeInteger(x) && x >= 0;
}
