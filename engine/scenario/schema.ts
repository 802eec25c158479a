import { joinPointer } from '../json/problem.ts';
import { CATALOGUES } from '../policy/catalogue/index.ts';
import { CHANNELS, CREDIT_TIERS, POLICY_KINDS, POWERTRAINS, REGIONS, SEGMENTS } from '../domain/lists.ts';
import {
  CYCLE_KEYS,
  MAX_CONTRACTS,
  MAX_DEALERS,
  MAX_TERM_MONTHS,
  defaultPortfolio,
  type PortfolioSpec,
} from '../portfolio/index.ts';
import { KPIS } from '../result/kpis.ts';
import { defaultWorld } from '../world/defaults.ts';
import type { Dist, DistName } from '../world/distributions.ts';
import { WORLD_SCHEMA, type SchemaNode } from '../world/schema.ts';
import { DEFAULT_CONFIDENCE, EXPECT_STATISTICS } from './expect.ts';
import { DEFAULT_RUN, type NumericRunSetting } from './format.ts';
import { precisionSchema } from './precision-setting.ts';
import { valueAt } from './merge.ts';
import { RUN_CHOICES, RUN_LIMITS } from '../sim/run-limits.ts';
import { DATE_PATTERNS } from '../portfolio/tape-dialect.ts';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
/** A reference with its own description: draft-07 ignores keywords beside `$ref`, so wrap it. */
const described = (description: string, name: string): Schema => ({ description, allOf: [ref(name)] });

/**
 * The parameters of each distribution, required then optional, typed against `Dist` so a renamed
 * parameter fails to compile; a test checks them against the world's own distribution check.
 */
export const DIST_PARAMETERS: {
  readonly [K in DistName]: {
    readonly required: readonly Exclude<keyof Extract<Dist, { dist: K }>, 'dist'>[];
    readonly optional: readonly Exclude<keyof Extract<Dist, { dist: K }>, 'dist'>[];
  };
} = {
  triangular: { required: ['min', 'mode', 'max'], optional: [] },
  pert: { required: ['min', 'mode', 'max'], optional: [] },
  normal: { required: ['mean', 'sd'], optional: [] },
  lognormal: { required: ['mean', 'sd'], optional: [] },
  beta: { required: ['alpha', 'beta'], optional: ['min', 'max'] },
  uniform: { required: ['min', 'max'], optional: [] },
};

const DIST_MEANINGS: Readonly<Record<DistName, string>> = {
  triangular: 'triangular(min, mode, max)',
  pert: 'Beta-PERT(min, mode, max), λ = 4: smoother than the triangular',
  normal: 'normal(mean, sd)',
  lognormal: 'lognormal with the mean and sd of the variable itself: positive, right-skewed',
  beta: 'beta(alpha, beta) scaled to [min, max], default [0, 1]',
  uniform: 'uniform(min, max)',
};

/**
 * The JSON Schema (draft-07) of scenario files, generated from the code that checks them: the world
 * schema with each assumption's unit, range and default; the portfolio settings; the policy kinds; the
 * run limits; and the KPI ids of `expect`. Editors complete and check scenarios with it; `loadScenario`
 * remains the authority (sums of mixes, distribution supports, rule-set files, `extends`).
 */
export function scenarioSchema(): Schema {
  const shared: Record<string, Schema> = {};
  const world = worldSchema(WORLD_SCHEMA, '', defaultWorld(), shared);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Cyclecast scenario',
    description:
      'A portfolio (who is there), a world (how customers and markets respond), one rule set per policy kind (what the company decides), run settings and expectations. "extends" names a scenario this one overrides: objects merge deeply, arrays, scalars and distributions replace. Generated from the code (npm run schemas).',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { description: 'the JSON Schema of this file, for editors', type: 'string' },
      name: {
        description: 'a short identifier, used in CSV, JSON and file names (default: the file name)',
        type: 'string',
      },
      title: {
        description:
          'the name a reader sees in the workbench, the verdict, the report and table headings (default: the name); not inherited through "extends"',
        type: 'string',
      },
      description: {
        description: 'what the scenario tests and the mechanism that produces its result',
        type: 'string',
      },
      extends: {
        description:
          'the path of a scenario this one overrides, relative to this file: objects merge deeply (this file wins), arrays, scalars and distributions replace',
        type: 'string',
      },
      portfolio: ref('portfolio'),
      world: ref('world'),
      policies: {
        description: 'one rule-set file per policy kind, relative to this file',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          POLICY_KINDS.map((kind) => [
            kind,
            {
              description: `the ${kind} rule set, evaluated ${CATALOGUES[kind].evaluated}`,
              type: 'string',
            },
          ]),
        ),
      },
      parameters: {
        description: "overrides of the rule sets' declared parameters, per policy kind",
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          POLICY_KINDS.map((kind) => [
            kind,
            {
              description: `values of parameters the ${kind} rule set declares`,
              type: 'object',
              additionalProperties: { type: ['number', 'boolean', 'string'] },
            },
          ]),
        ),
      },
      run: runSchema(),
      expect: {
        description: 'assertions that `cyclecast check` judges after a run',
        type: 'array',
        items: ref('assertion'),
      },
    },
    // A scenario that extends another inherits its policies; one that does not names all four.
    if: { properties: { extends: false } },
    then: {
      required: ['policies'],
      properties: {
        policies: {
          type: 'object',
          required: [...POLICY_KINDS],
          properties: Object.fromEntries(POLICY_KINDS.map((kind) => [kind, { type: 'string' }])),
        },
      },
    },
    definitions: {
      portfolio: portfolioSchema(),
      world,
      ...Object.fromEntries(Object.entries(shared).sort(([a], [b]) => (a < b ? -1 : 1))),
      distribution: distributionSchema(),
      assertion: assertionSchema(),
      bounds: {
        description: "inclusive bounds in the KPI's unit (€, 0–1, count …)",
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          min: { description: 'the smallest value that passes', type: 'number' },
          max: { description: 'the largest value that passes', type: 'number' },
        },
      },
    },
  };
}

