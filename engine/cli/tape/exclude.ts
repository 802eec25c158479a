import type { Problem, ResolvedScenario, TapeSummary } from '../../index.ts';
import { UserError } from '../errors.ts';

/** The cap `--exclude-invalid` without a value sets: at most 5% of the rows and of the balance. */
export const DEFAULT_EXCLUDE_SHARE = 0.05;

/** Help of the `--exclude-invalid [share]` option. */
export const EXCLUDE_INVALID_HELP =
  'run a contract tape without its rows with problems, as long as they are at most this share (0–1, default 0.05) of the rows and of the balance; the output and manifest say how many were left out';

/**
 * The share (0–1) of a tape's rows and balance `--exclude-invalid` may leave out, or undefined when
 * the option was not given. Throws a UserError for a value that is not a share.
 */
export function parseExcludeInvalid(value: string | boolean | undefined): number | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return DEFAULT_EXCLUDE_SHARE;
  const share = Number(value);
  if (value.trim() === '' || !Number.isFinite(share) || share <= 0 || share >= 1) {
    throw new UserError(
      `invalid --exclude-invalid: expected a share above 0 and below 1 (0.05 leaves out at most 5% of the rows and of the balance), got ${JSON.stringify(value)}`,
    );
  }
  return share;
}

/** One line per scenario whose tape had rows left out: how many, and their share of rows and balance. */
export function excludedNotes(scenarios: readonly ResolvedScenario[]): string[] {
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  return scenarios.flatMap((s) => {
    const excluded = s.tape?.excluded;
    if (excluded === undefined) return [];
    return [
      `note: ${s.tape!.file}: left out ${excluded.rows} invalid row${excluded.rows === 1 ? '' : 's'} (${pct(excluded.rowShare)} of the rows, €${Math.round(excluded.balance).toLocaleString('en')} = ${pct(excluded.balanceShare)} of the balance); cyclecast validate lists them`,
    ];
  });
}

/**
 * What `--exclude-invalid` would do with a tape that has rows with problems: a warning at the tape's
 * first row saying how many rows and what share of the rows and balance they are, and whether they
 * are within the default cap. Undefined for a tape without such rows.
 */
export function invalidRowsProblem(file: string, summary: TapeSummary): Problem | undefined {
  const invalid = summary.invalidRows;
  if (invalid === undefined) return undefined;
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  const within = invalid.rowShare <= DEFAULT_EXCLUDE_SHARE && invalid.balanceShare <= DEFAULT_EXCLUDE_SHARE;
  const structural = summary.problemCount > summary.rowProblems;
  return {
    file,
    line: 1,
    column: 1,
    pointer: '(rows)',
    severity: 'warning',
    message: `${invalid.rows} row${invalid.rows === 1 ? '' : 's'} with problems: ${pct(invalid.rowShare)} of the rows, €${Math.round(invalid.balance).toLocaleString('en')} = ${pct(invalid.balanceShare)} of the balance (of the rows whose balance reads)`,
    hint: structural
      ? 'the tape also has problems outside its rows, which --exclude-invalid cannot leave out'
      : within
        ? `--exclude-invalid would leave them out (within its default cap of ${pct(DEFAULT_EXCLUDE_SHARE)})`
        : `above --exclude-invalid's default cap of ${pct(DEFAULT_EXCLUDE_SHARE)}: fix the tape, or give --exclude-invalid=SHARE`,
  };
}
