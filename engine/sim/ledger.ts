/*
 * The ledger (docs/design.md §3: every money movement is a ledger entry with a category and a cycle).
 * Entries are accumulated, not stored: a Float64Array [category × cycle], the net cash flow per month,
 * and the profit and credit loss per breakdown group. KPIs are derived from these sums, so the
 * categories always add up to profit.total.
 *
 * Signs: income positive, cost negative. Cycle 0 = not attributable to a contract's cycle (lead and
 * BDC costs).
 */

/** Ledger categories, in the order of the accumulator. */
export const LEDGER_CATEGORIES = [
  /** Customer interest minus funding cost on the scheduled balance, monthly. */
  'financingMargin',
  /** Manufacturer subsidy on new cycle-1 leases. */
  'subsidy',
  /** Value at return (wholesale basis) minus book value, and wholesale proceeds against it. */
  'residualResult',
  /** Used value placed (or forced-wholesale proceeds) minus wholesale value at return minus reconditioning. */
  'refurbishmentResult',
  /** Exposure written off at default (negative). */
  'creditLoss',
  /** Vehicle and agency recoveries on defaults. */
  'recoveries',
  /** Credit-insurance payouts on valid claims. */
  'insurancePayouts',
  /** Credit-insurance premiums (negative). */
  'insurancePremiums',
  /** Costs of dunning actions (reminders, calls, plans, reviews, claims, repossessions). */
  'collectionCosts',
  /** Collection-agency contingency fees. */
  'agencyFees',
  /** Costs of engagement contacts. */
  'engagementCosts',
  /** Incentives, waived instalments and service packages paid on renewal. */
  'incentives',
  /** Dealer gross profit on new-vehicle sales (lead sales and renewals). */
  'salesGross',
  /** Cost of bought and marketing leads. */
  'leadCosts',
  /** BDC agents. */
  'bdcCosts',
  /** Vehicles in reconditioning and inventory. */
  'holdingCosts',
] as const;
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number];

/** Category indices, for the hot loop. */
export const CAT = Object.fromEntries(LEDGER_CATEGORIES.map((c, i) => [c, i])) as {
  readonly [K in LedgerCategory]: number;
};

/** Categories whose sum is the net credit loss (as a negative number). */
export const CREDIT_CATEGORIES: readonly number[] = [CAT.creditLoss, CAT.recoveries, CAT.insurancePayouts];

export const CYCLE_SLOTS = 4;
/** Segment and tier slots: the three of the catalogue, then 3 = no customer. */
const GROUP_SLOTS = 4;

const IS_CREDIT = Uint8Array.from(LEDGER_CATEGORIES, (_, i) => (CREDIT_CATEGORIES.includes(i) ? 1 : 0));

/**
 * The accumulators of one iteration. An entry costs a few additions: one cell of [category × cycle ×
 * segment × tier], the month's cash flow and, when it has one, its dealer; totals and breakdowns are
 * summed from the cells at the end.
 */
export class Ledger {
  /** [((category · 4 + cycle) · 4 + segment) · 4 + tier], €; segment and tier 3 = no customer. */
  readonly cells: Float64Array;
  /** Net cash flow per month, €. */
  readonly cash: Float64Array;
  /** Per dealer: [dealer · 2 + 0 profit | 1 credit loss (positive)], €. */
  readonly byDealer: Float64Array;
  /** The month entries are booked to. */
  month = 0;

  constructor(horizon: number, dealers: number) {
    this.cells = new Float64Array(LEDGER_CATEGORIES.length * CYCLE_SLOTS * GROUP_SLOTS * GROUP_SLOTS);
    this.cash = new Float64Array(horizon);
    this.byDealer = new Float64Array(dealers * 2);
  }

  reset(): void {
    this.cells.fill(0);
    this.cash.fill(0);
    this.byDealer.fill(0);
    this.month = 0;
  }

  /**
   * Books `amount` € (income positive, cost negative) in `category` for a contract of `cycle` (0 when
   * none), attributed to a customer's segment and tier (−1 when no customer) and a dealer (−1 when none).
   */
  book(category: number, cycle: number, amount: number, segment: number, tier: number, dealer: number): void {
    this.cells[
      ((category * CYCLE_SLOTS + cycle) * GROUP_SLOTS + (segment & 3)) * GROUP_SLOTS + (tier & 3)
    ]! += amount;
    this.cash[this.month]! += amount;
    if (dealer >= 0) {
      this.byDealer[dealer * 2]! += amount;
      if (IS_CREDIT[category] === 1) this.byDealer[dealer * 2 + 1]! -= amount;
    }
  }

  /** One category for one cycle, €. */
  at(category: number, cycle: number): number {
    let sum = 0;
    const base = (category * CYCLE_SLOTS + cycle) * GROUP_SLOTS * GROUP_SLOTS;
    for (let k = 0; k < GROUP_SLOTS * GROUP_SLOTS; k++) sum += this.cells[base + k]!;
    return sum;
  }

  /** Total of one category over all cycles, €. */
  category(category: number): number {
    let sum = 0;
    for (let c = 0; c < CYCLE_SLOTS; c++) sum += this.at(category, c);
    return sum;
  }

  /** Sum of every entry, €. */
  total(): number {
    let sum = 0;
    for (let i = 0; i < this.cells.length; i++) sum += this.cells[i]!;
    return sum;
  }

  /** Totals by category and cycle, € ([category · 4 + cycle]). */
  totals(): Float64Array {
    const out = new Float64Array(LEDGER_CATEGORIES.length * CYCLE_SLOTS);
    for (let k = 0; k < LEDGER_CATEGORIES.length; k++)
      for (let c = 0; c < CYCLE_SLOTS; c++) out[k * CYCLE_SLOTS + c] = this.at(k, c);
    return out;
  }

  /**
   * Profit and credit loss per group of cycle 1–3, segment or credit tier: [group · 2 + 0 profit |
   * 1 credit loss (positive)], €. Entries without a cycle or customer belong to no group.
   */
  groups(dimension: 'cycle' | 'segment' | 'tier'): Float64Array {
    const out = new Float64Array(3 * 2);
    for (let k = 0; k < LEDGER_CATEGORIES.length; k++) {
      for (let c = 0; c < CYCLE_SLOTS; c++) {
        for (let s = 0; s < GROUP_SLOTS; s++) {
          for (let g = 0; g < GROUP_SLOTS; g++) {
            const group =
              dimension === 'cycle' ? c - 1 : dimension === 'segment' ? (s < 3 ? s : -1) : g < 3 ? g : -1;
            if (group < 0 || group > 2) continue;
            const amount = this.cells[((k * CYCLE_SLOTS + c) * GROUP_SLOTS + s) * GROUP_SLOTS + g]!;
            out[group * 2]! += amount;
            if (IS_CREDIT[k] === 1) out[group * 2 + 1]! -= amount;
          }
        }
      }
    }
    return out;
  }

  /** Profit and credit loss per region, from the dealers' ([region · 2 + …]), €. */
  regions(dealerRegion: Uint8Array, regions: number): Float64Array {
    const out = new Float64Array(regions * 2);
    for (let d = 0; d < dealerRegion.length; d++) {
      out[dealerRegion[d]! * 2]! += this.byDealer[d * 2]!;
      out[dealerRegion[d]! * 2 + 1]! += this.byDealer[d * 2 + 1]!;
    }
    return out;
  }
}
