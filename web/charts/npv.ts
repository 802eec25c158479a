import * as Plot from '@observablehq/plot';
import { findKpi, formatDelta, formatValue } from '../../engine/index.ts';
import type { KpiId, MonteCarloResult } from '../../engine/index.ts';
import { asSvg, euroRowsFrame, scenarioScale, type ChartDef, type DataRow } from './chart.ts';

const KPI: KpiId = 'profit.npv';

/** The spread of one scenario's NPV over iterations, €. */
export interface NpvRow extends DataRow {
  readonly scenario: string;
  readonly min: number | null;
  readonly p05: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

/** The spread of a challenger's paired NPV difference against the baseline, €. */
export interface NpvDeltaRow extends DataRow {
  readonly challenger: string;
  readonly p05: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
  readonly mean: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly pBetter: number | null;
}

export function npvRows(result: MonteCarloResult): NpvRow[] {
  return result.scenarios.map(({ name, summary }) => {
    const k = findKpi(summary.kpis, KPI);
    return {
      scenario: name,
      min: k?.min ?? null,
      p05: k?.p05 ?? null,
      p50: k?.p50 ?? null,
      p95: k?.p95 ?? null,
      max: k?.max ?? null,
      mean: k?.mean ?? null,
      ciLow: k?.ci95?.[0] ?? null,
      ciHigh: k?.ci95?.[1] ?? null,
    };
  });
}

export function npvDeltaRows(result: MonteCarloResult): NpvDeltaRow[] {
  return result.comparisons.map(({ challenger, summary }) => {
    const d = findKpi(summary.kpis, KPI);
    return {
      challenger,
      p05: d?.p05 ?? null,
      p25: d?.p25 ?? null,
      p50: d?.p50 ?? null,
      p75: d?.p75 ?? null,
      p95: d?.p95 ?? null,
      mean: d?.meanDelta ?? null,
      ciLow: d?.ci95?.[0] ?? null,
      ciHigh: d?.ci95?.[1] ?? null,
      pBetter: d?.pBetter ?? null,
    };
  });
}

const euro = (x: number | null) => formatValue(x, '€');

export const npvChart: ChartDef = {
  id: 'npv-distribution',
  title: 'NPV of profit: spread over iterations',
  caption:
    'Thin line: lowest to highest iteration; wide bar: 90% of iterations (p5–p95); white dot: median; black diamond: mean, with the black line its 95% confidence interval.',
  height: 260,
  data: npvRows,
  plots: (result, width) => {
    const rows = npvRows(result);
    const names = rows.map((r) => r.scenario);
    return [
      {
        element: asSvg(
          Plot.plot({
            ...euroRowsFrame(width, names, 'NPV, €'),
            color: scenarioScale(result),
            marks: [
              Plot.ruleY(rows, {
                y: 'scenario',
                x1: 'min',
                x2: 'max',
                stroke: 'scenario',
                strokeOpacity: 0.6,
              }),
              Plot.ruleY(rows, {
                y: 'scenario',
                x1: 'p05',
                x2: 'p95',
                stroke: 'scenario',
                strokeWidth: 12,
                strokeOpacity: 0.45,
              }),
              Plot.dot(rows, {
                y: 'scenario',
                x: 'p50',
                fill: 'white',
                stroke: 'scenario',
                strokeWidth: 2,
                r: 5,
              }),
              Plot.ruleY(rows, { y: 'scenario', x1: 'ciLow', x2: 'ciHigh', stroke: '#111', strokeWidth: 2 }),
              Plot.dot(rows, { y: 'scenario', x: 'mean', symbol: 'diamond', fill: '#111', r: 4.5 }),
              Plot.tip(
                rows,
                Plot.pointerY({
                  y: 'scenario',
                  x: 'mean',
                  title: (d: NpvRow) =>
                    `${d.scenario}\nmean ${euro(d.mean)} (95% CI ${euro(d.ciLow)} … ${euro(d.ciHigh)})\n` +
                    `median ${euro(d.p50)}\n90% of iterations ${euro(d.p05)} – ${euro(d.p95)}\nrange ${euro(d.min)} – ${euro(d.max)}`,
                }),
              ),
            ],
          }),
        ),
      },
    ];
  },
};

export const npvDeltaChart: ChartDef = {
  id: 'npv-delta-distribution',
  title: 'NPV difference against the baseline, paired',
  caption:
    'Per iteration, challenger NPV minus baseline NPV on the same customers and luck. Box: middle 50% of iterations; whiskers: 90%; white dot: median; black diamond: mean, with the black line its 95% CI. Right of the dashed zero line the challenger earns more.',
  height: 260,
  data: npvDeltaRows,
  plots: (result, width) => {
    const rows = npvDeltaRows(result);
    if (rows.length === 0) return [];
    const names = rows.map((r) => r.challenger);
    const colour = scenarioScale(result);
    return [
      {
        element: asSvg(
          Plot.plot({
            ...euroRowsFrame(width, names, 'NPV difference, €'),
            color: colour,
            marks: [
              Plot.ruleX([0], { stroke: '#111', strokeDasharray: '4,3' }),
              Plot.ruleY(rows, {
                y: 'challenger',
                x1: 'p05',
                x2: 'p95',
                stroke: 'challenger',
                strokeWidth: 1.5,
              }),
              Plot.barX(rows, {
                y: 'challenger',
                x1: 'p25',
                x2: 'p75',
                fill: 'challenger',
                fillOpacity: 0.45,
                insetTop: 8,
                insetBottom: 8,
              }),
              Plot.dot(rows, {
                y: 'challenger',
                x: 'p50',
                fill: 'white',
                stroke: 'challenger',
                strokeWidth: 2,
                r: 5,
              }),
              Plot.ruleY(rows, {
                y: 'challenger',
                x1: 'ciLow',
                x2: 'ciHigh',
                stroke: '#111',
                strokeWidth: 2,
              }),
              Plot.dot(rows, { y: 'challenger', x: 'mean', symbol: 'diamond', fill: '#111', r: 4.5 }),
              Plot.tip(
                rows,
                Plot.pointerY({
                  y: 'challenger',
                  x: 'mean',
                  title: (d: NpvDeltaRow) =>
                    `${d.challenger} − baseline\nmean ${formatDelta(d.mean, '€')} (95% CI ${formatDelta(d.ciLow, '€')} … ${formatDelta(d.ciHigh, '€')})\n` +
                    `median ${formatDelta(d.p50, '€')}\nP(challenger better) ${d.pBetter === null ? '–' : Math.round(d.pBetter * 100) + '%'}`,
                }),
              ),
            ],
          }),
        ),
      },
    ];
  },
};
