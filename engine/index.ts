/**
 * The engine's public entry: what the workbench (web/) and the CLI (engine/cli/) use, and nothing Node-only
 * (the worker pool is in ./node.ts). Inside engine/ modules import each other directly, never this file,
 * so the entry stays on top of the import graph; a test (test/architecture/layers.test.ts) fails on an
 * import past it from web/ or engine/cli/ and on any import cycle.
 *
 * Listed from the bottom layer up, as the folders depend on each other.
 */

// The domain's lists.
export { POLICY_KINDS } from './domain/lists.ts';
export type { PolicyKind } from './domain/lists.ts';

// Located JSON, problems and name suggestions.
export { cut, cutPath, describeValue } from './json/describe.ts';
export { parseJsonDocument } from './json/document.ts';
export { formatProblem, problemKey } from './json/problem.ts';
export type { Problem } from './json/problem.ts';
export { didYouMean } from './json/suggest.ts';

// The result contract: KPIs, summaries and what a run returns.
export {
  HEADLINE_KPI,
  isKpiId,
  KPI_IDS,
  KPIS,
  kpiSpec,
  PERSPECTIVE_PREFIXES,
  PNL_LINES,
} from './result/kpis.ts';
export type { CatalogueKpiId, KpiId, KpiSpec, KpiUnit, PerspectiveId, PnlLine } from './result/kpis.ts';
export { findKpi } from './result/summary.ts';
export type { KpiSummary, PairedKpi, PairedSummary, RunSummary } from './result/summary.ts';
export type { Manifest, MonteCarloResult, PrecisionOutcome, PrecisionTarget } from './result/run.ts';

// The world's assumptions.
export { defaultWorld } from './world/defaults.ts';
export { cdf, DIST_NAMES, distMean, isDist, quantile } from './world/distributions.ts';
export type { Dist, DistName, Num } from './world/distributions.ts';
export { checkWorldValue, mergeWorld } from './world/merge.ts';
export { WORLD } from './world/assumptions.ts';
export { fieldsOf } from './world/declare.ts';
export { WORLD_SCHEMA } from './world/schema.ts';
export type { SchemaNode } from './world/schema.ts';

// Policies: the catalogue, rule sets, the compiler and the json-rules-engine reference.
export { CATALOGUES } from './policy/catalogue/index.ts';
export type { TypedSpec } from './policy/catalogue/index.ts';
export { checkValue } from './policy/check-value.ts';
export { frameFromFacts } from './policy/compile/frame.ts';
export { compileRuleSet } from './policy/compile/index.ts';
export { loadRuleSet } from './policy/load.ts';
export { DECORATORS, OPERATORS } from './policy/operators.ts';
export { declaredParameters, parameterSpec } from './policy/parameters.ts';
export { createReferenceEngine } from './policy/reference.ts';
export type { ParameterDecl, ParameterType, ParameterValue, RuleEvent, RuleSet } from './policy/rule-set.ts';

// The simulator: one iteration, the Monte Carlo driver, shards, and following one customer.
export { prepareScenario } from './sim/iteration.ts';
export { prepareRun } from './sim/montecarlo/chunk.ts';
export type { SimSetup } from './sim/iteration.ts';
export type { ChunkResult } from './sim/montecarlo/chunk.ts';
export { aggregateMonteCarlo, runMonteCarlo, summariseAggregates } from './sim/montecarlo/driver.ts';
export { checkPrecision, halfWidthProblem, kpiIdProblem } from './scenario/precision-setting.ts';
export {
  MAX_GRID_POINTS,
  paramGrid,
  paramMessage,
  parseParamRange,
  rangeValues,
} from './scenario/param-grid.ts';
export type { GridPoint, ParamRange } from './scenario/param-grid.ts';
export { renderSweep, sweepResult, sweepRows, sweepTable } from './scenario/sweep-result.ts';
export type { SweepPoint, SweepResult } from './scenario/sweep-result.ts';
export { optimiseResult, renderOptimise } from './scenario/optimise-result.ts';
export type { OptimiseResult } from './scenario/optimise-result.ts';
export { OPTIMISE_STAGES, selectBest } from './sim/montecarlo/select-best.ts';
export type { Constraint, SelectionOutcome, SelectionSettings } from './sim/montecarlo/select-best.ts';
export type { RunProgress } from './sim/montecarlo/driver.ts';
export { InProcessExecutor, PreparedRunCache, runChunkCached } from './sim/montecarlo/executor.ts';
export { chunkSteps } from './sim/montecarlo/chunk.ts';
export type { ChunkExecutor } from './sim/montecarlo/executor.ts';
export { contentHash } from './sim/montecarlo/hash.ts';
export { progressLine } from './sim/montecarlo/progress-line.ts';
export {
  buildShardFile,
  checkShardDigest,
  readShardFile,
  sealShardFile,
  shardFileText,
} from './sim/montecarlo/shard-file.ts';
export type { LoadedShard } from './sim/montecarlo/shard-file.ts';
export { mergeShards } from './sim/montecarlo/shard-merge.ts';
export { chunkCount, parseShardSelector, ShardError, shardChunkRange } from './sim/montecarlo/shard.ts';
export type { ShardSelector } from './sim/montecarlo/shard.ts';
export type { ChunkRange, ChunkTask, RunSpec } from './sim/montecarlo/spec.ts';
export { WARM_UP_RUN_ID, WARM_UP_TASK, warmUpSpec } from './sim/montecarlo/warm-up.ts';
export {
  followCustomer,
  renderTimeline,
  renderTimelineMarkdown,
  sampleCustomers,
} from './sim/journey/index.ts';
export type { CustomerSample } from './sim/journey/index.ts';

