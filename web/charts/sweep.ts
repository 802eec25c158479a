import * as Plot from '@observablehq/plot';
import { formatValue } from '../../engine/index.ts';
import type { SweepResult } from '../../engine/index.ts';
import { asImage, asSvg, euroAxis } from './chart.ts';

/** One point of a one-parameter sweep, as the chart draws it. */
export interface SweepChartRow {
  /** The swept setting's value there. */
  readonly x: number;
  /** The KPI's mean there and its simultaneous 95 % CI, in the KPI's unit. */
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** Against the first point: 'base' at the first, else better, worse, or 'unclear' (CI of the change includes 0). */
  readonly verdict: 'base' | 'better' | 'worse' | 'unclear';
}

/** The chart's rows: the points of the sweep's first parameter whose mean is known. */
export function sweepChartRows(result: SweepResult): SweepChartRow[] {
  const name = result.params[0]!.name;
  const sign = result.better === 'higher' ? 1 : -1;
  return result.points.flatMap((p): SweepChartRow[] => {
    if (p.mean === null) return [];
    const d = p.delta;
    const verdict: SweepChartRow['verdict'] =
      d === null
        ? 'base'
        : d.ci === null || (d.ci[0] <= 0 && d.ci[1] >= 0)
          ? 'unclear'
          : sign * (d.mean ?? 0) > 0
            ? 'better'
            : 'worse';
    return [
      {
        x: p.values[name]!,
        mean: p.mean,
        low: p.ci?.[0] ?? p.mean,
        high: p.ci?.[1] ?? p.mean,
        verdict,
      },
    ];
  });
}

const SYMBOL = { base: 'square', better: 'triangle', worse: 'times', unclear: 'circle' } as const;
const COLOUR = { base: '#111', better: '#2a7d4f', worse: '#b2442f', unclear: '#777' } as const;

/**
 * The KPI against the swept setting as an SVG `width` px wide: the mean at each point with its
 * simultaneous 95 % CI; each point's shape and colour say whether it beats the first point
 * (triangle), loses to it (cross) or cannot be told apart from it (circle).
 */
export function sweepChart(result: SweepResult, width: number): SVGSVGElement {
  const rows = sweepChartRows(result);
  const name = result.params[0]!.name;
  const fmt = (x: number) => formatValue(x, result.unit);
  const svg = asSvg(
    Plot.plot({
      width,
      height: 280,
      marginLeft: 80,
      marginBottom: 40,
      style: { fontSize: '12px' },
      x: { label: name, labelAnchor: 'center', labelArrow: 'none' },
      y: {
        label: `${result.kpi} (${result.unit})`,
        grid: true,
        labelArrow: 'none',
        ...(result.unit === '€' ? { tickFormat: euroAxis } : {}),
      },
      marks: [
        Plot.line(rows, { x: 'x', y: 'mean', stroke: '#888' }),
        Plot.ruleX(rows, {
          x: 'x',
          y1: 'low',
          y2: 'high',
          stroke: (d: SweepChartRow) => COLOUR[d.verdict],
          strokeWidth: 2,
        }),
        Plot.dot(rows, {
          x: 'x',
          y: 'mean',
          symbol: (d: SweepChartRow) => SYMBOL[d.verdict],
          stroke: (d: SweepChartRow) => COLOUR[d.verdict],
          fill: (d: SweepChartRow) => COLOUR[d.verdict],
          r: 5,
        }),
        Plot.tip(
          rows,
          Plot.pointerX({
            x: 'x',
            y: 'mean',
            title: (d: SweepChartRow) =>
              `${name} = ${d.x}\n${result.kpi}: ${fmt(d.mean)} (95% simultaneous CI ${fmt(d.low)} … ${fmt(d.high)})\n${VERDICT[d.verdict]}`,
          }),
        ),
      ],
    }),
  );
  return asImage(
    svg,
    `${result.kpi} against ${name}: ` +
      rows.map((r) => `at ${r.x} ${fmt(r.mean)}, ${VERDICT[r.verdict]}`).join('; '),
  );
}

const VERDICT = {
  base: 'the first point (the reference)',
  better: 'better than the first point',
  worse: 'worse than the first point',
  unclear: 'not told apart from the first point',
} as const;
