/*
 * The simulation state as struct-of-arrays tables (docs/design.md §4: the hot loop allocates nothing per
 * contract-month). A table grows by doubling when an entity is added beyond its capacity, so steps that
 * hold a column in a local variable must not add entities of that table while they loop: the monthly
 * steps queue the contracts that end and create the new ones afterwards.
 *
 * Contract and vehicle slots are reused through a free list; customers are never removed (a customer
 * who leaves keeps their record: goodwill and contract count). The tables are allocated once per
 * SimSetup and reset at the start of each iteration.
 */

type Column = Int32Array | Float64Array | Uint8Array;

function grown<T extends Column>(column: T, capacity: number): T {
  const next = new (column.constructor as new (n: number) => T)(capacity);
  next.set(column);
  return next;
}

/**
 * Doubles every column of a table: each typed-array field as long as the table's capacity (the free
 * list included). Derived from the fields, so a column added to a table can never be left out.
 * Runs only when a table fills up, never per contract-month. Returns the new capacity.
 */
function growColumns(table: object, capacity: number): number {
  const next = capacity * 2;
  const columns = table as Record<string, unknown>;
  for (const key of Object.keys(columns)) {
    const column = columns[key];
    if (!ArrayBuffer.isView(column) || (column as Column).length !== capacity) continue;
    columns[key] = grown(column as Column, next);
  }
  return next;
}

/** Vehicle status. */
export const VEHICLE_FREE = 0;
export const VEHICLE_ON_CONTRACT = 1;
/** Returned this month, waiting for the remarketing decision. */
export const VEHICLE_RETURNED = 2;
/** Being reconditioned or in inventory, waiting for its next contract. */
export const VEHICLE_IN_STOCK = 3;

/** Product codes: index into PRODUCTS. */
export const LEASE = 0;
export const LOAN = 1;

/**
 * Days past due of a contract `monthsBehind` months after its oldest unpaid instalment (`delinquentSince`):
 * 30 per month behind plus 15, as an instalment missed this month is on average half a month overdue at
 * month end (1–30 bucket), one missed last month 45 days (31–60), and so on.
 */
export function daysPastDue(monthsBehind: number): number {
  return 30 * monthsBehind + 15;
}

export class ContractTable {
  capacity: number;
  /** One past the highest slot ever used this iteration. */
  end = 0;
  activeCount = 0;
  private free: Int32Array;
  private freeCount = 0;

