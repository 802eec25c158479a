import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cos, exp, log, log1p, pow, tan } from '../../engine/math/index.ts';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from '../e2e/harness.ts';

type Binary = (x: number, y: number) => number;

/** The functions under test, each with the builtin it replaces. */
const FUNCTIONS: readonly { name: string; ours: Binary; builtin: Binary }[] = [
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
function ulpDistance(a: number, b: number): number {
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
function inputSets(perSet: number): { name: string; label: string; pairs: Float64Array }[] {
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

function functionNamed(name: string): (typeof FUNCTIONS)[number] {
  const found = FUNCTIONS.find((f) => f.name === name);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

function evaluate(fn: Binary, pairs: Float64Array): Float64Array {
  const out = new Float64Array(pairs.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = fn(pairs[2 * i]!, pairs[2 * i + 1]!);
  return out;
}

const SETS = inputSets(50_000);

describe('deterministic math', () => {
  it('gives the values ECMAScript prescribes for zeros, infinities, NaN and out-of-domain input', () => {
    const cases: [Binary, number, number][] = [
      [exp, 0, 1],
      [exp, -0, 1],
      [exp, Infinity, Infinity],
      [exp, -Infinity, 0],
      [exp, NaN, NaN],
      [exp, 709.79, Infinity],
      [exp, -745.14, 0],
      [exp, -745, 5e-324],
      [exp, 1, Math.E],
      [log, 1, 0],
      [log, 0, -Infinity],
      [log, -0, -Infinity],
      [log, Infinity, Infinity],
      [log, -1e-300, NaN],
      [log, -Infinity, NaN],
      [log, NaN, NaN],
      [log1p, 0, 0],
      [log1p, -0, -0],
      [log1p, -1, -Infinity],
      [log1p, -1.5, NaN],
      [log1p, Infinity, Infinity],
      [log1p, -Infinity, NaN],
      [log1p, NaN, NaN],
      [log1p, 5e-324, 5e-324],
      [cos, 0, 1],
      [cos, -0, 1],
      [cos, 5e-324, 1],
      [cos, Infinity, NaN],
      [cos, -Infinity, NaN],
      [cos, NaN, NaN],
      [tan, 0, 0],
      [tan, -0, -0],
      [tan, -5e-324, -5e-324],
      [tan, Infinity, NaN],
      [tan, NaN, NaN],
    ];
    for (const [fn, x, want] of cases) expect(fn(x, 0), `${fn.name}(${x})`).toBe(want);
  });

  it('follows ECMAScript’s exponentiation rules for every special base and exponent', () => {
    expect(pow(NaN, 0)).toBe(1);
    expect(pow(NaN, -0)).toBe(1);
    expect(pow(1, NaN)).toBeNaN();
    expect(pow(1, Infinity)).toBeNaN();
    expect(pow(-1, -Infinity)).toBeNaN();
    expect(pow(-0, -3)).toBe(-Infinity);
    expect(pow(-0, 3)).toBe(-0);
    expect(pow(-0, 0.5)).toBe(0);
    expect(pow(-Infinity, 3)).toBe(-Infinity);
    expect(pow(-Infinity, -3)).toBe(-0);
    expect(pow(-Infinity, 0.5)).toBe(Infinity);
    expect(pow(-8, 1 / 3)).toBeNaN();
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(2, -1074)).toBe(5e-324);
    expect(pow(3, 33)).toBe(5559060566555523);
    // Every pair of these against the builtin: exact wherever the result is 0, ±∞, NaN or exact.
    const specials = [0, -0, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 2.5, -2.5, 1e-310, -1e-310, 2 ** 53, -(2 ** 53)];
    const values = [...specials, 1e300, -1e300, 1 + 2 ** -52, 1 - 2 ** -53, Infinity, -Infinity, NaN];
    for (const x of values) {
      for (const y of values) {
        expect(ulpDistance(pow(x, y), Math.pow(x, y)), `pow(${x}, ${y})`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('stays within 1 ulp of the builtins on the engine’s inputs and far beyond them', () => {
    for (const set of SETS) {
      const { ours, builtin } = functionNamed(set.name);
      const mine = evaluate(ours, set.pairs);
      const theirs = evaluate(builtin, set.pairs);
      let worst = 0;
      let worstAt = 0;
      for (let i = 0; i < mine.length; i++) {
        const d = ulpDistance(mine[i]!, theirs[i]!);
        if (d > worst) {
          worst = d;
          worstAt = i;
        }
      }
      const where = `${set.name} on ${set.label}: ${set.pairs[2 * worstAt]}, ${set.pairs[2 * worstAt + 1]}`;
      expect(worst, where).toBeLessThanOrEqual(1);
    }
  });

  // On V8 11 (Node 20) the builtins are V8's own fdlibm port, which this module reproduces: moving the
  // engine onto it leaves every CLI result unchanged there.
  it.runIf(process.versions.v8.startsWith('11.'))('returns exactly what Node 20’s Math.* returns', () => {
    for (const set of SETS) {
      const { ours, builtin } = functionNamed(set.name);
      const mine = evaluate(ours, set.pairs);
      const theirs = evaluate(builtin, set.pairs);
      const differing = mine.filter((v, i) => ulpDistance(v, theirs[i]!) !== 0).length;
      expect(differing, `${set.name} on ${set.label}`).toBe(0);
    }
  });

  // Recorded when the module was written. A change to its arithmetic (a reordered sum, another
  // constant) moves every engine's results at once, so it must be deliberate and update this digest.
  it('keeps the exact bits it was written with', () => {
    const view = new DataView(new ArrayBuffer(8));
    let hash = 0x811c9dc5; // FNV-1a over the low and high words of every output
    for (const set of SETS) {
      for (const v of evaluate(functionNamed(set.name).ours, set.pairs)) {
        view.setFloat64(0, Number.isNaN(v) ? NaN : v, true);
        hash = Math.imul(hash ^ view.getInt32(0, true), 0x01000193);
        hash = Math.imul(hash ^ view.getInt32(4, true), 0x01000193);
      }
    }
    expect((hash >>> 0).toString(16)).toBe('fdd58ff1');
  });

  it.skipIf(!hasChromium())(
    `computes the same bits in Chromium as in Node${hasChromium() ? '' : ` (skipped: ${CHROMIUM} is not installed)`}`,
    async () => {
      const bundle = await build({
        entryPoints: [fileURLToPath(new URL('../../engine/math/index.ts', import.meta.url))],
        bundle: true,
        format: 'iife',
        globalName: 'deterministicMath',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      });
      const source = bundle.outputFiles[0]!.text;
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        await page.addScriptTag({ content: source });
        const sets = SETS.map((s) => ({
          name: s.name,
          pairs: Buffer.from(s.pairs.buffer).toString('base64'),
        }));
        const results = await page.evaluate((inputs) => {
          const api = (
            globalThis as unknown as { deterministicMath: Record<string, (x: number, y: number) => number> }
          ).deterministicMath;
          const decode = (text: string): Float64Array => {
            const raw = atob(text);
            const bytes = new Uint8Array(raw.length);
            for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
            return new Float64Array(bytes.buffer);
          };
          const encode = (values: Float64Array): string => {
            const bytes = new Uint8Array(values.buffer);
            let raw = '';
            for (let i = 0; i < bytes.length; i += 0x8000) {
              raw += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            }
            return btoa(raw);
          };
          return inputs.map(({ name, pairs }) => {
            const fn = api[name]!;
            const xs = decode(pairs);
            const out = new Float64Array(xs.length / 2);
            for (let i = 0; i < out.length; i++) out[i] = fn(xs[2 * i]!, xs[2 * i + 1]!);
            return encode(out);
          });
        }, sets);
        SETS.forEach((set, k) => {
          const node = evaluate(functionNamed(set.name).ours, set.pairs);
          const raw = Buffer.from(results[k]!, 'base64');
          const browserValues = new Float64Array(raw.buffer, raw.byteOffset, raw.length / 8);
          const first = node.findIndex((v, i) => ulpDistance(v, browserValues[i]!) !== 0);
          const where =
            first < 0
              ? ''
              : `${set.name}(${set.pairs[2 * first]}, ${set.pairs[2 * first + 1]}): ` +
                `Node ${node[first]}, Chromium ${browserValues[first]}`;
          expect(where, `${set.name} on ${set.label}`).toBe('');
        });
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
