import { CREDIT_TIERS, POLICY_KINDS, REGIONS, SEGMENTS, type PolicyKind } from '../domain/lists.ts';
import { KPIS, type KpiId } from '../result/kpis.ts';
import type { Sim } from './context.ts';
import { CAT, CYCLE_SLOTS } from './ledger.ts';
import {
  BREAKDOWN_METRICS,
  SERIES,
  type BreakdownDimension,
  type IterationResult,
  type RuleCoverage,
} from '../result/iteration.ts';

/*
 * Turns the iteration's ledger, counters and monthly census into an IterationResult. Every array is a
 * fresh copy: the Sim's own buffers are reused by the next iteration.
 */

const SERIES_INDEX = new Map(SERIES.map((s, i) => [s.id as string, i]));
function seriesIndex(id: string): number {
  const i = SERIES_INDEX.get(id);
  if (i === undefined) throw new Error(`internal: unknown series ${id}`);
  return i;
}
export const S_ACTIVE = [
  seriesIndex('activeContracts.cycle1'),
  seriesIndex('activeContracts.cycle2'),
  seriesIndex('activeContracts.cycle3'),
] as const;
export const S_RETENTION = seriesIndex('retention.rolling12');
export const S_CASH = seriesIndex('cashFlow');
export const S_CURRENT = seriesIndex('delinquency.current');
export const S_DPD = [
  seriesIndex('delinquency.dpd1to30'),
  seriesIndex('delinquency.dpd31to60'),
  seriesIndex('delinquency.dpd61to90'),
  seriesIndex('delinquency.dpd90plus'),
] as const;
export const S_INVENTORY = seriesIndex('inventory');

/** Records the end-of-month census of month `t` into the series. */
export function census(sim: Sim, t: number): void {
  const C = sim.contracts;
  const H = sim.horizon;
  const series = sim.series;
  let cycle1 = 0;
  let cycle2 = 0;
  let cycle3 = 0;
  let current = 0;
  let dpd1 = 0;
  let dpd2 = 0;
  let dpd3 = 0;
  let dpd4 = 0;
  const active = C.active;
  const cycle = C.cycle;
  const missed = C.missed;
  const since = C.delinquentSince;
  for (let i = 0, end = C.end; i < end; i++) {
    if (active[i] === 0) continue;
    const k = cycle[i]!;
    if (k === 1) cycle1++;
    else if (k === 2) cycle2++;
    else cycle3++;
    if (missed[i] === 0) current++;
    else {
      const behind = t - since[i]!;
      if (behind <= 0) dpd1++;
      else if (behind === 1) dpd2++;
      else if (behind === 2) dpd3++;
      else dpd4++;
    }
  }
  series[S_ACTIVE[0] * H + t] = cycle1;
  series[S_ACTIVE[1] * H + t] = cycle2;
  series[S_ACTIVE[2] * H + t] = cycle3;
  series[S_CURRENT * H + t] = current;
  series[S_DPD[0] * H + t] = dpd1;
  series[S_DPD[1] * H + t] = dpd2;
  series[S_DPD[2] * H + t] = dpd3;
  series[S_DPD[3] * H + t] = dpd4;
  series[S_INVENTORY * H + t] = sim.stock.length;
  series[S_CASH * H + t] = sim.ledger.cash[t]!;
  let ended = 0;
  let retained = 0;
  for (let m = Math.max(0, t - 11); m <= t; m++) {
    ended += sim.endedByMonth[m]!;
    retained += sim.retainedByMonth[m]!;
  }
  series[S_RETENTION * H + t] = ended > 0 ? retained / ended : NaN;
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);
/** A cost as a positive number; `0 - x` rather than `-x` so that no cost reads −0. */
const cost = (x: number): number => 0 - x;

/**
 * The KPI vector of the finished iteration, in KPIS order. The values are a `Record<KpiId, number>`,
 * so a KPI added to the catalogue does not compile until it is computed here.
 */