  /** 1 while the contract is on book. */
  active: Uint8Array;
  /** Stable identity (identity.ts). */
  id: Int32Array;
  /** The contract's payment-miss stream this iteration (engine/random/streams.ts streamOf), set with its identity. */
  missStream: Int32Array;
  customer: Int32Array;
  vehicle: Int32Array;
  /** 1–3. */
  cycle: Uint8Array;
  /** LEASE or LOAN. */
  product: Uint8Array;
  term: Int32Array;
  /** Instalments fallen due so far. */
  monthsOnBook: Int32Array;
  /** Month the contract started; its first instalment falls due the month after. */
  startMonth: Int32Array;
  /** Month the last instalment fell due. */
  lastDueMonth: Int32Array;
  /** Customer rate per month. */
  rate: Float64Array;
  /** Instalment, €. */
  payment: Float64Array;
  /** Scheduled balance after the instalments fallen due, €. */
  balance: Float64Array;
  /** Balloon (lease residual), €; 0 for a loan. */
  balloon: Float64Array;
  insured: Uint8Array;
  /** Manufacturer subsidy received and not yet recognised, € (recognised straight-line over the instalments left). */
  subsidyDeferred: Float64Array;
  /** Dealer commission paid and not yet recognised as the captive's cost, € (negative; straight-line). */
  commissionDeferred: Float64Array;
  // copies of customer and vehicle attributes, so the monthly loops stream through contract columns
  /** Stable identity of the customer (copied: the hot loops read contract columns only). */
  customerId: Int32Array;
  /** The customer's segment (SEGMENTS index), copied at origination. */
  segment: Uint8Array;
  /** The customer's credit tier (CREDIT_TIERS index), copied at origination. */
  tier: Uint8Array;
  /** The customer's dealer, copied at origination. */
  dealer: Int32Array;
  /** The customer's loyalty score, copied at origination. */
  loyaltyScore: Float64Array;
  /** The customer's preferred channel (CHANNELS index), copied at origination. */
  channel: Uint8Array;
  /** The vehicle's powertrain (POWERTRAINS index), copied at origination. */
  powertrain: Uint8Array;
  /** The vehicle's MSRP, €, copied at origination. */
  msrp: Float64Array;
  /** The vehicle's month of first registration, copied at origination. */
  birthMonth: Int32Array;
  /** The vehicle's value level against the residual curve (market shift + own noise), fraction of MSRP. */
  valueLevel: Float64Array;
  /** The vehicle's mileage adjustment per month of age, fraction of MSRP. */
  valueSlope: Float64Array;
  // delinquency
  /** Instalments unpaid; 0 when current. */
  missed: Int32Array;
  /** Month of the oldest unpaid instalment (moves forward while a payment plan is kept). */
  delinquentSince: Int32Array;
  dispute: Uint8Array;
  brokenPromises: Int32Array;
  /** 0 no claim, 1 claim paid, 2 claim filed too late, 3 claim rejected (no insured event). */
  claim: Uint8Array;
  /** 1 when the current delinquency was caused by an insured event (death, disability, unemployment). */
  insuredEvent: Uint8Array;
  /** 1 once the current delinquency reached the world's default point (defaultDays). */
  defaulted: Uint8Array;
  /** First month the contract is no longer forborne (a payment plan and its probation); 0 when never forborne. */
  forborneUntil: Int32Array;
  /** First month a paid payment-protection claim no longer pays the instalments; 0 when none. */
  coveredUntil: Int32Array;
  agencyPlaced: Uint8Array;
  /** Months left on a running payment plan; 0 when none. */
  planMonthsLeft: Int32Array;
  /** Bit set of DUNNING_ACTIONS taken in the current delinquency. */
  actionsTaken: Int32Array;
  // engagement
  /** Month of the last contact carried out; −1 when never. */
  lastContactMonth: Int32Array;
  contacts: Int32Array;
  /** Bit set of OFFERS made. */
  offersMade: Int32Array;
  /** Best contact effect so far, log-odds. */
  bestContactLogOdds: Float64Array;
  /** Largest incentive offered, €. */
  incentive: Float64Array;
  /** Most instalments offered to be waived on an early upgrade. */
  waiveMonths: Int32Array;
  /** 1 once the term has been extended. */
  extended: Uint8Array;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.free = new Int32Array(capacity);
    this.active = new Uint8Array(capacity);
    this.id = new Int32Array(capacity);
    this.missStream = new Int32Array(capacity);
    this.customer = new Int32Array(capacity);
    this.vehicle = new Int32Array(capacity);
    this.cycle = new Uint8Array(capacity);
    this.product = new Uint8Array(capacity);
    this.term = new Int32Array(capacity);
    this.monthsOnBook = new Int32Array(capacity);
    this.startMonth = new Int32Array(capacity);
    this.lastDueMonth = new Int32Array(capacity);
    this.rate = new Float64Array(capacity);
    this.payment = new Float64Array(capacity);
    this.balance = new Float64Array(capacity);
    this.balloon = new Float64Array(capacity);
    this.insured = new Uint8Array(capacity);
    this.subsidyDeferred = new Float64Array(capacity);
    this.commissionDeferred = new Float64Array(capacity);
    this.customerId = new Int32Array(capacity);
    this.segment = new Uint8Array(capacity);
    this.tier = new Uint8Array(capacity);
    this.dealer = new Int32Array(capacity);
    this.loyaltyScore = new Float64Array(capacity);
    this.channel = new Uint8Array(capacity);
    this.powertrain = new Uint8Array(capacity);
    this.msrp = new Float64Array(capacity);
    this.birthMonth = new Int32Array(capacity);
    this.valueLevel = new Float64Array(capacity);
    this.valueSlope = new Float64Array(capacity);
    this.missed = new Int32Array(capacity);
    this.delinquentSince = new Int32Array(capacity);
    this.dispute = new Uint8Array(capacity);
    this.brokenPromises = new Int32Array(capacity);
    this.claim = new Uint8Array(capacity);
    this.insuredEvent = new Uint8Array(capacity);
    this.defaulted = new Uint8Array(capacity);
    this.forborneUntil = new Int32Array(capacity);
    this.coveredUntil = new Int32Array(capacity);
    this.agencyPlaced = new Uint8Array(capacity);
    this.planMonthsLeft = new Int32Array(capacity);
    this.actionsTaken = new Int32Array(capacity);
    this.lastContactMonth = new Int32Array(capacity);
    this.contacts = new Int32Array(capacity);
    this.offersMade = new Int32Array(capacity);
    this.bestContactLogOdds = new Float64Array(capacity);
    this.incentive = new Float64Array(capacity);
    this.waiveMonths = new Int32Array(capacity);
    this.extended = new Uint8Array(capacity);
  }

  reset(): void {
    this.active.fill(0, 0, this.end);
    this.end = 0;
    this.activeCount = 0;
    this.freeCount = 0;
  }

  /** A free slot with every per-contract field cleared; the caller sets the contract's terms. */
  add(): number {
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount]!;
    else {
      if (this.end === this.capacity) this.grow();
      slot = this.end++;
    }
    this.active[slot] = 1;
    this.activeCount++;
    this.clearDelinquency(slot);
    this.delinquentSince[slot] = 0;
    this.forborneUntil[slot] = 0;
    this.coveredUntil[slot] = 0;
    this.lastContactMonth[slot] = -1;
    this.contacts[slot] = 0;
    this.offersMade[slot] = 0;
    this.bestContactLogOdds[slot] = 0;
    this.incentive[slot] = 0;
    this.waiveMonths[slot] = 0;
    this.extended[slot] = 0;
    this.subsidyDeferred[slot] = 0;
    this.commissionDeferred[slot] = 0;
    return slot;
  }

  /** Current again (or never behind): no unpaid instalment, and nothing left of a delinquency's dunning. */
  clearDelinquency(slot: number): void {
    this.missed[slot] = 0;
    this.dispute[slot] = 0;
    this.brokenPromises[slot] = 0;
    this.claim[slot] = 0;
    this.insuredEvent[slot] = 0;
    this.defaulted[slot] = 0;
    this.agencyPlaced[slot] = 0;
    this.planMonthsLeft[slot] = 0;
    this.actionsTaken[slot] = 0;
  }

  remove(slot: number): void {
    this.active[slot] = 0;
    this.activeCount--;
    this.free[this.freeCount++] = slot;
  }

  private grow(): void {
    this.capacity = growColumns(this, this.capacity);
  }
}

