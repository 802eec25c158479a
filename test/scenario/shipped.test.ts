import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../engine/json/problem.ts';
import { planCheck } from '../../engine/scenario/check.ts';
import { loadScenario, type ResolvedScenario } from '../../engine/scenario/load.ts';
import { scenarioSchema } from '../../engine/scenario/schema.ts';
import { KPIS, type KpiSpec } from '../../engine/result/kpis.ts';

/*
 * The shipped scenarios state the source articles' claims; `npm test` judges them with
 * `cyclecast check scenarios`.
 * These tests keep the library honest without running it: every challenger changes only what it is
 * about (so no claim passes because something else was tuned), every claim is a paired comparison
 * with the baseline or a described level, and the regression stays one Monte Carlo run.
 */

const FOLDER = 'scenarios';
const BASELINE = `${FOLDER}/baseline.json`;

/** What each challenger is about: the only settings in which it may differ from the baseline. */
const ABOUT: Readonly<Record<string, readonly string[]>> = {
  tcm: ['policies.engagement'],
  'speed-to-lead': ['policies.leads'],
  bdc: ['policies.leads', 'portfolio.bdcShare'],
  'segmented-dunning': ['policies.dunning'],
  'wholesale-at-return': ['policies.remarketing'],
  recession: [
    'world.market.priceIndex.shockMonth',
    'world.market.priceIndex.shockSize',
    'world.payments.stressOdds',
  ],
  'all-in': ['policies.dunning', 'policies.engagement', 'policies.leads'],
};

/**
 * Scenarios that show a feature rather than test a claim: the baseline's practice on a contract tape
 * (docs/tape.md). Their book is the tape's, so they run apart from the baseline and its challengers.
 */
const ON_A_TAPE = ['own-book'];

const read = (file: string): Promise<string> => Promise.resolve(readFileSync(file, 'utf8'));

async function load(file: string): Promise<ResolvedScenario> {
  const { scenario, problems } = await loadScenario(file, read);
  expect(problems.map(formatProblem), file).toEqual([]);
  return scenario!;
}

/** The settings (dotted paths to leaves) in which two resolved scenarios differ. */
function differences(a: ResolvedScenario, b: ResolvedScenario): string[] {
  const comparable = (s: ResolvedScenario) => ({
    portfolio: s.portfolio,
    world: s.world,
    policies: Object.fromEntries(Object.entries(s.policies).map(([kind, p]) => [kind, p.file])),
    parameters: s.parameters,
    run: s.run,
  });
  const found: string[] = [];
  const walk = (x: unknown, y: unknown, path: string) => {
    const objects = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (objects(x) && objects(y)) {
      const keys = new Set([...Object.keys(x as object), ...Object.keys(y as object)]);
      for (const key of keys) {
        walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], `${path}.${key}`);
      }
    } else if (JSON.stringify(x) !== JSON.stringify(y)) found.push(path.slice(1));
  };
  walk(comparable(a), comparable(b), '');
  return found.sort();
}

const shippedFiles = readdirSync(FOLDER)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort();

describe('the shipped scenarios', () => {
  it('are the baseline and one challenger per claim of the source articles', () => {
    expect(shippedFiles).toEqual(
      ['baseline.json', ...Object.keys(ABOUT), ...ON_A_TAPE]
        .map((n) => (n.endsWith('.json') ? n : `${n}.json`))
        .sort(),
    );
  });

  it('pass the JSON Schema editors check them with', () => {
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
      scenarioSchema(),
    );
    for (const file of shippedFiles) {
      const value: unknown = JSON.parse(readFileSync(`${FOLDER}/${file}`, 'utf8'));
      expect(validate(value), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('each change only what they are about against the baseline, on its run settings', async () => {
    const baseline = await load(BASELINE);
    for (const [name, about] of Object.entries(ABOUT)) {
      const scenario = await load(`${FOLDER}/${name}.json`);
      expect(scenario.name).toBe(name);
      expect(differences(baseline, scenario), name).toEqual(about);
    }
  });

  it('each explain their mechanism and state every claim with its reason, against the baseline', async () => {
    for (const name of Object.keys(ABOUT)) {
      const scenario = await load(`${FOLDER}/${name}.json`);
      expect(scenario.description.length, name).toBeGreaterThan(300);
      expect(scenario.expect.length, name).toBeGreaterThan(1);
      for (const claim of scenario.expect) {
        expect(claim.description?.length ?? 0, `${name} expect[${claim.index}]`).toBeGreaterThan(10);
        if (claim.kind === 'paired') expect(claim.vs, `${name} expect[${claim.index}]`).toBe(BASELINE);
      }
    }
  });

  it('are judged in one Monte Carlo run: the baseline with every challenger on common random numbers', async () => {
    const scenarios = await Promise.all(shippedFiles.map((f) => load(`${FOLDER}/${f}`)));
    const byFile = new Map(scenarios.map((s) => [s.file, s]));
    const plan = planCheck(scenarios, (file) => byFile.get(file));
    expect(plan.problems).toEqual([]);
    const challengers = scenarios.filter((s) => s.name !== 'baseline' && !ON_A_TAPE.includes(s.name));
    // A scenario on a tape has another book: it runs on its own.
    expect(plan.runs.map((run) => run.scenarios.map((s) => s.name))).toEqual([
      ['baseline', ...challengers.map((s) => s.name)],
      ...ON_A_TAPE.map((name) => [name]),
    ]);
  });

  it('are checked by npm test', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts.test).toMatch(/node bin\/cyclecast\.js check scenarios --iterations \d+/);
  });

  it('are each introduced in docs/scenarios.md', () => {
    const doc = readFileSync('docs/scenarios.md', 'utf8');
    for (const file of shippedFiles) expect(doc, file).toContain(`scenarios/${file}`);
  });
});

const KPI_DOC = 'docs/kpis.md';
const START = '<!-- kpi-table: generated from engine/result/kpis.ts by test/scenario/shipped.test.ts -->';
const END = '<!-- /kpi-table -->';

/** The KPI table of docs/kpis.md: one row per KPI id, in catalogue order. */
function kpiTable(kpis: readonly KpiSpec[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    '| KPI id | meaning | unit | better |',
    '| --- | --- | --- | --- |',
    ...kpis.map((k) => `| \`${k.id}\` | ${cell(k.meaning)} | ${cell(k.unit)} | ${k.better} |`),
  ].join('\n');
}

describe('docs/kpis.md', () => {
  it('lists every KPI id with its meaning, unit and better direction, as engine/result/kpis.ts defines them', () => {
    const doc = readFileSync(KPI_DOC, 'utf8');
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start, `${KPI_DOC} has lost its table markers`).toBeGreaterThanOrEqual(0);
    expect(end, `${KPI_DOC} has lost its table markers`).toBeGreaterThan(start);
    const table = kpiTable(KPIS);
    const written = doc.slice(start + START.length, end).trim();
    if (written !== table && process.env.UPDATE_DOCS === '1') {
      writeFileSync(KPI_DOC, `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`);
      return;
    }
    expect(
      written,
      `${KPI_DOC} is out of date with engine/result/kpis.ts; regenerate it: UPDATE_DOCS=1 npx vitest run test/scenario/shipped.test.ts`,
    ).toBe(table);
  });
});
