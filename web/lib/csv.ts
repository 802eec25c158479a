/** One CSV cell: quoted when it holds a comma, a quote or a line break; null is empty. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows of objects as CSV with a header of their keys (in the first row's order), for spreadsheets:
 * numbers stay raw (€, 0–1, counts), so they sum and chart like the JSON.
 */
export function toCsv(rows: readonly Readonly<Record<string, string | number | boolean | null>>[]): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]!);
  return (
    [keys.map(csvCell).join(','), ...rows.map((r) => keys.map((k) => csvCell(r[k])).join(','))].join('\n') +
    '\n'
  );
}
