import { formatDelta, formatValue } from '../report/number.ts';
import { kpiSpec, type KpiId, type KpiUnit } from '../result/kpis.ts';
import { studentTQuantile } from '../stats/student-t.ts';
import type { Interval, KpiSummary, PairedKpi, PairedSummary, RunSummary } from '../result/summary.ts';
import type { Bounds, Expectation, LevelExpectation, PairedExpectation } from './expect.ts';

/** The outcome of one assertion after a run. */
export interface Verdict {
  readonly expectation: Expectation;
  readonly passed: boolean;
  readonly unit: KpiUnit;
  /** The estimate: the mean, the quantile, or the mean paired delta (this − vs); null when undefined. */
  readonly observed: number | null;
  /** Confidence interval of the mean or mean delta, at `confidence`; null for quantiles and when n < 2. */
  readonly interval: Interval | null;
  /** Level of `interval` (0–1): the claim's, or 0.95 shown for context on a mean judged by its estimate. */
  readonly confidence: number | null;
  /** Iterations that defined the KPI (for a paired claim: in both scenarios). */
  readonly n: number;
  /** Why it passed or failed, with the numbers compared: 'lower CI bound +2.1 pp ≥ min 0'. */
  readonly reason: string;
}

/**
 * Judges a level claim on the scenario's own run summary. A mean or quantile holds when it lies within
 * the bounds; a mean claim with `confidence` holds when its whole confidence interval does.
 * @example judgeLevel({ kind: 'level', index: 0, kpi: 'retention.rate', statistic: 'mean', bounds: { min: 0.55 } }, summary)
 */
export function judgeLevel(expectation: LevelExpectation, summary: RunSummary): Verdict {
  const unit = unitOf(expectation.kpi);
  const kpi = summary.kpis.find((k) => k.id === expectation.kpi);
  const n = kpi?.n ?? 0;
  const base = { expectation, unit, n };
  const observed = kpi?.[expectation.statistic] ?? null;
  if (kpi === undefined || observed === null) {
    return {
      ...base,
      passed: false,
      observed: null,
      interval: null,
      confidence: null,
      reason: `${expectation.kpi} is undefined in every iteration (n = 0), so the claim cannot hold`,
    };
  }
  if (expectation.statistic !== 'mean') {
    return {
      ...base,
      ...judgeValue(expectation.statistic, observed, expectation.bounds, unit, formatValue),
      observed,
      interval: null,
      confidence: null,
    };
  }
  if (expectation.confidence === undefined) {
    return {
      ...base,
      ...judgeValue('mean', observed, expectation.bounds, unit, formatValue),
      observed,
      interval: kpi.ci95,
      confidence: kpi.ci95 ? 0.95 : null,
    };
  }
  const interval = confidenceInterval(kpi, expectation.confidence);
  return {
    ...base,
    ...judgeInterval(interval, expectation.confidence, n, expectation.bounds, unit, formatValue),
    observed,
    interval,
    confidence: expectation.confidence,
  };
}

/**
 * Judges a paired claim on the comparison of this scenario (challenger) with its `vs` (baseline): it holds
 * when the lower bound of the two-sided confidence interval of the mean delta is ≥ `min` and its upper
 * bound ≤ `max`.
 */
export function judgePaired(expectation: PairedExpectation, summary: PairedSummary): Verdict {
  const unit = unitOf(expectation.kpi);
  const kpi = summary.kpis.find((k) => k.id === expectation.kpi);
  const n = kpi?.n ?? 0;
  const observed = kpi?.meanDelta ?? null;
  const interval = kpi ? confidenceInterval(kpi, expectation.confidence) : null;
  const base = { expectation, unit, n, observed, interval, confidence: expectation.confidence };
  if (kpi === undefined || observed === null) {
    return {
      ...base,
      passed: false,
      reason: `${expectation.kpi} is not defined in both scenarios in any iteration (n = 0), so the claim cannot hold`,
    };
  }
  return {
    ...base,
    ...judgeInterval(interval, expectation.confidence, n, expectation.bounds, unit, formatDelta),
  };
}

