import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/sim/iteration.ts';
import { kpi, setupOf } from './helpers.ts';

describe('parties: who bears what', () => {
  it('passes the whole residual result to the manufacturer when it bears the residual risk', () => {
    const setup = setupOf({
      world: (w) => {
        w.parties.residualRisk = { captive: 0, dealer: 0, manufacturer: 1 };
      },
      portfolio: { contracts: 600 },
    });
    const k = simulate(setup, 0).result.kpis;
    const residual = k[kpi('pnl.residualResult')]!;
    expect(residual).toBeLessThan(0);
    // Repossessions stay the captive's (credit, not residual risk): their result is wholesale gross only.
    expect(Math.abs(residual + k[kpi('pnl.residualSupport')]!)).toBeLessThan(0.1 * Math.abs(residual));
    // The group sees the residual result itself and no transfer.
    expect(k[kpi('group.pnl.residualResult')]).toBe(residual);
  });

  it('books renewal incentives with their payer: the captive sees them only when it pays', () => {
    const run = (payer: 'captive' | 'manufacturer') =>
      simulate(
        setupOf({
          world: (w) => {
            w.parties.incentivesPaidBy = { captive: 0, dealer: 0, manufacturer: 0, [payer]: 1 };
          },
          portfolio: { contracts: 600 },
        }),
        0,
      ).result.kpis;
    const byCaptive = run('captive');
    const byManufacturer = run('manufacturer');
    // The shipped tcm engagement offers incentives: the captive pays more when it pays them.
    expect(byCaptive[kpi('pnl.engagement')]!).toBeLessThan(byManufacturer[kpi('pnl.engagement')]!);
    // The group pays them either way (same luck, same incentives).
    expect(byCaptive[kpi('group.pnl.engagement')]).toBeCloseTo(
      byManufacturer[kpi('group.pnl.engagement')]!,
      6,
    );
  });

  it("pays the dealer's commission up front and lets the captive recognise it over the contract", () => {
    const k = simulate(setupOf({ portfolio: { contracts: 600 } }), 0).result.kpis;
    // Captive side negative; the network nets it out (no such KPI), the dealers' side is in their gross.
    expect(k[kpi('pnl.dealerCommission')]).toBeLessThan(0);
    const noCommission = simulate(
      setupOf({
        world: (w) => {
          w.economics.dealerCommissionShare = 0;
        },
        portfolio: { contracts: 600 },
      }),
      0,
    ).result.kpis;
    expect(noCommission[kpi('pnl.dealerCommission')]).toBe(0);
    // Within the network the commission is a transfer, left out on both sides: the network's total
    // does not move with it.
    expect(k[kpi('network.profit.total')]).toBeCloseTo(noCommission[kpi('network.profit.total')]!, 0);
  });
});
