import { describe, expect, it } from 'vitest';
import { TARGETS } from '../../engine/calibration/targets.ts';
import { numericPaths, valueAt } from '../../engine/calibration/world-path.ts';
import { CALIBRATED } from '../../engine/world/calibrated.ts';
import { defaultWorld } from '../../engine/world/defaults.ts';

describe('the calibrated defaults (engine/world/calibrated.json)', () => {
  const paths = Object.keys(CALIBRATED) as (keyof typeof CALIBRATED)[];

  it('are the values the default world holds at their paths', () => {
    const world = defaultWorld();
    for (const path of paths) expect(valueAt(world, path), path).toBe(CALIBRATED[path].value);
  });

  it('each name one number of the world, inside its domain', () => {
    const domains = numericPaths();
    for (const path of paths) {
      const domain = domains.get(path);
      expect(domain, path).toBeDefined();
      expect(CALIBRATED[path].value).toBeGreaterThanOrEqual(domain!.lo);
      expect(CALIBRATED[path].value).toBeLessThanOrEqual(domain!.hi);
    }
  });

  it('are the parameters of the declared targets, one target each, every target sourced', () => {
    expect(TARGETS.map((t) => t.parameter).sort()).toEqual([...paths].sort());
    for (const t of TARGETS) expect(t.source).toMatch(/^calibration [A-E]: /);
  });
});
