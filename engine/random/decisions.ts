/**
 * The random decisions of the simulator, one id each, in the range 0–999 that engine/random/streams.ts
 * reserves for the monthly steps. A draw is `uniform(key, entity, decision, month, draw)`; the comment
 * on each id names its entity, so two kinds of decision never share a stream.
 *
 * Ids are part of the results: renumbering one changes every result that reads it. Add new ids, never
 * reuse or renumber old ones.
 */
export const DECISIONS = {
  /** World assumptions drawn once per iteration: entity 0, month = sub-draw, draw = field hash. */
  world: 1,
  /** Used-price index path: entity 0, month of the step, draw 0 = level, 1 = deviation, 2 = crash. */
  usedPriceIndex: 2,
  /**
   * Declared uncertainty of the world's assumptions (engine/world/uncertainty.ts), once per iteration:
   * entity 0, month 0, draw = hash of the assumption's path (or of "economy" for the economic factor),
   * so an assumption's draw never depends on which others are drawn.
   */
  assumptions: 3,

  /** Vehicle (identity): its value noise around the market, month 0. */
  vehicleValue: 10,
  /** Vehicle: inspection grade at return, month of return. */
  vehicleCondition: 11,
  /** Vehicle: damage found, draw = damage kind. */
  vehicleDamage: 12,
  /** Vehicle: complete service history at return. */
  vehicleServiceHistory: 13,
  /** Vehicle: actual reconditioning cost against the estimate (normal, draws 0–1). */
  vehicleRefurbCost: 14,
  /** Vehicle: placed from inventory this month. */
  inventoryPlacement: 15,
  /** Vehicle: the new customer of a placement (identity of the customer derives from it). */
  placementCustomer: 16,

  /** Contract (identity): this month's instalment is missed. */
  paymentMiss: 20,
  /** Contract: the miss is a dispute. */
  paymentDispute: 21,
  /** Contract: the delinquent customer pays without any action. */
  selfCure: 22,
  /** Contract: the dunning action cures, draw = index of the action in the month's decision. */
  dunningCure: 23,
  /** Contract: a payment plan is broken this month. */
  planBreak: 24,
  /** Contract: a dispute resolves (self or by review). */
  disputeResolve: 25,
  /** Contract: a new contract takes payment protection. */
  contractInsured: 26,
  /** Contract: the agency collects this month while the debt is placed. */
  agencyCure: 27,
  /** Contract: a delinquent customer not cured this month falls one more instalment behind (else pays the instalment due). */
  delinquencyRoll: 28,
  /** Contract: the delinquency just opened was caused by an insured event (death, disability, unemployment). */
  insuredEvent: 29,

  /** Customer (identity): the dealer carries out the engagement contact, draw = index of the action. */
  engagementExecuted: 30,
  /** Customer: upgrades early this month after an early-upgrade offer. */
  earlyUpgrade: 31,
  /** Customer: renews at the end of the contract. */
  renewal: 32,
  /** Customer: buys the leased vehicle out at maturity. */
  buyOut: 33,
  /** Customer: takes the extension offered. */
  extension: 34,

  /** Dealer × source (entity = dealer · 8 + source): leads arriving this month (Poisson). */
  leadArrivals: 50,
  /** Lead (identity): its attributes, draw = attribute (see steps/leads.ts). */
  leadAttributes: 51,
  /** Lead: attempt k reaches the lead, draw = k. */
  leadContact: 52,
  /** Lead: the handler makes attempt k + 1, draw = k. */
  leadContinue: 53,
  /** Lead: reached lead books an appointment. */
  leadAppointment: 54,
  /** Lead: appointment shows. */
  leadShow: 55,
  /** Lead: shown appointment buys. */
  leadSale: 56,

  /** New customer (identity): attributes, draw = attribute (see steps/customers.ts). */
  customerAttributes: 60,
} as const;
