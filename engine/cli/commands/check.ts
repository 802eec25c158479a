import { promises as fs } from 'node:fs';
import { parseChoice, parseKpi, parseOverrides, parseRunSetting } from '../options.ts';
import path from 'node:path';
import {
  assertionLabel,
  CheckPlanError,
  formatProblem,
  observedText,
  problemKey,
  runCheck,
  runMonteCarlo,
  runSpec,
} from '../../index.ts';
import type { CheckOutcome, CheckRun, Problem, ResolvedScenario, ScenarioOverride } from '../../index.ts';
import { UserError } from '../errors.ts';
import { chunkExecutor, workersOption } from '../worker-pool.ts';
import { checkOutputPath, expandJsonFiles, writeAtomic, type CliIo } from '../io.ts';
import { REPORTERS } from '../choices.ts';
import { renderInvalidJUnit, renderJUnit } from '../junit.ts';
import { progressReport } from '../progress.ts';
import { checkFile, diskReader, unreadable } from '../scenario-files.ts';
import { excludedNotes, parseExcludeInvalid } from '../tape/exclude.ts';
import { precisionLine, precisionTarget, type PrecisionOptions } from '../precision.ts';

export interface CheckCommandOptions extends PrecisionOptions {
  /** `--exclude-invalid [share]`: run a tape without its invalid rows, capped. */
  excludeInvalid?: string | boolean;
  reporter?: string;
  out?: string;
  iterations?: string;
  workers?: string;
  /** `--set PATH=VALUE` what-ifs, applied to every scenario checked and compared with. */
  set?: string[];
}

/** Where `cyclecast check` looks when given no files. */
export const DEFAULT_SCENARIO_FOLDER = 'scenarios';

/**
 * `cyclecast check [FILES|DIRS…]`: runs every scenario that has an `expect` block and judges each
 * assertion; each scenario compared with runs once, with every scenario that compares with it.
 * Prints the report (text or JUnit XML; with `--out`, the report goes to the file atomically and the
 * text report to standard output). Returns the exit code: 0 when every assertion holds, 1 when one fails.
 * Invalid scenarios are reported as located problems and nothing runs. Progress goes to standard
 * error as it runs: each run as it starts, then a bar on a terminal or plain lines in a log.
 */
export async function checkCommand(
  inputs: readonly string[],
  options: CheckCommandOptions,
  io: CliIo,
): Promise<number> {
  const reporter = parseChoice('--reporter', options.reporter, REPORTERS, 'text');
  const iterations = parseRunSetting('--iterations', options.iterations, 'iterations');
  const workers = workersOption(options.workers, io.stderr);
  if (options.out !== undefined) await checkOutputPath('--out', options.out);
  // Checked before anything loads; each run then applies it over its baseline's run.precision.
  if (options.precision !== undefined) precisionTarget(options, undefined);
  else if (options.kpi !== undefined) parseKpi('--kpi', options.kpi);
  const excludeShare = parseExcludeInvalid(options.excludeInvalid);
  const files = await scenarioFiles(inputs);
  const loaded = await loadAll(files, parseOverrides(options.set), excludeShare);
  /** Nothing can run: CI reads the report file, so it gets one even then, each file with problems a failure. */
  const refuse = async (problems: readonly Problem[]): Promise<never> => {
    if (reporter === 'junit') {
      const xml = renderInvalidJUnit(problems);
      if (options.out) await writeAtomic(options.out, xml);
      else io.stdout(xml);
    }
    throw new UserError(problems.map(formatProblem).join('\n'));
  };
  if ('invalid' in loaded) return await refuse(unique(loaded.invalid));
  const { judged, lookup, vsNames } = loaded;
  for (const note of excludedNotes(judged)) io.stderr(note + '\n');

  const executor = await chunkExecutor(workers);
  const simulate = async (run: CheckRun, index: number, of: number) => {
    io.stderr(runHeading(run, index, of));
    const progress = progressReport(io);
    const precision = precisionTarget(options, run.settings.precision);
    try {
      const result = await runMonteCarlo(runSpec(run.scenarios, run.settings), executor, {
        onProgress: progress.update,
        ...(precision ? { precision } : {}),
      });
      const line = precisionLine(result.manifest, run.scenarios.length > 1);
      if (line) io.stderr(`check: ${line}`);
      return result;
    } finally {
      progress.done();
    }
  };
  let outcome: CheckOutcome;
  try {
    outcome = await runCheck(judged, lookup, simulate, diskReader(), {
      ...(iterations !== undefined ? { iterations } : {}),
      key: identity,
    });
  } catch (error) {
    if (error instanceof CheckPlanError) return await refuse(error.problems);
    throw error;
  } finally {
    await executor.close();
  }

  const text = renderText(outcome, vsNames);
  const report = reporter === 'junit' ? renderJUnit(outcome, vsNames) : text;
  if (options.out) {
    await writeAtomic(options.out, report);
    io.stdout(text);
  } else io.stdout(report);
  return outcome.failed > 0 ? 1 : 0;
}

/** `check: run 1 of 2: baseline, tcm (20 iterations × 24 months, seed 11)`, as a run starts. */
function runHeading({ scenarios, settings }: CheckRun, index: number, of: number): string {
  const names = scenarios.map((s) => s.name).join(', ');
  return `check: run ${index + 1} of ${of}: ${names} (${settings.iterations} iterations × ${settings.horizonMonths} months, seed ${settings.seed})\n`;
}

