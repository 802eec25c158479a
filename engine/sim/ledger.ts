import { PNL_LINES, type PnlLine } from '../result/kpis.ts';

/*
 * The ledger (docs/design.md §3: every money movement is a ledger entry with a category and a cycle), kept per
 * party: the captive, its dealer network, the manufacturer. A transfer between two parties (the rate
 * subsidy, residual support, the dealer's commission) is two entries, one on each side, in the same
 * category. Entries are accumulated, not stored: a Float64Array [phase × category × party × cycle ×
 * segment × tier], the net result per month and perspective, and the captive's result per dealer.
 *
 * A perspective is a set of parties (captive; network = captive + dealers; group = manufacturer +
 * captive + dealers). It sees the entries of its parties, except transfers between two of its own
 * parties, which it leaves out on both sides (consolidation: intra-group flows net to zero).
 *
 * Phase 0 is the horizon; phase 1 the run-off of the book still running at the horizon (no new
 * business), whose result is the book's value at the horizon.
 *
 * Signs: income positive, cost negative. Cycle 0 = not attributable to a contract's cycle (lead and
 * BDC costs).
 */

export const PARTIES = ['captive', 'dealer', 'manufacturer'] as const;
export type Party = (typeof PARTIES)[number];
export const CAPTIVE = 0;
export const DEALER = 1;
export const MANUFACTURER = 2;

