/**
 * Side-by-side timing for `npm run bench`. Machines here are shared and noisy, so contenders are run in
 * interleaved rounds (A, B, C, A, B, C, …) and each reports its median round: a slow spell on the machine
 * hits every contender alike, and the ratios between them stay meaningful.
 */

export interface Contender {
  readonly name: string;
  /** Runs one batch and returns how many operations it performed. */
  readonly batch: () => number | Promise<number>;
}

export interface Measurement {
  readonly name: string;
  /** Median operations per second over the rounds. */
  readonly opsPerSecond: number;
  readonly rounds: number;
}

export async function measureSideBySide(
  contenders: readonly Contender[],
  options: { rounds?: number; warmupRounds?: number } = {},
): Promise<Measurement[]> {
  const rounds = options.rounds ?? 15;
  const warmup = options.warmupRounds ?? 3;
  const rates: number[][] = contenders.map(() => []);
  for (let round = 0; round < warmup + rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const start = performance.now();
      const ops = await contenders[i]!.batch();
      const seconds = (performance.now() - start) / 1000;
      if (round >= warmup) rates[i]!.push(ops / seconds);
    }
  }
  return contenders.map((c, i) => ({ name: c.name, opsPerSecond: median(rates[i]!), rounds }));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Formats a rate for a table: 1.23 M/s, 456 k/s, 7.8 /s. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(1)} /s`;
}
