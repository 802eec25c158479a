import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../bin/schemas.ts';
import { defaultPortfolio, PORTFOLIO_KEYS } from '../../engine/portfolio/index.ts';
import { DIST_PARAMETERS, scenarioSchema } from '../../engine/scenario/schema.ts';
import { defaultWorld } from '../../engine/world/defaults.ts';
import { checkNum, DIST_NAMES } from '../../engine/world/distributions.ts';
import { BASELINE_POLICIES } from './helpers.ts';

const SCHEMA_PATH = 'scenarios/scenario.schema.json';

type Schema = { readonly description?: string; readonly default?: unknown };

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(scenarioSchema());
const accepts = (value: unknown): boolean => validate(value) === true;

describe('scenario.schema.json', () => {
  it('is the committed output of its generator (run `npm run schemas` after changing the code)', async () => {
    const generated = (await schemaFiles()).find((f) => f.path === SCHEMA_PATH);
    expect(generated, 'bin/schemas.ts must generate the scenario schema').toBeDefined();
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(generated!.text);
  });

  it('tells an editor what each world assumption means and where its default comes from', () => {
    const world = (scenarioSchema().definitions as Record<string, Record<string, unknown>>).world!;
    const economics = (world.properties as Record<string, { properties: Record<string, Schema> }>).economics!;
    const funding = economics.properties.fundingRate!;
    expect(funding.default).toBe(defaultWorld().economics.fundingRate);
    expect(funding.description).toMatch(
      /^The captive’s cost of funds, fraction per year\. Source: assumption: /,
    );
    expect(economics.properties.subsidyShareOfMsrp!.description).toContain(
      'Source: calibration A: OEM incentive (subvention) spend',
    );
  });

  it('compiles under strict Ajv', () => {
    expect(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(scenarioSchema())).not.toThrow();
  });

  it('accepts a scenario that states every default: portfolio, world and run', () => {
    const scenario = {
      $schema: '../scenarios/scenario.schema.json',
      name: 'everything',
      description: 'the defaults, written out',
      portfolio: defaultPortfolio(),
      world: defaultWorld(),
      policies: BASELINE_POLICIES,
      parameters: { engagement: { contactWindowStart: 18 } },
      run: { horizonMonths: 120, iterations: 200, seed: 1 },
      expect: [
        { kpi: 'retention.rate', mean: { min: 0.55 }, description: 'why' },
        { kpi: 'retention.rate', mean: { min: 0.55 }, confidence: 0.9 },
        { kpi: 'profit.npv', p05: { min: 0 } },
        { kpi: 'profit.npv', vs: './baseline.json', delta: { min: 0 }, confidence: 0.95 },
        { kpi: 'cost.creditLoss', vs: './baseline.json', delta: { max: 0 } },
      ],
    };
    expect(accepts(scenario), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('accepts every scenario of the test fixtures', () => {
    const root = 'test/fixtures/scenarios';
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => path.join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      expect(
        accepts(JSON.parse(readFileSync(file, 'utf8'))),
        `${file}: ${JSON.stringify(validate.errors)}`,
      ).toBe(true);
    }
  });

  const challenger = (extra: Record<string, unknown>) => ({ extends: './baseline.json', ...extra });
  it.each([
    ['an unknown property', challenger({ portfolo: {} })],
    ['a scenario without extends that does not name every policy', { policies: { leads: 'x.json' } }],
    ['an unknown KPI', challenger({ expect: [{ kpi: 'retention.rat', mean: { min: 0 } }] })],
    [
      'two claims in one assertion',
      challenger({ expect: [{ kpi: 'profit.npv', mean: { min: 0 }, p05: { min: 0 } }] }),
    ],
    ['a delta without vs', challenger({ expect: [{ kpi: 'profit.npv', delta: { min: 0 } }] })],
    ['vs with a mean', challenger({ expect: [{ kpi: 'profit.npv', vs: 'b.json', mean: { min: 0 } }] })],
    [
      'confidence on a quantile',
      challenger({ expect: [{ kpi: 'profit.npv', p05: { min: 0 }, confidence: 0.9 }] }),
    ],
    [
      'confidence as a percentage',
      challenger({ expect: [{ kpi: 'profit.npv', vs: 'b.json', delta: { min: 0 }, confidence: 95 }] }),
    ],
    ['empty bounds', challenger({ expect: [{ kpi: 'profit.npv', mean: {} }] })],
    ['an unknown world assumption', challenger({ world: { renewal: { baseProbabilty: 0.5 } } })],
    ['a probability above 1', challenger({ world: { payments: { disputeShare: 1.5 } } })],
    [
      'a distribution with a foreign parameter',
      challenger({ world: { payments: { disputeShare: { dist: 'beta', alpha: 2, beta: 3, mode: 1 } } } }),
    ],
    [
      'a distribution missing a parameter',
      challenger({ world: { payments: { disputeShare: { dist: 'triangular', min: 0, max: 1 } } } }),
    ],
    ['an unknown portfolio setting', challenger({ portfolio: { contract: 300 } })],
    ['a fractional contract count', challenger({ portfolio: { contracts: 300.5 } })],
    ['an unknown mix value', challenger({ portfolio: { creditMix: { prime: 0.5, superprime: 0.5 } } })],
    ['a run setting out of range', challenger({ run: { horizonMonths: 0 } })],
    ['an unknown policy kind', challenger({ policies: { pricing: 'x.json' } })],
  ])('rejects %s', (_, scenario) => {
    expect(accepts(scenario)).toBe(false);
  });

  it('lists exactly the portfolio settings the portfolio accepts', () => {
    const portfolio = scenarioSchema().definitions as Record<string, { properties: object }>;
    expect(Object.keys(portfolio.portfolio!.properties).sort()).toEqual([...PORTFOLIO_KEYS].sort());
  });

  it('states the parameters of each distribution as the world checks them', () => {
    expect(Object.keys(DIST_PARAMETERS).sort()).toEqual([...DIST_NAMES].sort());
    const valid: Record<string, number> = { min: 0, mode: 0.5, max: 1, mean: 1, sd: 0.5, alpha: 2, beta: 3 };
    for (const name of DIST_NAMES) {
      const { required, optional } = DIST_PARAMETERS[name];
      const full = Object.fromEntries([
        ['dist', name],
        ...[...required, ...optional].map((k) => [k, valid[k]]),
      ]);
      expect(checkNum(full, '/x'), name).toEqual([]);
      for (const key of required) {
        const missing = Object.fromEntries(Object.entries(full).filter(([k]) => k !== key));
        expect(checkNum(missing, '/x').length, `${name} without ${key}`).toBeGreaterThan(0);
      }
      expect(checkNum({ ...full, extra: 1 }, '/x').length, `${name} with an extra key`).toBeGreaterThan(0);
    }
  });
});