// Calibration: the world's base rates fitted to targets of today's practice.
export { calibrate } from './calibration/calibrate.ts';
export type { Calibration, CalibrationRow } from './calibration/calibrate.ts';
export { updateCalibrated } from './calibration/calibrated-file.ts';
export { MEASURE_MEANING } from './calibration/measures.ts';
export { applyTargetFile } from './calibration/target-file.ts';
export { TARGETS } from './calibration/targets.ts';
export type { CalibrationTarget } from './calibration/targets.ts';

// Numbers, tables, the verdict and the report for people.
export {
  counted,
  formatDelta,
  formatInterval,
  formatProbability,
  formatQuantile,
  formatQuantileRange,
  formatValue,
  intervalEnds,
} from './report/number.ts';
export {
  FORMATS,
  renderResult,
  renderSeriesCsv,
  resultRows,
  seriesRows,
  type RawCell,
} from './report/render.ts';
export type { Format } from './report/render.ts';
export { comparisonTable, kpiTable, REPORT_PERSPECTIVES } from './report/tables.ts';
export { resultWorkbook } from './report/workbook.ts';
export type { ReportPerspective, Table } from './report/tables.ts';
export { breakdownRows, breakdownTables, dimensionName } from './report/breakdowns.ts';
export type { BreakdownRow } from './report/breakdowns.ts';
export {
  HEADLINE_KPIS,
  KPI_LABELS,
  kpiLabel,
  PERSPECTIVE_GROUPS,
  PNL_LINE_LABELS,
} from './report/kpi-labels.ts';
export type { KpiLabel } from './report/kpi-labels.ts';
export { categoryContributions, PROFIT_CATEGORIES, PROFIT_TOTAL } from './report/profit-categories.ts';
export type { ProfitCategory } from './report/profit-categories.ts';
export {
  judgeChange,
  MATERIALITY,
  MATERIALITY_TEXT,
  materialityThreshold,
  verdicts,
} from './report/verdict.ts';
export { scenarioTitle } from './result/scenario-title.ts';
export type { Significance, Verdict } from './report/verdict.ts';
export { renderReport } from './report/html.ts';
export { reportScenario } from './scenario/report-scenario.ts';
export type { ReportScenario } from './report/report-scenario.ts';

// Scenarios: loading, run settings, checks against expectations.
export { CheckPlanError, runCheck } from './scenario/check.ts';
export type { CheckOutcome, CheckRun } from './scenario/check.ts';
export { runSpec, scenarioInput } from './scenario/input.ts';
export { DEFAULT_RUN } from './scenario/format.ts';
export type { NumericRunSetting, RunSettings } from './scenario/format.ts';
export { loadScenario, locateInScenario } from './scenario/load.ts';
export { comparabilityProblems } from './scenario/comparable.ts';
export { parseOverride } from './scenario/overrides.ts';
export type { ScenarioOverride } from './scenario/overrides.ts';
export type { ReadFile, ResolvedScenario } from './scenario/load.ts';
export { isPlainObject } from './scenario/merge.ts';
export { dirname } from './scenario/paths.ts';
export { PRECISION_CHECKS, RUN_CHOICES, RUN_LIMITS, type RunLimit } from './sim/run-limits.ts';
export { STRESSES, type StressName } from './world/stresses.ts';
export { assertionLabel, observedText } from './scenario/verdict-text.ts';

