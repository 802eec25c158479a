import { HEADLINE_KPIS, kpiLabel, scenarioTitle } from '../../../engine/index.ts';
import type { MonteCarloResult } from '../../../engine/index.ts';
import { kpiRows, type Tone } from '../kpi-table/kpi-rows.ts';

export interface Headline {
  readonly id: string;
  readonly label: string;
  readonly baselineName: string;
  /** The baseline's mean, formatted. */
  readonly baseline: string;
  readonly changes: readonly {
    readonly name: string;
    readonly delta: string;
    readonly ci: string;
    readonly pBetter: string;
    readonly tone: Tone;
  }[];
}

/** The headline KPIs: the baseline's value and each challenger's paired change, as the KPI table shows them. */
export function headlines(result: MonteCarloResult): Headline[] {
  const rows = kpiRows(result);
  return HEADLINE_KPIS.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [];
    return [
      {
        id,
        label: kpiLabel(id).label,
        baselineName: scenarioTitle(result, result.scenarios[0]!.name),
        baseline: row.baseline.mean,
        changes: row.challengers.flatMap((c, i) =>
          c.delta
            ? [
                {
                  name: scenarioTitle(result, result.scenarios[i + 1]!.name),
                  delta: c.delta.delta,
                  ci: c.delta.ci,
                  pBetter: c.delta.pBetter,
                  tone: c.delta.tone,
                },
              ]
            : [],
        ),
      },
    ];
  });
}
