import { beforeAll, describe, expect, it } from 'vitest';
import { readScenario, scenarioInput } from '../../engine/cli/scenarios.ts';
import type { PolicyKind } from '../../engine/domain/lists.ts';
import type { RuleSet } from '../../engine/policy/rule-set.ts';
import { prepareScenario, simulate, type SimSetup } from '../../engine/sim/iteration.ts';
import type { IterationResult } from '../../engine/result/iteration.ts';
import {
  followCustomer,
  renderTimeline,
  sampleCustomers,
  type CustomerJourney,
  type CustomerSample,
  type DunningRecord,
  type TraceRecord,
} from '../../engine/sim/journey/index.ts';

const FIXTURE = 'test/fixtures/scenarios/passing/baseline.json';

let setup: SimSetup;
let ruleSets: Readonly<Record<PolicyKind, RuleSet>>;
let samples: CustomerSample[];

beforeAll(async () => {
  const scenario = await readScenario(FIXTURE);
  const input = scenarioInput(scenario);
  ruleSets = input.ruleSets;
  setup = prepareScenario(input, scenario.run.horizonMonths, scenario.run.seed);
  samples = sampleCustomers(setup, 0);
});

function expectIdentical(a: IterationResult, b: IterationResult): void {
  expect(b.iteration).toBe(a.iteration);
  expect(Array.from(b.kpis)).toEqual(Array.from(a.kpis));
  expect(Array.from(b.series)).toEqual(Array.from(a.series));
  for (const dimension of Object.keys(a.breakdowns) as (keyof IterationResult['breakdowns'])[]) {
    expect(b.breakdowns[dimension].groups).toEqual(a.breakdowns[dimension].groups);
    expect(Array.from(b.breakdowns[dimension].values)).toEqual(Array.from(a.breakdowns[dimension].values));
  }
  for (const kind of Object.keys(a.coverage) as PolicyKind[]) {
    expect(b.coverage[kind].decisions).toBe(a.coverage[kind].decisions);
    expect(Array.from(b.coverage[kind].fired)).toEqual(Array.from(a.coverage[kind].fired));
  }
}

function sampled(group: string): CustomerSample {
  const sample = samples.find((s) => s.group === group);
  if (sample === undefined) throw new Error(`the fixture has no customer in group "${group}"`);
  return sample;
}

function follow(id: number, iteration = 0): CustomerJourney {
  const journey = followCustomer(setup, iteration, id);
  if (journey === null) throw new Error(`customer ${id} not found`);
  return journey;
}

function rulesOf(kind: PolicyKind): Map<string, RuleSet['rules'][number]> {
  return new Map(ruleSets[kind].rules.map((r) => [r.name, r]));
}

function expectMonthOrder(records: readonly TraceRecord[], horizon: number): void {
  for (let k = 0; k < records.length; k++) {
    const month = records[k]!.month;
    expect(Number.isInteger(month) && month >= 0 && month < horizon).toBe(true);
    if (k > 0) expect(month).toBeGreaterThanOrEqual(records[k - 1]!.month);
  }
}

