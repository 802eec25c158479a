import * as Plot from '@observablehq/plot';
import { formatValue } from '../../engine/index.ts';
import type { MonteCarloResult } from '../../engine/index.ts';
import { asSvg, scenarioScale, thousands, type ChartDef, type DataRow } from './chart.ts';

/** A month of one series of one scenario: quantiles over iterations. */
export interface BandRow extends DataRow {
  readonly scenario: string;
  readonly series: string;
  /** Months from the start, 1 = the end of the first month. */
  readonly month: number;
  readonly p05: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
  readonly mean: number | null;
}

/**
 * Monthly quantile bands of the given series for every scenario, labelled for the reader.
 * @example bandRows(result, { 'activeContracts.cycle1': 'Cycle 1' })[0] // { scenario: 'baseline', series: 'Cycle 1', month: 1, p05: …, … }
 */
export function bandRows(result: MonteCarloResult, series: Readonly<Record<string, string>>): BandRow[] {
  const rows: BandRow[] = [];
  for (const { name, summary } of result.scenarios) {
    for (const s of summary.series) {
      if (!Object.hasOwn(series, s.id)) continue;
      s.p50.forEach((_, m) => {
        rows.push({
          scenario: name,
          series: series[s.id]!,
          month: m + 1,
          p05: s.p05[m] ?? null,
          p25: s.p25[m] ?? null,
          p50: s.p50[m] ?? null,
          p75: s.p75[m] ?? null,
          p95: s.p95[m] ?? null,
          mean: s.mean[m] ?? null,
        });
      });
    }
  }
  return rows;
}

const CYCLES: Record<string, string> = {
  'activeContracts.cycle1': 'Cycle 1 · new lease',
  'activeContracts.cycle2': 'Cycle 2 · used lease',
  'activeContracts.cycle3': 'Cycle 3 · conventional finance',
};

const yearTicks = (horizon: number) => {
  const step = horizon > 72 ? 12 : horizon > 24 ? 6 : 3;
  return Array.from({ length: Math.floor(horizon / step) + 1 }, (_, i) => i * step);
};

const monthLabel = (m: number) => (m % 12 === 0 ? `year ${m / 12}` : `month ${m}`);

function fan(
  rows: BandRow[],
  result: MonteCarloResult,
  options: {
    width: number;
    height: number;
    facet: boolean;
    y: Plot.ScaleOptions;
    format: (x: number) => string;
  },
): SVGSVGElement {
  const horizon = result.scenarios[0]?.summary.horizon ?? 0;
  const fx = options.facet ? 'series' : undefined;
  return asSvg(
    Plot.plot({
      width: options.width,
      height: options.height,
      marginLeft: 60,
      marginBottom: 40,
      style: { fontSize: '12px' },
      fx: options.facet ? { label: null, domain: Object.values(CYCLES) } : undefined,
      x: { label: 'Months from start', ticks: yearTicks(horizon), labelAnchor: 'center', labelArrow: 'none' },
      y: { grid: true, ...options.y },
      color: scenarioScale(result),
      marks: [
        Plot.areaY(rows, { fx, x: 'month', y1: 'p05', y2: 'p95', fill: 'scenario', fillOpacity: 0.12 }),
        Plot.areaY(rows, { fx, x: 'month', y1: 'p25', y2: 'p75', fill: 'scenario', fillOpacity: 0.25 }),
        Plot.lineY(rows, { fx, x: 'month', y: 'p50', stroke: 'scenario', strokeWidth: 2 }),
        Plot.tip(
          rows,
          Plot.pointerX({
            fx,
            x: 'month',
            y: 'p50',
            stroke: 'scenario',
            title: (d: BandRow) =>
              `${d.scenario} · ${monthLabel(d.month)}\nmedian ${fmt(d.p50, options.format)}\n` +
              `50% of iterations: ${fmt(d.p25, options.format)} – ${fmt(d.p75, options.format)}\n` +
              `90% of iterations: ${fmt(d.p05, options.format)} – ${fmt(d.p95, options.format)}`,
          }),
        ),
      ],
    }),
  );
}

const fmt = (x: number | null, format: (x: number) => string) => (x === null ? '–' : format(x));

export const activeContractsFan: ChartDef = {
  id: 'active-contracts',
  title: 'Active contracts by cycle',
  caption:
    'Contracts on book at the end of each month. Line: median over iterations; dark band: middle 50% of iterations (p25–p75); light band: 90% (p5–p95).',
  height: 300,
  wide: true,
  data: (result) => bandRows(result, CYCLES),
  plots: (result, width) => [
    {
      element: fan(bandRows(result, CYCLES), result, {
        width,
        height: 300,
        facet: true,
        y: { label: 'Active contracts', tickFormat: thousands, zero: true },
        format: thousands,
      }),
    },
  ],
};

const RETENTION = { 'retention.rolling12': '12-month rolling retention' };

export const retentionFan: ChartDef = {
  id: 'rolling-retention',
  title: 'Retention, rolling 12 months',
  caption:
    'Share of contracts ending in the past 12 months whose customer renewed. Line: median; dark band: p25–p75; light band: p5–p95 over iterations.',
  height: 300,
  data: (result) => bandRows(result, RETENTION),
  plots: (result, width) => [
    {
      element: fan(bandRows(result, RETENTION), result, {
        width,
        height: 300,
        facet: false,
        y: { label: 'Retention (%)', percent: true },
        format: (x) => formatValue(x, '0–1'),
      }),
    },
  ],
};
