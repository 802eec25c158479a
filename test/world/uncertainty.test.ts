import { describe, expect, it } from 'vitest';
import { iterationKey } from '../../engine/random/streams.ts';
import { WORLD } from '../../engine/world/assumptions.ts';
import { fieldsOf } from '../../engine/world/declare.ts';
import { defaultWorld } from '../../engine/world/defaults.ts';
import { checkWorld } from '../../engine/world/merge.ts';
import {
  drawScores,
  UNCERTAIN_ASSUMPTIONS,
  UncertainWorld,
  valueAt,
} from '../../engine/world/uncertainty.ts';

const Z95 = 1.6448536269514722;
const keys = Array.from({ length: 400 }, (_, i) => iterationKey(7, i));

describe('declared ranges', () => {
  it('bracket the default and lie in the domain of every ranged assumption', () => {
    expect(UNCERTAIN_ASSUMPTIONS.length).toBeGreaterThan(30);
    for (const { path, field, range } of UNCERTAIN_ASSUMPTIONS) {
      const [lo, hi] = range;
      expect(lo, path).toBeLessThan(hi);
      if (field.shape.kind === 'num') {
        expect(lo, path).toBeLessThanOrEqual(field.default as number);
        expect(hi, path).toBeGreaterThanOrEqual(field.default as number);
        expect(lo, path).toBeGreaterThanOrEqual(field.shape.lo);
        expect(hi, path).toBeLessThanOrEqual(field.shape.hi);
      } else {
        // A table's factor or a curve's largest multiplier: 1 (or the peak) is the median.
        expect(field.shape.kind === 'table' || field.shape.kind === 'curve', path).toBe(true);
        if (field.shape.kind === 'table') expect(lo <= 1 && hi >= 1, path).toBe(true);
      }
    }
  });

  it('give every value whose source states a range a distribution, or say why it is known', () => {
    const statesRange = /range|\(\s*[−-]?[\d.,]+\s*(–|to)\s*[−+]?[\d.,]+|\d\s*–\s*\d/;
    const silent = [...fieldsOf(WORLD)]
      .filter(({ field }) => statesRange.test(field.source))
      .filter(({ field }) => field.range === undefined && field.known === undefined)
      .map(({ path }) => path.join('.'));
    expect(silent).toEqual([]);
  });

  it('let the contact-timing effect be no effect at all (its evidence is correlational)', () => {
    const timing = UNCERTAIN_ASSUMPTIONS.find((a) => a.path === 'renewal.contactTimingOdds')!;
    expect(timing.range[0]).toBeLessThanOrEqual(1);
    const world = new UncertainWorld(defaultWorld());
    const peaks = keys.map((key) => Math.max(...world.draw(key).renewal.contactTimingOdds.map(([, y]) => y)));
    expect(peaks.filter((p) => p <= 1.0000001).length).toBeGreaterThan(0);
  });
});

describe('valueAt', () => {
  it('puts the median at the default and p5, p95 at the range ends, inside the domain', () => {
    expect(valueAt(0.04, 0.03, 0.06, 0, 1, 0)).toBeCloseTo(0.04, 15);
    expect(valueAt(0.04, 0.03, 0.06, 0, 1, -Z95)).toBeCloseTo(0.03, 15);
    expect(valueAt(0.04, 0.03, 0.06, 0, 1, Z95)).toBeCloseTo(0.06, 15);
    expect(valueAt(0.004, 0.003, 0.006, 0, 1, -30)).toBeGreaterThan(0);
    expect(valueAt(0.85, 0.7, 0.95, 0, 1, 30)).toBeLessThan(1);
    expect(valueAt(-0.02, -0.05, 0, -0.9, 0.5, 0)).toBeCloseTo(-0.02, 15);
    expect(valueAt(1.8, 1, 2.2, 0, Infinity, -Z95)).toBeCloseTo(1, 12);
  });

  it('is monotone in the score', () => {
    let last = -Infinity;
    for (let z = -4; z <= 4; z += 0.25) {
      const v = valueAt(1_200, 900, 1_600, 0, Infinity, z);
      expect(v).toBeGreaterThan(last);
      last = v;
    }
  });
});

describe('UncertainWorld', () => {
  it('draws checkable worlds whose values have the declared p5–p95', () => {
    const uncertain = new UncertainWorld(defaultWorld());
    const rates = keys
      .map((key) => uncertain.draw(key).economics.fundingRate as number)
      .sort((a, b) => a - b);
    expect(checkWorld(uncertain.world, '/world')).toEqual([]);
    // 400 draws: the empirical p5 and p95 sit near 0.03 and 0.06.
    expect(rates[20]!).toBeGreaterThan(0.027);
    expect(rates[20]!).toBeLessThan(0.033);
    expect(rates[380]!).toBeGreaterThan(0.055);
    expect(rates[380]!).toBeLessThan(0.066);
    expect(rates[200]!).toBeCloseTo(0.04, 2);
  });

  it('keys each draw by its assumption: a scenario that sets one value leaves the others’ draws as they were', () => {
    const base = new UncertainWorld(defaultWorld());
    const world = defaultWorld();
    const own = { ...world, economics: { ...world.economics, fundingRate: 0.05 } };
    const challenger = new UncertainWorld(own);
    for (const key of keys.slice(0, 20)) {
      const a = structuredClone(base.draw(key));
      const b = challenger.draw(key);
      expect(b.economics.fundingRate).toBe(0.05);
      expect(b.economics.hurdleRate).toBe(a.economics.hurdleRate);
      expect(b.payments.missProbability).toEqual(a.payments.missProbability);
      expect(b.renewal.contactTimingOdds).toEqual(a.renewal.contactTimingOdds);
      expect(challenger.scores).toEqual(base.scores);
    }
  });

  it('moves used prices, defaults, cures, recoveries and funding together through the economic factor', () => {
    const uncertain = new UncertainWorld(defaultWorld());
    const rows = keys.map((key) => {
      const w = uncertain.draw(key);
      return {
        factor: uncertain.scores[0]!,
        shift: w.market.marketShift as number,
        miss: w.payments.missProbability.reliable.prime as number,
        cure: w.dunning.cure.call.reliable as number,
        recovery: w.dunning.repossessionRecoveryShare as number,
        funding: w.economics.fundingRate as number,
      };
    });
    const corr = (k: keyof (typeof rows)[number]) =>
      correlation(
        rows.map((r) => r.factor),
        rows.map((r) => r[k]),
      );
    expect(corr('shift')).toBeLessThan(-0.4);
    expect(corr('miss')).toBeGreaterThan(0.5);
    expect(corr('cure')).toBeLessThan(-0.3);
    expect(corr('recovery')).toBeLessThan(-0.3);
    expect(corr('funding')).toBeGreaterThan(0.3);
  });

  it('pins the factor for a named stress, and with no idiosyncratic draw sits where the factor puts it', () => {
    const stressed = new UncertainWorld(defaultWorld(), 2, false);
    const a = structuredClone(stressed.draw(keys[0]!));
    const b = stressed.draw(keys[1]!);
    expect(a).toEqual(b);
    expect(stressed.scores[0]).toBe(2);
    expect(a.payments.missProbability.reliable.prime).toBeGreaterThan(0.004);
    expect(a.market.marketShift).toBeLessThan(0);
  });

  it('scores are the same for every world and depend only on the key', () => {
    const out = new Float64Array(1 + UNCERTAIN_ASSUMPTIONS.length);
    const again = new Float64Array(out.length);
    expect(drawScores(keys[3]!, out)).toEqual(drawScores(keys[3]!, again));
    expect(drawScores(keys[4]!, again)).not.toEqual(out);
  });
});

function correlation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('docs/calibration.md', () => {
  it('lists every uncertain assumption with its declared range', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync('docs/calibration.md', 'utf8');
    const fmt = (x: number) =>
      (Math.abs(x) >= 1000 ? x.toLocaleString('en-GB') : String(x)).replace('-', '−');
    for (const a of UNCERTAIN_ASSUMPTIONS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${a.path}\` |`));
      expect(row, a.path).toBeDefined();
      expect(row, a.path).toContain(`| ${fmt(a.range[0])} – ${fmt(a.range[1])} |`);
    }
  });
});
