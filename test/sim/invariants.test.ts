import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/sim/iteration.ts';
import { LEDGER_CATEGORIES } from '../../engine/sim/ledger.ts';
import { BREAKDOWN_METRICS, SERIES } from '../../engine/result/iteration.ts';
import { kpi, setupOf, SHIPPED } from './helpers.ts';

/** Three shares summing to 1, each at least 0.05. */
const mix3 = fc
  .tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }))
  .map(([a, b, c]) => [a / (a + b + c), b / (a + b + c), c / (a + b + c)] as const);

const scenario = fc.record({
  contracts: fc.integer({ min: 150, max: 700 }),
  dealers: fc.integer({ min: 1, max: 8 }),
  horizonMonths: fc.integer({ min: 12, max: 48 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  iteration: fc.integer({ min: 0, max: 50 }),
  segments: mix3,
  tiers: mix3,
  cycles: mix3,
  engagement: fc.constantFrom(...SHIPPED.engagement),
  leads: fc.constantFrom(...SHIPPED.leads),
  dunning: fc.constantFrom(...SHIPPED.dunning),
  remarketing: fc.constantFrom(...SHIPPED.remarketing),
});

describe('ledger and conservation invariants (random small scenarios, shipped policies)', () => {
  it('accounts for every euro, contract, vehicle and customer', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const setup = setupOf({
          ...s,
          portfolio: {
            contracts: s.contracts,
            dealers: s.dealers,
            segmentMix: {
              reliable: s.segments[0],
              occasional: s.segments[1],
              'habitual-late': s.segments[2],
            },
            creditMix: { prime: s.tiers[0], 'near-prime': s.tiers[1], subprime: s.tiers[2] },
            cycleMix: { cycle1: s.cycles[0], cycle2: s.cycles[1], cycle3: s.cycles[2] },
          },
        });
        const { result, audit } = simulate(setup, s.iteration);
        const n = audit.counters;
        const H = s.horizonMonths;

        // Money: the categories sum to the net cash flow and to profit.total.
        const byCategory = audit.ledger.reduce((a, b) => a + b, 0);
        const byMonth = audit.cash.reduce((a, b) => a + b, 0);
        const total = result.kpis[kpi('profit.total')]!;
        const tolerance = 1e-6 * (1 + Math.abs(total));
        expect(Math.abs(byCategory - total)).toBeLessThan(tolerance);
        expect(Math.abs(byMonth - total)).toBeLessThan(tolerance);
        const cashSeries = SERIES.findIndex((x) => x.id === 'cashFlow');
        for (let t = 0; t < H; t++) expect(result.series[cashSeries * H + t]).toBe(audit.cash[t]);
        expect(audit.ledger.length).toBe(LEDGER_CATEGORIES.length * 4);

        // Contracts: initial + created = active + ended by each reason.
        const created = n.renewals + n.leadSalesNew + n.leadSalesUsed + n.placements;
        const ended =
          n.maturedReturned +
          n.maturedBoughtOut +
          n.maturedPaidOff +
          n.earlyUpgrades +
          n.repossessed +
          n.writtenOff +
          n.chargedOff;
        expect(n.contractsInitial).toBe(s.contracts);
        expect(n.contractsInitial + created).toBe(audit.activeContracts + ended);
        expect(result.kpis[kpi('portfolio.activeContracts.end')]).toBe(audit.activeContracts);
        expect(n.defaults).toBe(n.repossessed + n.writtenOff + n.chargedOff);
        expect(result.kpis[kpi('credit.writeOffs')]).toBe(n.defaults);

        // Vehicles: each is in exactly one state; every one that left is counted by its reason.
        expect(n.vehiclesInitial + n.vehiclesNew).toBe(
          audit.vehiclesOnContract + audit.vehiclesInStock + audit.vehiclesReturned + n.exitedVehicles,
        );
        expect(audit.vehiclesReturned).toBe(0);
        expect(n.exitedVehicles).toBe(n.wholesaled + n.forcedWholesales + n.vehiclesSoldOff + n.vehiclesLost);
        expect(audit.vehiclesOnContract).toBe(audit.activeContracts);
        expect(n.vehiclesNew).toBe(n.renewals + n.leadSalesNew);
        const inventory = SERIES.findIndex((x) => x.id === 'inventory');
        expect(result.series[inventory * H + H - 1]).toBe(audit.vehiclesInStock);

        // Customers: the starting book plus those born from leads and placements; ends are retention's.
        expect(n.customersInitial + n.customersFromLeads + n.customersFromPlacements).toBe(audit.customers);
        expect(n.customersFromLeads).toBe(n.leadSalesNew + n.leadSalesUsed);
        expect(n.customersFromPlacements).toBe(n.placements);
        expect(audit.customersWithContract).toBeLessThanOrEqual(audit.activeContracts);
        const endedForRetention = n.ended[0]! + n.ended[1]! + n.ended[2]!;
        const retained = n.retained[0]! + n.retained[1]! + n.retained[2]!;
        expect(endedForRetention).toBe(
          n.maturedReturned + n.maturedBoughtOut + n.maturedPaidOff + n.earlyUpgrades,
        );
        expect(retained).toBe(n.renewals);

        // Series: active contracts by cycle and by delinquency bucket both count the whole book.
        const at = (id: string) => result.series[SERIES.findIndex((x) => x.id === id) * H + H - 1]!;
        const active =
          at('activeContracts.cycle1') + at('activeContracts.cycle2') + at('activeContracts.cycle3');
        const buckets = ['current', 'dpd1to30', 'dpd31to60', 'dpd61to90', 'dpd90plus'].reduce(
          (sum, b) => sum + at(`delinquency.${b}`),
          0,
        );
        expect(active).toBe(audit.activeContracts);
        expect(buckets).toBe(audit.activeContracts);

        // Breakdowns: every grouping counts every ended contract once.
        const M = BREAKDOWN_METRICS.length;
        for (const dimension of ['cycle', 'segment', 'creditTier', 'region', 'dealer'] as const) {
          const { groups, values } = result.breakdowns[dimension];
          let sum = 0;
          for (let g = 0; g < groups.length; g++) sum += values[g * M]!;
          expect(sum).toBe(endedForRetention);
        }
      }),
      { numRuns: 12 },
    );
  });
});
