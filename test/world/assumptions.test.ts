import { describe, expect, it } from 'vitest';
import { iterationKey } from '../../engine/random/streams.ts';
import { WORLD, type World } from '../../engine/world/assumptions.ts';
import { fieldsOf } from '../../engine/world/declare.ts';
import { defaultWorld } from '../../engine/world/defaults.ts';
import { formatValueProblem } from '../../engine/json/problem.ts';
import {
  checkWorld as checkWorldProblems,
  mergeWorld as mergeWorldProblems,
} from '../../engine/world/merge.ts';

const checkWorld = (world: unknown, pointer: string) =>
  checkWorldProblems(world, pointer).map(formatValueProblem);
const mergeWorld = (base: World, override: unknown, pointer: string) => {
  const merged = mergeWorldProblems(base, override, pointer);
  return { ...merged, problems: merged.problems.map(formatValueProblem) };
};
import { logistic, logit, resolveWorld } from '../../engine/world/resolve.ts';
import { WORLD_SCHEMA, type SchemaNode } from '../../engine/world/schema.ts';

/** Every leaf path of a schema node (objects recursed). */
function schemaPaths(node: SchemaNode, prefix: string): string[] {
  if (node.kind !== 'object') return [prefix];
  return [...node.fields].flatMap(([key, child]) =>
    schemaPaths(child, prefix === '' ? key : `${prefix}.${key}`),
  );
}

/** Every leaf path of a plain value (arrays and distributions are leaves). */
function valuePaths(value: unknown, prefix: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.hasOwn(value, 'dist')) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([key, child]) =>
    valuePaths(child, prefix === '' ? key : `${prefix}.${key}`),
  );
}

describe('default world', () => {
  it('checks clean against the schema', () => {
    expect(checkWorld(defaultWorld(), '/world')).toEqual([]);
  });

  it('has exactly the assumptions the schema describes', () => {
    expect(valuePaths(defaultWorld(), '').sort()).toEqual(schemaPaths(WORLD_SCHEMA, '').sort());
  });

  it('cites a calibration row or states an assumption for every field', () => {
    for (const { path, field } of fieldsOf(WORLD)) {
      expect(field.source, path.join('.')).toMatch(/^(calibration [A-D]: |assumption: )/);
      expect(field.description, path.join('.')).not.toBe('');
    }
  });

  it('is a fresh copy each time', () => {
    const a = defaultWorld();
    (a.economics as { fundingRate: number }).fundingRate = 0.5;
    expect(defaultWorld().economics.fundingRate).toBe(0.04);
  });
});

describe('mergeWorld', () => {
  it('merges objects deeply and replaces scalars, distributions and curves', () => {
    const { world, problems } = mergeWorld(
      defaultWorld(),
      {
        market: {
          marketShift: { dist: 'normal', mean: 0, sd: 0.05 },
          residualCurve: [
            [0, 1],
            [60, 0.4],
          ],
        },
        renewal: { baseProbability: { cycle2: 0.5 } },
      },
      '/world',
    );
    expect(problems).toEqual([]);
    expect(world.market.marketShift).toEqual({ dist: 'normal', mean: 0, sd: 0.05 });
    expect(world.market.residualCurve).toEqual([
      [0, 1],
      [60, 0.4],
    ]);
    expect(world.renewal.baseProbability).toEqual({ cycle1: 0.43, cycle2: 0.5, cycle3: 0.36 });
    expect(world.market.marketNoiseSd).toBe(defaultWorld().market.marketNoiseSd);
  });

  it('reports unknown keys with the closest known name and the JSON pointer', () => {
    const { world, problems } = mergeWorld(
      defaultWorld(),
      { renewal: { baseProbabilty: { cycle1: 0.5 } } },
      '/world',
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^\/world\/renewal\/baseProbabilty {2}invalid world\.renewal\.baseProbabilty: unknown assumption: expected one of .* \(did you mean "baseProbability"\?\)$/,
      ),
    ]);
    expect(world).toEqual(defaultWorld());
  });

  it('reports wrong types and values outside an assumption’s domain', () => {
    const { problems } = mergeWorld(
      defaultWorld(),
      {
        economics: { fundingRate: 'four percent' },
        payments: { missProbability: { reliable: { prime: 1.5 } } },
        leads: {
          hourProfile: [1, 2, 3],
          openingHour: 8.5,
          firstContactByResponseMinutes: [
            [5, 0.5],
            [2, 0.4],
          ],
        },
        dunning: { cure: { remind: { reliable: { dist: 'normal', mean: 0.5, sd: 0.1 } } } },
      },
      '/world',
    );
    const at = (pointer: string) =>
      problems.filter((p) => p.startsWith(`${pointer}  `) || p.startsWith(`${pointer}/`));
    expect(at('/world/economics/fundingRate')[0]).toMatch(
      /^\/world\/economics\/fundingRate {2}invalid world\.economics\.fundingRate: .*expected a number/,
    );
    expect(at('/world/payments/missProbability/reliable/prime')[0]).toMatch(/1\.5 is outside \[0, 1\]/);
    expect(at('/world/leads/hourProfile')[0]).toMatch(/expected exactly 24 numbers, got 3/);
    expect(at('/world/leads/openingHour')[0]).toMatch(/expected an integer from 0 to 23/);
    expect(at('/world/leads/firstContactByResponseMinutes')[0]).toMatch(/must strictly increase/);
    expect(at('/world/dunning/cure/remind/reliable')[0]).toMatch(/can take values outside \[0, 1\].*beta/);
    expect(problems).toHaveLength(6);
  });

  it('treats __proto__ as an unknown assumption, never as a prototype', () => {
    const override = JSON.parse(
      '{"__proto__": {"polluted": true}, "economics": {"constructor": 1}}',
    ) as unknown;
    const { problems } = mergeWorld(defaultWorld(), override, '/world');
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.includes('unknown assumption'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks across fields of the merged world', () => {
    const { problems } = mergeWorld(defaultWorld(), { leads: { openingHour: 20, closingHour: 9 } }, '/world');
    expect(problems).toEqual([
      expect.stringMatching(
        /^\/world\/leads\/closingHour {2}invalid world\.leads\.closingHour: .*later than openingHour/,
      ),
    ]);
  });
});

