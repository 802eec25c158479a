/**
 * A big contract tape dropped on the workbench in headless Chromium, timed by hand:
 *   node --import tsx test/bench/tape-page.ts ROWS
 * writes a ROWS-contract tape (tape-generator.ts) to a temporary folder, builds and serves the
 * workbench, sets the tape on *Your book* and prints one JSON line: seconds from handing over the file
 * to "Your book: N contracts" (read and checked in the page), and the page's JS heap then.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkbench, openWorkbench } from '../e2e/harness.ts';
import { writeBenchTape } from './tape-generator.ts';

const rows = Number(process.argv[2]);
if (!Number.isInteger(rows) || rows < 1) throw new Error('usage: tape-page.ts ROWS');
const dir = mkdtempSync(join(tmpdir(), 'cyclecast-bench-page-'));
const built = await buildWorkbench();
const app = await openWorkbench(built.dir);
try {
  const file = join(dir, 'book.csv');
  const bytes = await writeBenchTape(file, rows);
  const start = performance.now();
  await app.page.setInputFiles('#tape-file', file);
  await app.page.waitForSelector('#tape-status:is([data-status="ready"], [data-status="invalid"])', {
    timeout: 3_600_000,
  });
  const seconds = (performance.now() - start) / 1000;
  const status = (await app.page.locator('#tape-status').textContent())?.trim();
  const heapBytes = await app.page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  );
  process.stdout.write(`${JSON.stringify({ rows, csvBytes: bytes, seconds, heapBytes, status })}\n`);
} finally {
  await app.close();
  built.remove();
  rmSync(dir, { recursive: true, force: true });
}
