/**
 * The categories undiscounted profit (`profit.total`) is split into, for the profit chart, the profit
 * bridge and the verdict's drivers: one list, so a change of the P&L's lines changes all three.
 */

import type { KpiId } from '../result/kpis.ts';

/** The remainder of profit.total that no category KPI names. */
export const OTHER = 'other' as const;

/** A profit category: a KPI (costs enter with a minus sign) or the remainder of profit.total. */
export interface ProfitCategory {
  /** A KPI id, or OTHER. */
  readonly key: KpiId | typeof OTHER;
  readonly label: string;
  /** +1 for income KPIs, −1 for cost KPIs (reported as positive costs). */
  readonly sign: 1 | -1;
}

/** In the order they stack, income first. */
export const PROFIT_CATEGORIES: readonly ProfitCategory[] = [
  { key: 'profit.financing.cycle1', label: 'Financing margin, cycle 1 (incl. subsidy)', sign: 1 },
  { key: 'profit.financing.cycle2', label: 'Financing margin, cycle 2', sign: 1 },
  { key: 'profit.financing.cycle3', label: 'Financing margin, cycle 3', sign: 1 },
  { key: 'profit.refurbishment.cycle1', label: 'Refurbishment result, after cycle 1', sign: 1 },
  { key: 'profit.refurbishment.cycle2', label: 'Refurbishment result, after cycle 2', sign: 1 },
  { key: OTHER, label: 'Dealer sales gross, insurance and other', sign: 1 },
  { key: 'profit.residual', label: 'Residual result on returns', sign: 1 },
  { key: 'cost.creditLoss', label: 'Net credit losses', sign: -1 },
  { key: 'cost.collections', label: 'Collection costs', sign: -1 },
  { key: 'cost.engagement', label: 'Engagement costs and incentives', sign: -1 },
  { key: 'cost.leads', label: 'Lead and BDC costs', sign: -1 },
  { key: 'cost.holding', label: 'Inventory holding costs', sign: -1 },
];

/** The KPI the categories add up to. */
export const PROFIT_TOTAL: KpiId = 'profit.total';

/**
 * Each category's contribution to profit, €, from `value(kpiId)` — a mean, or a mean paired change
 * (contributions are linear, so the changes of the categories add up to the change of profit.total).
 */
export function categoryContributions(
  value: (id: KpiId) => number,
): { readonly category: ProfitCategory; readonly value: number }[] {
  const kpi = (c: ProfitCategory) => (c.key === OTHER ? 0 : c.sign * value(c.key));
  const namedSum = PROFIT_CATEGORIES.reduce((sum, c) => sum + kpi(c), 0);
  return PROFIT_CATEGORIES.map((category) => ({
    category,
    value: category.key === OTHER ? value(PROFIT_TOTAL) - namedSum : kpi(category),
  }));
}
