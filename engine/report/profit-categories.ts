/**
 * The categories undiscounted captive profit (`profit.total`) is split into, for the profit chart, the
 * profit bridge and the verdict's drivers: the captive's P&L lines, one list, so a change of the P&L's
 * lines changes all three. The lines are signed (income positive, cost negative) and add up to
 * profit.total exactly: there is no remainder category.
 */

import { PNL_LINES, type KpiId, type PnlLine } from '../result/kpis.ts';
import { PNL_LINE_LABELS } from './kpi-labels.ts';

/** A profit category: one line of the captive's P&L. */
export interface ProfitCategory {
  /** The line's KPI id (`pnl.<line>`). */
  readonly key: KpiId;
  readonly line: PnlLine;
  readonly label: string;
}

/** In P&L order: income first, then costs, the capital charge, tax and the book at the horizon. */
export const PROFIT_CATEGORIES: readonly ProfitCategory[] = PNL_LINES.filter((l) =>
  (l.perspectives as readonly string[]).includes('captive'),
).map((l) => ({ key: `pnl.${l.id}` as KpiId, line: l.id, label: PNL_LINE_LABELS[l.id] }));

/** The KPI the categories add up to. */
export const PROFIT_TOTAL: KpiId = 'profit.total';

/**
 * Each category's contribution to profit, €, from `value(kpiId)` — a mean, or a mean paired change
 * (contributions are linear, so the changes of the categories add up to the change of profit.total).
 */
export function categoryContributions(
  value: (id: KpiId) => number,
): { readonly category: ProfitCategory; readonly value: number }[] {
  return PROFIT_CATEGORIES.map((category) => ({ category, value: value(category.key) }));
}