// Contract tapes: a client's book as the starting portfolio (docs/tape.md).
export { ABSENT, type TapeBook } from './portfolio/tape/book.ts';
export { resolveTapeSource, type TapeSource } from './portfolio/tape-source.ts';
export { TAPE_COLUMNS, type TapeColumn } from './portfolio/tape/columns.ts';
export { DEFAULT_DIALECT, resolveDialect, type TapeDialect } from './portfolio/tape-dialect.ts';
export { isIban, personalColumnReason, personalValueReason } from './portfolio/tape/privacy.ts';
export { TapeReader, type TapeReadResult, type TapeSummary } from './portfolio/tape/reader.ts';
export { readTape, type ReadTapeOptions } from './portfolio/tape/read.ts';
export { csvRows, MalformedRow, type CsvRow } from './portfolio/tape/csv-rows.ts';
export { RecordError, type UndecodableRecord } from './portfolio/tape/records.ts';
export { DEALER_LIST_COLUMNS, DealerListReader, type DealerList } from './portfolio/tape/dealer-list.ts';
export type { TapeManifest } from './result/run.ts';
export {
  DEALER_EXPORT_COLUMNS,
  dealerListRows,
  EXPORT_COLUMNS,
  exact,
  startingBookRows,
} from './sim/export-book.ts';
export { startIteration } from './sim/iteration.ts';

// Sensitivity: the tornado, rank correlations and break-even values of a scenario or a comparison.
export {
  DEFAULT_TOP,
  runSensitivity,
  sensitivitySources,
  unknownPaths,
} from './scenario/sensitivity/analysis.ts';
export type {
  ScreenedAssumption,
  SensitivityRequest,
  SensitivityResult,
  TornadoBar,
} from './scenario/sensitivity/analysis.ts';
export type { BreakEven } from './scenario/sensitivity/break-even.ts';
export { uncertainAssumptions } from './scenario/sensitivity/assumptions.ts';
export { renderSensitivity } from './scenario/sensitivity/render.ts';

// Calibration from history: monthly snapshots and events → count tables → rates (docs/history.md).
export {
  EVENT_COLUMNS,
  HISTORY_EVENTS,
  SNAPSHOT_COLUMNS,
  type HistoryColumn,
  type HistoryEvent,
} from './calibration/history/columns.ts';
export {
  countHistory,
  type HistoryInput,
  type HistoryRow,
  type Rows as HistoryRows,
} from './calibration/history/count-history.ts';
export {
  HistoryCounter,
  type HistoryCountOptions,
  type HistoryCountResult,
} from './calibration/history/counter.ts';
export { COUNT_COLUMNS, countsCsv, readCounts } from './calibration/history/counts-csv.ts';
export {
  MAX_COUNTS_BYTES,
  readCountsBytes,
  type CountsReadResult,
} from './calibration/history/counts-text.ts';
export type {
  CellCounts,
  CountRow,
  CountTables,
  HistoryCell,
  HistoryCoverage,
} from './calibration/history/counts.ts';
export {
  ALL as ALL_CELLS,
  BASE_PERIOD,
  DPD_BUCKETS,
  HISTORY_RATE_IDS,
  MOB_BANDS,
  UNUSUAL_PERIODS,
  type HistoryRateId,
  type UnusualPeriod,
} from './calibration/history/dimensions.ts';
export { estimateRates } from './calibration/history/estimate.ts';
export type {
  EstimateOptions,
  FlaggedPeriod,
  PooledCell,
  RateCell,
  RateEstimate,
} from './calibration/history/rate-estimate.ts';

// A simulated history and the world fitted to a history (docs/calibration.md, calibrating from a history).
export { simulateHistory } from './sim/history/simulate-history.ts';
export type { HistoryWindow, SimulatedHistory } from './sim/history/simulate-history.ts';
export { historyCsv } from './calibration/history/simulated-csv.ts';
export { monthIndex } from './calibration/history/dimensions.ts';
export { fitHistory } from './calibration/history/fit-history.ts';
export type { HistoryFit, KnobFit } from './calibration/history/fit-history.ts';
export { historyWorldFile } from './calibration/history/world-file.ts';
export { HISTORY_KNOBS, RATES_WITHOUT_PARAMETER } from './calibration/history/world-map.ts';
export { simulatedCounts } from './calibration/history/simulated-counts.ts';
export { monthText } from './calibration/history/dimensions.ts';
