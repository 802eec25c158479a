import { Command, CommanderError, Option } from 'commander';
import { UserError } from './errors.ts';
import { locatedStack } from './stack.ts';
import { CHROMIUM, EXPLAIN_FORMATS, REPORTERS } from './choices.ts';
import type { CalibrateOptions } from './commands/calibrate.ts';
import type { HistoryExportOptions } from './commands/history-export.ts';
import type { CheckCommandOptions } from './commands/check.ts';
import type { ExplainOptions } from './commands/explain.ts';
import type { SensitivityOptions } from './commands/sensitivity.ts';
import type { SimulateOptions } from './commands/simulate.ts';
import type { MergeOptions } from './commands/merge.ts';
import type { SweepOptions } from './commands/sweep.ts';
import type { OptimiseOptions } from './commands/optimise.ts';
import type { PortfolioExportOptions } from './commands/portfolio.ts';
import type { TapeCheckOptions } from './commands/tape.ts';
import type { HistoryCountOptions as HistoryCountCliOptions } from './commands/history.ts';
import type { CliIo } from './io.ts';
import { EXCLUDE_INVALID_HELP } from './tape/exclude.ts';

/**
 * Runs `cyclecast ARGS…` (argv as process.argv: node, script, then the arguments) on the given
 * streams and returns the exit code: 0 done, 1 a user's mistake or a failed check, 2 an internal error.
 * It never exits the process, so tests run the CLI in process; engine/cli/main.ts is the process.
 */
export async function cyclecast(argv: readonly string[], io: CliIo): Promise<number> {
  const status = { exitCode: 0 };
  try {
    await program(io, status).parseAsync([...argv]);
    return status.exitCode;
  } catch (error) {
    // commander has already printed its message (unknown option, missing argument, --help).
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof UserError) {
      io.stderr(error.message + '\n');
      return error.exitCode;
    }
    io.stderr('cyclecast: internal error (please report it with the command you ran)\n');
    io.stderr((error instanceof Error ? locatedStack(error.stack ?? error.message) : String(error)) + '\n');
    return 2;
  }
}

// Each command's module is loaded when that command runs: `cyclecast facts` does not load the simulator.
const commands = {
  calibrate: () => import('./commands/calibrate.ts'),
  check: () => import('./commands/check.ts'),
  explain: () => import('./commands/explain.ts'),
  facts: () => import('./commands/facts.ts'),
  historyExport: () => import('./commands/history-export.ts'),
  history: () => import('./commands/history.ts'),
  merge: () => import('./commands/merge.ts'),
  rulesEval: () => import('./commands/rules-eval.ts'),
  sensitivity: () => import('./commands/sensitivity.ts'),
  simulate: () => import('./commands/simulate.ts'),
  sweep: () => import('./commands/sweep.ts'),
  optimise: () => import('./commands/optimise.ts'),
  portfolio: () => import('./commands/portfolio.ts'),
  tape: () => import('./commands/tape.ts'),
  validate: () => import('./commands/validate.ts'),
};

/** `--set PATH=VALUE`, repeatable: a what-if over every scenario of the command (see docs/scenarios.md). */
const SET_HELP =
  'override a scenario value for every scenario of the command, repeatable: world.GROUP.NAME, portfolio.NAME, run.NAME or KIND.NAME (a policy parameter); VALUE is JSON, else a bare string';
const collect = (value: string, previous: string[]): string[] => [...previous, value];

