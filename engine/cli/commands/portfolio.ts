import {
  DEALER_EXPORT_COLUMNS,
  DealerListReader,
  dealerListRows,
  EXPORT_COLUMNS,
  formatProblem,
  prepareRun,
  resolveTapeSource,
  runSpec,
  startingBookRows,
  startIteration,
  TapeReader,
} from '../../index.ts';
import { UserError } from '../errors.ts';
import { checkOutputPath, writeAtomic, type CliIo } from '../io.ts';
import { parseOverrides, parseRunSetting } from '../options.ts';
import { readScenario } from '../scenarios.ts';

export interface PortfolioExportOptions {
  out?: string;
  /** Where to write the dealer network as a dealer list, beside the tape. */
  dealersOut?: string;
  /** Month 0 of the tape, YYYY-MM-DD (default: the first day of the current month). */
  asOf?: string;
  seed?: string;
  set?: string[];
}

/** Rows per piece of the streamed output: a large book is never one string. */
const ROWS_PER_PIECE = 10_000;

/**
 * `cyclecast portfolio export SCENARIO --out book.csv`: writes the scenario's synthetic starting book
 * (drawn from its portfolio settings and the run's seed, priced by its world with every assumption at
 * its value) as a contract tape in the columns of docs/tape.md, with the model-only `x_` columns, so
 * that the scenario run on the tape with `run.uncertainty` false gives the same results as on its
 * settings. The output is written atomically and read back by the tape reader before it is kept.
 */
export async function portfolioExportCommand(
  file: string,
  options: PortfolioExportOptions,
  io: CliIo,
): Promise<void> {
  const out = options.out;
  if (out === undefined || out === '') throw new UserError('invalid --out: expected the tape file to write');
  await checkOutputPath('--out', out);
  const dealersOut = options.dealersOut;
  if (dealersOut !== undefined) {
    if (dealersOut === '' || dealersOut === out)
      throw new UserError('invalid --dealers-out: expected a file of its own for the dealer list');
    await checkOutputPath('--dealers-out', dealersOut);
  }
  const asOf = options.asOf ?? firstOfThisMonth();
  const source = resolveTapeSource({ file: out, asOf }, { name: '--as-of', pointer: '' }).source;
  if (source === undefined)
    throw new UserError(`invalid --as-of: expected a date written YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  const scenario = await readScenario(file, parseOverrides(options.set));
  if (scenario.portfolio.tape !== undefined) {
    throw new UserError(
      `${file}: its portfolio is a contract tape already (portfolio.tape): export writes a synthetic book, drawn from the portfolio settings`,
    );
  }
  const seed = parseRunSetting('--seed', options.seed, 'seed');
  const spec = runSpec([scenario], {
    uncertainty: false,
    population: 'fixed',
    ...(seed !== undefined ? { seed } : {}),
  });
  let rows: string[][];
  let dealers: string[][] | undefined;
  try {
    const sim = startIteration(prepareRun(spec).setups[0]!, 0);
    rows = startingBookRows(sim, asOf, dealersOut !== undefined);
    if (dealersOut !== undefined) dealers = dealerListRows(sim);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('invalid '))
      throw new UserError(`${file}: ${error.message}`);
    throw error;
  }
  // What is written must read: a problem here is a bug in the export, never the user's.
  const reader = new TapeReader(out, source, 5);
  if (dealers !== undefined) {
    const list = new DealerListReader(dealersOut!, source);
    list.header(DEALER_EXPORT_COLUMNS);
    dealers.forEach((cells, i) => list.row(cells, i + 2));
    const read = list.finish();
    if (read.list === undefined)
      throw new Error(
        `the exported dealer list does not read:\n${read.problems.map(formatProblem).join('\n')}`,
      );
    reader.useNetwork(read.list);
  }
  reader.header(EXPORT_COLUMNS);
  rows.forEach((cells, i) => reader.row(cells, i + 2));
  const check = reader.finish();
  if (check.book === undefined)
    throw new Error(`the exported tape does not read:\n${check.problems.map(formatProblem).join('\n')}`);

  if (dealers !== undefined) await writeAtomic(dealersOut!, csvPieces(DEALER_EXPORT_COLUMNS, dealers));
  await writeAtomic(out, csvPieces(EXPORT_COLUMNS, rows));
  const note =
    scenario.run.uncertainty !== false || scenario.run.population !== 'fixed'
      ? '; the scenario draws its assumptions or population anew each iteration: the tape holds iteration 0’s book with every assumption at its value, and runs to the same results as the synthetic book with "run": { "uncertainty": false, "population": "fixed" }'
      : '';
  io.stderr(
    `wrote ${dealers !== undefined ? `${dealersOut} (${dealers.length.toLocaleString('en')} dealers) and ` : ''}${out}: ${rows.length.toLocaleString('en')} contracts of ${check.book.customers.count.toLocaleString('en')} customers at ${check.book.dealers.count.toLocaleString('en')} dealers, as of ${asOf}, seed ${spec.seed}${note}\n`,
  );
}

/** The tape as CSV text in pieces; no cell needs quoting (ids, codes, numbers and dates only). */
async function* csvPieces(header: readonly string[], rows: readonly string[][]): AsyncGenerator<string> {
  yield header.join(',') + '\n';
  for (let at = 0; at < rows.length; at += ROWS_PER_PIECE) {
    yield rows
      .slice(at, at + ROWS_PER_PIECE)
      .map((cells) => cells.join(',') + '\n')
      .join('');
  }
}

/** The first day of the current month (UTC), YYYY-MM-DD. */
function firstOfThisMonth(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-01`;
}
