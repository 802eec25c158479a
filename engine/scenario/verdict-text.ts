import { formatDelta, formatInterval, formatValue } from '../report/number.ts';
import { KPIS, type KpiUnit } from '../result/kpis.ts';
import type { Bounds, Expectation } from './expect.ts';
import { formatBound, percent, type Verdict } from './judge.ts';

/*
 * Assertions and verdicts as people read them, shared by the CLI's text and JUnit reports and the
 * workbench: `profit.npv Δ vs baseline ≥ 0 (95% CI)` and `Δ +€12,345, 95% CI +€1,020 … +€23,670 (n = 200)`.
 */

const UNITS = new Map(KPIS.map((k) => [k.id, k.unit]));

/**
 * What an assertion claims, in one line. `vsName` names the compared scenario (default: its path).
 * @example assertionLabel({ kind: 'level', index: 0, kpi: 'retention.rate', statistic: 'mean', bounds: { min: 0.55 } }) // 'retention.rate mean ≥ 55.0%'
 */
export function assertionLabel(expectation: Expectation, vsName?: string): string {
  const unit = UNITS.get(expectation.kpi) ?? 'count';
  if (expectation.kind === 'paired') {
    const bounds = boundsText(expectation.bounds, unit, formatDelta);
    return `${expectation.kpi} Δ vs ${vsName ?? expectation.vs} ${bounds} (${percent(expectation.confidence)} CI)`;
  }
  const bounds = boundsText(expectation.bounds, unit, formatValue);
  const ci = expectation.confidence === undefined ? '' : ` (${percent(expectation.confidence)} CI)`;
  return `${expectation.kpi} ${expectation.statistic} ${bounds}${ci}`;
}

/**
 * What was observed: the estimate, its confidence interval where there is one, and the iterations.
 * @example observedText(verdict) // 'Δ +3.2 pp, 95% CI +2.1 pp … +4.3 pp (n = 200)'
 */
export function observedText(verdict: Verdict): string {
  const { expectation, unit } = verdict;
  const paired = expectation.kind === 'paired';
  const format = paired ? formatDelta : formatValue;
  const what = paired ? 'Δ' : expectation.statistic;
  const interval =
    verdict.interval && verdict.confidence !== null
      ? `, ${percent(verdict.confidence)} CI ${formatInterval(verdict.interval, unit, paired)}`
      : '';
  return `${what} ${format(verdict.observed, unit)}${interval} (n = ${verdict.n})`;
}

function boundsText(bounds: Bounds, unit: KpiUnit, format: typeof formatValue): string {
  const min = bounds.min === undefined ? undefined : formatBound(bounds.min, unit, format);
  const max = bounds.max === undefined ? undefined : formatBound(bounds.max, unit, format);
  if (min !== undefined && max !== undefined) return `in [${min}, ${max}]`;
  return min !== undefined ? `≥ ${min}` : `≤ ${max}`;
}