export const PERSPECTIVES = ['captive', 'network', 'group'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
/** Per party: the perspectives (bit 0 captive, 1 network, 2 group) it belongs to. */
const MEMBER_OF: readonly number[] = [0b111, 0b110, 0b100];

interface CategorySpec {
  readonly id: string;
  /** The P&L line it belongs to (engine/stats/kpis.ts PNL_LINES). */
  readonly line: PnlLine;
  /** The parties that may book it (a payer set in the world may be any of them). */
  readonly parties: readonly number[];
  /** A transfer between these two parties: booked on both sides, netted where both are in view. */
  readonly between?: readonly [number, number];
}

const ALL = [CAPTIVE, DEALER, MANUFACTURER];
const c = <I extends string>(
  id: I,
  line: PnlLine,
  parties: readonly number[] = [CAPTIVE],
): CategorySpec & { readonly id: I } => ({
  id,
  line,
  parties,
});
const transfer = <I extends string>(
  id: I,
  line: PnlLine,
  a: number,
  b: number,
): CategorySpec & { readonly id: I } => ({
  id,
  line,
  parties: [a, b],
  between: [a, b],
});

/** Ledger categories, in the order of the accumulator. */
export const CATEGORY_SPECS = [
  /** Customer interest on the contract balance, monthly. */
  c('interestIncome', 'interestIncome'),
  /** Funding cost of the debt part of the exposure, monthly. */
  c('fundingCost', 'fundingCost'),
  /** Manufacturer rate subsidy: paid up front, recognised by the captive straight-line over the lease. */
  transfer('subsidy', 'subsidy', MANUFACTURER, CAPTIVE),
  /** Dealer commission: paid to the dealer up front, recognised by the captive over the contract. */
  transfer('dealerCommission', 'dealerCommission', CAPTIVE, DEALER),
  /** Origination and servicing cost. */
  c('operatingCost', 'operatingCost'),
  /** Exposure written off at default (negative). */
  c('creditLoss', 'creditLoss'),
  /** Vehicle and agency recoveries on defaults. */
  c('recoveries', 'creditLoss'),
  /** The captive's commission on the payment-protection premiums its insured customers pay the insurer. */
  c('insurancePremiums', 'insurancePremiums'),
  /** Costs of dunning actions (reminders, calls, plans, reviews, claims, repossessions). */
  c('collectionCosts', 'collections'),
  /** Collection-agency contingency fees. */
  c('agencyFees', 'collections'),
  /** Value at return (wholesale basis) minus book value. */
  c('residualResult', 'residualResult'),
  /** Manufacturer residual support (the subvented uplift) and its share of the residual result. */
  transfer('residualSupport', 'residualSupport', MANUFACTURER, CAPTIVE),
  /** The dealers' share of the residual result (buy-back guarantee). */
  transfer('dealerResidualGuarantee', 'dealerResidualGuarantee', DEALER, CAPTIVE),
  /** Excess-mileage, wear-and-tear and disposition charges paid by the lessee at a return at maturity. */
  c('leaseEndCharges', 'leaseEndCharges'),
  /** Used value placed (or forced-wholesale proceeds) minus wholesale value at return minus reconditioning. */
  c('refurbishmentResult', 'refurbishment'),
  /** Vehicles in reconditioning and inventory. */
  c('holdingCosts', 'holding'),
  /** Costs of engagement contacts (payer set in the world). */
  c('engagementCosts', 'engagement', ALL),
  /** Incentives, waived instalments and service packages paid on renewal (payer set in the world). */
  c('incentives', 'engagement', ALL),
  /** Cost of bought and marketing leads (payer set in the world). */
  c('leadCosts', 'leads', ALL),
  /** BDC agents (payer set in the world). */
  c('bdcCosts', 'leads', ALL),
  /** Dealer gross profit (front and F&I) on new-vehicle sales. */
  c('salesGross', 'salesGross', [DEALER]),
  /** Manufacturer contribution margin on each new vehicle sold. */
  c('manufacturerMargin', 'manufacturerMargin', [MANUFACTURER]),
  /** Hurdle rate × the equity the book ties up (receivables and residual exposure), monthly. */
  c('capitalCharge', 'capitalCharge'),
] as const;

export const LEDGER_CATEGORIES = CATEGORY_SPECS.map((s) => s.id);
export type LedgerCategory = (typeof CATEGORY_SPECS)[number]['id'];

/** Category indices, for the hot loop. */
export const CAT = Object.fromEntries(LEDGER_CATEGORIES.map((id, i) => [id, i])) as {
  readonly [K in LedgerCategory]: number;
};

/** Categories whose sum is the net credit loss (as a negative number). */
export const CREDIT_CATEGORIES: readonly number[] = [CAT.creditLoss, CAT.recoveries];

export const CYCLE_SLOTS = 4;
/** Segment and tier slots: the three of the catalogue, then 3 = no customer. */
const GROUP_SLOTS = 4;
const K = CATEGORY_SPECS.length;
const P = PARTIES.length;
const PHASE_CELLS = K * P * CYCLE_SLOTS * GROUP_SLOTS * GROUP_SLOTS;

/** Per category and party: the perspectives that see its entries (bits as MEMBER_OF). */
export const INCLUDE = new Uint8Array(K * P);
for (let k = 0; k < K; k++) {
  const spec: CategorySpec = CATEGORY_SPECS[k]!;
  const netted = spec.between === undefined ? 0 : MEMBER_OF[spec.between[0]]! & MEMBER_OF[spec.between[1]]!;
  for (let p = 0; p < P; p++) INCLUDE[k * P + p] = spec.parties.includes(p) ? MEMBER_OF[p]! & ~netted : 0;
}

/** The P&L lines a perspective can see an entry of (in PNL_LINES order). */
export function linesOf(perspective: number): readonly PnlLine[] {
  const bit = 1 << perspective;
  return PNL_LINES.filter(
    (line) =>
      line.derived ||
      CATEGORY_SPECS.some(
        (s, k) => s.line === line.id && s.parties.some((p) => (INCLUDE[k * P + p]! & bit) !== 0),
      ),
  ).map((l) => l.id);
}

const IS_CREDIT = Uint8Array.from(LEDGER_CATEGORIES, (_, i) => (CREDIT_CATEGORIES.includes(i) ? 1 : 0));

/**
 * The accumulators of one iteration. An entry costs a few additions: one cell, the month's result for
 * each perspective that sees it, and, when it has one and the captive sees it, its dealer's.
 */
export class Ledger {
  /** [phase][((category · 3 + party) · 4 + cycle) · 16 + segment · 4 + tier], €; segment and tier 3 = none. */
  readonly cells: Float64Array;
  /** Net result per perspective and month: [perspective · months + month], €. */
  readonly cash: Float64Array;
  /** Months the result is kept for: the horizon and its run-off. */
  readonly months: number;
  /** The captive's capital charge per month (in every perspective's result), €: the tax base leaves it out. */
  readonly capitalByMonth: Float64Array;
  /** Per dealer: the captive's [dealer · 2 + 0 profit | 1 credit loss (positive)] within the horizon, €. */
  readonly byDealer: Float64Array;
  /** The month entries are booked to (≥ the horizon in the run-off). */
  month = 0;
  /** 0 within the horizon, PHASE_CELLS in the run-off. */
  private phase = 0;

  constructor(months: number, dealers: number) {
    this.months = months;
    this.cells = new Float64Array(2 * PHASE_CELLS);
    this.cash = new Float64Array(PERSPECTIVES.length * months);
    this.capitalByMonth = new Float64Array(months);
    this.byDealer = new Float64Array(dealers * 2);
  }

  reset(): void {
    this.cells.fill(0);
    this.cash.fill(0);
    this.capitalByMonth.fill(0);
    this.byDealer.fill(0);
    this.month = 0;
    this.phase = 0;
  }

  /** From now on entries belong to the run-off of the book at the horizon. */
  startRunOff(): void {
    this.phase = PHASE_CELLS;
  }

  get inRunOff(): boolean {
    return this.phase !== 0;
  }

  /**
   * Books `amount` € (income positive, cost negative) in `category` for `party`, for a contract of
   * `cycle` (0 when none), attributed to a customer's segment and tier (−1 when no customer) and a
   * dealer (−1 when none).
   */
  book(
    category: number,
    party: number,
    cycle: number,
    amount: number,
    segment: number,
    tier: number,
    dealer: number,
  ): void {
    this.cells[
      this.phase +
        (((category * P + party) * CYCLE_SLOTS + cycle) * GROUP_SLOTS + (segment & 3)) * GROUP_SLOTS +
        (tier & 3)
    ]! += amount;
    const include = INCLUDE[category * P + party]!;
    const m = this.month;
    const months = this.months;
    if ((include & 1) !== 0) this.cash[m]! += amount;
    if ((include & 2) !== 0) this.cash[months + m]! += amount;
    if ((include & 4) !== 0) this.cash[2 * months + m]! += amount;
    if (dealer >= 0 && (include & 1) !== 0 && this.phase === 0) {
      this.byDealer[dealer * 2]! += amount;
      if (IS_CREDIT[category] === 1) this.byDealer[dealer * 2 + 1]! -= amount;
    }
  }

  /**
   * A contract-month of the captive's running entries at once (interest, funding, servicing, capital
   * charge), € each: the hot loop's one call per contract-month.
   */
  bookContractMonth(
    cycle: number,
    segment: number,
    tier: number,
    dealer: number,
    interest: number,
    funding: number,
    servicing: number,
    capital: number,
  ): void {
    const cells = this.cells;
    const slot = (cycle * GROUP_SLOTS + (segment & 3)) * GROUP_SLOTS + (tier & 3);
    const stride = P * CYCLE_SLOTS * GROUP_SLOTS * GROUP_SLOTS;
    const base = this.phase + slot;
    cells[base + CAT_INTEREST * stride]! += interest;
    cells[base + CAT_FUNDING * stride]! += funding;
    cells[base + CAT_OPERATING * stride]! += servicing;
    cells[base + CAT_CAPITAL * stride]! += capital;
    // Captive entries that are no transfer: every perspective sees them.
    const net = interest + funding + servicing + capital;
    const m = this.month;
    const months = this.months;
    this.cash[m]! += net;
    this.cash[months + m]! += net;
    this.cash[2 * months + m]! += net;
    this.capitalByMonth[m]! += capital;
    if (dealer >= 0 && this.phase === 0) this.byDealer[dealer * 2]! += net;
  }

  /** The sum of `categories` as `perspective` sees them, in `phase` (0 horizon, 1 run-off), €. */
  sum(categories: readonly number[], perspective: number, phase: number): number {
    const bit = 1 << perspective;
    const span = CYCLE_SLOTS * GROUP_SLOTS * GROUP_SLOTS;
    let total = 0;
    for (const k of categories) {
      for (let p = 0; p < P; p++) {
        if ((INCLUDE[k * P + p]! & bit) === 0) continue;
        const base = phase * PHASE_CELLS + (k * P + p) * span;
        for (let j = 0; j < span; j++) total += this.cells[base + j]!;
      }
    }
    return total;
  }

  /** Totals by category and cycle over every party and both phases, € ([category · 4 + cycle]). */
  totals(): Float64Array {
    const out = new Float64Array(K * CYCLE_SLOTS);
    const span = GROUP_SLOTS * GROUP_SLOTS;
    for (let phase = 0; phase < 2; phase++)
      for (let k = 0; k < K; k++)
        for (let p = 0; p < P; p++)
          for (let cy = 0; cy < CYCLE_SLOTS; cy++) {
            const base = phase * PHASE_CELLS + ((k * P + p) * CYCLE_SLOTS + cy) * span;
            for (let j = 0; j < span; j++) out[k * CYCLE_SLOTS + cy]! += this.cells[base + j]!;
          }
    return out;
  }

  /**
   * The captive's profit and credit loss per group of cycle 1–3, segment or credit tier within the
   * horizon: [group · 2 + 0 profit | 1 credit loss (positive)], €. Entries without a cycle or customer
   * belong to no group.
   */
  groups(dimension: 'cycle' | 'segment' | 'tier'): Float64Array {
    const out = new Float64Array(3 * 2);
    for (let k = 0; k < K; k++) {
      for (let p = 0; p < P; p++) {
        if ((INCLUDE[k * P + p]! & 1) === 0) continue;
        for (let cy = 0; cy < CYCLE_SLOTS; cy++) {
          for (let s = 0; s < GROUP_SLOTS; s++) {
            for (let g = 0; g < GROUP_SLOTS; g++) {
              const group =
                dimension === 'cycle' ? cy - 1 : dimension === 'segment' ? (s < 3 ? s : -1) : g < 3 ? g : -1;
              if (group < 0 || group > 2) continue;
              const amount =
                this.cells[(((k * P + p) * CYCLE_SLOTS + cy) * GROUP_SLOTS + s) * GROUP_SLOTS + g]!;
              out[group * 2]! += amount;
              if (IS_CREDIT[k] === 1) out[group * 2 + 1]! -= amount;
            }
          }
        }
      }
    }
    return out;
  }

  /** The captive's profit and credit loss per region, from the dealers' ([region · 2 + …]), €. */
  regions(dealerRegion: Uint8Array, regions: number): Float64Array {
    const out = new Float64Array(regions * 2);
    for (let d = 0; d < dealerRegion.length; d++) {
      out[dealerRegion[d]! * 2]! += this.byDealer[d * 2]!;
      out[dealerRegion[d]! * 2 + 1]! += this.byDealer[d * 2 + 1]!;
    }
    return out;
  }
}

const CAT_INTEREST = CAT.interestIncome;
const CAT_FUNDING = CAT.fundingCost;
const CAT_OPERATING = CAT.operatingCost;
const CAT_CAPITAL = CAT.capitalCharge;

/** The categories of each P&L line (the derived lines have none). */
export const LINE_CATEGORIES: ReadonlyMap<PnlLine, readonly number[]> = new Map(
  PNL_LINES.map((l) => [l.id, CATEGORY_SPECS.flatMap((s, k) => (s.line === l.id ? [k] : []))]),
);
