import * as Plot from '@observablehq/plot';
import {
  categoryContributions,
  findKpi,
  formatValue,
  OTHER,
  PROFIT_CATEGORIES as CATEGORIES,
  PROFIT_TOTAL,
} from '../../engine/index.ts';
import type { MonteCarloResult } from '../../engine/index.ts';
import { asSvg, euroRowsFrame, type ChartDef, type DataRow, type LegendItem } from './chart.ts';

const COLOURS: Readonly<Record<string, string>> = {
  'profit.financing.cycle1': '#08519c',
  'profit.financing.cycle2': '#3182bd',
  'profit.financing.cycle3': '#6baed6',
  'profit.refurbishment.cycle1': '#238b45',
  'profit.refurbishment.cycle2': '#74c476',
  [OTHER]: '#9e9ac8',
  'profit.residual': '#8c6d31',
  'cost.creditLoss': '#a50f15',
  'cost.collections': '#de2d26',
  'cost.engagement': '#fb6a4a',
  'cost.leads': '#fd8d3c',
  'cost.holding': '#fdbe85',
};

/**
 * The profit categories with their colours: income blue-green, costs red-orange (a category without
 * one of its own is grey).
 */
export const PROFIT_CATEGORIES = CATEGORIES.map((c) => ({ ...c, colour: COLOURS[c.key] ?? '#969696' }));

export interface ProfitRow extends DataRow {
  readonly scenario: string;
  readonly category: string;
  /** Mean contribution to undiscounted profit over the horizon, € (costs negative). */
  readonly value: number;
}

/**
 * Each scenario's undiscounted profit split into categories (means over iterations, €). The
 * categories shown add up to profit.total: what the KPIs do not name (dealer sales gross, credit
 * insurance premiums) is the "other" remainder.
 */
export function profitRows(result: MonteCarloResult): ProfitRow[] {
  return result.scenarios.flatMap(({ name, summary }) =>
    categoryContributions((id) => findKpi(summary.kpis, id)?.mean ?? 0).map(({ category, value }) => ({
      scenario: name,
      category: category.label,
      value,
    })),
  );
}

/** Each scenario's mean undiscounted profit, €. */
export function profitTotals(result: MonteCarloResult): { scenario: string; total: number }[] {
  return result.scenarios.map(({ name, summary }) => ({
    scenario: name,
    total: findKpi(summary.kpis, PROFIT_TOTAL)?.mean ?? 0,
  }));
}

export const profitChart: ChartDef = {
  id: 'profit-by-category',
  title: 'Profit by category and cycle',
  caption:
    'Mean over iterations, undiscounted, € over the horizon. Income stacks to the right of zero, costs to the left; the black diamond and label give net profit.',
  height: 300,
  wide: true,
  legend: (): LegendItem[] => PROFIT_CATEGORIES.map((c) => ({ label: c.label, colour: c.colour })),
  data: profitRows,
  plots: (result, width) => {
    const rows = profitRows(result);
    const totals = profitTotals(result);
    const names = result.scenarios.map((s) => s.name);
    return [
      {
        element: asSvg(
          Plot.plot({
            ...euroRowsFrame(width, names, 'Profit and cost, € over the horizon', {
              rowHeight: 60,
              minHeight: 160,
              marginLeft: 150,
            }),
            color: {
              domain: PROFIT_CATEGORIES.map((c) => c.label),
              range: PROFIT_CATEGORIES.map((c) => c.colour),
            },
            marks: [
              Plot.barX(rows, {
                y: 'scenario',
                x: 'value',
                fill: 'category',
                insetTop: 6,
                insetBottom: 6,
                title: (d: ProfitRow) => `${d.scenario}\n${d.category}: ${formatValue(d.value, '€')}`,
              }),
              Plot.ruleX([0], { stroke: '#111' }),
              Plot.dot(totals, {
                y: 'scenario',
                x: 'total',
                symbol: 'diamond',
                fill: '#111',
                stroke: 'white',
                r: 6,
              }),
              Plot.text(totals, {
                y: 'scenario',
                x: 'total',
                text: (d: { total: number }) => `net ${formatValue(d.total, '€')}`,
                dy: -16,
                fontWeight: 'bold',
                stroke: 'white',
                strokeWidth: 3,
                paintOrder: 'stroke',
                fill: '#111',
              }),
            ],
          }),
        ),
      },
    ];
  },
};
