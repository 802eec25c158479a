import { describe, expect, it } from 'vitest';
import { defaultPortfolio, generatePortfolio } from '../../engine/portfolio/index.ts';
import { createSimSetup, prepareScenario, runIteration } from '../../engine/sim/iteration.ts';
import { defaultWorld } from '../../engine/world/defaults.ts';
import { shipped, single } from './helpers.ts';

const portfolio = { ...defaultPortfolio(), contracts: 200, dealers: 2 };
const ruleSets = {
  engagement: shipped('engagement', 'tcm'),
  leads: shipped('leads', 'bdc'),
  dunning: shipped('dunning', 'uniform'),
  remarketing: shipped('remarketing', 'three-cycle'),
};
const base = {
  population: generatePortfolio(portfolio, 1),
  portfolio,
  world: defaultWorld(),
  ruleSets,
  seed: 1,
};

describe('createSimSetup', () => {
  it('rejects a horizon out of range', () => {
    expect(() => createSimSetup({ ...base, horizonMonths: 0 })).toThrow(
      /^invalid horizonMonths: expected an integer from 1 to 600, got 0$/,
    );
    expect(() => createSimSetup({ ...base, horizonMonths: 12.5 })).toThrow(/invalid horizonMonths/);
  });

  it('rejects a world that does not check, naming the assumption', () => {
    const world = defaultWorld();
    (world.leads as { showProbability: number }).showProbability = 1.2;
    expect(() => createSimSetup({ ...base, world, horizonMonths: 12 })).toThrow(
      /\/world\/leads\/showProbability {2}invalid world\.leads\.showProbability: 1\.2 is outside \[0, 1\]/,
    );
  });

  it('rejects an event the simulator does not know', () => {
    const odd = single('engagement', { type: 'teleport' }, 'monthsToEnd');
    expect(() =>
      createSimSetup({ ...base, ruleSets: { ...ruleSets, engagement: odd }, horizonMonths: 12 }),
    ).toThrow(
      /invalid rule set "always-teleport": rule "always-teleport" has event type "teleport"; the events of engagement rules are contact, none/,
    );
  });

  it('applies parameter overrides and rejects undeclared ones', () => {
    const narrow = createSimSetup({
      ...base,
      parameters: { engagement: { maxContacts: 1 } },
      horizonMonths: 24,
    });
    expect(narrow.policies.engagement.parameters.get('maxContacts')).toBe(1);
    expect(() =>
      createSimSetup({ ...base, parameters: { engagement: { maxContact: 1 } }, horizonMonths: 24 }),
    ).toThrow(/invalid parameter override maxContact/);
  });

  it('labels coverage with the rule names in decision order', () => {
    const setup = createSimSetup({ ...base, horizonMonths: 24 });
    const result = runIteration(setup, 0);
    expect(setup.layout.ruleNames?.dunning).toEqual(setup.policies.dunning.rules.map((r) => r.name));
    expect(result.coverage.dunning.fired.length).toBe(setup.policies.dunning.rules.length);
    expect(result.coverage.engagement.decisions).toBeGreaterThan(0);
  });

  it('prepares a scenario from plain JSON input: the same input gives the same results', () => {
    const input = {
      name: 'tcm',
      ruleSets,
      parameters: { engagement: {}, leads: {}, dunning: {}, remarketing: {} },
      world: defaultWorld(),
      portfolio,
    };
    const a = runIteration(prepareScenario(input, 24, 5), 2);
    const b = runIteration(
      createSimSetup({ ...base, population: generatePortfolio(portfolio, 5), seed: 5, horizonMonths: 24 }),
      2,
    );
    expect(Array.from(a.kpis)).toEqual(Array.from(b.kpis));
  });
});
