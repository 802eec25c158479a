import { COUNT_COLUMNS } from '../../engine/index.ts';

/**
 * Whether a dropped `.csv` holds count tables (its header is `counts.csv`'s) rather than a contract
 * tape, so the page can point to the history section instead of listing tape problems. Reads only the
 * first kilobyte; a gzip-compressed file is never count tables.
 */
export async function isCountsFile(file: Blob & { readonly name: string }): Promise<boolean> {
  if (!/\.csv$/i.test(file.name)) return false;
  const head = await file.slice(0, 1024).text();
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.trim() === COUNT_COLUMNS.join(',');
}
