import { type IterationResult, SERIES } from '../result/iteration.ts';
import { kpiIndex } from '../result/kpis.ts';

/*
 * What a calibration target measures on one iteration of the baseline, as a fraction 0–1: three KPIs
 * of the catalogue and the 60+ DPD stock, read from the delinquency series.
 */

export const MEASURES = [
  'retention.rate',
  'credit.lossRate',
  'leads.conversionRate',
  'delinquency.dpd60plus',
] as const;
export type MeasureId = (typeof MEASURES)[number];

/** What each measure is, for people (docs/calibration.md repeats it). */
export const MEASURE_MEANING: Readonly<Record<MeasureId, string>> = {
  'retention.rate': 'share of ending contracts whose customer took a new contract with the captive',
  'credit.lossRate': 'net credit loss over the average financed balance, a year',
  'leads.conversionRate': 'sales per lead',
  'delinquency.dpd60plus':
    'contracts more than 60 days past due over active contracts, averaged over the months of the horizon',
};

const seriesIndex = (id: (typeof SERIES)[number]['id']): number => SERIES.findIndex((s) => s.id === id);
const CURRENT = seriesIndex('delinquency.current');
const BUCKETS = [
  seriesIndex('delinquency.dpd1to30'),
  seriesIndex('delinquency.dpd31to60'),
  seriesIndex('delinquency.dpd61to90'),
  seriesIndex('delinquency.dpd90plus'),
];
const SIXTY_PLUS = BUCKETS.slice(2);

/** The measure on one iteration of `horizon` months, 0–1 (NaN where undefined, e.g. no leads). */
export function measure(id: MeasureId, result: IterationResult, horizon: number): number {
  if (id !== 'delinquency.dpd60plus') return result.kpis[kpiIndex(id)]!;
  const at = (s: number, t: number) => result.series[s * horizon + t]!;
  let sum = 0;
  let months = 0;
  for (let t = 0; t < horizon; t++) {
    let active = at(CURRENT, t);
    for (const s of BUCKETS) active += at(s, t);
    if (active === 0) continue;
    let late = 0;
    for (const s of SIXTY_PLUS) late += at(s, t);
    sum += late / active;
    months++;
  }
  return months === 0 ? NaN : sum / months;
}