function runSchema(): Schema {
  const setting = (key: NumericRunSetting): Schema => ({
    description: `${RUN_LIMITS[key].description} (${RUN_LIMITS[key].unit}; default ${DEFAULT_RUN[key]})`,
    type: 'integer',
    minimum: RUN_LIMITS[key].min,
    maximum: RUN_LIMITS[key].max,
    default: DEFAULT_RUN[key],
  });
  return {
    description: 'how the scenario is simulated',
    type: 'object',
    additionalProperties: false,
    properties: {
      horizonMonths: setting('horizonMonths'),
      iterations: setting('iterations'),
      seed: setting('seed'),
      ...Object.fromEntries(
        Object.entries(RUN_CHOICES).map(([key, c]) => [
          key,
          {
            description: `${c.description} (default ${JSON.stringify(c.default)})`,
            enum: c.values,
            default: c.default,
          },
        ]),
      ),
      precision: precisionSchema(),
    },
  };
}

function assertionSchema(): Schema {
  const statistic: Record<string, string> = {
    mean: 'bounds on the mean over iterations (with "confidence": on its whole confidence interval)',
    p05: 'bounds on the 5th percentile over iterations: a bad-case value',
    p50: 'bounds on the median over iterations',
    p95: 'bounds on the 95th percentile over iterations: a good-case value',
  };
  const quantiles = EXPECT_STATISTICS.filter((s) => s !== 'mean');
  return {
    description:
      'a claim about one KPI: a bound on this scenario\'s mean or percentile, e.g. {"kpi": "retention.rate", "mean": {"min": 0.55}}, or on the paired difference with another scenario, e.g. {"kpi": "profit.npv", "vs": "./baseline.json", "delta": {"min": 0}}',
    type: 'object',
    required: ['kpi'],
    additionalProperties: false,
    properties: {
      kpi: {
        description: 'the KPI the claim is about',
        type: 'string',
        anyOf: KPIS.map((k) => ({
          const: k.id,
          description: `${k.meaning} (${k.unit}; ${k.better} is better)`,
        })),
      },
      ...Object.fromEntries(EXPECT_STATISTICS.map((s) => [s, described(statistic[s]!, 'bounds')])),
      vs: {
        description: 'the scenario compared with, relative to this file; both run on the same random numbers',
        type: 'string',
      },
      delta: described(
        'bounds on the mean paired difference (this − vs): holds when the lower end of its confidence interval is ≥ min and the upper end ≤ max',
        'bounds',
      ),
      confidence: {
        description: `two-sided confidence level of the interval a delta (or mean) claim is judged on; default ${DEFAULT_CONFIDENCE} for a delta`,
        type: 'number',
        exclusiveMinimum: 0,
        exclusiveMaximum: 1,
        default: DEFAULT_CONFIDENCE,
      },
      description: { description: 'why the claim should hold: the mechanism behind it', type: 'string' },
    },
    // Exactly one claim; `properties: {x: true}` beside `required` only names what is required (Ajv strict).
    oneOf: [
      ...EXPECT_STATISTICS.map((s) => ({ required: [s], properties: { [s]: true } })),
      { required: ['delta', 'vs'], properties: { delta: true, vs: true } },
    ],
    dependencies: { vs: ['delta'], delta: ['vs'] },
    allOf: quantiles.map((q) => ({
      if: { required: [q], properties: { [q]: true } },
      then: { properties: { confidence: false } },
    })),
  };
}

