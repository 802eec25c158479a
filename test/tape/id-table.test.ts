import { describe, expect, it } from 'vitest';
import { IdTable } from '../../engine/portfolio/tape/id-table.ts';
import { canonicalJson, typedFingerprint } from '../../engine/sim/montecarlo/hash.ts';

describe('the id table of a tape', () => {
  it('numbers ids as a Map would, through many doublings', () => {
    const table = new IdTable(4);
    const map = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const id = `c${(i * 7919) % 20_011}`;
      const before = table.add(id, map.size);
      expect(before).toBe(map.get(id) ?? -1);
      if (!map.has(id)) map.set(id, map.size);
    }
    expect(table.size).toBe(map.size);
    for (const [id, n] of map) expect(table.get(id)).toBe(n);
    expect(table.get('never-seen')).toBe(-1);
  });
});

describe('typed arrays in a content hash', () => {
  it('hash by type, length and content, not element by element', () => {
    const a = Float64Array.from([1, 2, 3]);
    expect(typedFingerprint(a)).toMatch(/^Float64Array:24:[0-9a-f]{32}$/);
    expect(typedFingerprint(Float64Array.from([1, 2, 3]))).toBe(typedFingerprint(a));
    expect(typedFingerprint(Float64Array.from([1, 2, 4]))).not.toBe(typedFingerprint(a));
    expect(typedFingerprint(Int8Array.from([1, 2, 3]))).not.toBe(
      typedFingerprint(Uint8Array.from([1, 2, 3])),
    );
    expect(typedFingerprint(Uint8Array.from([1, 2, 3, 4, 5]))).not.toBe(
      typedFingerprint(Uint8Array.from([1, 2, 3, 4, 6])),
    );
    expect(canonicalJson({ b: Int32Array.from([7]), a: 1 })).toBe(
      `{"a":1,"b":"${typedFingerprint(Int32Array.from([7]))}"}`,
    );
  });
});
