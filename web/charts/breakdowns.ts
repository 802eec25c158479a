import * as Plot from '@observablehq/plot';
import {
  breakdownRows,
  dimensionName,
  formatDelta,
  formatInterval,
  formatProbability,
  formatValue,
  scenarioTitle,
} from '../../engine/index.ts';
import type { MonteCarloResult } from '../../engine/index.ts';
import { asSvg, euroAxis, scenarioScale, type ChartDef, type DataRow } from './chart.ts';

/**
 * One group of one dimension in the small multiples: in a comparison a challenger's paired mean
 * change of profit per iteration (€) with its 95% CI and P(better); in a single run the scenario's
 * mean profit per iteration with its 95% CI.
 */
export interface BreakdownChartRow extends DataRow {
  readonly dimension: string;
  readonly group: string;
  /** The challenger (or, in a single run, the scenario) the row is about. */
  readonly scenario: string;
  readonly value: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** P(challenger better) for the group's profit, 0–1; null in a single run. */
  readonly pBetter: number | null;
}

/** The chart's rows, dimension by dimension, groups in the tables' order (dealers by effect). */
export function breakdownChartRows(result: MonteCarloResult): BreakdownChartRow[] {
  const baseline = result.scenarios[0];
  if (!baseline) return [];
  const compared = result.comparisons.length > 0;
  return baseline.summary.breakdowns.flatMap(({ dimension }) =>
    breakdownRows(result, dimension).flatMap((row): BreakdownChartRow[] => {
      if (!compared) {
        const ci = row.baseline?.ci95?.profit ?? null;
        return [
          {
            dimension,
            group: row.group,
            scenario: baseline.name,
            value: row.baseline?.mean.profit ?? null,
            ciLow: ci?.[0] ?? null,
            ciHigh: ci?.[1] ?? null,
            pBetter: null,
          },
        ];
      }
      return row.challengers.map((c, i) => ({
        dimension,
        group: row.group,
        scenario: result.comparisons[i]!.challenger,
        value: c.paired?.meanDelta.profit ?? null,
        ciLow: c.paired?.ci95.profit?.[0] ?? null,
        ciHigh: c.paired?.ci95.profit?.[1] ?? null,
        pBetter: c.paired?.pBetter.profit ?? null,
      }));
    }),
  );
}

const ROW_HEIGHT = 22;

export const breakdownChart: ChartDef = {
  id: 'breakdowns',
  title: 'Profit by cycle, segment, credit tier, region and dealer',
  caption:
    'One panel per dimension. In a comparison: each challenger’s paired change of profit per iteration against the baseline (dot), with its 95% CI (line), dealers sorted by the size of the first challenger’s effect; in a single run: mean profit per iteration with its 95% CI.',
  height: 600,
  wide: true,
  data: breakdownChartRows,
  plots: (result, width) => {
    const rows = breakdownChartRows(result).filter((r) => r.value !== null);
    const compared = result.comparisons.length > 0;
    const dimensions = [...new Set(rows.map((r) => r.dimension))];
    const panelWidth = width >= 900 ? Math.floor((width - 24) / 2) : width;
    return dimensions.map((dimension) => {
      const data = rows.filter((r) => r.dimension === dimension);
      const groups = [...new Set(data.map((r) => r.group))];
      const scenarios = [...new Set(data.map((r) => r.scenario))];
      const title = (d: BreakdownChartRow) => {
        const who = scenarioTitle(result, d.scenario);
        const ci = formatInterval(
          d.ciLow === null || d.ciHigh === null ? null : [d.ciLow, d.ciHigh],
          '€',
          compared,
        );
        return compared
          ? `${d.group}, ${who}: ${formatDelta(d.value, '€')} (95% CI ${ci}, P(better) ${formatProbability(d.pBetter)})`
          : `${d.group}, ${who}: ${formatValue(d.value, '€')} (95% CI ${ci})`;
      };
      return {
        heading: `By ${dimensionName(dimension)}`,
        element: asSvg(
          Plot.plot({
            width: panelWidth,
            height: 60 + groups.length * ROW_HEIGHT,
            marginLeft: 90,
            marginRight: 24,
            marginBottom: 40,
            style: { fontSize: '12px' },
            x: {
              label: compared ? 'Change of profit per iteration, €' : 'Profit per iteration, €',
              tickFormat: euroAxis,
              grid: true,
              ticks: 4,
              labelAnchor: 'center',
              labelArrow: 'none',
            },
            y: { label: null, domain: groups },
            color: scenarioScale(result),
            marks: [
              compared ? Plot.ruleX([0]) : null,
              // Challengers side by side within a group's row, a few pixels apart.
              ...scenarios.flatMap((scenario, i) => {
                const mine = data.filter((d) => d.scenario === scenario);
                const dy = (i - (scenarios.length - 1) / 2) * 6;
                return [
                  Plot.ruleY(
                    mine.filter((d) => d.ciLow !== null),
                    { y: 'group', x1: 'ciLow', x2: 'ciHigh', stroke: 'scenario', strokeWidth: 2, dy },
                  ),
                  Plot.dot(mine, { y: 'group', x: 'value', fill: 'scenario', r: 3.5, dy, title }),
                ];
              }),
            ],
          }),
        ),
      };
    });
  },
};
