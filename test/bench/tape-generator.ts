/**
 * A big contract tape for the scale benchmark, made deterministically from the shipped example tape
 * (examples/tapes/example-book.csv): row i repeats example row i mod 60 with fresh pseudonymous ids
 * and its amounts scaled by a factor from 0.8 to 1.2 (balance, instalment and residual together, so
 * the rate they imply is the example's). Region and grade codes are written as the model's own names,
 * so `cyclecast validate` reads the tape without mapping tables. Never committed: written to a
 * temporary folder by the benchmark, or by hand with
 * `node --import tsx test/bench/tape-generator.ts OUT.csv ROWS`.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const EXAMPLE = fileURLToPath(new URL('../../examples/tapes/example-book.csv', import.meta.url));
const REGIONS: Record<string, string> = { N: 'north', S: 'south', E: 'east', W: 'west', C: 'central' };
const GRADES: Record<string, string> = { A: 'prime', B: 'near-prime', C: 'subprime' };
const MONEY = new Set(['balance', 'instalment', 'residual', 'arrears_amount']);

/** Contracts per customer on average: 5 contracts of 4 customers, as a book with some repeat buyers. */
const CUSTOMERS_PER_CONTRACT = 0.8;
const DEALERS = 2_000;

/**
 * Writes a tape of `rows` contracts to `file` (gzip-compressed when it ends in .gz) and returns the
 * bytes written (uncompressed). Same `rows`, same file, byte for byte.
 */
export async function writeBenchTape(file: string, rows: number): Promise<number> {
  const [header, ...examples] = readFileSync(EXAMPLE, 'utf8').trim().split('\n');
  const names = header!.split(',');
  const at = (name: string): number => names.indexOf(name);
  const templates = examples.map((line) => line.split(','));
  const out = createWriteStream(file);
  const gzip = file.endsWith('.gz') ? createGzip({ level: 1 }) : undefined;
  if (gzip) gzip.pipe(out);
  const sink = gzip ?? out;
  let bytes = 0;
  let buffer = header + '\n';
  const flush = async (): Promise<void> => {
    bytes += Buffer.byteLength(buffer);
    if (!sink.write(buffer)) await once(sink, 'drain');
    buffer = '';
  };
  const id = at('contract_id');
  const customer = at('customer_id');
  const dealer = at('dealer_id');
  const region = at('region');
  const grade = at('rating_grade');
  const money = names.map((n, i) => (MONEY.has(n) ? i : -1)).filter((i) => i >= 0);
  for (let i = 0; i < rows; i++) {
    const cells = templates[i % templates.length]!.slice();
    // A multiplicative hash of the row: deterministic, spread over 0.8–1.2.
    const scale = 0.8 + (((Math.imul(i + 1, 2654435761) >>> 0) % 4001) / 4000) * 0.4;
    cells[id] = `bk${i.toString(36).padStart(5, '0')}`;
    cells[customer] = `bc${Math.floor(i * CUSTOMERS_PER_CONTRACT).toString(36)}`;
    cells[dealer] = `bd${i % DEALERS}`;
    if (region >= 0) cells[region] = REGIONS[cells[region]!] ?? cells[region]!;
    if (grade >= 0) cells[grade] = GRADES[cells[grade]!] ?? cells[grade]!;
    for (const m of money) cells[m] = (Number(cells[m]) * scale).toFixed(2);
    buffer += cells.join(',') + '\n';
    if (buffer.length > 1 << 20) await flush();
  }
  await flush();
  sink.end();
  await once(out, 'close');
  return bytes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, rows] = process.argv.slice(2);
  if (file === undefined || !Number.isInteger(Number(rows)) || Number(rows) < 1) {
    process.stderr.write('usage: node --import tsx test/bench/tape-generator.ts OUT.csv[.gz] ROWS\n');
    process.exit(2);
  }
  const bytes = await writeBenchTape(file, Number(rows));
  process.stderr.write(`wrote ${file}: ${rows} contracts, ${(bytes / 1e6).toFixed(0)} MB of CSV\n`);
}
