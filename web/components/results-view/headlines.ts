import { HEADLINE_KPI, HEADLINE_KPIS, kpiLabel, scenarioTitle } from '../../../engine/index.ts';
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
    /** Forecast interval of the change: the range in 9 of 10 simulated futures. */
    readonly forecast: string;
    /** Simulation error: 95% CI of the mean change. */
    readonly ci: string;
    /** Value of perfect information, on the headline KPI only and where the result has it. */
    readonly valueOfInformation: string | undefined;
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
                  forecast: c.delta.forecast,
                  ci: c.delta.ci,
                  valueOfInformation: id === HEADLINE_KPI ? c.delta.valueOfInformation : undefined,
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
