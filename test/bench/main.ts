/**
 * `npm run bench [-- --json] [--quick] [--suite policy|random|simulation|browser|startup|decision|history|tape]… [--scenarios DIR]
 * [--against GIT_REF]`: every figure of BENCHMARKS.md, measured side by side in one run; with --against,
 * the simulation's throughput of that commit beside today's (test/bench/against.ts). Progress goes to standard error, the
 * report (Markdown, or one JSON object with --json) to standard output.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgainstError, commitOf } from './against.ts';
import { loadAverage, machineInfo } from './machine.ts';
import { runPolicySuite } from './policy.bench.ts';
import { runRandomSuite } from './random-suite.ts';
import { formatReport, type BenchReport } from './report.ts';
import { runSimulationSuite } from './simulation.bench.ts';
import { runStartupSuite } from './startup.bench.ts';
import { run as runBrowserSuite } from './browser.bench.ts';
import { runDecisionSuite } from './decision.bench.ts';
import { runTapeSuite } from './tape.bench.ts';

import { runHistorySuite } from './history.bench.ts';

const SUITES = [
  'policy',
  'random',
  'simulation',
  'browser',
  'startup',
  'decision',
  'history',
  'tape',
] as const;
type Suite = (typeof SUITES)[number];

interface Options {
  json: boolean;
  quick: boolean;
  suites: Suite[];
  scenarios: string;
  /** A git ref to time the simulation against (--against). */
  against?: string;
}

const USAGE =
  'usage: npm run bench -- [--json] [--quick] [--suite policy|random|simulation|browser|startup|decision|history|tape]… [--scenarios DIR] [--against GIT_REF]';

function parseArgs(args: readonly string[]): Options {
  const options: Options = {
    json: false,
    quick: false,
    suites: [],
    scenarios: fileURLToPath(new URL('../../scenarios/', import.meta.url)),
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--suite' || arg === '--scenarios' || arg === '--against') {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`invalid ${arg}: expected a value`);
      if (arg === '--scenarios') options.scenarios = resolve(value);
      else if (arg === '--against') options.against = value;
      else
        for (const name of value.split(',')) {
          if (!(SUITES as readonly string[]).includes(name))
            throw new UsageError(`invalid --suite "${name}": expected one of ${SUITES.join(', ')}`);
          options.suites.push(name as Suite);
        }
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new UsageError(`invalid argument "${arg}"`);
  }
  if (options.suites.length === 0) options.suites = [...SUITES];
  if (options.against !== undefined && !options.suites.includes('simulation'))
    throw new UsageError('invalid --against: it times the simulation suite; add --suite simulation');
  return options;
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // A ref that names no commit fails now, not after the suites before it have run.
  if (options.against !== undefined) await commitOf(options.against);
  const machine = machineInfo();
  const start = performance.now();
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const results: { -readonly [S in Suite]?: BenchReport[S] } = {};
  for (const suite of SUITES) {
    if (!options.suites.includes(suite)) continue;
    if (suite === 'policy') results.policy = await runPolicySuite({ quick: options.quick }, progress);
    if (suite === 'random') {
      progress('random: streams');
      results.random = await runRandomSuite({ quick: options.quick });
    }
    if (suite === 'simulation') {
      results.simulation = await runSimulationSuite(
        {
          quick: options.quick,
          scenarios: options.scenarios,
          ...(options.against !== undefined ? { against: options.against } : {}),
        },
        progress,
      );
      if ('skipped' in results.simulation) progress(`simulation: skipped — ${results.simulation.skipped}`);
    }
    if (suite === 'startup') results.startup = await runStartupSuite({ quick: options.quick }, progress);
    if (suite === 'history') results.history = await runHistorySuite({ quick: options.quick }, progress);
    if (suite === 'decision') results.decision = await runDecisionSuite({ quick: options.quick }, progress);
    if (suite === 'tape') results.tape = await runTapeSuite({ quick: options.quick }, progress);
    if (suite === 'browser') {
      results.browser = await runBrowserSuite({ quick: options.quick, progress });
      if ('skipped' in results.browser) progress(`browser: skipped — ${results.browser.skipped}`);
    }
  }
  const report: BenchReport = {
    machine,
    quick: options.quick,
    suites: options.suites,
    loadAverageAtEnd: loadAverage(),
    durationSeconds: (performance.now() - start) / 1000,
    ...results,
  };
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
}

try {
  await main();
} catch (error) {
  if (error instanceof AgainstError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  throw error;
}