describe('resolveWorld', () => {
  const uncertain = (): World => {
    const { world, problems } = mergeWorld(
      defaultWorld(),
      {
        economics: { fundingRate: { dist: 'triangular', min: 0.02, mode: 0.04, max: 0.07 } },
        renewal: { baseProbability: { cycle1: { dist: 'beta', alpha: 20, beta: 25 } } },
      },
      '/world',
    );
    expect(problems).toEqual([]);
    return world;
  };

  it('draws each distribution once per iteration, within its support, the same for the same key', () => {
    const world = uncertain();
    const draws = [0, 1, 2, 3, 4].map((i) => resolveWorld(world, iterationKey(5, i)));
    for (const r of draws) {
      expect(r.fundingMonthly * 12).toBeGreaterThanOrEqual(0.02);
      expect(r.fundingMonthly * 12).toBeLessThanOrEqual(0.07);
      const p = logistic(r.renewalBaseLogit[0]!);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
    expect(new Set(draws.map((r) => r.fundingMonthly)).size).toBe(5);
    expect(resolveWorld(world, iterationKey(5, 3)).fundingMonthly).toBe(draws[3]!.fundingMonthly);
  });

  it('keeps a field’s draw when another field becomes uncertain (streams keyed by field)', () => {
    const key = iterationKey(9, 0);
    const world = uncertain();
    const before = resolveWorld(world, key).fundingMonthly;
    const { world: more } = mergeWorld(
      world,
      { market: { marketShift: { dist: 'normal', mean: 0, sd: 0.05 } } },
      '/world',
    );
    expect(resolveWorld(more, key).fundingMonthly).toBe(before);
    expect(resolveWorld(more, key).marketShift).not.toBe(0);
  });

  it('turns probabilities into log-odds and rates into monthly rates', () => {
    const r = resolveWorld(defaultWorld(), iterationKey(1, 0));
    expect(logistic(r.renewalBaseLogit[1]!)).toBeCloseTo(0.41, 12);
    expect(r.aprMonthly[0]! * 12).toBeCloseTo(0.07, 12); // lease, prime
    expect(r.aprMonthly[1 * 3 + 2]! * 12).toBeCloseTo(0.155, 12); // loan, subprime
    expect(r.residualByAge[36]).toBeCloseTo(0.55, 12);
    expect(r.residualByAge[30]).toBeCloseTo((0.64 + 0.55) / 2, 12);
    expect(Math.exp(r.timingLogOdds[15]!)).toBeCloseTo(1.8, 12);
    expect(logit(0.5)).toBe(0);
  });
});
