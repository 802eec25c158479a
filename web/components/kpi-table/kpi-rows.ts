import {
  findKpi,
  formatDelta,
  formatInterval,
  formatProbability,
  formatQuantileRange,
  formatValue,
  HEADLINE_KPI,
  intervalEnds,
  isKpiId,
  judgeChange,
  KPI_LABELS,
  kpiLabel,
  kpiSpec,
} from '../../../engine/index.ts';
import type { KpiSummary, MonteCarloResult, PairedKpi } from '../../../engine/index.ts';

/**
 * Whether a change is news, and which: favourable or unfavourable when it is real (95% CI excludes 0)
 * and material (engine/report/verdict.ts MATERIALITY); immaterial when real but too small to matter;
 * neutral when it cannot be told from zero.
 */
export type Tone = 'favourable' | 'unfavourable' | 'immaterial' | 'neutral';

export interface ValueCell {
  /** Mean over iterations, formatted in the KPI's unit (as the CLI prints it). */
  readonly mean: string;
  /** Forecast interval: p05 … p95 of the per-iteration values (as the CLI prints it), or '–'. */
  readonly forecast: string;
  /** Simulation error: 95% CI of the mean, `low … high`, or '–'. */
  readonly ci: string;
  /** The CI's ends as formatted, so a narrow column breaks between them and nowhere else. */
  readonly ciEnds?: readonly [string, string];
}

export interface DeltaCell {
  /** Mean paired difference, challenger − baseline, with a sign (pp for rates). */
  readonly delta: string;
  /** Forecast interval of the per-iteration difference (9 of 10 iterations), `low … high`, or '–'. */
  readonly forecast: string;
  /** Simulation error: 95% CI of the mean difference, `low … high`, or '–'. */
  readonly ci: string;
  readonly ciEnds?: readonly [string, string];
  /** Value of perfect information in the KPI's unit (signed like a change), or undefined when not known. */
  readonly valueOfInformation: string | undefined;
  /** P(challenger better), whole percent, or '–'. */
  readonly pBetter: string;
  readonly tone: Tone;
  /** The change and its CI with more digits, for a tooltip when the rounded text reads ±0.0. */
  readonly precise: string;
  /** Which way the KPI moved, for an arrow that does not rely on colour. */
  readonly direction: 'up' | 'down' | 'none';
}

export interface KpiRow {
  readonly id: string;
  readonly group: string;
  readonly label: string;
  readonly measure: string;
  readonly better: 'higher' | 'lower';
  readonly meaning: string;
  readonly baseline: ValueCell;
  /** One per challenger, in the result's order. */
  readonly challengers: readonly { readonly value: ValueCell; readonly delta: DeltaCell | undefined }[];
}

const ends = (ci: readonly [number, number] | null, unit: string, delta = false) => {
  const both = intervalEnds(ci, unit, delta);
  return both ? { ciEnds: both } : {};
};

/** A KPI summary as the table shows it: the same text as `cyclecast run|compare --format table`. */
export function valueCell(k: KpiSummary): ValueCell {
  return {
    mean: formatValue(k.mean, k.unit),
    forecast: formatQuantileRange(k.p05, k.p95, k.unit),
    ci: formatInterval(k.ci95, k.unit),
    ...ends(k.ci95, k.unit),
  };
}

/** The tone of a paired change, given the baseline's mean of the KPI and of the headline KPI. */
export function deltaTone(d: PairedKpi, baselineMean: number, headlineMean: number): Tone {
  return TONES[judgeChange(d, baselineMean, headlineMean)];
}

/** Good or bad news in words as well as colour: shown beside each change (neutral: to screen readers only). */
export const TONE_WORDS: Readonly<Record<Tone, string>> = {
  favourable: 'better',
  unfavourable: 'worse',
  immaterial: 'immaterial',
  neutral: 'no clear change',
};

const TONES = {
  better: 'favourable',
  worse: 'unfavourable',
  immaterial: 'immaterial',
  unclear: 'neutral',
} as const;

export function deltaCell(d: PairedKpi, baselineMean: number, headlineMean: number): DeltaCell {
  const m = d.meanDelta;
  return {
    delta: formatDelta(m, d.unit),
    forecast: formatQuantileRange(d.forecast?.[0] ?? null, d.forecast?.[1] ?? null, d.unit, true),
    ci: formatInterval(d.ci95, d.unit, true),
    ...ends(d.ci95, d.unit, true),
    valueOfInformation: d.valueOfInformation === null ? undefined : formatDelta(d.valueOfInformation, d.unit),
    pBetter: formatProbability(d.pBetter),
    tone: deltaTone(d, baselineMean, headlineMean),
    precise:
      m === null
        ? ''
        : `${precise(m, d.unit)}${d.ci95 ? ` (95% CI ${precise(d.ci95[0], d.unit)} … ${precise(d.ci95[1], d.unit)})` : ''}`,
    direction: m === null || m === 0 || d.allZero ? 'none' : m > 0 ? 'up' : 'down',
  };
}

/**
 * A difference with enough digits to tell a small change from none: rates in pp with three decimals,
 * money to the euro, other units to four significant digits.
 * @example precise(0.00046, '0–1') // '+0.046 pp'
 */
export function precise(value: number, unit: string): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const abs = Math.abs(value);
  if (unit === '0–1') return `${sign}${(abs * 100).toFixed(3)} pp`;
  if (unit.startsWith('€')) return `${sign}€${Math.round(abs).toLocaleString('en-GB')}`;
  return `${sign}${abs.toLocaleString('en-GB', { maximumSignificantDigits: 4 })}`;
}

const order = new Map<string, number>(KPI_LABELS.map((l, i) => [l.id, i]));

/** The rows of the KPI table, grouped as KPI_LABELS orders them (KPIs it does not know come last). */
export function kpiRows(result: MonteCarloResult): KpiRow[] {
  const [baseline, ...challengers] = result.scenarios;
  if (!baseline) return [];
  const headline = findKpi(baseline.summary.kpis, HEADLINE_KPI)?.mean ?? 0;
  const rows = baseline.summary.kpis.map((k, i): KpiRow => {
    const label = kpiLabel(k.id);
    return {
      id: k.id,
      group: label.group,
      label: label.label,
      measure: label.measure,
      better: k.better,
      meaning: isKpiId(k.id) ? kpiSpec(k.id).meaning : '',
      baseline: valueCell(k),
      challengers: challengers.map((c, ci) => {
        const paired = result.comparisons[ci]?.summary.kpis[i];
        return {
          value: valueCell(c.summary.kpis[i]!),
          delta: paired ? deltaCell(paired, k.mean ?? 0, headline) : undefined,
        };
      }),
    };
  });
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => rank(a.id) - rank(b.id));
}
