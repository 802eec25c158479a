/**
 * Draws per second of the random streams (engine/random/streams.ts), to answer whether a counter-based hash
 * over an alea-derived iteration key is faster than seeding seedrandom's alea per address
 * (key, entity, decision, month) and drawing once. Run: `npx tsx test/bench/random.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { iterationKey, normal01, poisson, uniform } from '../../engine/random/streams.ts';

export interface RandomBenchResult {
  /** uniform(key, entity, decision, month): the counter-based hash, draws/s. */
  counterHashPerSecond: number;
  /** seedrandom.alea seeded with the address, then drawn once, draws/s. */
  aleaSeededPerAddressPerSecond: number;
  /** One alea generator drawn sequentially (no per-address seeding; not usable for common random numbers), draws/s. */
  aleaSequentialPerSecond: number;
  /** normal01 (two hashed uniforms, Box–Muller), draws/s. */
  normal01PerSecond: number;
  /** poisson with mean 3, draws/s. */
  poissonMean3PerSecond: number;
  /** counterHashPerSecond / aleaSeededPerAddressPerSecond. */
  speedupOverAleaPerAddress: number;
}

/** Runs `body(i)` for i = 0… for at least `minMs` after a warm-up, and returns calls per second. */
function measure(body: (i: number) => number, minMs: number): number {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += body(i);
  let calls = 0;
  let batch = 10_000;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < batch; i++) sink += body(calls + i);
    calls += batch;
    elapsed = performance.now() - start;
    if (elapsed < minMs / 10) batch *= 2;
  }
  // Keeps the JIT from discarding the draws.
  if (sink === -1) console.log(sink);
  return (calls / elapsed) * 1000;
}

export function run(minMs = 1000): RandomBenchResult {
  const key = iterationKey(42, 0);
  const counterHashPerSecond = measure((i) => uniform(key, i & 0xfffff, 7, i >>> 20), minMs);
  const aleaSeededPerAddressPerSecond = measure(
    (i) => seedrandom.alea(`${key}/${i & 0xfffff}/7/${i >>> 20}`)(),
    minMs,
  );
  const sequential = seedrandom.alea('42/0');
  const aleaSequentialPerSecond = measure(() => sequential(), minMs);
  const normal01PerSecond = measure((i) => normal01(key, i & 0xfffff, 8, i >>> 20), minMs);
  const poissonMean3PerSecond = measure((i) => poisson(3, key, i & 0xfffff, 9, i >>> 20), minMs);
  return {
    counterHashPerSecond,
    aleaSeededPerAddressPerSecond,
    aleaSequentialPerSecond,
    normal01PerSecond,
    poissonMean3PerSecond,
    speedupOverAleaPerAddress: counterHashPerSecond / aleaSeededPerAddressPerSecond,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = run();
  for (const [name, value] of Object.entries(result)) {
    const shown = name.endsWith('PerSecond') ? `${(value / 1e6).toFixed(2)} M/s` : `${value.toFixed(1)}×`;
    console.log(`${name.padEnd(32)} ${shown}`);
  }
}
