import type { Distribution } from './distribution.ts';
import type { KpiSpec } from '../result/kpis.ts';
import { orNull } from '../result/summary.ts';
import type { Interval, KpiSummary } from '../result/summary.ts';

/** The summary of one KPI's distribution over iterations (NaN → null). */
export function kpiSummary(spec: KpiSpec, d: Distribution): KpiSummary {
  const { mean, sd, se, ci95 } = d.moments();
  return {
    id: spec.id,
    unit: spec.unit,
    better: spec.better,
    n: d.n,
    mean: orNull(mean),
    sd: orNull(sd),
    se: orNull(se),
    ci95: interval(ci95),
    p05: orNull(d.sketch.quantile(0.05)),
    p50: orNull(d.sketch.quantile(0.5)),
    p95: orNull(d.sketch.quantile(0.95)),
    min: d.n === 0 ? null : d.sketch.min,
    max: d.n === 0 ? null : d.sketch.max,
    undefinedCount: d.undefinedCount,
    forecast: interval([d.sketch.quantile(0.05), d.sketch.quantile(0.95)]),
  };
}

/** [lo, hi], or null when either end is undefined. */
export function interval([lo, hi]: [number, number]): Interval | null {
  return Number.isNaN(lo) || Number.isNaN(hi) ? null : [lo, hi];
}
