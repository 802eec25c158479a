import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/sim/iteration.ts';
import { kpi, setupOf, type Mutable } from './helpers.ts';
import type { World } from '../../engine/world/assumptions.ts';

/** The captive's lease-end charges and the leases returned at maturity over the horizon. */
function charges(edit: (w: Mutable<World>) => void): { charges: number; returned: number } {
  const setup = setupOf({ world: edit, horizonMonths: 48 });
  const { result, audit } = simulate(setup, 0);
  return { charges: result.kpis[kpi('pnl.leaseEndCharges')]!, returned: audit.counters.maturedReturned };
}

const feeOnly = (fee: number) => (w: Mutable<World>) => {
  const e = w.market.leaseEnd;
  e.mileageAllowanceKmPerYear = 500_000;
  e.damageCharge = { excellent: 0, good: 0, fair: 0, poor: 0 };
  e.dispositionFee = fee;
};

describe('lease-end charges', () => {
  it('charge every lessee who returns at maturity and does not renew the disposition fee', () => {
    const r = charges((w) => {
      feeOnly(300)(w);
      w.renewal.baseProbability = { cycle1: 0, cycle2: 0, cycle3: 0 };
    });
    expect(r.returned).toBeGreaterThan(20);
    expect(r.charges).toBeCloseTo(300 * r.returned, 6);
  });

  it('waive the disposition fee for a customer who renews', () => {
    const r = charges((w) => {
      feeOnly(300)(w);
      w.renewal.baseProbability = { cycle1: 1, cycle2: 1, cycle3: 1 };
    });
    expect(r.returned).toBeGreaterThan(20);
    expect(r.charges).toBe(0);
  });

  it('add excess mileage and wear and tear by grade to the fee', () => {
    const fee = charges(feeOnly(300));
    const all = charges((w) => {
      w.market.leaseEnd.dispositionFee = 300;
    });
    expect(all.returned).toBe(fee.returned);
    expect(all.charges).toBeGreaterThan(fee.charges);
    expect(charges(feeOnly(0)).charges).toBe(0);
  });
});