const mix = (values: readonly string[], description: string, fallback: unknown): Schema => ({
  description: `${description}: shares (0–1) summing to 1; values not named count as 0`,
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(values.map((v) => [v, { type: 'number', minimum: 0, maximum: 1 }])),
  default: fallback,
});

const numWithin = (lo: number, hi: number, description: string, fallback: unknown): Schema => ({
  description: `${description}: a number or a distribution over the entities, within ${range(lo, hi)}`,
  anyOf: [{ type: 'number', minimum: lo, ...(hi === Infinity ? {} : { maximum: hi }) }, ref('distribution')],
  default: fallback,
});

function portfolioSchema(): Schema {
  const d = defaultPortfolio();
  const properties = {
    contracts: {
      description: 'starting book size: active contracts at month 0, one customer and one vehicle each',
      type: 'integer',
      minimum: 1,
      maximum: MAX_CONTRACTS,
      default: d.contracts,
    },
    dealers: {
      description: 'dealers in the network',
      type: 'integer',
      minimum: 1,
      maximum: MAX_DEALERS,
      default: d.dealers,
    },
    regionMix: mix(REGIONS, 'dealers by region', d.regionMix),
    bdcShare: {
      description: 'share of dealers running a business development centre (contact centre), 0–1',
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: d.bdcShare,
    },
    engagementDiscipline: numWithin(
      0,
      1,
      'how well each dealer executes engagement, 0–1',
      d.engagementDiscipline,
    ),
    segmentMix: mix(SEGMENTS, 'customers by payment behaviour', d.segmentMix),
    creditMix: mix(CREDIT_TIERS, 'customers by credit tier at origination', d.creditMix),
    segmentTierDependence: {
      description:
        'how strongly payer segment and credit tier go together, 0 (independent) – 1 (the strongest dependence that keeps both mixes)',
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: d.segmentTierDependence,
    },
    cycleMix: mix(CYCLE_KEYS, 'starting contracts by cycle', d.cycleMix),
    vehiclePrice: numWithin(0, Infinity, 'MSRP of a new vehicle, €', d.vehiclePrice),
    powertrainMix: mix(POWERTRAINS, 'vehicles by powertrain', d.powertrainMix),
    preferredChannelMix: mix(CHANNELS, 'customers by preferred contact channel', d.preferredChannelMix),
    termMonths: {
      description: 'contract term by cycle, months; merged per cycle over the defaults',
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        CYCLE_KEYS.map((c) => [
          c,
          { type: 'integer', minimum: 1, maximum: MAX_TERM_MONTHS, default: d.termMonths[c] },
        ]),
      ),
    },
    insuredShare: {
      description: 'share of contracts with payment protection (retail credit insurance), 0–1',
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: d.insuredShare,
    },
    loyalty: numWithin(0, 1, 'latent loyalty of each customer, 0–1', d.loyalty),
    loyaltyScoreNoiseSd: {
      description: "sd of the normal error between latent loyalty and the captive's loyalty score",
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: d.loyaltyScoreNoiseSd,
    },
    mileagePerYearKm: numWithin(
      0,
      Infinity,
      'kilometres driven per year by each vehicle, km',
      d.mileagePerYearKm,
    ),
    tape: tapeSchema(),
  } satisfies Record<keyof PortfolioSpec, Schema>;
  return {
    description:
      'who is there at month 0: size, mixes, prices and dealers; settings not given keep their defaults, a mix given replaces the default mix',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

/**
 * One node of the world schema, with the default world's value at `pointer` as its default. Numbers
 * share one definition per unit and range (added to `shared`), which keeps the schema small.
 */
function worldSchema(
  node: SchemaNode,
  pointer: string,
  defaults: unknown,
  shared: Record<string, Schema>,
): Schema {
  const fallback = valueAt(defaults, pointer);
  // A declared field says what it means and where its default comes from (engine/world/assumptions.ts).
  const about =
    node.about === undefined
      ? ''
      : `${node.about.description} Source: ${node.about.source}.${node.about.uncertainty === undefined ? '' : ` ${node.about.uncertainty}.`}`;
  const withDefault = (schema: Schema): Schema => {
    const described =
      about === ''
        ? schema
        : {
            ...schema,
            description:
              typeof schema.description === 'string' ? `${about} ${sentence(schema.description)}` : about,
          };
    return fallback === undefined ? described : { ...described, default: fallback };
  };
  switch (node.kind) {
    case 'num': {
      const name = `number.${slug(node.unit)}.${end(node.lo)}_to_${end(node.hi)}`;
      shared[name] ??= {
        description: `${node.unit}, within ${range(node.lo, node.hi)}: a number, or a distribution for parameter uncertainty (one draw per iteration)`,
        anyOf: [{ type: 'number', ...bounds(node.lo, node.hi) }, ref('distribution')],
      };
      return withDefault({ allOf: [ref(name)] });
    }
    case 'curve':
      return withDefault({
        description: `a curve: [x, y] points with strictly increasing x, read by linear interpolation and flat beyond the ends; y in ${node.unit}, within ${range(node.lo, node.hi)}`,
        type: 'array',
        minItems: 1,
        items: {
          type: 'array',
          items: [{ type: 'number' }, { type: 'number', ...bounds(node.lo, node.hi) }],
          additionalItems: false,
          minItems: 2,
        },
      });
    case 'numbers':
      return withDefault({
        description: `numbers in ${node.unit}, within ${range(node.lo, node.hi)}`,
        type: 'array',
        items: { type: 'number', ...bounds(node.lo, node.hi) },
        ...(node.length !== undefined ? { minItems: node.length, maxItems: node.length } : {}),
        ...(node.minLength !== undefined ? { minItems: node.minLength } : {}),
      });
    case 'integer':
      return withDefault({
        description: `${node.unit}, a whole number`,
        type: 'integer',
        ...bounds(node.lo, node.hi),
      });
    case 'object':
      return {
        ...(pointer === ''
          ? {
              description:
                'how customers and markets respond: probabilities, odds multipliers, curves, costs and prices over the default world; any number may be a distribution',
            }
          : node.weights
            ? { description: `${about} Probabilities of one choice: at least one must be positive.`.trim() }
            : about === ''
              ? {}
              : { description: about }),
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          [...node.fields].map(([key, child]) => [
            key,
            worldSchema(child, joinPointer(pointer, key), defaults, shared),
          ]),
        ),
      };
  }
}

