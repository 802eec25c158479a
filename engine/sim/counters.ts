/**
 * What happened in one iteration, counted: the flows the conservation invariants check (every contract,
 * vehicle and customer accounted for) and the counts the KPIs derive from.
 */
export class Counters {
  // contracts created
  contractsInitial = 0;
  /** Renewals at maturity or early upgrade (a new vehicle on a cycle-1 lease). */
  renewals = 0;
  /** Lead sales of a new vehicle. */
  leadSalesNew = 0;
  /** Lead sales of a refurbished vehicle from inventory. */
  leadSalesUsed = 0;
  /** Refurbished vehicles placed from inventory without a lead. */
  placements = 0;
  // contracts ended
  /** Leases that matured and whose vehicle came back. */
  maturedReturned = 0;
  /** Leases that matured and were bought out. */
  maturedBoughtOut = 0;
  /** Loans paid off at maturity (the customer keeps the vehicle). */
  maturedPaidOff = 0;
  earlyUpgrades = 0;
  repossessed = 0;
  writtenOff = 0;
  /** Written off by the world at chargeOffDays because the policy never terminated. */
  chargedOff = 0;
  /** Terms extended at maturity (the contract stays on book). */
  extensions = 0;
  // vehicles
  vehiclesInitial = 0;
  vehiclesNew = 0;
  wholesaled = 0;
  /** Refurbished vehicles wholesaled after maxInventoryDays. */
  forcedWholesales = 0;
  /** Vehicles that left with their customer (lease buy-out or paid-off loan). */
  vehiclesSoldOff = 0;
  /** Vehicles left with a customer whose contract was written off. */
  vehiclesLost = 0;
  refurbished = 0;
  /** Sum over vehicles whose life with the captive ended of their contracts and refurbishments. */
  exitedVehicles = 0;
  exitedContracts = 0;
  exitedRefurbishments = 0;
  // customers
  customersInitial = 0;
  customersFromLeads = 0;
  /** Lead sales to a customer already on the books (an extra contract, not a new person). */
  leadSalesToCustomers = 0;
  customersFromPlacements = 0;
  // leads
  leads = 0;
  contacted = 0;
  appointments = 0;
  shows = 0;
  sales = 0;
  /** Lead and BDC costs, € (positive). */
  leadSpend = 0;
  // credit
  episodes = 0;
  cures = 0;
  /** Contracts terminated for non-payment (repossessed, written off, charged off). */
  defaults = 0;
  /** Delinquencies that reached the world's default point (defaultDays), cured later or not. */
  defaultPoints = 0;
  /** Payment plans granted (forbearance measures). */
  forbearances = 0;
  /** Contract-months of contracts on book that were forborne (a plan or its probation). */
  forborneMonths = 0;
  /** Payment-protection premiums insured customers paid the insurer, €. */
  insurancePremiums = 0;
  /** Payment-protection claims the insurer paid (the arrears of a delinquency caused by an insured event), €. */
  insuranceClaims = 0;
  /** Claims the insurer rejected: no insured event behind the delinquency. */
  claimsRejected = 0;
  /** Σ over months of the financed balance of active contracts, € · months. */
  balanceMonths = 0;
  /** Contract-months on book by credit tier. */
  readonly contractMonths = new Float64Array(3);
  /** Σ over months of the exposure (balance and arrears) by credit tier, € · months. */
  readonly balanceMonthsByTier = new Float64Array(3);
  /**
   * Contract-months by credit tier and days-past-due bucket at the start of the month:
   * [tier · 4 + b], b = 0 current or 1–30, 1 31–60, 2 61–90, 3 over 90 days past due.
   */
  readonly bucketMonths = new Float64Array(12);
  /** Of bucketMonths' delinquent months, those that ended cured ([tier · 4 + b]). */
  readonly curedFrom = new Float64Array(12);
  /** Of bucketMonths' delinquent months, those that rolled one bucket further ([tier · 4 + b]). */
  readonly rolledFrom = new Float64Array(12);
  // retention
  readonly ended = new Float64Array(3);
  readonly retained = new Float64Array(3);

  reset(): void {
    const fresh = new Counters();
    for (const key of Object.keys(fresh) as (keyof Counters)[]) {
      const value = fresh[key];
      if (typeof value === 'number') (this as Record<string, unknown>)[key] = value;
    }
    this.contractMonths.fill(0);
    this.balanceMonthsByTier.fill(0);
    this.bucketMonths.fill(0);
    this.curedFrom.fill(0);
    this.rolledFrom.fill(0);
    this.ended.fill(0);
    this.retained.fill(0);
  }
}