export class VehicleTable {
  capacity: number;
  end = 0;
  private free: Int32Array;
  private freeCount = 0;

  status: Uint8Array;
  id: Int32Array;
  msrp: Float64Array;
  /** Index into POWERTRAINS. */
  powertrain: Uint8Array;
  /** Month of first registration (negative for the starting book): age = month − birthMonth. */
  birthMonth: Int32Array;
  kmPerMonth: Float64Array;
  /** Standard normal draw of the vehicle's value around the market. */
  valueZ: Float64Array;
  /** Dealer of the vehicle's last customer. */
  dealer: Int32Array;
  /** The vehicle's last customer (slot), for attributing its remarketing results. */
  customer: Int32Array;
  /** Financing contracts the vehicle has had (including before the run). */
  contracts: Int32Array;
  refurbishments: Int32Array;
  // appraisal at return
  /** Cycle of the contract that ended. */
  cycleEnded: Uint8Array;
  /** 1 when it came back by repossession. */
  repossessed: Uint8Array;
  /** Index into CONDITIONS. */
  condition: Uint8Array;
  /** Bit set of DAMAGE. */
  damage: Uint8Array;
  historyComplete: Uint8Array;
  /** As-returned wholesale market value, €. */
  marketValue: Float64Array;
  /** Used retail value after refurbishment, €. */
  retailValue: Float64Array;
  refurbEstimate: Float64Array;
  /** Book value when it came back (lease residual, payoff or recovery), €. */
  bookValue: Float64Array;
  // stock
  /** PRODUCTS index of the next contract. */
  nextProduct: Uint8Array;
  /** First month the vehicle can be placed. */
  readyMonth: Int32Array;
  /** Days counted in reconditioning and inventory. */
  stockDays: Float64Array;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.free = new Int32Array(capacity);
    this.status = new Uint8Array(capacity);
    this.id = new Int32Array(capacity);
    this.msrp = new Float64Array(capacity);
    this.powertrain = new Uint8Array(capacity);
    this.birthMonth = new Int32Array(capacity);
    this.kmPerMonth = new Float64Array(capacity);
    this.valueZ = new Float64Array(capacity);
    this.dealer = new Int32Array(capacity);
    this.customer = new Int32Array(capacity);
    this.contracts = new Int32Array(capacity);
    this.refurbishments = new Int32Array(capacity);
    this.cycleEnded = new Uint8Array(capacity);
    this.repossessed = new Uint8Array(capacity);
    this.condition = new Uint8Array(capacity);
    this.damage = new Uint8Array(capacity);
    this.historyComplete = new Uint8Array(capacity);
    this.marketValue = new Float64Array(capacity);
    this.retailValue = new Float64Array(capacity);
    this.refurbEstimate = new Float64Array(capacity);
    this.bookValue = new Float64Array(capacity);
    this.nextProduct = new Uint8Array(capacity);
    this.readyMonth = new Int32Array(capacity);
    this.stockDays = new Float64Array(capacity);
  }

  reset(): void {
    this.status.fill(VEHICLE_FREE, 0, this.end);
    this.end = 0;
    this.freeCount = 0;
  }

  add(): number {
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount]!;
    else {
      if (this.end === this.capacity) this.grow();
      slot = this.end++;
    }
    this.contracts[slot] = 0;
    this.refurbishments[slot] = 0;
    this.repossessed[slot] = 0;
    this.stockDays[slot] = 0;
    return slot;
  }

  remove(slot: number): void {
    this.status[slot] = VEHICLE_FREE;
    this.free[this.freeCount++] = slot;
  }

  private grow(): void {
    this.capacity = growColumns(this, this.capacity);
  }
}

