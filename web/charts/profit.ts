import * as Plot from '@observablehq/plot';
import { findKpi, formatValue } from '../../engine/index.ts';
import type { KpiId, MonteCarloResult } from '../../engine/index.ts';
import { asSvg, euroRowsFrame, type ChartDef, type DataRow, type LegendItem } from './chart.ts';

/** A profit category: a KPI (costs enter with a minus sign) or the remainder of profit.total. */
interface Category {
  readonly key: KpiId | typeof OTHER;
  readonly label: string;
  readonly colour: string;
  /** +1 for income KPIs, −1 for cost KPIs (reported as positive costs). */
  readonly sign: 1 | -1;
}

export const OTHER = 'other' as const;

/** Whether a category is a KPI rather than the remainder. */
export const isKpiCategory = (c: Category): c is Category & { readonly key: KpiId } => c.key !== OTHER;

/** In the order they stack, income first; the colours keep income blue-green and costs red-orange. */
export const PROFIT_CATEGORIES: readonly Category[] = [
  {
    key: 'profit.financing.cycle1',
    label: 'Financing margin, cycle 1 (incl. subsidy)',
    colour: '#08519c',
    sign: 1,
  },
  { key: 'profit.financing.cycle2', label: 'Financing margin, cycle 2', colour: '#3182bd', sign: 1 },
  { key: 'profit.financing.cycle3', label: 'Financing margin, cycle 3', colour: '#6baed6', sign: 1 },
  {
    key: 'profit.refurbishment.cycle1',
    label: 'Refurbishment result, after cycle 1',
    colour: '#238b45',
    sign: 1,
  },
  {
    key: 'profit.refurbishment.cycle2',
    label: 'Refurbishment result, after cycle 2',
    colour: '#74c476',
    sign: 1,
  },
  { key: OTHER, label: 'Dealer sales gross, insurance and other', colour: '#9e9ac8', sign: 1 },
  { key: 'profit.residual', label: 'Residual result on returns', colour: '#8c6d31', sign: 1 },
  { key: 'cost.creditLoss', label: 'Net credit losses', colour: '#a50f15', sign: -1 },
  { key: 'cost.collections', label: 'Collection costs', colour: '#de2d26', sign: -1 },
  { key: 'cost.engagement', label: 'Engagement costs and incentives', colour: '#fb6a4a', sign: -1 },
  { key: 'cost.leads', label: 'Lead and BDC costs', colour: '#fd8d3c', sign: -1 },
  { key: 'cost.holding', label: 'Inventory holding costs', colour: '#fdbe85', sign: -1 },
];

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
  return result.scenarios.flatMap(({ name, summary }) => {
    const mean = (id: KpiId) => findKpi(summary.kpis, id)?.mean ?? 0;
    const named = PROFIT_CATEGORIES.filter(isKpiCategory).map((c) => ({
      scenario: name,
      category: c.label,
      value: c.sign * mean(c.key),
    }));
    const other = mean('profit.total') - named.reduce((sum, r) => sum + r.value, 0);
    const otherLabel = PROFIT_CATEGORIES.find((c) => c.key === OTHER)!.label;
    return PROFIT_CATEGORIES.map((c) =>
      c.key === OTHER
        ? { scenario: name, category: otherLabel, value: other }
        : named.find((r) => r.category === c.label)!,
    );
  });
}

/** Each scenario's mean undiscounted profit, €. */
export function profitTotals(result: MonteCarloResult): { scenario: string; total: number }[] {
  return result.scenarios.map(({ name, summary }) => ({
    scenario: name,
    total: findKpi(summary.kpis, 'profit.total')?.mean ?? 0,
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
