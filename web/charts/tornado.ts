import * as Plot from '@observablehq/plot';
import { formatValue } from '../../engine/index.ts';
import type { SensitivityResult } from '../../engine/index.ts';
import { asImage, asSvg, euroAxis } from './chart.ts';

/** One half-bar of the tornado: the outcome with one assumption held at its low or high quantile. */
export interface TornadoRow {
  /** The assumption's label, as the y axis shows it. */
  readonly assumption: string;
  readonly end: 'low' | 'high';
  /** The held value, in the assumption's own unit, and its quantile (0–1). */
  readonly value: number;
  readonly p: number;
  /** The outcome there (KPI, or challenger − baseline), in the KPI's unit. */
  readonly outcome: number;
  /** Whether the outcome there is better than with every assumption drawn (by the KPI's direction). */
  readonly better: boolean;
  /** The bar's swing is within simulation error (its 95 % CI includes 0). */
  readonly withinError: boolean;
}

/** The tornado's rows, widest bar first: two per assumption, each measured from the base outcome. */
export function tornadoRows(result: SensitivityResult): TornadoRow[] {
  const sign = result.better === 'higher' ? 1 : -1;
  return result.bars.flatMap((bar) =>
    (['low', 'high'] as const).map((end) => ({
      assumption: bar.label,
      end,
      value: bar[end].value,
      p: bar[end].p,
      outcome: bar[end].mean,
      better: sign * (bar[end].mean - result.base.mean) > 0,
      withinError: bar.withinSimulationError,
    })),
  );
}

/**
 * The tornado of `result` as an SVG `width` px wide: per assumption a bar from the base outcome to the
 * outcome at its low and at its high quantile. Better than the base is told by colour and by the end's
 * label ("▲ better" / "▼ worse"); a bar within simulation error is drawn hatched-pale and labelled so.
 */
export function tornadoChart(result: SensitivityResult, width: number): SVGSVGElement {
  const rows = tornadoRows(result);
  const labels = [...new Set(rows.map((r) => r.assumption))];
  const unit = result.unit;
  const fmt = (x: number) => formatValue(x, unit);
  const outcome = result.baseline ? `${result.kpi}, ${result.scenario} − ${result.baseline}` : result.kpi;
  const svg = asSvg(
    Plot.plot({
      width,
      height: Math.max(150, 40 * labels.length + 80),
      marginLeft: 220,
      marginRight: 90,
      marginBottom: 40,
      style: { fontSize: '12px' },
      x: {
        label: `${outcome} (${unit})`,
        grid: true,
        labelAnchor: 'center',
        labelArrow: 'none',
        // room for the end labels (▲ p90) beside the bars
        insetLeft: 70,
        insetRight: 70,
        ...(unit === '€' ? { tickFormat: euroAxis } : {}),
      },
      y: { label: null, domain: labels },
      color: { domain: [true, false], range: ['#2a7d4f', '#b2442f'] },
      marks: [
        Plot.barX(rows, {
          y: 'assumption',
          x1: () => result.base.mean,
          x2: 'outcome',
          fill: 'better',
          fillOpacity: (d: TornadoRow) => (d.withinError ? 0.3 : 0.85),
        }),
        Plot.ruleX([result.base.mean], { stroke: '#111', strokeDasharray: '4 3' }),
        ...(result.baseline ? [Plot.ruleX([0], { stroke: '#111' })] : []),
        ...([true, false] as const).map((right) =>
          Plot.text(
            rows.filter((d) => d.outcome >= result.base.mean === right),
            {
              y: 'assumption',
              x: 'outcome',
              text: (d: TornadoRow) =>
                `${d.better ? '▲' : '▼'} p${Math.round(d.p * 100)}${d.withinError ? ' (noise)' : ''}`,
              textAnchor: right ? 'start' : 'end',
              dx: right ? 4 : -4,
              fill: '#111',
            },
          ),
        ),
        Plot.tip(
          rows,
          Plot.pointer({
            y: 'assumption',
            x: 'outcome',
            title: (d: TornadoRow) =>
              `${d.assumption} at p${Math.round(d.p * 100)} (${d.value.toPrecision(3)})\n` +
              `${outcome}: ${fmt(d.outcome)} (${d.better ? 'better' : 'worse'} than ${fmt(result.base.mean)} with every assumption drawn)` +
              (d.withinError ? '\nwithin simulation error' : ''),
          }),
        ),
      ],
    }),
  );
  return asImage(
    svg,
    `Tornado of ${outcome}: ` +
      result.bars
        .map(
          (b) =>
            `${b.label} from ${fmt(b.low.mean)} at p${Math.round(b.low.p * 100)} to ${fmt(b.high.mean)} at p${Math.round(b.high.p * 100)}${b.withinSimulationError ? ', within simulation error' : ''}`,
        )
        .join('; '),
  );
}