/**
 * The text report: per scenario, one line per assertion with PASS or FAIL, the claim and what was
 * observed; under a failure, why and the claim's description; a count at the end.
 */
export function renderText(outcome: CheckOutcome, vsNames: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  for (const { scenario, verdicts, settings } of outcome.scenarios) {
    lines.push(
      `${scenario.name}  (${scenario.file}; ${settings.iterations} iterations × ${settings.horizonMonths} months, seed ${settings.seed})`,
    );
    for (const verdict of verdicts) {
      const { expectation } = verdict;
      const vsName = expectation.kind === 'paired' ? vsNames.get(expectation.vs) : undefined;
      lines.push(
        `  ${verdict.passed ? 'PASS' : 'FAIL'}  ${assertionLabel(expectation, vsName)}:  ${observedText(verdict)}`,
      );
      if (!verdict.passed) {
        lines.push(`        ${verdict.reason}`);
        if (expectation.description) lines.push(`        claim: ${oneLine(expectation.description)}`);
      }
    }
    lines.push('');
  }
  const total = outcome.passed + outcome.failed;
  lines.push(
    `${total} assertion${total === 1 ? '' : 's'} in ${outcome.scenarios.length} scenario${outcome.scenarios.length === 1 ? '' : 's'} ` +
      `(${outcome.runs} run${outcome.runs === 1 ? '' : 's'}): ${outcome.passed} passed, ${outcome.failed} failed`,
  );
  return lines.join('\n') + '\n';
}

/** The scenario files to check: the inputs expanded, or the scenarios/ folder; rule sets are skipped later. */
async function scenarioFiles(inputs: readonly string[]): Promise<string[]> {
  if (inputs.length === 0) {
    const stat = await fs.stat(DEFAULT_SCENARIO_FOLDER).catch(() => undefined);
    if (!stat?.isDirectory()) {
      throw new UserError(
        `nothing to check: there is no ${DEFAULT_SCENARIO_FOLDER}/ folder in ${process.cwd()}; name scenario files or folders: cyclecast check FILE|DIR…`,
      );
    }
  }
  const given = inputs.length === 0 ? [DEFAULT_SCENARIO_FOLDER] : inputs;
  const files = (await expandJsonFiles(given)).map((f) => path.normalize(f));
  if (files.length === 0) {
    throw new UserError(`nothing to check: no scenario files (*.json) in ${given.join(', ')}`);
  }
  return files;
}

/**
 * Loads every scenario among `files` and every scenario their paired claims compare with. Any error
 * stops the check before anything runs: a verdict on a broken scenario would mislead.
 */
async function loadAll(
  files: readonly string[],
  overrides: readonly ScenarioOverride[],
  excludeShare?: number,
): Promise<
  | {
      judged: ResolvedScenario[];
      lookup: (file: string) => ResolvedScenario | undefined;
      vsNames: Map<string, string>;
    }
  | { invalid: Problem[] }
> {
  const read = diskReader();
  const loaded = new Map<string, ResolvedScenario>();
  const problems: Problem[] = [];
  const judged: ResolvedScenario[] = [];
  let scenarios = 0;
  for (const file of files) {
    const text = await read(file).catch((error: unknown) => {
      problems.push(unreadable(file, error));
      return undefined;
    });
    if (text === undefined) continue;
    const checked = await checkFile(file, text, read, overrides, excludeShare);
    if (checked.kind === 'rule-set' && checked.problems.every((p) => p.severity !== 'error')) continue;
    if (checked.kind === 'scenario') scenarios++;
    problems.push(...checked.problems.filter((p) => p.severity === 'error'));
    if (checked.scenario) {
      loaded.set(identity(file), checked.scenario);
      judged.push(checked.scenario);
    }
  }
  // The scenarios compared with, when not among the files given: load them (and report their problems).
  const pending = judged.flatMap((s) => s.expect.flatMap((e) => (e.kind === 'paired' ? [e.vs] : [])));
  for (const vs of pending) {
    if (loaded.has(identity(vs))) continue;
    const checked = await checkFile(vs, await read(vs).catch(() => ''), read, overrides, excludeShare);
    problems.push(...checked.problems.filter((p) => p.severity === 'error'));
    if (checked.kind !== 'scenario' && checked.kind !== 'unparsed') {
      problems.push({
        file: vs,
        line: 1,
        column: 1,
        pointer: '',
        severity: 'error',
        message: `expected a scenario to compare with, got a ${checked.kind === 'rule-set' ? 'rule set' : 'file that is neither a rule set nor a scenario'}`,
      });
    }
    if (checked.scenario) loaded.set(identity(vs), checked.scenario);
  }
  if (problems.length > 0) return { invalid: problems };
  if (!judged.some((s) => s.expect.length > 0)) {
    throw new UserError(
      `nothing to check: none of the ${scenarios} scenario${scenarios === 1 ? '' : 's'} in ${files.length === 1 ? files[0] : `${files.length} files`} has an "expect" block`,
    );
  }
  const vsNames = new Map<string, string>();
  for (const vs of pending) vsNames.set(vs, loaded.get(identity(vs))!.name);
  return { judged, lookup: (file) => loaded.get(identity(file)), vsNames };
}

/** Each problem once (the first path that reached it). */
function unique(problems: readonly Problem[]): Problem[] {
  return [...new Map(problems.map((p) => [problemKey(p), p])).values()];
}

/** Two spellings of one file (relative, absolute, with `./`) are one scenario. */
function identity(file: string): string {
  return path.resolve(file);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
