import { cos, exp, log, log1p, pow, tan } from '../../engine/math/index.ts';

/*
 * What the deterministic-math tests share: the functions with the builtins they replace, the ulp
 * distance, and the seeded input sets (engine-independent, so Node and Chromium evaluate the same).
 */

export type Binary = (x: number, y: number) => number;

/** The functions under test, each with the builtin it replaces. */
export const FUNCTIONS: readonly { name: string; ours: Binary; builtin: Binary }[] = [
  { name: 'exp', ours: exp, builtin: Math.exp },
  { name: 'log', ours: log, builtin: Math.log },
  { name: 'log1p', ours: log1p, builtin: Math.log1p },
  { name: 'cos', ours: cos, builtin: Math.cos },
  { name: 'tan', ours: tan, builtin: Math.tan },
  { name: 'pow', ours: pow, builtin: Math.pow },
];

const bits = new BigInt64Array(1);
const bitsAsDouble = new Float64Array(bits.buffer);

/**
 * How many doubles lie between a and b (0 when they are the same double). NaN matches only NaN, and
 * zeros, infinities and signs must match exactly: any other mismatch is an infinite distance.
 */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (Object.is(a, b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === 0 || b === 0 || a < 0 !== b < 0) return Infinity;
  bitsAsDouble[0] = a;
  const ia = bits[0]!;
  bitsAsDouble[0] = b;
  const ib = bits[0]!;
  return Number(ia > ib ? ia - ib : ib - ia);
}

/** A seeded stream of doubles (sfc32 on integers only, so the inputs themselves are engine-independent). */
function inputStream(seed: number): { unit(): number; u32(): number; range(lo: number, hi: number): number } {
  let a = 0x9e3779b9 | 0;
  let b = 0x243f6a88 | 0;
  let c = seed | 0;
  let d = 1;
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // 53 random bits / 2^53: uniform on [0, 1) with every double of that grid reachable.
  const unit = (): number => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
  return { unit, u32, range: (lo, hi) => lo + (hi - lo) * unit() };
}

const UINT32_TO_UNIT = 2.3283064365386963e-10;

/**
 * Input sets per function, [x, y] pairs: the ranges the engine feeds each builtin (engine/random/streams.ts,
 * engine/world/*, engine/sim/valuation.ts, engine/stats/student-t.ts) and wide ranges around them.
 */
export function inputSets(perSet: number): { name: string; label: string; pairs: Float64Array }[] {
  const s = inputStream(0x5eed);
  const sets: [string, string, () => [number, number]][] = [
    ['exp', 'U[-50, 50]', () => [s.range(-50, 50), 0]],
    ['exp', '−mean, mean in (0, 50] (Poisson)', () => [-s.range(0, 50), 0]],
    ['exp', 'U[-746, 710] (to the subnormal and overflow ends)', () => [s.range(-746, 710), 0]],
    ['log', 'U(0, 1e7]', () => [s.range(0, 1e7), 0]],
    [
      'log',
      '1 − u for 32-bit uniforms u (Box–Muller, normal quantile)',
      () => [1 - s.u32() * UINT32_TO_UNIT, 0],
    ],
    ['log', 'U[0.5, 2] (odds near 1)', () => [s.range(0.5, 2), 0]],
    ['log', 'subnormals', () => [s.unit() * 2.2250738585072014e-308, 0]],
    ['log1p', 'U(-1, 10] (sd²/mean²)', () => [s.range(-1, 10), 0]],
    ['log1p', '−x, x a 32-bit uniform (incomplete beta)', () => [-s.u32() * UINT32_TO_UNIT, 0]],
    ['log1p', 'U[-1e-6, 1e-6]', () => [s.range(-1e-6, 1e-6), 0]],
    ['cos', '2π·u, u a 32-bit uniform (Box–Muller)', () => [2 * Math.PI * s.u32() * UINT32_TO_UNIT, 0]],
    ['cos', 'U[-1e6, 1e6] (medium reduction)', () => [s.range(-1e6, 1e6), 0]],
    ['cos', 'U[-1e300, 1e300] (large reduction)', () => [s.range(-1e300, 1e300), 0]],
    ['tan', 'π(p − ½), p in [½, 1) (Cauchy quantile)', () => [Math.PI * (s.range(0.5, 1) - 0.5), 0]],
    ['tan', 'U[-1e6, 1e6]', () => [s.range(-1e6, 1e6), 0]],
    ['pow', '(1 + rate)^(−1/12), rate in [0, 0.3]', () => [1 + s.range(0, 0.3), -1 / 12]],
    ['pow', '(1 + rate)^months, months in 0…240', () => [1 + s.range(-0.05, 0.3), s.u32() % 241]],
    ['pow', '(1 − u)^(1/shape), shape in (0, 1)', () => [1 - s.u32() * UINT32_TO_UNIT, 1 / s.range(1e-3, 1)]],
    ['pow', 'U(0, 1e3)^U[-50, 50]', () => [s.range(0, 1e3), s.range(-50, 50)]],
    ['pow', 'negative bases, integer exponents', () => [s.range(-10, 10), (s.u32() % 201) - 100]],
    ['pow', 'subnormal results', () => [s.range(1e-3, 0.5), s.range(200, 400)]],
    ['pow', 'x near 1, |y| up to 1e10', () => [1 + s.range(-1e-7, 1e-7), s.range(-1e10, 1e10)]],
  ];
  return sets.map(([name, label, next]) => {
    const pairs = new Float64Array(2 * perSet);
    for (let i = 0; i < perSet; i++) {
      const [x, y] = next();
      pairs[2 * i] = x;
      pairs[2 * i + 1] = y;
    }
    return { name, label, pairs };
  });
}

export function functionNamed(name: string): (typeof FUNCTIONS)[number] {
  const found = FUNCTIONS.find((f) => f.name === name);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

export function evaluate(fn: Binary, pairs: Float64Array): Float64Array {
  const out = new Float64Array(pairs.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = fn(pairs[2 * i]!, pairs[2 * i + 1]!);
  return out;
}

/** The input sets every deterministic-math test evaluates: 50,000 pairs each. */
export const SETS = inputSets(50_000);
