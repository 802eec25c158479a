import { UserError } from './errors.ts';

/** The `--format` value that writes an Excel workbook rather than text. */
export const WORKBOOK_FORMAT = 'xlsx';

/**
 * Refuses a workbook without a file to hold it: it is binary, so it is never written to standard
 * output, and Excel opens it only by its `.xlsx` name. Checked before any work starts.
 */
export function checkWorkbookOut(
  out: string | undefined,
  flags: { series?: boolean; report?: boolean },
): void {
  if (flags.series || flags.report) {
    throw new UserError(
      `invalid --format xlsx with --${flags.series ? 'series' : 'report'}: the workbook already holds the KPIs, breakdowns and monthly series; drop one of them`,
    );
  }
  if (out === undefined) {
    throw new UserError(
      'invalid --format xlsx: a workbook is binary and is not written to standard output; add --out FILE.xlsx',
    );
  }
  if (!out.toLowerCase().endsWith('.xlsx')) {
    throw new UserError(
      `invalid --out ${out} with --format xlsx: expected a file name ending in .xlsx, which Excel opens`,
    );
  }
}