describe('following a customer', () => {
  it('leaves every result of the iteration unchanged', () => {
    const ids = [
      sampled('missed a payment').customer.id,
      sampled('renewed').customer.id,
      sampled('lead sale').customer.id,
      sampled('placement').customer.id,
    ];
    for (const iteration of [0, 3]) {
      const plain = simulate(setup, iteration).result;
      for (const id of ids) {
        const journey = followCustomer(setup, iteration, id);
        if (journey !== null) expectIdentical(plain, journey.result);
      }
      // The trace is detached afterwards: the setup runs as before.
      expect(setup.sim.trace).toBeNull();
      expectIdentical(plain, simulate(setup, iteration).result);
    }
  });

  it("records a delinquent customer's dunning with rules of the rule set, in month order", () => {
    const id = sampled('missed a payment').customer.id;
    const { records } = follow(id);
    expectMonthOrder(records, setup.horizonMonths);

    const missed = records.filter((r) => r.type === 'missed');
    const dunning = records.filter((r): r is DunningRecord => r.type === 'dunning');
    expect(missed.length).toBeGreaterThan(0);
    expect(dunning.length).toBeGreaterThan(0);
    // Dunning starts the month of the first miss, on the contract that missed.
    expect(dunning[0]!.month).toBe(missed[0]!.month);
    expect(dunning[0]!.contract).toBe(missed[0]!.contract);
    expect(records.indexOf(dunning[0]!)).toBeGreaterThan(records.indexOf(missed[0]!));

    const rules = rulesOf('dunning');
    for (const record of dunning) {
      expect(record.daysPastDue).toBeGreaterThan(0);
      for (const action of record.actions) {
        const rule = rules.get(action.rule);
        expect(rule, `rule ${action.rule}`).toBeDefined();
        expect(action.policy).toBe('dunning');
        expect(action.action).toBe(rule!.event.type);
        expect(action.params).toEqual(rule!.event.params);
      }
      expect([
        'cured',
        'plan-started',
        'plan-kept',
        'plan-broken',
        'escalated',
        'unresolved',
        'defaulted',
      ]).toContain(record.outcome);
      if (record.outcome === 'cured') expect(record.missedAfter).toBe(0);
      if (record.outcome === 'escalated') expect(record.missedAfter).toBe(record.missedPayments + 1);
    }
    // A delinquency either ends (cured or defaulted) or is still running at the horizon.
    const last = dunning[dunning.length - 1]!;
    const behindAtEnd = last.outcome !== 'cured' && last.outcome !== 'defaulted';
    if (behindAtEnd) expect(last.month).toBe(setup.horizonMonths - 1);
  });

  it('shows a default with the rule that terminated it, its credit loss and the repossessed vehicle', () => {
    // Scan the listed delinquent customers for one who defaulted.
    let found: { journey: CustomerJourney; record: DunningRecord } | null = null;
    for (let id = 0; id < setup.population.customers.count && found === null; id++) {
      const journey = follow(id);
      const record = journey.records.find(
        (r): r is DunningRecord => r.type === 'dunning' && r.outcome === 'defaulted',
      );
      if (record !== undefined && record.cause === 'repossessed') found = { journey, record };
    }
    expect(found, 'a repossession in the fixture').not.toBeNull();
    const { journey, record } = found!;
    const terminating = record.actions.find((a) => a.effect === 'terminated');
    expect(terminating?.rule).toBe(record.causeRule);
    expect(rulesOf('dunning').get(record.causeRule!)?.event.type).toBe('repossess');
    const sameMonth = journey.records.filter((r) => r.month === record.month);
    const loss = sameMonth.find((r) => r.type === 'ledger' && r.category === 'creditLoss');
    expect(loss?.type === 'ledger' && loss.amount).toBeCloseTo(-record.outstanding, 6);
    const remarketing = sameMonth.find((r) => r.type === 'remarketing');
    expect(remarketing?.type === 'remarketing' && remarketing.repossessed).toBe(true);
    // Nothing more falls due on the terminated contract.
    const later = journey.records.filter(
      (r) => r.month > record.month && 'contract' in r && r.contract === record.contract,
    );
    expect(later).toEqual([]);
  });

  it('records how a lead became a customer, with the leads rule that routed it', () => {
    const sample = sampled('lead sale');
    const journey = follow(sample.customer.id);
    expect(journey.customer.origin).toBe('lead-sale');
    const [lead, contract] = journey.records;
    expect(lead?.type).toBe('lead');
    expect(contract?.type).toBe('contract');
    if (lead?.type !== 'lead' || contract?.type !== 'contract') return;
    expect(rulesOf('leads').get(lead.decision.rule)?.event.type).toBe(lead.decision.action);
    expect(lead.month).toBe(journey.customer.joinedMonth);
    expect(contract).toMatchObject({ month: lead.month, contract: 1, origin: 'lead-sale', monthsOnBook: 0 });
    expectMonthOrder(journey.records, setup.horizonMonths);
  });

  it("follows a renewal: maturity, the new contract and the returned vehicle's remarketing", () => {
    const journey = follow(sampled('renewed').customer.id);
    const maturity = journey.records.find((r) => r.type === 'maturity');
    expect(maturity?.type).toBe('maturity');
    if (maturity?.type !== 'maturity') return;
    expect(maturity.renewed).toBe(true);
    if (!maturity.early) {
      expect(maturity.renewalProbability).toBeGreaterThan(0);
      expect(maturity.renewalProbability).toBeLessThan(1);
    }
    const next = journey.records.find((r) => r.type === 'contract' && r.contract === maturity.contract + 1);
    expect(next).toMatchObject({
      month: maturity.month,
      origin: maturity.early ? 'early-upgrade' : 'renewal',
    });
    const engagement = rulesOf('engagement');
    for (const r of journey.records) {
      if (r.type === 'engagement')
        expect(engagement.get(r.decision.rule)?.event.type).toBe(r.decision.action);
      if (r.type === 'remarketing' && r.decision !== null) {
        expect(rulesOf('remarketing').has(r.decision.rule)).toBe(true);
      }
    }
    if (maturity.vehicle === 'returned' || maturity.vehicle === 'traded-in') {
      expect(journey.records.some((r) => r.type === 'remarketing' && r.month === maturity.month)).toBe(true);
    }
  });

  it('finds no customer for an id that is not in the iteration', () => {
    const count = setup.population.customers.count;
    expect(followCustomer(setup, 0, count)).toBeNull();
    expect(followCustomer(setup, 0, -1)).toBeNull();
    expect(followCustomer(setup, 0, 2 ** 31)).toBeNull();
    expect(followCustomer(setup, 0, 2 ** 31 - 1)).toBeNull();
    expect(setup.sim.trace).toBeNull();
  });

  it('lists customers with their segment, tier, dealer and first contract, each followable', () => {
    const groups = new Set(samples.map((s) => s.group));
    expect(groups).toEqual(new Set(['missed a payment', 'renewed', 'left', 'lead sale', 'placement']));
    for (const s of samples) {
      expect(s.customer.segment).toMatch(/^(reliable|occasional|habitual-late)$/);
      expect(s.customer.dealer).toBeLessThan(setup.population.dealers.count);
      expect(s.firstContract.termMonths).toBeGreaterThan(s.firstContract.monthsOnBook);
    }
    const missed = sampled('missed a payment');
    expect(follow(missed.customer.id).records.some((r) => r.type === 'missed')).toBe(true);
    const placement = sampled('placement');
    expect(follow(placement.customer.id).customer).toEqual(placement.customer);
  });

  it('renders a timeline: one line per decision, routine months folded', () => {
    const journey = follow(sampled('missed a payment').customer.id);
    const text = renderTimeline(journey, 'baseline');
    const dunning = journey.records.find((r): r is DunningRecord => r.type === 'dunning')!;
    const line = text.split('\n').find((l) => l.includes(' dunning '));
    expect(line).toContain(`month ${String(dunning.month).padStart(3)}`);
    if (dunning.actions.length > 0)
      expect(line).toContain(`rule "${dunning.actions[0]!.rule}" → ${dunning.actions[0]!.action}`);
    expect(text).toMatch(/^months \d+–\d+ +routine +instalments paid/m);
    // Ledger entries that come to €0.00 are bookkeeping: shown only when asked for (--all).
    const zero = journey.records.some((r) => r.type === 'ledger' && r.amount === 0);
    expect(renderTimeline(journey, 'baseline', true).includes('€0.00')).toBe(zero);
    expect(text).not.toMatch(/[+−]€0\.00/);
    expect(text).not.toMatch(/\b1 months\b/);
  });
});
