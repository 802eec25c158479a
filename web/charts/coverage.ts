import * as Plot from '@observablehq/plot';
import { formatValue, POLICY_KINDS } from '../../engine/index.ts';
import type { MonteCarloResult, PolicyKind } from '../../engine/index.ts';
import { asSvg, scenarioScale, thousands, type ChartDef, type DataRow } from './chart.ts';

export interface CoverageRow extends DataRow {
  readonly scenario: string;
  readonly kind: PolicyKind;
  readonly rule: string;
  /** Times the rule fired over all iterations. */
  readonly fired: number;
  /** Share of the policy's decisions (0–1). */
  readonly share: number | null;
}

const WHEN: Record<PolicyKind, string> = {
  engagement: 'Engagement policy: share of monthly contract reviews each rule decided',
  leads: 'Lead policy: share of arriving leads each rule routed',
  dunning: 'Dunning policy: share of monthly delinquency reviews each rule decided',
  remarketing: 'Remarketing policy: share of returned vehicles each rule decided',
};

/** How often each rule fired, per scenario and policy kind; a rule without a name is `rule #<index>`. */
export function coverageRows(result: MonteCarloResult): CoverageRow[] {
  return result.scenarios.flatMap(({ name, summary }) =>
    summary.coverage.flatMap((c) =>
      c.rules.map((r) => ({
        scenario: name,
        kind: c.kind,
        rule: r.name ?? `rule #${r.index + 1}`,
        fired: r.fired,
        share: r.share,
      })),
    ),
  );
}

export const coverageChart: ChartDef = {
  id: 'rule-coverage',
  title: 'Rule coverage: which rule decided how often',
  caption:
    'For each policy, the share of its decisions in which each rule fired, over all iterations. A rule that never fires is a rule the portfolio never reaches.',
  height: 900,
  wide: true,
  data: coverageRows,
  plots: (result, width) => {
    const rows = coverageRows(result);
    const names = result.scenarios.map((s) => s.name);
    return POLICY_KINDS.map((kind) => {
      const data = rows.filter((r) => r.kind === kind);
      const rules = [...new Set(data.map((r) => r.rule))];
      return {
        heading: WHEN[kind],
        element: asSvg(
          Plot.plot({
            width,
            height: 50 + rules.length * (names.length * 12 + 12),
            marginLeft: 270,
            marginRight: 60,
            marginBottom: 34,
            style: { fontSize: '12px' },
            fy: { label: null, domain: rules, axis: 'left', padding: 0.15 },
            y: { axis: null, domain: names },
            x: {
              label: 'Share of decisions (%)',
              percent: true,
              domain: [0, 100],
              grid: true,
              labelAnchor: 'center',
              labelArrow: 'none',
            },
            color: scenarioScale(result),
            marks: [
              Plot.frame({ anchor: 'left' }),
              Plot.barX(data, {
                fy: 'rule',
                y: 'scenario',
                x: 'share',
                fill: 'scenario',
                title: (d: CoverageRow) =>
                  `${d.scenario} · ${d.rule}\n${formatValue(d.share, '0–1')} of decisions (${thousands(d.fired)} times)`,
              }),
              Plot.text(data, {
                fy: 'rule',
                y: 'scenario',
                x: 'share',
                text: (d: CoverageRow) => formatValue(d.share, '0–1'),
                textAnchor: 'start',
                dx: 4,
                fontSize: 10,
              }),
            ],
          }),
        ),
      };
    });
  },
};
