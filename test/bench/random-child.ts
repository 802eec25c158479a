/**
 * Child-process entry of the random-stream figures: `random-child.ts REPETITIONS MIN_MS`. random.bench.ts
 * times its contenders one after another (minMs each); repeating the whole set and taking each figure's
 * median interleaves them at that grain, so a slow spell on the shared machine cannot land on one alone.
 */
import { reply } from './child.ts';
import { median } from './harness.ts';
import { run, type RandomBenchResult } from './random.bench.ts';

const repetitions = Number(process.argv[2] ?? 5);
const minMs = Number(process.argv[3] ?? 300);
const runs: RandomBenchResult[] = Array.from({ length: repetitions }, () => run(minMs));
const result = Object.fromEntries(
  (Object.keys(runs[0]!) as (keyof RandomBenchResult)[]).map((key) => [key, median(runs.map((r) => r[key]))]),
) as unknown as RandomBenchResult;
reply({ repetitions, minMsPerFigure: minMs, ...result });