function program(io: CliIo, status: { exitCode: number }): Command {
  const out = io.stdout;
  // Set before the subcommands are added: they inherit the output and the exit override.
  const cli = new Command('cyclecast')
    .description(
      'Test captive-finance policies before you live with them: validate rule sets, simulate, compare.',
    )
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  cli
    .command('facts')
    .description('list the facts and actions each policy kind can use')
    .argument('[kind]', 'engagement, leads, dunning or remarketing (default: all)')
    .option('--json', 'machine-readable output')
    .action(async (kind: string | undefined, options: { json?: boolean }) =>
      out((await commands.facts()).factsCommand(kind, options)),
    );

  cli
    .command('validate')
    .description('check rule sets and scenarios: every problem as file:line:column  /json/pointer  message')
    .argument('<files...>', 'rule-set or scenario files, or folders')
    .option('--strict', 'warnings fail too')
    .action(async (files: string[], options: { strict?: boolean }) => {
      const { output, exitCode } = await (await commands.validate()).validateCommand(files, options);
      (exitCode === 0 ? io.stdout : io.stderr)(output);
      status.exitCode = exitCode;
    });

  const rules = cli.command('rules').description('work with one rule set');
  rules
    .command('eval')
    .description('evaluate a rule set on facts, one JSON object per line; prints the fired events per line')
    .argument('<ruleset>', 'rule-set file')
    .option('--facts <file>', 'NDJSON file of facts, or - for standard input', '-')
    .addOption(
      new Option('--engine <engine>', 'evaluator').choices(['compiled', 'reference']).default('compiled'),
    )
    .action(async (file: string, options: { facts?: string; engine?: string }) => {
      status.exitCode = await (await commands.rulesEval()).rulesEvalCommand(file, options, io);
    });

  const PRECISION_HELP =
    "stop once the 95% CI of the --kpi's mean (in a comparison: of its paired difference) is narrower than ±this, in the KPI's unit, or `excludes-zero`; --iterations is then the most it runs";
  const KPI_HELP = "the KPI --precision watches (default: the scenario's run.precision.kpi, else profit.npv)";
  const simulationOptions = (command: Command) =>
    command
      .option('--iterations <n>', "Monte Carlo iterations (default: the scenario's run.iterations)")
      .option('--seed <s>', "seed of every random stream (default: the scenario's run.seed)")
      .option('--horizon <months>', "months simulated (default: the scenario's run.horizonMonths)")
      .option('--workers <n>', 'worker threads (default: one per core); results are identical for any number')
      .option('--set <PATH=VALUE>', SET_HELP, collect, [])
      // No commander default for --format: --shard must tell an explicit --format from none.
      .addOption(
        new Option(
          '--format <format>',
          'output format (default: table; xlsx, an Excel workbook, needs --out FILE.xlsx)',
        ).choices(['table', 'json', 'csv', 'md', 'xlsx']),
      )
      .option('--out <file>', 'write the output to a file (atomically) instead of standard output')
      .option(
        '--perspective <whose>',
        'whose money the table, md and csv show: captive (default), network (with its dealers), group (with the manufacturer) or all; json has every perspective',
      )
      .option(
        '--shard <K/N>',
        'run only shard K (0 … N−1) of N and write a shard file for `cyclecast merge` (see docs/cluster.md)',
      )
      .option('--series', 'write the monthly series (mean, p05…p95 per month) as CSV instead of the KPIs')
      .option('--progress-json', 'print one NDJSON progress line per merged chunk on standard error')
      .option('--partial-results', 'add the KPI estimates so far to each --progress-json line')
      .option('--precision <half-width>', PRECISION_HELP)
      .option('--kpi <id>', KPI_HELP)
      .option('--exclude-invalid [share]', EXCLUDE_INVALID_HELP);

  simulationOptions(
    cli
      .command('run')
      .description('simulate one scenario and summarise every KPI with its 95% confidence interval')
      .argument('[scenario]', 'scenario file', 'scenarios/baseline.json'),
  ).action(async (file: string, options: SimulateOptions) =>
    (await commands.simulate()).simulateCommand([file], options, io),
  );

  simulationOptions(
    cli
      .command('compare')
      .description(
        'simulate a baseline and challengers on the same random numbers; paired deltas with 95% CI',
      )
      .argument('<baseline>', 'baseline scenario file')
      .argument('<challengers...>', 'challenger scenario files'),
  ).action(async (baseline: string, challengers: string[], options: SimulateOptions) =>
    (await commands.simulate()).simulateCommand([baseline, ...challengers], options, io),
  );

  cli
    .command('report')
    .description(
      'compare a baseline and challengers and write a self-contained HTML report: verdict, figures, bridge, charts, breakdowns, scenarios, manifest',
    )
    .argument('<baseline>', 'baseline scenario file')
    .argument('<challengers...>', 'challenger scenario files')
    .option('--iterations <n>', "Monte Carlo iterations (default: the scenario's run.iterations)")
    .option('--seed <s>', "seed of every random stream (default: the scenario's run.seed)")
    .option('--horizon <months>', "months simulated (default: the scenario's run.horizonMonths)")
    .option('--workers <n>', 'worker threads (default: one per core); results are identical for any number')
    .option('--out <file>', 'write the report to this file (atomically) instead of standard output')
    .option('--pdf', `also print it to PDF beside --out, through ${CHROMIUM}`)
    .option('--set <PATH=VALUE>', SET_HELP, collect, [])
    .action(async (baseline: string, challengers: string[], options: SimulateOptions) =>
      (await commands.simulate()).simulateCommand(
        [baseline, ...challengers],
        { ...options, report: true },
        io,
      ),
    );

  cli
    .command('sensitivity')
    .description(
      'tornado of the uncertain assumptions (each at its p10 and p90, on the same random numbers), their rank correlation with the KPI, and with --vs break-even values',
    )
    .argument('<scenario>', 'scenario file (with --vs: the challenger)')
    .option(
      '--vs <baseline>',
      'analyse the paired delta against this baseline scenario, and find break-even values',
    )
    .option(
      '--kpi <id>',
      'the KPI analysed (default: profit.npv, the captive NPV); docs/kpis.md lists the ids',
    )
    .option('--break-even <n>', 'with --vs: break-even values for the n widest bars (default 5; 0: none)')
    .option(
      '--break-even-for <path>',
      'with --vs: also a break-even value for this uncertain world assumption (e.g. parties.upliftSupport), repeatable',
      collect,
      [],
    )
    .option('--steps <n>', 'bisection steps per break-even value, one run each (default 12)')
    .option(
      '--top <n>',
      'hold only the n declared ranges with the largest |rank correlation| in the base run (default 10; all: every one); explicit distributions are always held',
    )
    .option(
      '--iterations <n>',
      "Monte Carlo iterations of every run (default: the scenario's run.iterations)",
    )
    .option('--seed <s>', "seed of every random stream (default: the scenario's run.seed)")
    .option('--horizon <months>', "months simulated (default: the scenario's run.horizonMonths)")
    .option('--workers <n>', 'worker threads (default: one per core); results are identical for any number')
    .option('--set <PATH=VALUE>', SET_HELP, collect, [])
    .addOption(
      new Option('--format <format>', 'output format (default: table)').choices([
        'table',
        'md',
        'csv',
        'json',
      ]),
    )
    .option('--out <file>', 'write the output to a file (atomically) instead of standard output')
    .action(async (file: string, options: SensitivityOptions) =>
      (await commands.sensitivity()).sensitivityCommand(file, options, io),
    );

  cli
    .command('merge')
    .description(
      'join the shard files of a sharded run or compare into its result, identical to the unsharded output',
    )
    .argument('<parts...>', 'shard files written by run/compare --shard K/N --out FILE')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'csv', 'md', 'xlsx'])
        .default('table'),
    )
    .option('--out <file>', 'write the output to a file (atomically) instead of standard output')
    .option(
      '--perspective <whose>',
      'whose money the table, md and csv show: captive (default), network, group or all',
    )
    .action(async (parts: string[], options: MergeOptions) =>
      (await commands.merge()).mergeCommand(parts, options, io.stdout),
    );

  cli
    .command('check')
    .description(
      'run every scenario that has an expect block and judge each assertion; exit 1 when one fails',
    )
    .argument('[files...]', 'scenario files or folders (default: scenarios/)')
    .addOption(new Option('--reporter <reporter>', 'report format').choices([...REPORTERS]).default('text'))
    .option(
      '--out <file>',
      'write the report to a file (atomically); the text report still goes to standard output',
    )
    .option(
      '--iterations <n>',
      "Monte Carlo iterations of every run (default: each baseline's run.iterations)",
    )
    .option('--workers <n>', 'worker threads (default: one per core); verdicts are identical for any number')
    .option('--set <PATH=VALUE>', SET_HELP, collect, [])
    .option('--precision <half-width>', PRECISION_HELP)
    .option('--kpi <id>', KPI_HELP)
    .option('--exclude-invalid [share]', EXCLUDE_INVALID_HELP)
    .action(async (files: string[], options: CheckCommandOptions) => {
      status.exitCode = await (await commands.check()).checkCommand(files, options, io);
    });

  /** The options `sweep` and `optimise` share: the grid, the run settings, what-ifs, the output. */
  const gridOptions = (command: Command, paramHelp: string) =>
    command
      .option('--param <NAME=FROM..TO[:STEP]>', paramHelp, collect, [])
      .option('--iterations <n>', "Monte Carlo iterations (default: the scenario's run.iterations)")
      .option('--seed <s>', "seed of every random stream (default: the scenario's run.seed)")
      .option('--horizon <months>', "months simulated (default: the scenario's run.horizonMonths)")
      .option('--workers <n>', 'worker threads (default: one per core); results are identical for any number')
      .option('--set <PATH=VALUE>', SET_HELP, collect, [])
      .addOption(
        new Option('--format <format>', 'output format (default: table)').choices([
          'table',
          'json',
          'csv',
          'md',
        ]),
      )
      .option('--out <file>', 'write the output to a file (atomically) instead of standard output');

  gridOptions(
    cli
      .command('sweep')
      .description(
        'the KPI at every point of a grid of one or two settings, and its paired change from the first point, all on the same random numbers',
      )
      .argument('<scenario>', 'scenario file'),
    'a setting and its values, repeatable (one or two): KIND.NAME (a policy parameter) or world.GROUP.NAME (a world assumption) =FROM..TO[:STEP] (without STEP: five evenly spaced values)',
  )
    .option('--kpi <id>', 'the KPI reported (default: profit.npv)')
    .action(async (file: string, options: SweepOptions) =>
      (await commands.sweep()).sweepCommand(file, options, io),
    );

  gridOptions(
    cli
      .command('optimise')
      .description(
        'the best policy parameter values of a grid (at most 100 alternatives) under constraints: KN ranking and selection on common random numbers, the winner re-estimated on a fresh seed',
      )
      .argument('<scenario>', 'scenario file'),
    'a policy parameter and its values, repeatable (one or two): KIND.NAME=FROM..TO[:STEP] (without STEP: five evenly spaced values)',
  )
    .option('--maximise <kpi>', 'the KPI to maximise, e.g. profit.npv')
    .option('--minimise <kpi>', 'the KPI to minimise instead')
    .option(
      '--subject-to <constraint>',
      'a bound the choice must keep, repeatable: "KPI <= X" or "KPI >= X"',
      collect,
      [],
    )
    .option(
      '--indifference <x>',
      "differences smaller than this do not matter, in the KPI's unit (default: the verdict's materiality threshold)",
    )
    .option('--confidence <p>', 'probability of correct selection asked for (default 0.95)')
    .option(
      '--fresh-seed <s>',
      'seed of the re-estimation of the winner and the runner-up (default: the seed + 1)',
    )
    .action(async (file: string, options: OptimiseOptions) =>
      (await commands.optimise()).optimiseCommand(file, options, io),
    );

  cli
    .command('explain')
    .description('follow one customer through one iteration: every event, each rule that fired, the ledger')
    .argument('<scenario>', 'scenario file')
    .option(
      '--customer <id>',
      'the customer to follow (without it, or with --list: customers worth following)',
    )
    .option('--iteration <k>', 'the iteration to follow the customer through', '0')
    .option('--list', 'list customers worth following, with their segment, tier, dealer and first contract')
    .option('--all', 'also list ledger entries that come to €0.00 (left out by default)')
    .option('--seed <s>', "seed of every random stream (default: the scenario's run.seed)")
    .option('--horizon <months>', "months simulated (default: the scenario's run.horizonMonths)")
    .option('--set <PATH=VALUE>', SET_HELP, collect, [])
    .option('--exclude-invalid [share]', EXCLUDE_INVALID_HELP)
    .addOption(new Option('--format <format>', 'output format').choices([...EXPLAIN_FORMATS]).default('text'))
    .action(async (file: string, options: ExplainOptions) =>
      (await commands.explain()).explainCommand(file, options, io.stdout),
    );

  const dialectOptions = (command: Command) =>
    command
      .option('--delimiter <c>', 'field separator: "," (default), ";", tab or "|"')
      .option('--decimal <c>', 'decimal separator: "." (default) or ","')
      .option('--thousands <c>', 'thousands separator: none (default), ".", ",", " " or "\'"')
      .option(
        '--date-pattern <p>',
        'how dates are written: YYYY-MM-DD (default), DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, MM/DD/YYYY or YYYYMMDD',
      )
      .option('--encoding <e>', 'utf-8 (default, with or without BOM) or windows-1252');
  const tape = cli.command('tape').description("work with a client's contract tape (docs/tape.md)");
  dialectOptions(
    tape
      .command('check')
      .description(
        'read a contract tape as a scenario would: its summary, and every problem as file:row:column  column  message',
      )
      .argument('<file>', 'the tape: CSV or .csv.gz'),
  )
    .option('--as-of <date>', 'the as-of date (month 0), YYYY-MM-DD, when the tape has no as_of_date column')
    .option(
      '--dealers <file>',
      'the dealer list: the dealer network in the model’s order, dealers without contracts included',
    )
    .option('--grades <json>', 'grade table: tape grade → prime, near-prime or subprime, as JSON')
    .option('--regions <json>', 'region table: tape region → north, south, east, west or central, as JSON')
    .option('--max-problems <n>', 'problems listed (all are counted by kind)', '100')
    .option('--json', 'machine-readable output')
    .action(async (file: string, options: TapeCheckOptions) => {
      status.exitCode = await (await commands.tape()).tapeCheckCommand(file, options, io);
    });
  dialectOptions(
    tape
      .command('pseudonymise')
      .description(
        'replace contract_id, customer_id and dealer_id with keyed HMAC pseudonyms before the tape leaves the client',
      )
      .argument('<in>', 'the tape with the client’s own ids')
      .argument('<out>', 'the tape to hand over (written atomically, UTF-8)'),
  )
    .requiredOption(
      '--key-file <file>',
      'the secret key, at least 16 bytes (e.g. openssl rand -hex 32 > KEY); the same key gives the same pseudonyms',
    )
    .action(async (input: string, output: string, options: { keyFile?: string }) =>
      (await commands.tape()).tapePseudonymiseCommand(input, output, options, io),
    );

  const history = cli
    .command('history')
    .description("a client's monthly history of contracts (docs/history.md)");
  dialectOptions(
    history
      .command('count')
      .description(
        'stream monthly snapshots (and events) sorted by contract_id, month into count tables: counts.csv, the sufficient statistics of the rates',
      )
      .argument('<snapshots>', 'the snapshots: CSV or .csv.gz'),
  )
    .option(
      '--events <file>',
      'the events (terminations, defaults, sales, recoveries, new contracts): CSV or .csv.gz',
    )
    .requiredOption('--out <file>', 'the count tables to write (CSV, atomically)')
    .option('--grades <json>', 'grade table: rating_grade → prime, near-prime or subprime, as JSON')
    .option('--max-problems <n>', 'problems listed (all are counted by kind)', '100')
    .action(async (file: string, options: HistoryCountCliOptions) => {
      status.exitCode = await (await commands.history()).historyCountCommand(file, options, io);
    });

  history
    .command('rates')
    .description(
      'the rates count tables support: rate, 95% interval clustered by contract, spread between years, pooling, unusual periods',
    )
    .argument('<counts>', 'count tables: counts.csv (from history count or the warehouse query)')
    .option('--min-events <n>', 'a cell with fewer events is pooled (docs/history.md)', '20')
    .option('--json', 'the estimates as JSON')
    .action(async (file: string, options: { minEvents?: string; json?: boolean }) => {
      status.exitCode = await (await commands.history()).historyRatesCommand(file, options, io);
    });

  cli
    .command('portfolio')
    .description("work with a scenario's starting book")
    .command('export')
    .description(
      "write the scenario's synthetic starting book as a contract tape (docs/tape.md), with the model-only x_ columns: the scenario run on it gives the same results",
    )
    .argument('<scenario>', 'the scenario whose portfolio settings draw the book')
    .option('--out <file>', 'the tape to write (CSV, written atomically)')
    .option(
      '--dealers-out <file>',
      'also write the dealer network as a dealer list (needed when a dealer holds no contract of the book)',
    )
    .option(
      '--as-of <date>',
      'the tape’s as-of date (month 0), YYYY-MM-DD (default: the first of this month)',
    )
    .option('--seed <s>', "seed the book is drawn with (default: the scenario's run.seed)")
    .option('--set <PATH=VALUE>', SET_HELP, collect, [])
    // A simulated history instead of the starting book (docs/calibration.md): the scenario's own run.
    .option(
      '--history <dir>',
      "instead of --out: write a simulated history of the scenario's own run, DIR/snapshots.csv and DIR/events.csv (docs/history.md)",
    )
    .option('--months <n>', 'with --history: months of history (default 60)')
    .option(
      '--lead <n>',
      'with --history: months run before it opens, so it starts mid-contract (default 36)',
    )
    .option('--from <YYYY-MM>', 'with --history: its first calendar month (default 2012-01)')
    .action(async (file: string, options: PortfolioExportOptions & Partial<HistoryExportOptions>) =>
      options.history !== undefined
        ? (await commands.historyExport()).historyExportCommand(
            file,
            { ...options, history: options.history },
            io.stderr,
          )
        : (await commands.portfolio()).portfolioExportCommand(file, options, io),
    );

  cli
    .command('calibrate')
    .description(
      "fit the world's base rates to targets of today's practice on the baseline: target against achieved, with its 95% CI",
    )
    .argument('[scenario]', 'the baseline scenario', 'scenarios/baseline.json')
    .option('--targets <file>', 'JSON file changing declared targets by id (docs/calibration.md)')
    .option(
      '--write [file]',
      'write the fitted values and their targets into the calibrated defaults (default: engine/world/calibrated.json)',
    )
    .option(
      '--iterations <n>',
      'iterations per evaluation (default 4; with --history, simulated histories per evaluation, default 2)',
    )
    .option('--evaluations <n>', 'evaluations allowed per target and pass (default 12; with --history 8)')
    .option(
      '--passes <n>',
      'rounds over the targets, each refitting on the others’ fitted values (default 2; 0 measures the targets and fits nothing)',
    )
    .option('--seed <s>', "seed of every random stream (default: the scenario's run.seed)")
    .option('--horizon <months>', "months simulated (default: the scenario's run.horizonMonths)")
    .option('--set <PATH=VALUE>', SET_HELP, collect, [])
    .option(
      '--history <snapshots.csv>',
      "calibrate from a client's history: its monthly snapshots (docs/history.md)",
    )
    .option(
      '--events <events.csv>',
      'with --history: its events (terminations, sales, recoveries, new contracts)',
    )
    .option(
      '--counts <counts.csv>',
      "in place of --history: the history's count tables (cyclecast history count)",
    )
    .option(
      '--out <world.json>',
      'with --history or --counts: the world file to write (a scenario can extends it)',
    )
    .option(
      '--knobs <ids>',
      'with --history: fit only these knobs, comma-separated (docs/calibration.md); default all',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, options: CalibrateOptions) =>
      (await commands.calibrate()).calibrateCommand(file, options, io.stdout, io.stderr),
    );

  return cli;
}
