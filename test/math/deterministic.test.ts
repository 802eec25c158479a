import { describe, expect, it } from 'vitest';
import { exp, log, log1p, cos, tan, pow } from '../../engine/math/index.ts';
import { evaluate, functionNamed, SETS, ulpDistance, type Binary } from './deterministic-inputs.ts';

// The same bits in Chromium: test/e2e/deterministic-math.test.ts.

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
});