/** `a curve: …` → `A curve: ….` */
function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A unit as part of a definition name: `€ per sale` → `euro-per-sale`. */
function slug(unit: string): string {
  return unit
    .replace(/€/g, 'euro')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A range end as part of a definition name: -0.5, 0, inf, -inf. */
function end(x: number): string {
  return Number.isFinite(x) ? String(x) : x > 0 ? 'inf' : '-inf';
}

function distributionSchema(): Schema {
  const names = Object.keys(DIST_PARAMETERS) as DistName[];
  return {
    description: 'an uncertain number, drawn once per iteration',
    type: 'object',
    required: ['dist'],
    properties: {
      dist: {
        type: 'string',
        anyOf: names.map((name) => ({ const: name, description: DIST_MEANINGS[name] })),
      },
    },
    allOf: names.map((name) => {
      const { required, optional } = DIST_PARAMETERS[name];
      return {
        if: { properties: { dist: { const: name } }, required: ['dist'] },
        then: {
          required: ['dist', ...required],
          additionalProperties: false,
          properties: Object.fromEntries([
            ['dist', { const: name }],
            ...[...required, ...optional].map((p) => [p, { type: 'number' }]),
          ]),
        },
      };
    }),
  };
}

function bounds(lo: number, hi: number): Schema {
  return {
    ...(Number.isFinite(lo) ? { minimum: lo } : {}),
    ...(Number.isFinite(hi) ? { maximum: hi } : {}),
  };
}

function range(lo: number, hi: number): string {
  return `[${lo === -Infinity ? '−∞' : lo}, ${hi === Infinity ? '∞' : hi}]`;
}

/** `portfolio.tape`: a contract tape's path, or the path with its dialect and mapping tables (docs/tape.md). */
function tapeSchema(): Schema {
  const mapping = (values: readonly string[], what: string): Schema => ({
    description: `tape code → the model's ${what}; the model's own names map to themselves`,
    type: 'object',
    additionalProperties: { enum: [...values] },
  });
  const dialect: Record<string, Schema> = {
    delimiter: { enum: [',', ';', '\t', '|'], default: ',' },
    decimal: { enum: ['.', ','], default: '.' },
    thousands: { enum: ['', '.', ',', ' ', "'"], default: '' },
    datePattern: { enum: [...DATE_PATTERNS], default: 'YYYY-MM-DD' },
    encoding: { enum: ['utf-8', 'windows-1252'], default: 'utf-8' },
  };
  return {
    description:
      "a client's contract tape as the starting book, relative to this file (docs/tape.md); the other portfolio settings complete what it does not say",
    anyOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        required: ['file'],
        properties: {
          file: { type: 'string', minLength: 1, description: 'the CSV or .csv.gz tape' },
          dealers: {
            type: 'string',
            minLength: 1,
            description:
              'the dealer list: the tape’s dealer network in the model’s order, dealers without contracts included',
          },
          asOf: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            description: 'month 0, when the tape has no as_of_date column',
          },
          dialect: {
            type: 'object',
            additionalProperties: false,
            properties: dialect,
            description: 'how the tape is written',
          },
          regions: mapping(REGIONS, 'regions'),
          grades: mapping(CREDIT_TIERS, 'credit tiers'),
        },
      },
    ],
  };
}
