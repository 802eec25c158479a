import { CREDIT_TIERS, POLICY_KINDS, REGIONS, SEGMENTS, type PolicyKind } from '../domain/lists.ts';
import {
  KPIS,
  kpiIndex,
  PERSPECTIVE_PREFIXES,
  PNL_LINES,
  type CatalogueKpiId,
  type KpiId,
  type PnlLine,
} from '../result/kpis.ts';
import type { Sim } from './context.ts';
import { CYCLE_SLOTS, LINE_CATEGORIES, PERSPECTIVES } from './ledger.ts';
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

/**
 * The census's column for a contract's cycle: 1 and 2 their own, anything else the third. Cycles
 * alternate at random along the book, so counting them through `if` mispredicted about every other
 * contract; a lookup and an indexed count does not branch.
 */
const CYCLE_COLUMN = Uint8Array.from({ length: 256 }, (_, k) => (k === 1 ? 0 : k === 2 ? 1 : 2));
/** The census's column for months behind of a delinquent contract: ≤ 0, 1, 2, 3 or more. */
function behindColumn(behind: number): number {
  return behind <= 0 ? 3 : behind >= 3 ? 6 : 3 + behind;
}
/**
 * One month's census counts: [0–2] active contracts by cycle, [3–6] delinquent by months behind,
 * [7] current. Integer counts, so counting in any order gives the same figures.
 */
const CENSUS = new Int32Array(8);

