import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/sim/iteration.ts';
import { CAT } from '../../engine/sim/ledger.ts';
import type { World } from '../../engine/world/assumptions.ts';
import { kpi, setupOf, single, type Mutable } from './helpers.ts';

/** Every key of a by-value table set to `value`. */
function fill<T extends object>(table: T, value: unknown): void {
  for (const key of Object.keys(table)) (table as Record<string, unknown>)[key] = value;
}

/** A world in which renewal depends on nothing but its base probability. */
function neutralRenewal(p: number) {
  return (w: Mutable<World>): void => {
    fill(w.renewal.baseProbability, p);
    w.renewal.disciplineOdds = [[0, 1]];
    w.renewal.loyaltyOdds = [[0, 1]];
    w.renewal.equityOddsPer1000 = 1;
    w.renewal.incentiveOddsPer1000 = 1;
    for (const action of Object.values(w.renewal.goodwillOdds)) fill(action, 1);
  };
}

const engagementOff = single('engagement', { type: 'none' }, 'monthsToEnd');

describe('analytic checks', () => {
  it('with engagement off and every effect 1, retention is the base renewal probability', () => {
    const p = 0.62;
    const setup = setupOf({
      engagement: engagementOff,
      world: neutralRenewal(p),
      portfolio: { contracts: 1_000, dealers: 5 },
      horizonMonths: 48,
    });
    let ended = 0;
    let retained = 0;
    for (let i = 0; i < 6; i++) {
      const { result, audit } = simulate(setup, i);
      const n = audit.counters.ended[0]! + audit.counters.ended[1]! + audit.counters.ended[2]!;
      ended += n;
      retained += result.kpis[kpi('retention.rate')]! * n;
      expect(result.kpis[kpi('pnl.engagement')]).toBe(0);
    }
    const rate = retained / ended;
    const se = Math.sqrt((p * (1 - p)) / ended);
    expect(ended).toBeGreaterThan(1_500);
    expect(Math.abs(rate - p)).toBeLessThan(3 * se);
  });

  it('flat first-contact 0.6, one attempt and appointment 0.6 give 36 appointments per 100 leads', () => {
    const setup = setupOf({
      leads: single(
        'leads',
        { type: 'route', params: { handler: 'salesperson', responseMinutes: 0, maxAttempts: 1 } },
        'hourOfDay',
      ),
      world: (w) => {
        fill(w.leads.reachableShare, 1);
        fill(w.leads.inboundContactOdds, 1);
        fill(w.leads.sourceAppointmentOdds, 1);
        w.leads.firstContactByResponseMinutes = [[0, 0.6]];
        w.leads.appointmentGivenContact = 0.6;
        w.leads.appointmentOddsByResponseMinutes = [[0, 1]];
        w.leads.scoreOdds = [[0, 1]];
      },
      portfolio: { contracts: 300, dealers: 6 },
      horizonMonths: 36,
    });
    const { result } = simulate(setup, 0);
    const leads = result.kpis[kpi('leads.count')]!;
    const se = Math.sqrt((0.36 * 0.64) / leads);
    expect(leads).toBeGreaterThan(5_000);
    expect(Math.abs(result.kpis[kpi('leads.contactRate')]! - 0.6)).toBeLessThan(3 * Math.sqrt(0.24 / leads));
    expect(Math.abs(result.kpis[kpi('leads.appointmentRate')]! - 0.36)).toBeLessThan(3 * se);
  });

  it('with a miss probability of 0 there is no delinquency, no credit loss and no collection cost', () => {
    const setup = setupOf({
      world: (w) => {
        for (const tiers of Object.values(w.payments.missProbability)) fill(tiers, 0);
      },
      portfolio: { contracts: 500 },
    });
    for (const i of [0, 1]) {
      const { result, audit } = simulate(setup, i);
      expect(result.kpis[kpi('pnl.creditLoss')]).toBe(0);
      expect(result.kpis[kpi('pnl.collections')]).toBe(0);
      expect(result.kpis[kpi('credit.writeOffs')]).toBe(0);
      expect(result.coverage.dunning.decisions).toBe(0);
      for (const category of [CAT.creditLoss, CAT.recoveries]) {
        for (let cycle = 0; cycle < 4; cycle++) expect(audit.ledger[category * 4 + cycle]).toBe(0);
      }
    }
  });

  it('credit losses rise with the miss probability (same luck, more misses)', () => {
    const losses = [1, 2].map((scale) => {
      const setup = setupOf({
        world: (w) => {
          for (const tiers of Object.values(w.payments.missProbability)) {
            const table = tiers as Record<string, number>;
            for (const tier of Object.keys(table)) table[tier] = table[tier]! * scale;
          }
        },
        portfolio: { contracts: 2000 },
        horizonMonths: 48,
      });
      return -simulate(setup, 0).result.kpis[kpi('pnl.creditLoss')]!;
    });
    expect(losses[1]).toBeGreaterThan(losses[0]! * 1.3);
  });
});
