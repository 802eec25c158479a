/**
 * Statistics over Monte Carlo iterations (docs/design.md §3 "Outputs"): streaming, chunk-mergeable aggregates
 * of one scenario and of a paired comparison, and the summaries the CLI and the workbench show.
 */
export { RunAccumulator, RUN_AGGREGATE_FORMAT } from './accumulator.ts';
export type { RunAggregateJson, RunLayout } from './accumulator.ts';
export { PairedAccumulator, PAIRED_AGGREGATE_FORMAT } from './paired.ts';
export { PairedBreakdownTable, BREAKDOWN_BETTER } from './paired-breakdown.ts';
export type { PairedAggregateJson } from './paired.ts';
export { IterationResultError } from './iteration-check.ts';
export { AggregateFormatError } from './json-read.ts';
export { MAX_MAGNITUDE } from './distribution.ts';
export { RELATIVE_ACCURACY } from './quantile-sketch.ts';
export { studentTCdf, studentTQuantile } from './student-t.ts';
export { simultaneousInterval } from './simultaneous.ts';
export { KimNelson } from './kim-nelson.ts';
export { findKpi } from '../result/summary.ts';
export type {
  BreakdownGroupSummary,
  BreakdownSummary,
  CoverageSummary,
  Interval,
  KpiSummary,
  PairedKpi,
  PairedSummary,
  RuleCoverageSummary,
  RunSummary,
  SeriesSummary,
} from '../result/summary.ts';
