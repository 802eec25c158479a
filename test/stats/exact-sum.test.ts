import { describe, expect, it } from 'vitest';
import { Distribution } from '../../engine/stats/distribution.ts';
import { exactRatio } from '../../engine/stats/exact-ratio.ts';
import { ExactSum } from '../../engine/stats/exact-sum.ts';
import { normal, rng } from './synthetic.ts';

/** The exact value of a double as a BigInt count of 2^-1074 units (every double is one). */
function exactUnits(x: number): bigint {
  if (x === 0) return 0n;
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  const units = BigInt(m) << BigInt(1074 - e);
  return x < 0 ? -units : units;
}

function sumOf(values: number[]): ExactSum {
  const s = ExactSum.linear();
  values.forEach((x) => s.add(x));
  return s;
}

describe('ExactSum', () => {
  it('sums doubles with no rounding error', () => {
    const r = rng('exact');
    const values = Array.from({ length: 2000 }, () => normal(r) * 10 ** Math.floor(r() * 20 - 8));
    const expected = values.reduce((acc, x) => acc + exactUnits(x), 0n);
    expect(sumOf(values).scaled() << (1074n - 256n)).toBe(expected);
  });

  it('keeps what floating-point addition loses', () => {
    const s = sumOf([1e20, 1, -1e20, 0.1, -0.1]);
    expect(exactRatio(s.scaled(), 1n, s.lowBit)).toBe(1);
    expect([1e20, 1, -1e20].reduce((a, b) => a + b)).toBe(0);
  });

  it('is the same in any order and any grouping', () => {
    const r = rng('order');
    const values = Array.from({ length: 500 }, () => (r() - 0.3) * 1e6);
    const forward = sumOf(values);
    const backward = sumOf([...values].reverse());
    const merged = sumOf(values.slice(0, 123));
    merged.merge(sumOf(values.slice(123, 400)));
    merged.merge(sumOf(values.slice(400)));
    expect(backward.toJSON()).toBe(forward.toJSON());
    expect(merged.toJSON()).toBe(forward.toJSON());
  });

  it('survives more additions than limbs can hold without normalising', () => {
    const s = ExactSum.linear();
    const x = 2 ** 31 + 0.5;
    const n = (1 << 20) + 5;
    for (let i = 0; i < n; i++) s.add(x);
    expect(s.scaled()).toBe(BigInt(n) * (2n ** 31n * 2n + 1n) * 2n ** 255n);
  });

  it('sums squares exactly', () => {
    const values = [1e9 + 1, 1e9 + 2, 1e9 + 3, -0.1, 12345.6789];
    const s = ExactSum.squares();
    values.forEach((x) => s.addSquare(x));
    const expected = values.reduce((acc, x) => acc + exactUnits(x) * exactUnits(x), 0n);
    expect(s.scaled() << BigInt(2 * 1074 - 512)).toBe(expected);
  });

  it('round-trips its canonical text form', () => {
    const s = sumOf([-3.25]);
    expect(s.toJSON()).toBe('-34p-4');
    const back = ExactSum.linear();
    back.load(s.toJSON());
    expect(back.scaled()).toBe(s.scaled());
    expect(sumOf([]).toJSON()).toBe('0');
    const r = rng('text');
    for (let i = 0; i < 200; i++) {
      const values = Array.from({ length: 5 }, () => normal(r) * 10 ** Math.floor(r() * 30 - 10));
      const sum = sumOf(values);
      const restored = ExactSum.linear();
      restored.load(sum.toJSON());
      expect(restored.scaled()).toBe(sum.scaled());
      expect(restored.toJSON()).toBe(sum.toJSON());
    }
    expect(() => back.load('12')).toThrow(/expected an exact sum/);
    expect(() => back.load('1p-9999')).toThrow(RangeError);
    expect(() => back.load(`1p${2000}`)).toThrow(RangeError);
  });
});

describe('moments from exact sums', () => {
  it('gives the variance where the textbook formula cancels catastrophically', () => {
    const d = new Distribution(true);
    [1e9 + 1, 1e9 + 2, 1e9 + 3].forEach((x) => d.add(x));
    expect(d.mean()).toBe(1e9 + 2);
    expect(d.variance()).toBe(1);
  });

  it('rounds the mean correctly', () => {
    const d = new Distribution(true);
    [0.1, 0.2, 0.3].forEach((x) => d.add(x));
    // The three doubles sum exactly to 0.60000000000000000555…; a third of that rounds to 0.2,
    // where summing in floating point first gives 0.20000000000000004.
    expect(d.mean()).toBe(0.2);
    expect((0.1 + 0.2 + 0.3) / 3).not.toBe(0.2);
  });

  it('rejects values beyond the supported range', () => {
    expect(() => new Distribution(true).add(1e31)).toThrow(/outside the supported range/);
  });
});
