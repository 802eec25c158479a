import { describe, expect, it } from 'vitest';
import { KimNelson } from '../../engine/stats/kim-nelson.ts';

/** A small deterministic normal-ish generator (sum of uniforms from an LCG), for repeatable cases. */
function noise(seed: number): () => number {
  let s = seed;
  const u = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return () => u() + u() + u() + u() + u() + u() - 3;
}

describe('KN (Kim & Nelson)', () => {
  it('has the constant h² of the paper: k = 2, n0 = 10, α = 0.05 gives η = ½((0.1)^(−2/9) − 1)', () => {
    const kn = new KimNelson(2, 10, 1, 0.05);
    expect(kn.h2).toBeCloseTo(2 * 0.5 * (Math.pow(0.1, -2 / 9) - 1) * 9, 12);
  });

  it('selects the best of alternatives whose means differ by more than δ, eliminating the others', () => {
    const means = [0, 0.5, 2, 1];
    for (let seed = 1; seed <= 20; seed++) {
      const shared = noise(seed);
      const own = noise(seed + 1000);
      const kn = new KimNelson(means.length, 10, 0.5, 0.05);
      while (!kn.done) {
        const common = shared(); // common random numbers: one shared draw per observation
        kn.add(means.map((m) => m + common + 0.3 * own()));
      }
      expect(kn.best()).toBe(2);
    }
  });

  it('stops after the first stage when the alternatives are identical (nothing to tell apart)', () => {
    const kn = new KimNelson(3, 5, 1, 0.05);
    for (let j = 0; j < 5; j++) kn.add([j, j, j]);
    expect(kn.done).toBe(true);
    expect(kn.best()).toBe(0);
  });
});