export class CustomerTable {
  capacity: number;
  count = 0;

  id: Int32Array;
  /** Index into SEGMENTS. */
  segment: Uint8Array;
  /** Index into CREDIT_TIERS. */
  tier: Uint8Array;
  loyalty: Float64Array;
  loyaltyScore: Float64Array;
  /** Index into CHANNELS. */
  channel: Uint8Array;
  dealer: Int32Array;
  /** Contracts the customer has taken (their contract number sequence). */
  contractSeq: Int32Array;
  /** Sum of the log goodwill multipliers of the dunning actions taken against the customer. */
  goodwillLogOdds: Float64Array;
  /** Active contracts. */
  activeContracts: Int32Array;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.id = new Int32Array(capacity);
    this.segment = new Uint8Array(capacity);
    this.tier = new Uint8Array(capacity);
    this.loyalty = new Float64Array(capacity);
    this.loyaltyScore = new Float64Array(capacity);
    this.channel = new Uint8Array(capacity);
    this.dealer = new Int32Array(capacity);
    this.contractSeq = new Int32Array(capacity);
    this.goodwillLogOdds = new Float64Array(capacity);
    this.activeContracts = new Int32Array(capacity);
  }

  reset(): void {
    this.count = 0;
  }

  add(): number {
    if (this.count === this.capacity) this.grow();
    const slot = this.count++;
    this.contractSeq[slot] = 0;
    this.goodwillLogOdds[slot] = 0;
    this.activeContracts[slot] = 0;
    return slot;
  }

  private grow(): void {
    this.capacity = growColumns(this, this.capacity);
  }
}

/** A growable list of slot numbers (e.g. the contracts that end this month). */
export class SlotList {
  items: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }
  push(slot: number): void {
    if (this.length === this.items.length) this.items = grown(this.items, this.items.length * 2);
    this.items[this.length++] = slot;
  }
  clear(): void {
    this.length = 0;
  }
}

/** The simulation tables of one setup, reused by its iterations. */
export interface SimState {
  readonly contracts: ContractTable;
  readonly vehicles: VehicleTable;
  readonly customers: CustomerTable;
}

/** Tables sized for a starting book of `contracts` (they grow as the book does). */
export function allocateState(contracts: number): SimState {
  const n = Math.max(64, Math.ceil(contracts * 1.5));
  return {
    contracts: new ContractTable(n),
    vehicles: new VehicleTable(n),
    customers: new CustomerTable(n * 2),
  };
}
