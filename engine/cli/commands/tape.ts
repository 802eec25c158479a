import { formatProblem, resolveTapeSource, type TapeSummary } from '../../index.ts';
import { UserError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { pseudonymiseTape, readKey } from '../tape/pseudonymise.ts';
import { invalidRowsProblem } from '../tape/exclude.ts';
import { readTapeFile } from '../tape/read-tape.ts';

/** The dialect and as-of options of the `tape` commands (docs/tape.md). */
export interface TapeDialectOptions {
  delimiter?: string;
  decimal?: string;
  thousands?: string;
  datePattern?: string;
  encoding?: string;
  asOf?: string;
  /** The tape's dealer list (docs/tape.md). */
  dealers?: string;
  grades?: string;
  regions?: string;
}

export interface TapeCheckOptions extends TapeDialectOptions {
  maxProblems?: string;
  json?: boolean;
}

/** The tape settings the options declare, as a scenario's `portfolio.tape` would; a bad option is a UserError. */
function tapeSource(file: string, options: TapeDialectOptions) {
  const dialect: Record<string, string> = {};
  if (options.delimiter !== undefined)
    dialect.delimiter = options.delimiter === '\\t' || options.delimiter === 'tab' ? '\t' : options.delimiter;
  if (options.decimal !== undefined) dialect.decimal = options.decimal;
  if (options.thousands !== undefined)
    dialect.thousands = options.thousands === 'none' ? '' : options.thousands;
  if (options.datePattern !== undefined) dialect.datePattern = options.datePattern;
  if (options.encoding !== undefined) dialect.encoding = options.encoding.toLowerCase();
  const parse = (flag: string, text: string | undefined): unknown => {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new UserError(`invalid ${flag}: expected a JSON object such as '{"A": "prime"}'`);
    }
  };
  const setting = {
    file,
    dialect,
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.dealers !== undefined ? { dealers: options.dealers } : {}),
    ...(options.grades !== undefined ? { grades: parse('--grades', options.grades) } : {}),
    ...(options.regions !== undefined ? { regions: parse('--regions', options.regions) } : {}),
  };
  const { source, problems } = resolveTapeSource(setting, { name: 'tape', pointer: '' });
  if (!source) {
    throw new UserError(
      problems
        .map(
          (p) => `invalid option: ${p.message.replace(/^invalid tape\./, '')}${p.hint ? ` (${p.hint})` : ''}`,
        )
        .join('\n'),
    );
  }
  return source;
}

/**
 * `cyclecast tape check FILE`: reads a contract tape as a scenario would and prints its summary (rows,
 * as-of date, customers, dealers, contracts and balance per product and status), then each problem as
 * `file:row:column  column  message (hint)` (at most --max-problems) and their count by kind. Exit 1
 * when there is any problem.
 */
export async function tapeCheckCommand(file: string, options: TapeCheckOptions, io: CliIo): Promise<number> {
  const maxProblems = options.maxProblems === undefined ? 100 : Number(options.maxProblems);
  if (!Number.isInteger(maxProblems) || maxProblems < 0)
    throw new UserError('invalid --max-problems: expected a whole number ≥ 0');
  const { summary, problems } = await readTapeFile(file, tapeSource(file, options), maxProblems);
  if (options.json === true) {
    io.stdout(JSON.stringify({ file, summary, problems }, null, 2) + '\n');
    return summary.problemCount > 0 ? 1 : 0;
  }
  io.stdout(summaryText(file, summary));
  if (summary.problemCount === 0) return 0;
  io.stderr(problems.map(formatProblem).join('\n') + '\n');
  const kinds = Object.entries(summary.problemKinds).sort((a, b) => b[1] - a[1]);
  const shown =
    problems.length < summary.problemCount ? ` (${problems.length} listed; --max-problems N lists more)` : '';
  const invalid = invalidRowsProblem(file, summary);
  io.stderr(
    `${summary.problemCount} problem${summary.problemCount === 1 ? '' : 's'}${shown}, by kind:\n` +
      kinds.map(([kind, n]) => `  ${String(n).padStart(7)}  ${kind}`).join('\n') +
      '\n' +
      (invalid ? formatProblem(invalid) + '\n' : ''),
  );
  return 1;
}

const euro = (x: number): string => `€${Math.round(x).toLocaleString('en')}`;

function summaryText(file: string, s: TapeSummary): string {
  const lines = [
    `${file}: ${s.rows.toLocaleString('en')} contract${s.rows === 1 ? '' : 's'} of ${s.customers.toLocaleString('en')} customers at ${s.dealers.toLocaleString('en')} dealers, as of ${s.asOf ?? 'unknown'}; balance ${euro(s.balance)}`,
    ...Object.entries(s.products).map(
      ([p, t]) => `  ${p.padEnd(16)} ${String(t.rows).padStart(9)}  ${euro(t.balance).padStart(16)}`,
    ),
    ...(Object.keys(s.statuses).length > 0
      ? [
          `  status: ${Object.entries(s.statuses)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}`,
        ]
      : []),
    s.problemCount === 0
      ? '  no problems'
      : `  ${s.problemCount} problem${s.problemCount === 1 ? '' : 's'}: nothing runs on this tape`,
  ];
  return lines.join('\n') + '\n';
}

/**
 * `cyclecast tape pseudonymise --key-file KEY IN OUT`: writes OUT (atomically) with contract_id,
 * customer_id and dealer_id replaced by keyed HMAC pseudonyms, every other cell unchanged, in UTF-8.
 */
export async function tapePseudonymiseCommand(
  input: string,
  output: string,
  options: TapeDialectOptions & { keyFile?: string },
  io: CliIo,
): Promise<void> {
  if (options.keyFile === undefined)
    throw new UserError('missing --key-file: the key that makes pseudonyms (keep it at the client)');
  const key = await readKey(options.keyFile);
  const { dialect } = tapeSource(input, options);
  const rows = await pseudonymiseTape(input, output, key, dialect);
  io.stderr(
    `wrote ${output}: ${rows.toLocaleString('en')} row${rows === 1 ? '' : 's'} with pseudonymised ids\n`,
  );
}
