import * as Plot from '@observablehq/plot';
import { asSvg, scenarioScale, thousands, type ChartDef } from './chart.ts';
import { bandRows, type BandRow } from './fan.ts';

export const DELINQUENCY_BUCKETS: Readonly<Record<string, string>> = {
  'delinquency.dpd1to30': '1–30 days past due',
  'delinquency.dpd31to60': '31–60 days past due',
  'delinquency.dpd61to90': '61–90 days past due',
  'delinquency.dpd90plus': 'Over 90 days past due',
};

export const delinquencyChart: ChartDef = {
  id: 'delinquency',
  title: 'Delinquent contracts by days past due',
  caption:
    'Contracts in each arrears bucket at the end of each month. Line: mean over iterations; band: middle 50% of iterations. Each bucket has its own scale.',
  height: 230,
  wide: true,
  data: (result) => bandRows(result, DELINQUENCY_BUCKETS),
  plots: (result, width) => {
    const rows = bandRows(result, DELINQUENCY_BUCKETS);
    const buckets = Object.values(DELINQUENCY_BUCKETS);
    const each = Math.max(220, Math.floor((width - 16 * (buckets.length - 1)) / buckets.length) - 2);
    const horizon = result.scenarios[0]?.summary.horizon ?? 0;
    const step = horizon > 72 ? 24 : horizon > 24 ? 12 : 6;
    return buckets.map((bucket) => {
      const data = rows.filter((r) => r.series === bucket);
      const empty = data.every((r) => !r.mean);
      return {
        heading: bucket,
        element: asSvg(
          Plot.plot({
            width: each,
            height: 200,
            marginLeft: 48,
            marginBottom: 36,
            style: { fontSize: '11px' },
            x: {
              label: 'Months from start',
              ticks: Array.from({ length: Math.floor(horizon / step) + 1 }, (_, i) => i * step),
              labelAnchor: 'center',
              labelArrow: 'none',
            },
            y: {
              label: 'Contracts',
              grid: true,
              zero: true,
              tickFormat: thousands,
              ...(empty ? { domain: [0, 10] } : {}),
            },
            color: scenarioScale(result),
            marks: [
              empty
                ? Plot.text(['No contract in this bucket in any month or iteration'], {
                    frameAnchor: 'middle',
                    fill: '#59636e',
                    fontSize: 11,
                  })
                : null,
              Plot.areaY(data, { x: 'month', y1: 'p25', y2: 'p75', fill: 'scenario', fillOpacity: 0.2 }),
              Plot.lineY(data, { x: 'month', y: 'mean', stroke: 'scenario', strokeWidth: 1.5 }),
              Plot.tip(
                data,
                Plot.pointerX({
                  x: 'month',
                  y: 'mean',
                  stroke: 'scenario',
                  title: (d: BandRow) =>
                    `${d.scenario} · month ${d.month}\n${bucket}: ${d.mean === null ? '–' : thousands(d.mean)} contracts (mean)`,
                }),
              ),
            ],
          }),
        ),
      };
    });
  },
};
