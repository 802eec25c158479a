import type { IterationResult } from '../result/iteration.ts';
import { kpiIndex } from '../result/kpis.ts';

/*
 * What a calibration target measures on one iteration of the baseline, as a fraction 0–1: four KPIs of
 * the catalogue. The 60+ DPD stock is the KPI's (credit.dpd60Share), which counts repossessed
 * contracts still waiting for their sale as the delinquency stock they are.
 */

export const MEASURES = [
  'retention.rate',
  'credit.lossRate',
  'leads.conversionRate',
  'credit.dpd60Share',
] as const;
export type MeasureId = (typeof MEASURES)[number];

/** What each measure is, for people (docs/calibration.md repeats it). */
export const MEASURE_MEANING: Readonly<Record<MeasureId, string>> = {
  'retention.rate': 'share of ending contracts whose customer took a new contract with the captive',
  'credit.lossRate': 'net credit loss over the average financed balance, a year',
  'leads.conversionRate': 'sales per lead',
  'credit.dpd60Share':
    'contracts more than 60 days past due (repossessions awaiting their sale included) over contracts on book, averaged over the months of the horizon',
};

/** The measure on one iteration, 0–1 (NaN where undefined, e.g. no leads). */
export function measure(id: MeasureId, result: IterationResult): number {
  return result.kpis[kpiIndex(id)]!;
}