export function kpiVector(sim: Sim): Float64Array {
  const L = sim.ledger;
  const n = sim.counters;
  const H = sim.horizon;
  const ended = n.ended[0]! + n.ended[1]! + n.ended[2]!;
  const retained = n.retained[0]! + n.retained[1]! + n.retained[2]!;
  let npv = 0;
  let factor = 1;
  const discount = sim.w.monthlyDiscount;
  for (let t = 0; t < H; t++) {
    factor *= discount;
    npv += L.cash[t]! * factor;
  }
  const creditLoss = cost(
    L.category(CAT.creditLoss) + L.category(CAT.recoveries) + L.category(CAT.insurancePayouts),
  );
  const values: Record<KpiId, number> = {
    'retention.rate': ratio(retained, ended),
    'retention.rate.cycle1': ratio(n.retained[0]!, n.ended[0]!),
    'retention.rate.cycle2': ratio(n.retained[1]!, n.ended[1]!),
    'retention.rate.cycle3': ratio(n.retained[2]!, n.ended[2]!),
    'lifecycle.contractsPerVehicle': ratio(n.exitedContracts, n.exitedVehicles),
    'lifecycle.refurbishmentsPerVehicle': ratio(n.exitedRefurbishments, n.exitedVehicles),
    'profit.total': L.total(),
    'profit.npv': npv,
    'profit.financing.cycle1': L.at(CAT.financingMargin, 1) + L.at(CAT.subsidy, 1),
    'profit.financing.cycle2': L.at(CAT.financingMargin, 2),
    'profit.financing.cycle3': L.at(CAT.financingMargin, 3),
    'profit.refurbishment.cycle1': L.at(CAT.refurbishmentResult, 1),
    'profit.refurbishment.cycle2': L.at(CAT.refurbishmentResult, 2),
    'profit.residual': L.category(CAT.residualResult),
    'profit.subsidy': L.category(CAT.subsidy),
    'cost.creditLoss': creditLoss,
    'cost.collections': cost(L.category(CAT.collectionCosts) + L.category(CAT.agencyFees)),
    'cost.engagement': cost(L.category(CAT.engagementCosts) + L.category(CAT.incentives)),
    'cost.leads': cost(L.category(CAT.leadCosts) + L.category(CAT.bdcCosts)),
    'cost.holding': cost(L.category(CAT.holdingCosts)),
    'leads.count': n.leads,
    'leads.contactRate': ratio(n.contacted, n.leads),
    'leads.appointmentRate': ratio(n.appointments, n.leads),
    'leads.showRate': ratio(n.shows, n.appointments),
    'leads.conversionRate': ratio(n.sales, n.leads),
    'leads.costPerSale': ratio(n.leadSpend, n.sales),
    // Net loss over the average financed balance, per year: (loss / (Σ balance / H)) / (H / 12).
    'credit.lossRate': ratio(creditLoss * 12, n.balanceMonths),
    'credit.cureRate': ratio(n.cures, n.cures + n.defaults),
    'credit.writeOffs': n.defaults,
    'portfolio.activeContracts.end': sim.contracts.activeCount,
  };
  return Float64Array.from(KPIS, (k) => values[k.id]);
}

/** Per breakdown dimension: group labels and `values[group · metrics + metric]`. */
export function breakdowns(sim: Sim): IterationResult['breakdowns'] {
  const L = sim.ledger;
  const n = sim.counters;
  const M = BREAKDOWN_METRICS.length;
  const build = (
    groups: readonly string[],
    retention: ArrayLike<number> | null,
    money: Float64Array,
  ): { groups: readonly string[]; values: Float64Array } => {
    const values = new Float64Array(groups.length * M);
    for (let g = 0; g < groups.length; g++) {
      values[g * M] = retention === null ? n.ended[g]! : retention[g * 2]!;
      values[g * M + 1] = retention === null ? n.retained[g]! : retention[g * 2 + 1]!;
      values[g * M + 2] = money[g * 2]!;
      values[g * M + 3] = money[g * 2 + 1]!;
    }
    return { groups, values };
  };
  const dealers = Array.from({ length: sim.dealers }, (_, d) => `dealer-${d}`);
  const out: Record<BreakdownDimension, { groups: readonly string[]; values: Float64Array }> = {
    cycle: build(['cycle1', 'cycle2', 'cycle3'], null, L.groups('cycle')),
    segment: build(SEGMENTS, sim.retentionBySegment, L.groups('segment')),
    creditTier: build(CREDIT_TIERS, sim.retentionByTier, L.groups('tier')),
    region: build(REGIONS, sim.retentionByRegion, L.regions(sim.dealerRegion, REGIONS.length)),
    dealer: build(dealers, sim.retentionByDealer, L.byDealer),
  };
  return out;
}

export function coverage(sim: Sim): Record<PolicyKind, RuleCoverage> {
  const runtimes = {
    engagement: sim.engagement,
    leads: sim.leads,
    dunning: sim.dunning,
    remarketing: sim.remarketing,
  };
  const out = {} as Record<PolicyKind, RuleCoverage>;
  for (const kind of POLICY_KINDS) {
    const rt = runtimes[kind];
    out[kind] = { decisions: rt.decisions, fired: Float64Array.from(rt.coverage) };
  }
  return out;
}

/** Ledger totals by category and cycle, € ([category · 4 + cycle]). */
export function ledgerTotals(sim: Sim): Float64Array {
  return sim.ledger.totals();
}

export { CYCLE_SLOTS };