/** Records the end-of-month census of month `t` into the series. */
export function census(sim: Sim, t: number): void {
  const C = sim.contracts;
  const H = sim.horizon;
  const series = sim.series;
  const counts = CENSUS;
  counts.fill(0);
  const active = C.active;
  const cycle = C.cycle;
  const missed = C.missed;
  const since = C.delinquentSince;
  for (let i = 0, end = C.end; i < end; i++) {
    if (active[i] === 0) continue;
    counts[CYCLE_COLUMN[cycle[i]!]!]!++;
    if (missed[i] === 0) counts[7]!++;
    else counts[behindColumn(t - since[i]!)]!++;
  }
  series[S_ACTIVE[0] * H + t] = counts[0]!;
  series[S_ACTIVE[1] * H + t] = counts[1]!;
  series[S_ACTIVE[2] * H + t] = counts[2]!;
  series[S_CURRENT * H + t] = counts[7]!;
  series[S_DPD[0] * H + t] = counts[3]!;
  series[S_DPD[1] * H + t] = counts[4]!;
  series[S_DPD[2] * H + t] = counts[5]!;
  series[S_DPD[3] * H + t] = counts[6]!;
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

/** Contract-months at least `from` buckets behind (1 = over 30 days past due), every tier. */
function bucketSum(bucketMonths: Float64Array, from: number): number {
  let x = 0;
  for (let g = 0; g < 3; g++) for (let b = from; b < 4; b++) x += bucketMonths[g * 4 + b]!;
  return x;
}

/** Net credit loss of each credit tier within the horizon over its average exposure, annualised. */
function tierLossRates(sim: Sim): readonly number[] {
  const byTier = sim.ledger.groups('tier');
  return [0, 1, 2].map((g) => ratio(byTier[g * 2 + 1]! * 12, sim.counters.balanceMonthsByTier[g]!));
}

/** A cost as a positive number; `0 - x` rather than `-x` so that no cost reads −0. */
const cost = (x: number): number => 0 - x;

function setter(kpis: Float64Array): (id: string, value: number) => void {
  return (id, value) => {
    kpis[kpiIndex(id as KpiId)] = value;
  };
}

/**
 * The KPI vector of the iteration at its horizon, in KPIS order: the catalogue's KPIs, a
 * `Record<CatalogueKpiId, number>` (a KPI added to the catalogue does not compile until it is computed
 * here); the money KPIs are NaN until {@link moneyKpis} adds them once the book has run off.
 */
export function kpiVector(sim: Sim): Float64Array {
  const L = sim.ledger;
  const n = sim.counters;
  const ended = n.ended[0]! + n.ended[1]! + n.ended[2]!;
  const retained = n.retained[0]! + n.retained[1]! + n.retained[2]!;
  const line = (id: PnlLine): number => L.sum(LINE_CATEGORIES.get(id)!, 0, 0);
  // Annualised over the average financed balance: (x / (Σ balance / H)) / (H / 12) = 12 x / Σ balance.
  const perBalanceYear = (x: number): number => ratio(x * 12, n.balanceMonths);
  let preTax = 0;
  for (const l of PNL_LINES) if (!l.derived && l.id !== 'capitalCharge') preTax += line(l.id);
  const tierLoss = tierLossRates(sim);
  const onBook = n.contractMonths[0]! + n.contractMonths[1]! + n.contractMonths[2]!;
  const values: Record<CatalogueKpiId, number> = {
    'retention.rate': ratio(retained, ended),
    'retention.rate.cycle1': ratio(n.retained[0]!, n.ended[0]!),
    'retention.rate.cycle2': ratio(n.retained[1]!, n.ended[1]!),
    'retention.rate.cycle3': ratio(n.retained[2]!, n.ended[2]!),
    'lifecycle.contractsPerVehicle': ratio(n.exitedContracts, n.exitedVehicles),
    'lifecycle.refurbishmentsPerVehicle': ratio(n.exitedRefurbishments, n.exitedVehicles),
    'return.preTaxOnAssets': perBalanceYear(preTax),
    'return.netInterestMargin': perBalanceYear(
      line('interestIncome') + line('subsidy') + line('fundingCost'),
    ),
    'leads.count': n.leads,
    'leads.contactRate': ratio(n.contacted, n.leads),
    'leads.appointmentRate': ratio(n.appointments, n.leads),
    'leads.showRate': ratio(n.shows, n.appointments),
    'leads.conversionRate': ratio(n.sales, n.leads),
    'leads.costPerSale': ratio(n.leadSpend, n.sales),
    'credit.lossRate': perBalanceYear(cost(line('creditLoss'))),
    'credit.lossRate.prime': tierLoss[0]!,
    'credit.lossRate.near-prime': tierLoss[1]!,
    'credit.lossRate.subprime': tierLoss[2]!,
    'credit.dpd30Share': ratio(bucketSum(n.bucketMonths, 1), onBook),
    'credit.dpd60Share': ratio(bucketSum(n.bucketMonths, 2), onBook),
    'credit.defaultRate': ratio(n.defaultPoints * 12, onBook),
    'credit.forborneShare': ratio(n.forborneMonths, onBook),
    'credit.forbearances': n.forbearances,
    'insurance.lossRatio': ratio(n.insuranceClaims, n.insurancePremiums),
    'credit.cureRate': ratio(n.cures, n.cures + n.defaults),
    'credit.writeOffs': n.defaults,
    'portfolio.activeContracts.end': sim.contracts.activeCount,
  };
  return Float64Array.from(KPIS, (k) => (k.id in values ? values[k.id as CatalogueKpiId] : NaN));
}

/**
 * Fills in each perspective's money KPIs once the book has run off: its P&L lines within the horizon,
 * tax, the book's value at the horizon (the run-off's result discounted to the horizon at the hurdle
 * rate), their sum `profit.total` and the NPV. Tax is linear (−rate × the result before the capital
 * charge), month by month, so its present value is the rate times that of the result.
 */
export function moneyKpis(sim: Sim, kpis: Float64Array): void {
  const L = sim.ledger;
  const set = setter(kpis);
  const H = sim.horizon;
  const months = L.months;
  const discount = sim.w.monthlyDiscount;
  const tax = sim.w.taxRate;
  for (let p = 0; p < PERSPECTIVES.length; p++) {
    const x = PERSPECTIVE_PREFIXES[PERSPECTIVES[p]!];
    const lines = new Map<PnlLine, number>();
    for (const l of PNL_LINES) if (!l.derived) lines.set(l.id, L.sum(LINE_CATEGORIES.get(l.id)!, p, 0));
    let preTax = 0;
    for (const [id, value] of lines) if (id !== 'capitalCharge') preTax += value;
    lines.set('tax', 0 - tax * preTax);
    // Present values at month 0 (within the horizon) and at the horizon (the run-off), each month
    // discounted at its end; the capital charge apart, for the tax base.
    let pvIn = 0;
    let capitalIn = 0;
    let pvOut = 0;
    let capitalOut = 0;
    let factor = 1;
    for (let t = 0; t < months; t++) {
      if (t === H) factor = 1;
      factor *= discount;
      const cash = L.cash[p * months + t]!;
      const capital = L.capitalByMonth[t]!;
      if (t < H) {
        pvIn += cash * factor;
        capitalIn += capital * factor;
      } else {
        pvOut += cash * factor;
        capitalOut += capital * factor;
      }
    }
    const horizonValue = pvOut - tax * (pvOut - capitalOut);
    lines.set('horizonValue', horizonValue);
    let total = 0;
    for (const l of PNL_LINES) {
      if (!(l.perspectives as readonly string[]).includes(PERSPECTIVES[p]!)) continue;
      const value = lines.get(l.id)!;
      set(`${x}pnl.${l.id}`, value);
      total += value;
    }
    set(`${x}profit.total`, total);
    let toHorizon = 1;
    for (let t = 0; t < H; t++) toHorizon *= discount;
    set(`${x}profit.npv`, pvIn - tax * (pvIn - capitalIn) + toHorizon * horizonValue);
  }
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
