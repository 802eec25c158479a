import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { UserError } from './errors.ts';

/** Debian's Chromium, which prints the report: the only browser the CLI uses, never a downloaded one. */
import { CHROMIUM } from './choices.ts';

/**
 * Prints an HTML file to PDF beside it (`report.html` → `report.pdf`) with headless Chromium, on A4
 * through the report's print stylesheet; returns the PDF's path.
 */
export async function printPdf(htmlFile: string): Promise<string> {
  if (!existsSync(CHROMIUM)) {
    throw new UserError(
      `cannot write the PDF: ${CHROMIUM} is not installed (apt-get install chromium); the HTML report was written and prints from any browser`,
    );
  }
  const pdf = htmlFile.replace(/\.html?$/i, '') + '.pdf';
  // Loaded here, not with the CLI: node:child_process cost every command about 2 ms of CPU to load.
  const { execFile } = await import('node:child_process');
  await promisify(execFile)(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-pdf-header-footer',
      `--print-to-pdf=${path.resolve(pdf)}`,
      pathToFileURL(path.resolve(htmlFile)).href,
    ],
    { timeout: 60_000 },
  );
  if (!existsSync(pdf)) throw new UserError(`cannot write the PDF: Chromium did not write ${pdf}`);
  return pdf;
}
