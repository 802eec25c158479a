import {
  aggregateMonteCarlo,
  buildShardFile,
  chunkCount,
  describeValue,
  FORMATS,
  REPORT_PERSPECTIVES,
  parseShardSelector,
  progressLine,
  renderReport,
  renderResult,
  renderSeriesCsv,
  reportScenario,
  runMonteCarlo,
  runSpec,
  shardChunkRange,
  ShardError,
  sealShardFile,
  shardFileText,
  resultWorkbook,
} from '../../index.ts';
import type {
  ChunkRange,
  Format,
  ReportPerspective,
  RunProgress,
  RunSpec,
  ShardSelector,
} from '../../index.ts';
import { UserError } from '../errors.ts';
import { chunkExecutor, workersOption } from '../worker-pool.ts';
import { checkOutputPath, writeAtomic, type CliIo } from '../io.ts';
import { progressBar } from '../progress.ts';
import { parseOverrides, runSettingOptions, withOverrides } from '../options.ts';
import { readComparison } from '../scenarios.ts';
import { printPdf } from '../pdf.ts';
import { checkWorkbookOut, WORKBOOK_FORMAT } from '../workbook.ts';
import { excludedNotes, parseExcludeInvalid } from '../tape/exclude.ts';
import { precisionLine, precisionTarget, type PrecisionOptions } from '../precision.ts';

export interface SimulateOptions extends PrecisionOptions {
  /** `--exclude-invalid [share]`: run a tape without its invalid rows, capped. */
  excludeInvalid?: string | boolean;
  iterations?: string;
  seed?: string;
  horizon?: string;
  workers?: string;
  format?: string;
  out?: string;
  /** `K/N`: run only shard K (0 … N−1) of N and write a shard file for `cyclecast merge`. */
  shard?: string;
  /** One NDJSON progress line per merged chunk on standard error. */
  progressJson?: boolean;
  /** Add the KPI estimates so far to each progress line. */
  partialResults?: boolean;
  /** Whose money the table, md and csv formats show: captive (default), network, group or all. */
  perspective?: string;
  /** Write the monthly series as CSV instead of the KPIs. */
  series?: boolean;
  /** `cyclecast report`: write the self-contained HTML report instead of a format. */
  report?: boolean;
  /** With `report`: also print the report to PDF (`--out` with .pdf) through Chromium. */
  pdf?: boolean;
  /** `--set PATH=VALUE` what-ifs, applied to every scenario; recorded in the result's manifest. */
  set?: string[];
}

/**
 * `cyclecast run SCENARIO` and `cyclecast compare BASELINE CHALLENGER…`: the challengers run on the
 * baseline's iterations, seed and horizon, paired iteration by iteration (common random numbers).
 */
/** The --perspective option: whose money the tables show. */
export function parsePerspective(value: string | undefined): ReportPerspective {
  if (value === undefined) return 'captive';
  if ((REPORT_PERSPECTIVES as readonly string[]).includes(value)) return value as ReportPerspective;
  throw new UserError(
    `invalid --perspective "${value}": expected ${REPORT_PERSPECTIVES.join(', ')} (captive: the captive alone; network: with its dealers; group: with the manufacturer)`,
  );
}

