import { describe, expect, it } from 'vitest';
import { deepMerge, valueAt } from '../../engine/scenario/merge.ts';
import { dirname, resolvePath } from '../../engine/scenario/paths.ts';

describe('deepMerge (extends)', () => {
  it('merges objects deeply, the child winning', () => {
    expect(deepMerge({ run: { seed: 1, iterations: 200 }, name: 'a' }, { run: { seed: 7 } })).toEqual({
      run: { seed: 7, iterations: 200 },
      name: 'a',
    });
  });
  it('replaces arrays and scalars', () => {
    expect(deepMerge({ expect: [1, 2], x: { y: 1 } }, { expect: [3], x: 5 })).toEqual({ expect: [3], x: 5 });
  });
  it('treats __proto__ as an ordinary key', () => {
    const child = JSON.parse('{"__proto__": {"polluted": true}}');
    const merged = deepMerge({}, child) as Record<string, unknown>;
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('reads values by JSON pointer', () => {
    expect(valueAt({ a: [{ 'b/c': 3 }] }, '/a/0/b~1c')).toBe(3);
    expect(valueAt({ a: 1 }, '/constructor')).toBeUndefined();
  });
});

describe('paths', () => {
  it('resolves relative to the folder of the file', () => {
    expect(resolvePath(dirname('scenarios/tcm.json'), '../rules/engagement/tcm.json')).toBe(
      'rules/engagement/tcm.json',
    );
    expect(resolvePath('/a/b', './c.json')).toBe('/a/b/c.json');
    expect(resolvePath('.', '../x.json')).toBe('../x.json');
    expect(dirname('/x.json')).toBe('/');
  });
});

describe('deepMerge of distributions', () => {
  it('replaces a distribution whole instead of mixing its keys', () => {
    const base = { world: { x: { dist: 'triangular', min: 1, mode: 2, max: 3 } } };
    const child = { world: { x: { dist: 'normal', mean: 2, sd: 0.5 } } };
    expect(deepMerge(base, child)).toEqual(child);
  });
});
