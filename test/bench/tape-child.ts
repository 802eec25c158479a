/**
 * Child-process entry of the tape suite (tape.bench.ts), one measurement per process so its peak
 * memory is its own:
 *   tape-child.ts validate FILE   read and check every row without keeping the book (`cyclecast validate`)
 *   tape-child.ts load FILE       read the book (as `run` does), build a worker's population from it,
 *                                 and send it to a worker thread
 * Prints one JSON line: rows, seconds, CPU seconds, peak RSS, and for `load` the book's bytes and the
 * time a worker took to receive it.
 */
import { resourceUsage } from 'node:process';
import { Worker } from 'node:worker_threads';
import { readTapeFile } from '../../engine/cli/tape/read-tape.ts';
import { resolveTapeSource, type TapeBook } from '../../engine/index.ts';
import { tapePopulation } from '../../engine/portfolio/tape/population.ts';
import { reply } from './child.ts';

export interface TapeChildReply {
  readonly rows: number;
  readonly problems: number;
  /** Wall time of the read, seconds. */
  readonly seconds: number;
  /** CPU time (user + system) of the whole process, seconds. */
  readonly cpuSeconds: number;
  /** Peak resident memory of the process, bytes. */
  readonly peakRssBytes: number;
  /** `load`: bytes of the book's typed columns. */
  readonly bookBytes?: number;
  /** `load`: seconds from posting the book to a worker thread to its answer (shared memory: no copy). */
  readonly toWorkerSeconds?: number;
  /** `load`: seconds to build a worker's population from the book. */
  readonly populationSeconds?: number;
}

function bookBytes(book: TapeBook): number {
  let bytes = 0;
  for (const part of [book.dealers, book.customers, book.contracts])
    for (const value of Object.values(part)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}

async function toWorker(book: TapeBook): Promise<number> {
  const worker = new Worker(
    "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (b) => parentPort.postMessage(b.contracts.count));",
    { eval: true },
  );
  await new Promise((resolve) => worker.once('online', resolve));
  const start = performance.now();
  worker.postMessage(book);
  await new Promise((resolve) => worker.once('message', resolve));
  const seconds = (performance.now() - start) / 1000;
  await worker.terminate();
  return seconds;
}

const [mode, file] = process.argv.slice(2);
if ((mode !== 'validate' && mode !== 'load') || file === undefined)
  throw new Error('usage: tape-child.ts validate|load FILE');
const { source } = resolveTapeSource(file, { name: 'tape', pointer: '' });
const start = performance.now();
const { book, summary } = await readTapeFile(
  file,
  source!,
  100,
  undefined,
  mode === 'load' ? 'book' : 'summary',
);
const seconds = (performance.now() - start) / 1000;
let extra = {};
if (mode === 'load') {
  if (book === undefined) throw new Error(`${file}: the tape has problems`);
  const t = performance.now();
  tapePopulation(book);
  const populationSeconds = (performance.now() - t) / 1000;
  extra = { bookBytes: bookBytes(book), populationSeconds, toWorkerSeconds: await toWorker(book) };
}
const usage = resourceUsage();
const result: TapeChildReply = {
  rows: summary.rows,
  problems: summary.problemCount,
  seconds,
  cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  peakRssBytes: usage.maxRSS * 1024,
  ...extra,
};
reply(result);
