import * as Plot from '@observablehq/plot';
import {
  categoryContributions,
  findKpi,
  formatDelta,
  formatValue,
  PROFIT_TOTAL,
} from '../../engine/index.ts';
import type { MonteCarloResult } from '../../engine/index.ts';
import { scenarioColour, TONE_COLOURS } from '../lib/palette.ts';
import { asSvg, euroAxis, type ChartDef, type DataRow } from './chart.ts';
import { PROFIT_CATEGORIES } from './profit.ts';

/** One step of a profit bridge from the baseline's profit to a challenger's. */
export interface BridgeRow extends DataRow {
  readonly challenger: string;
  readonly step: string;
  /** Where the bar starts and ends, € (a total runs from 0). */
  readonly from: number;
  readonly to: number;
  /** The change the step makes, €; for a total, the total itself. */
  readonly value: number;
  readonly kind: 'total' | 'change';
}

/**
 * For each challenger, a waterfall from the baseline's mean undiscounted profit through the paired
 * mean change of each line of the captive's P&L to the challenger's: the lines' changes add up to the
 * change of profit.total (no remainder: the lines are the whole P&L).
 */
export function bridgeRows(result: MonteCarloResult): BridgeRow[] {
  const baseline = result.scenarios[0];
  if (!baseline) return [];
  const baseTotal = findKpi(baseline.summary.kpis, PROFIT_TOTAL)?.mean ?? 0;
  return result.comparisons.flatMap(({ challenger, summary }) => {
    const rows: BridgeRow[] = [
      {
        challenger,
        step: `${baseline.name} profit`,
        from: 0,
        to: baseTotal,
        value: baseTotal,
        kind: 'total',
      },
    ];
    let running = baseTotal;
    for (const { category, value } of categoryContributions(
      (id) => findKpi(summary.kpis, id)?.meanDelta ?? 0,
    )) {
      rows.push({
        challenger,
        step: category.label,
        from: running,
        to: running + value,
        value,
        kind: 'change',
      });
      running += value;
    }
    rows.push({ challenger, step: 'challenger profit', from: 0, to: running, value: running, kind: 'total' });
    return rows;
  });
}

export const bridgeChart: ChartDef = {
  id: 'profit-bridge',
  title: "Profit bridge: the captive's profit from the baseline to each challenger",
  caption:
    'How each category moves undiscounted profit, € over the horizon (mean of the paired differences). Green raises profit, red lowers it; the first bar is the baseline’s profit, the last the challenger’s.',
  height: 420,
  wide: true,
  data: bridgeRows,
  plots: (result, width) => {
    const rows = bridgeRows(result);
    if (rows.length === 0) return [];
    const baseline = result.scenarios[0]!.name;
    const steps = [`${baseline} profit`, ...PROFIT_CATEGORIES.map((c) => c.label), 'challenger profit'];
    const challengers = result.comparisons.map((c) => c.challenger);
    const fill = (d: BridgeRow) =>
      d.kind === 'total'
        ? d.step === 'challenger profit'
          ? scenarioColour(challengers.indexOf(d.challenger) + 1)
          : scenarioColour(0)
        : d.value >= 0
          ? TONE_COLOURS.favourable
          : TONE_COLOURS.unfavourable;
    return [
      {
        element: asSvg(
          Plot.plot({
            width,
            height: 60 + steps.length * 26,
            marginLeft: 270,
            marginRight: 20,
            marginBottom: 40,
            style: { fontSize: '12px' },
            fx: { label: null, domain: challengers, tickFormat: (c: string) => `${baseline} → ${c}` },
            y: { label: null, domain: steps },
            x: {
              label: 'Undiscounted profit, €',
              tickFormat: euroAxis,
              grid: true,
              ticks: 4,
              insetRight: 64,
              labelAnchor: 'center',
              labelArrow: 'none',
            },
            marks: [
              Plot.barX(rows, {
                fx: 'challenger',
                y: 'step',
                x1: 'from',
                x2: 'to',
                fill,
                insetTop: 3,
                insetBottom: 3,
                title: (d: BridgeRow) =>
                  `${d.challenger}: ${d.step}\n${d.kind === 'total' ? formatValue(d.value, '€') : formatDelta(d.value, '€')}`,
              }),
              Plot.text(rows, {
                fx: 'challenger',
                y: 'step',
                x: (d: BridgeRow) => Math.max(d.from, d.to),
                text: (d: BridgeRow) =>
                  d.kind === 'total' ? formatValue(d.value, '€') : formatDelta(d.value, '€'),
                textAnchor: 'start',
                dx: 4,
                fontSize: 11,
              }),
              Plot.ruleX([0]),
            ],
          }),
        ),
      },
    ];
  },
};
