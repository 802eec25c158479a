import type { ResolvedScenario } from '../../index.ts';
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