/**
 * Two-sided confidence interval of a mean (or mean delta) at `confidence` (0–1): mean ± t(1 − α/2, n − 1)·se.
 * At 0.95 it is the summary's own `ci95`, so a check prints the interval `cyclecast compare` prints.
 * Null when there are fewer than two iterations.
 */
export function confidenceInterval(kpi: KpiSummary | PairedKpi, confidence: number): Interval | null {
  if (confidence === 0.95) return kpi.ci95;
  const mean = 'meanDelta' in kpi ? kpi.meanDelta : kpi.mean;
  if (mean === null || kpi.se === null || kpi.n < 2 || !Number.isFinite(kpi.se)) return null;
  if ('allZero' in kpi && kpi.allZero) return [0, 0];
  const half = kpi.se === 0 ? 0 : studentTQuantile(1 - (1 - confidence) / 2, kpi.n - 1) * kpi.se;
  return [mean - half, mean + half];
}

type Format = (value: number | null, unit: string) => string;

function judgeValue(
  what: string,
  value: number,
  bounds: Bounds,
  unit: KpiUnit,
  format: Format,
): { passed: boolean; reason: string } {
  const checks = [
    bounds.min === undefined ? undefined : compare(what, value, '≥', 'min', bounds.min, unit, format),
    bounds.max === undefined ? undefined : compare(what, value, '≤', 'max', bounds.max, unit, format),
  ].filter((c) => c !== undefined);
  return summarise(checks);
}

function judgeInterval(
  interval: Interval | null,
  confidence: number,
  n: number,
  bounds: Bounds,
  unit: KpiUnit,
  format: Format,
): { passed: boolean; reason: string } {
  if (interval === null) {
    return {
      passed: false,
      reason: `a confidence interval needs at least 2 iterations defining the KPI, got n = ${n}`,
    };
  }
  const level = percent(confidence);
  const checks = [
    bounds.min === undefined
      ? undefined
      : compare(`lower ${level} CI bound`, interval[0], '≥', 'min', bounds.min, unit, format),
    bounds.max === undefined
      ? undefined
      : compare(`upper ${level} CI bound`, interval[1], '≤', 'max', bounds.max, unit, format),
  ].filter((c) => c !== undefined);
  return summarise(checks);
}

/** Failing checks first, so a reason leads with what broke. */
function summarise(checks: { passed: boolean; text: string }[]): { passed: boolean; reason: string } {
  const passed = checks.every((c) => c.passed);
  const shown = passed ? checks : checks.filter((c) => !c.passed);
  return { passed, reason: shown.map((c) => c.text).join('; ') };
}

function compare(
  what: string,
  value: number,
  relation: '≥' | '≤',
  bound: 'min' | 'max',
  limit: number,
  unit: KpiUnit,
  format: Format,
): { passed: boolean; text: string } {
  const passed = relation === '≥' ? value >= limit : value <= limit;
  const shown = passed ? relation : relation === '≥' ? '<' : '>';
  let valueText = format(value, unit);
  let limitText = formatBound(limit, unit, format);
  // Rounded for people, a value just past its bound can read as equal to it: then show both exactly.
  if (valueText === limitText && value !== limit) {
    valueText += ` (${value})`;
    limitText += ` (${limit})`;
  }
  return { passed, text: `${what} ${valueText} ${shown} ${bound} ${limitText}` };
}

/** A bound as people read it; a zero bound on a delta is plainly "0" rather than "±€0". */
export function formatBound(limit: number, unit: KpiUnit, format: Format): string {
  return limit === 0 && format === formatDelta ? '0' : format(limit, unit);
}

function unitOf(kpi: KpiId): KpiUnit {
  return kpiSpec(kpi).unit;
}

/** A confidence level as people write it: 0.95 → '95%', 0.999 → '99.9%'. */
export function percent(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(6))}%`;
}