export async function simulateCommand(
  files: readonly string[],
  options: SimulateOptions,
  io: CliIo,
): Promise<void> {
  const format = parseFormat(options.format);
  const perspective = parsePerspective(options.perspective);
  if (format === WORKBOOK_FORMAT) checkWorkbookOut(options.out, options);
  if (options.series && options.format !== undefined && options.format !== 'csv') {
    throw new UserError(`invalid --format "${options.format}" with --series: the series are written as CSV`);
  }
  if (options.pdf && !options.out) {
    throw new UserError('invalid --pdf: it prints the report written by --out; add --out report.html');
  }
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  if (shard && options.format !== undefined) {
    throw new UserError(
      `invalid --format with --shard: a shard writes a shard file (JSON) for cyclecast merge; give --format to merge`,
    );
  }
  if (options.partialResults && !options.progressJson) {
    throw new UserError(
      'invalid --partial-results: it adds to the --progress-json lines; add --progress-json',
    );
  }
  if (options.out !== undefined) await checkOutputPath('--out', options.out);
  const workers = workersOption(options.workers, io.stderr);
  const overrides = parseOverrides(options.set);
  const given = runSettingOptions(options);
  const scenarios = await readComparison(
    files,
    overrides,
    given,
    parseExcludeInvalid(options.excludeInvalid),
  );
  for (const note of excludedNotes(scenarios)) io.stderr(note + '\n');
  const spec = runSpec(scenarios, given);
  const precision = precisionTarget(options, scenarios[0]!.run.precision);
  if (precision && shard) {
    throw new UserError(
      "invalid --shard with a precision target (--precision or the scenario's run.precision): a shard runs a share of the iterations fixed in advance; give --iterations instead",
    );
  }
  const chunks = shard ? shardRange(spec, shard) : undefined;
  const executor = await chunkExecutor(workers);
  const bar = options.progressJson ? { update: () => {}, done: () => {} } : progressBar(io);
  const started = performance.now();
  const onProgress = (p: RunProgress): void => {
    bar.update(p);
    if (options.progressJson) {
      io.stderr(progressLine(p, { elapsedSeconds: (performance.now() - started) / 1000, shard }));
    }
  };
  const runOptions = {
    onProgress,
    partialResults: options.partialResults === true,
    ...(precision ? { precision } : {}),
  };
  try {
    let text: string | Uint8Array;
    if (shard && chunks) {
      const aggregates = await aggregateMonteCarlo(spec, executor, { ...runOptions, chunks });
      text = shardFileText(await sealShardFile(buildShardFile(aggregates, shard, chunks)));
    } else {
      const result = withOverrides(await runMonteCarlo(spec, executor, runOptions), overrides);
      const line = precisionLine(result.manifest, scenarios.length > 1);
      if (line && !options.progressJson) io.stderr(line);
      text = options.report
        ? renderReport({
            result,
            scenarios: scenarios.map(reportScenario),
            generatedAt: new Date().toISOString(),
          })
        : options.series
          ? renderSeriesCsv(result)
          : format === WORKBOOK_FORMAT
            ? await resultWorkbook(result, perspective)
            : renderResult(result, format, perspective);
    }
    bar.done();
    if (options.out) {
      await writeAtomic(options.out, text);
      // Standard error carries only NDJSON with --progress-json: programs read it.
      if (!options.progressJson) {
        io.stderr(`wrote ${what(options, shard !== undefined, format)} to ${options.out}\n`);
      }
      if (options.pdf) {
        const pdf = await printPdf(options.out);
        io.stderr(`wrote the report as PDF to ${pdf}\n`);
      }
    } else if (typeof text === 'string') io.stdout(text);
  } finally {
    bar.done();
    await executor.close();
  }
}

/** What `--out` received, for the line that confirms it. */
function what(options: SimulateOptions, shard: boolean, format: OutputFormat): string {
  if (options.report) return 'the HTML report';
  if (options.series) return 'the monthly series (CSV)';
  if (shard) return `shard ${options.shard} (a shard file for cyclecast merge)`;
  if (format === WORKBOOK_FORMAT) return 'the Excel workbook (sheets KPIs, Breakdowns, Series, Run)';
  return `the ${format === 'json' ? 'full result (JSON)' : `${format} output`}`;
}

function parseShard(text: string): ShardSelector {
  try {
    return parseShardSelector(text);
  } catch (error) {
    if (error instanceof ShardError) throw new UserError(error.message);
    throw error;
  }
}

function shardRange(spec: RunSpec, shard: ShardSelector): ChunkRange {
  try {
    return shardChunkRange(chunkCount(spec), shard);
  } catch (error) {
    if (error instanceof ShardError) {
      throw new UserError(`${error.message} (chunk 0 holds 1 iteration, the others ${spec.chunkSize} each)`);
    }
    throw error;
  }
}

/** What `--format` may name: a text format, or the Excel workbook (written with --out only). */
export type OutputFormat = Format | typeof WORKBOOK_FORMAT;

/** The `--format` value, `table` when absent; a clear error for anything else. */
export function parseFormat(format: string | undefined): OutputFormat {
  if (format === undefined) return 'table';
  if (format === WORKBOOK_FORMAT) return format;
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new UserError(
    `invalid --format ${describeValue(format)}: expected one of ${[...FORMATS, WORKBOOK_FORMAT].join(', ')}`,
  );
}
