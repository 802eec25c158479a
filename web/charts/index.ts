import { breakdownChart } from './breakdowns.ts';
import { bridgeChart } from './bridge.ts';
import type { ChartDef } from './chart.ts';
import { coverageChart } from './coverage.ts';
import { delinquencyChart } from './delinquency.ts';
import { activeContractsFan, retentionFan } from './fan.ts';
import { funnelChart } from './funnel.ts';
import { npvChart, npvDeltaChart } from './npv.ts';
import { profitChart } from './profit.ts';

export type { ChartDef } from './chart.ts';

/** The charts of the results view, in reading order: volume, retention, money, leads, credit, rules. */
export const CHARTS: readonly ChartDef[] = [
  activeContractsFan,
  retentionFan,
  funnelChart,
  profitChart,
  bridgeChart,
  breakdownChart,
  npvChart,
  npvDeltaChart,
  delinquencyChart,
  coverageChart,
];
