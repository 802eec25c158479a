import * as Plot from '@observablehq/plot';
import {
  categoryContributions,
  findKpi,
  formatValue,
  PROFIT_CATEGORIES as CATEGORIES,
  PROFIT_TOTAL,
} from '../../engine/index.ts';
import type { MonteCarloResult, PnlLine } from '../../engine/index.ts';
import { asSvg, euroRowsFrame, type ChartDef, type DataRow, type LegendItem } from './chart.ts';

// Income blue-green, transfers purple, costs red-orange, the run-off grey.
const COLOURS: Readonly<Record<PnlLine, string>> = {
  interestIncome: '#08519c',
  fundingCost: '#fdd0a2',
  subsidy: '#3182bd',
  dealerCommission: '#9e9ac8',
  operatingCost: '#fdae6b',
  creditLoss: '#a50f15',
  insurancePremiums: '#fcbba1',
  collections: '#de2d26',
  residualResult: '#8c6d31',
  residualSupport: '#6baed6',
  dealerResidualGuarantee: '#bcbddc',
  leaseEndCharges: '#66c2a4',
  refurbishment: '#238b45',
  holding: '#fdbe85',
  engagement: '#fb6a4a',
  leads: '#fd8d3c',
  salesGross: '#74c476',
  manufacturerMargin: '#31a354',
  capitalCharge: '#7f2704',
  tax: '#525252',
  horizonValue: '#969696',
};

/** The captive's P&L lines with their colours, in P&L order; they add up to profit.total exactly. */
export const PROFIT_CATEGORIES = CATEGORIES.map((c) => ({ ...c, colour: COLOURS[c.line] }));

export interface ProfitRow extends DataRow {
  readonly scenario: string;
  readonly category: string;
  /** Mean contribution to undiscounted profit over the horizon, € (costs negative). */
  readonly value: number;
}

/**
 * Each scenario's undiscounted captive profit split into its P&L lines (means over iterations, €):
 * they add up to profit.total, since every iteration's lines do.
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
  title: "The captive's profit by P&L line",
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
