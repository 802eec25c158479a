import type { Curve } from './curve.ts';
import type { Num } from './distributions.ts';

/*
 * The world: how customers and markets respond (DESIGN §3). Three rules keep every number defensible:
 *  - a probability is a probability (0–1, per month where it says so);
 *  - an effect is an odds multiplier (> 0; 1 = no effect, 1.8 = odds × 1.8): on a base probability p,
 *    effects m₁…mₖ give logistic(logit(p) + Σ log mᵢ);
 *  - a curve is a table of [x, y] points, interpolated linearly and flat beyond its ends.
 * Any numeric assumption may be a distribution (`Num`), drawn once per iteration: parameter uncertainty.
 * Money is in €, rates are fractions (0.07 = 7 %), shares of a price are fractions of that price.
 *
 * Each field cites the CALIBRATION.md row it comes from ("CALIBRATION A: Reconditioning cost 1,200
 * (500–2,500)") or says "assumption: …, because …" where no row exists. The defaults are in defaults.ts.
 */

/** One value per credit tier (FICO ≥680 / 620–679 / <620). */
export interface ByTier<T> {
  readonly prime: T;
  readonly 'near-prime': T;
  readonly subprime: T;
}
/** One value per payer segment. */
export interface BySegment<T> {
  readonly reliable: T;
  readonly occasional: T;
  readonly 'habitual-late': T;
}
/** One value per cycle of a vehicle's life: 1 new subsidised lease, 2 used lease, 3 conventional finance. */
export interface ByCycle<T> {
  readonly cycle1: T;
  readonly cycle2: T;
  readonly cycle3: T;
}
export interface ByProduct<T> {
  readonly lease: T;
  readonly loan: T;
}
export interface ByChannel<T> {
  readonly phone: T;
  readonly email: T;
  readonly sms: T;
  readonly letter: T;
  readonly 'dealer-visit': T;
}
/** Engagement offers (engine/policy/catalogue/engagement.ts OFFERS). */
export interface ByOffer<T> {
  readonly none: T;
  readonly 'early-upgrade': T;
  readonly 'loyalty-rate': T;
  readonly 'service-package': T;
  readonly extension: T;
}
/** Lead sources (engine/policy/catalogue/leads.ts LEAD_SOURCES). */
export interface BySource<T> {
  readonly 'web-form': T;
  readonly phone: T;
  readonly chat: T;
  readonly 'third-party': T;
  readonly 'lost-sale': T;
  readonly 'data-mining': T;
}
export interface ByHandler<T> {
  readonly salesperson: T;
  readonly bdc: T;
}
/** Inspection grades of a returned vehicle (engine/policy/catalogue/remarketing.ts CONDITIONS). */
export interface ByCondition<T> {
  readonly excellent: T;
  readonly good: T;
  readonly fair: T;
  readonly poor: T;
}
/** Kinds of damage an inspection finds (remarketing.ts DAMAGE). */
export interface ByDamage<T> {
  readonly body: T;
  readonly interior: T;
  readonly mechanical: T;
  readonly tyres: T;
  readonly glass: T;
}
/** Dunning actions that act on the customer month by month (the terminal ones have their own fields). */
export interface ByDunningAction<T> {
  readonly remind: T;
  readonly call: T;
  readonly 'payment-plan': T;
  readonly 'dispute-review': T;
  readonly 'collection-agency': T;
  readonly 'insurance-claim': T;
  readonly repossess: T;
  readonly 'write-off': T;
  readonly hold: T;
}
/** Channels of a dunning reminder (the `remind` action's `channel`). */
export interface ByRemindChannel<T> {
  readonly sms: T;
  readonly email: T;
  readonly letter: T;
  readonly phone: T;
}

/** Shares of a cost or risk by the party that bears it (normalised to sum to 1). */
export interface ByParty<T> {
  readonly captive: T;
  readonly dealer: T;
  readonly manufacturer: T;
}

/** The whole world: economics, who pays what, the used-vehicle market, renewal, payments, dunning, leads. */
export interface World {
  readonly economics: Economics;
  readonly parties: Parties;
  readonly market: Market;
  readonly renewal: Renewal;
  readonly payments: Payments;
  readonly dunning: Dunning;
  readonly leads: Leads;
}

/** Prices of money: what customers pay, what funding costs, what the manufacturer contributes. */
export interface Economics {
  /**
   * Customer APR by product and credit tier, fraction per year. Prime = funding cost + 3.0 pp —
   * CALIBRATION A: Captive net financing margin 3.0 (2.5–5.5) % of receivables p.a. Near-prime and
   * subprime add 3 and 8 pp: assumption, risk-based pricing that roughly covers each tier's expected
   * loss (CALIBRATION C: annualised net loss near-prime 2.5, subprime 8). Loans add 0.5 pp: assumption,
   * no residual risk premium offsets a loan's longer term.
   */
  readonly apr: ByProduct<ByTier<Num>>;
  /**
   * The captive's cost of funds, fraction per year. 0.04: assumption, 2024 euro/dollar ABS and bond
   * funding levels; with the prime APR it gives CALIBRATION A's 3.0 pp net financing margin.
   */
  readonly fundingRate: Num;
  /**
   * Manufacturer subsidy paid to the captive on each new cycle-1 lease, fraction of MSRP: paid when the
   * contract starts, recognised by the captive straight-line over the lease. CALIBRATION A: OEM incentive (subvention) spend 7 (3–11) % of transaction price.
   */
  readonly subsidyShareOfMsrp: Num;
  /**
   * APR reduction the subsidy buys for the customer on a cycle-1 lease, fraction per year (subtracted
   * from the APR, never below 0). 0.03: assumption, because over a 36-month term 3 pp on the average
   * balance is worth about the 7 % subsidy, so subvention is roughly margin-neutral for the captive.
   */
  readonly subventedAprReduction: Num;
  /**
   * Residual set above the guide on cycle-1 leases, fraction of MSRP (a subvented residual lowers the
   * payment; at return the manufacturer refunds the part of a loss it explains, `parties.upliftSupport`). CALIBRATION A: Subvented residual above guide +2 to +5 pp.
   */
  readonly subventedResidualUplift: Num;
  /**
   * Equity the captive holds per € of receivables, fraction. 0.09: calibration E: Economic capital held
   * per € of receivables 9 (7–11) % (between the regulatory 6–8 % for 75 %-weighted retail auto
   * exposure and the ≈ 10 % equity/assets captives report).
   */
  readonly capitalRatio: Num;
  /**
   * Equity held per € of residual exposure on a lease (the balloon, up to the balance), fraction,
   * instead of `capitalRatio`. 0.12: assumption: the residual value of leased assets carries a 100 %
   * risk weight against 75 % for retail exposure (EU CRR Art. 134(7); calibration E: Regulatory risk
   * weight, retail auto 75 %), so 9 % × 100/75; range 0.09–0.15.
   */
  readonly residualCapitalRatio: Num;
  /**
   * The captive's hurdle rate (cost of equity), fraction per year: the capital charge is hurdle ×
   * equity, and every NPV discounts at it monthly. 0.13, pre-tax: calibration E: Hurdle rate / cost of
   * equity, pre-tax 13 (10–15) %. Pre-tax with tax rate 0; with a tax rate, give an after-tax hurdle.
   */
  readonly hurdleRate: Num;
  /**
   * Tax on each perspective's result before the capital charge, fraction (linear: a loss earns a
   * credit, as inside a group tax unit). 0: the pre-tax basis of the hurdle rate. Calibration E: US
   * federal + average state 25.8 %, Germany 30 % — use them with an after-tax hurdle (e.g. 0.10).
   */
  readonly taxRate: Num;
  /**
   * Direct cost per contract originated (credit decision, documents, funding), €, excluding the dealer's
   * commission. 230: calibration E: Direct cost per contract originated 250 (150–500) $ (assumption
   * there), at ≈ 0.92 € per $.
   */
  readonly originationCost: Num;
  /**
   * Servicing cost per active contract and month, € (the variable cost policies move). 18: calibration
   * E: Servicing cost per active contract 20 (10–35) $ per month, at ≈ 0.92 € per $.
   */
  readonly servicingCostPerMonth: Num;
  /**
   * Dealer commission (participation) the captive pays per contract, fraction of the amount financed,
   * paid up front and recognised by the captive over the contract. 0.01: assumption, because no source
   * found gives a captive's flat participation; the dealer's F&I gross (calibration E: F&I gross per
   * vehicle retailed 1,500 (1,400–1,750) $) includes it with product sales; range 0–0.02.
   */
  readonly dealerCommissionShare: Num;
}

/**
 * Who pays what between the captive, its dealers and the manufacturer (transfers are booked on both
 * sides; a perspective containing both parties nets them out).
 */
export interface Parties {
  /**
   * Share of the subvented residual uplift the manufacturer refunds when a returned vehicle fetches
   * less than its book value (residual support), fraction. 1: calibration E: Subvention paid by OEM to
   * captive — Ford pays Ford Credit "interest supplements and residual support"; range 0–1.
   */
  readonly upliftSupport: Num;
  /**
   * Who bears the residual result beyond the supported uplift (gain or loss at return), shares.
   * Captive 1: assumption, the usual captive lease (the manufacturer's support is the uplift); a dealer
   * share is a buy-back guarantee, a manufacturer share loss-sharing.
   */
  readonly residualRisk: ByParty<Num>;
  /**
   * Who pays renewal incentives, waived instalments and service packages, shares. Manufacturer 1:
   * assumption, because loyalty and early-upgrade programmes are usually manufacturer marketing money
   * (calibration E: OEM accounting for subvention, incentives as a reduction of revenue); range: any.
   */
  readonly incentivesPaidBy: ByParty<Num>;
  /** Who pays engagement contacts, shares. Captive 1: assumption (the captive's contact centre); range: any. */
  readonly engagementPaidBy: ByParty<Num>;
  /** Who pays bought leads and BDC agents, shares. Dealer 1: assumption (the dealer's sales budget); range: any. */
  readonly leadsPaidBy: ByParty<Num>;
  /**
   * The manufacturer's contribution margin per new vehicle sold, €. 7,400: calibration E: OEM
   * contribution margin per unit 8,000 (5,000–12,000) $ (an assumption there), at ≈ 0.92 € per $.
   */
  readonly manufacturerMarginPerNewVehicle: Num;
}

/** The used-vehicle market: values at return, condition, refurbishment and inventory. */
export interface Market {
  /**
   * Clean wholesale value by vehicle age, fraction of MSRP, by age in months. 24/36/48/60 → 0.64/0.55/
   * 0.46/0.38 — CALIBRATION A: Residual as % of MSRP at 24/36/48/60 months. Extended (assumption):
   * 0.76 at 12 months (Carfax −20 % in year 1, less the guide's drive-off), then ≈ −15 % a year after
   * year 5 (Carfax −10 to −15 %/yr).
   */
  readonly residualCurve: Curve;
  /**
   * Market level against the curve, fraction of MSRP (all vehicles, one draw per iteration): the
   * regime lever. 0 in a normal market; ≈ +0.10 reproduces 2022's lessee equity. CALIBRATION A: Lessee
   * equity at maturity −1,500 (−2,000 to +8,500) $/unit; see "How far to trust them" §4.
   */
  readonly marketShift: Num;
  /**
   * Spread of an individual vehicle's value around the market, sd in fractions of MSRP, drawn once per
   * vehicle (normal). CALIBRATION A: Residual as % of MSRP (±6 pp).
   */
  readonly marketNoiseSd: Num;
  /** Odometer reading expected for the age, km per year. 15,000: assumption (the portfolio's mean usage). */
  readonly expectedKmPerYear: Num;
  /**
   * Value lost per 10,000 km above the expected odometer (gained below), fraction of MSRP. 0.015:
   * assumption, typical guide mileage adjustments of 1–2 % of the new price per 10,000 km.
   */
  readonly mileageValueEffect: Num;
  /**
   * Inspection grade of a vehicle returned at the end of a contract, probabilities (normalised to sum 1).
   * 0.15/0.50/0.25/0.10: assumption, no public grade mix; chosen so the average reconditioning cost
   * matches CALIBRATION A's 1,200.
   */
  readonly conditionAtReturn: ByCondition<Num>;
  /** Grade of a repossessed vehicle, probabilities. 0.02/0.28/0.40/0.30: assumption, repossessions come back worse. */
  readonly conditionAtRepossession: ByCondition<Num>;
  /**
   * Value effect of the grade on the as-returned market value, fraction of MSRP. +0.02/0/−0.03/−0.08:
   * assumption, guide condition adjustments.
   */
  readonly conditionValueEffect: ByCondition<Num>;
  /** Probability that an inspection finds each kind of damage, by grade (independent per kind). Assumption. */
  readonly damageProbability: ByCondition<Num>;
  /** Probability that a returned vehicle has a complete dealer service history. 0.8: assumption. */
  readonly serviceHistoryComplete: Num;
  /** Retail value lost without a complete service history, fraction of retail value. 0.03: assumption. */
  readonly incompleteHistoryDiscount: Num;
  /** Reconditioning. */
  readonly refurbishment: Refurbishment;
  /**
   * Used retail front gross, fraction of the retail price: the dealer's margin over wholesale value plus
   * reconditioning, so retail value = (clean value + base reconditioning cost) / (1 − front gross).
   * CALIBRATION A: Used retail front gross 3.5 (3–11.5) % of price.
   */
  readonly retailFrontGross: Num;
  /**
   * Wholesale (auction) result, fraction of the as-returned market value (negative: fees and auction
   * discount). CALIBRATION A: wholesale gross −2 (−5 to 0) % of price.
   */
  readonly wholesaleGross: Num;
  /**
   * Cost of a vehicle in reconditioning or inventory, € per day (floorplan, lot, depreciation while
   * waiting). CALIBRATION A: Holding cost 36 $/unit/day (NCM Associates), taken 1:1 in €.
   */
  readonly holdingCostPerDay: Num;
  /**
   * Probability that a refurbished vehicle in inventory is placed on a new contract in a month, besides
   * the used-interest leads that take inventory first. 0.7: assumption, about 30 days in stock after
   * reconditioning (used days' supply of 40–50 days in normal markets includes acquisition and
   * reconditioning).
   */
  readonly inventoryPlacementProbability: Num;
  /**
   * Days in inventory after which an unplaced refurbished vehicle is wholesaled. 90: assumption, the
   * common 90-day used-inventory turn rule.
   */
  readonly maxInventoryDays: Num;
  /**
   * Buy-out probability of a lease at maturity by the customer's equity (market value − residual, €).
   * Tuned so that at CALIBRATION A's normal-market equity (−1,500) about 60 % of maturities are returned
   * and at +8,500 (2022) about 8 % — CALIBRATION A: Lease-end return rate 55 (9–82) % of maturities.
   */
  readonly buyOutByEquity: Curve;
}

export interface Refurbishment {
  /** Base reconditioning cost, €. CALIBRATION A: Reconditioning cost 1,200 (500–2,500) $/unit, 1:1 in €. */
  readonly baseCost: Num;
  /** Multiplier of the base cost by grade. 0.6/0.8/1.2/1.8: assumption. */
  readonly conditionCostMultiplier: ByCondition<Num>;
  /** Added cost per kind of damage found, €. Assumption (body 600, interior 300, mechanical 900, tyres 400, glass 250). */
  readonly damageCost: ByDamage<Num>;
  /**
   * Spread of the actual cost around the estimate, sd as a fraction of the estimate, drawn per vehicle.
   * 0.15: assumption.
   */
  readonly costNoiseSd: Num;
  /** Days from return to line-ready. CALIBRATION A: Reconditioning time-to-line 7 (3–12) days. */
  readonly days: Num;
}

/** Whether a customer whose contract ends takes a new contract with the captive. */
export interface Renewal {
  /**
   * Renewal probability by the cycle of the ending contract, with every effect at 1 (no contact, an
   * average dealer and customer). 0.43 / 0.41 / 0.36, calibrated so that the shipped reactive engagement
   * policy retains ≈ 53 % — CALIBRATION B: Household brand loyalty 51 (50–55) %, Same-brand repurchase
   * through a captive 50 % — and TCM ≈ 66 %, inside CALIBRATION B: Lessees who lease again 50–72 %
   * (default world and portfolio, 5,000 contracts, 120 months). Cycle 3 lower — CALIBRATION B: Brand
   * loyalty by ownership length (−10 pp after month 36).
   */
  readonly baseProbability: ByCycle<Num>;
  /**
   * Odds multiplier of an engagement contact by the months to the end at which it was made; the best
   * contact of the contract counts. ≈1.8 for 12–18 months before the end, the consideration window —
   * CALIBRATION B: Consideration window starts 12 (6–12) months before end (J.D. Power); smaller for
   * late contacts (the customer has started shopping), fading for contacts years ahead (assumption).
   */
  readonly contactTimingOdds: Curve;
  /**
   * Share of the contact effect a channel delivers, as an exponent on the timing multiplier (1 = full
   * effect; 0.5 = its square root). Phone 1, dealer visit 1.2, email 0.6, sms 0.5, letter 0.5:
   * assumption, personal contact converts better.
   */
  readonly channelWeight: ByChannel<Num>;
  /** Factor on the channel weight when the channel is the customer's preferred one. 1.25: assumption. */
  readonly preferredChannelBonus: Num;
  /** Engagement cost per contact carried out, € by channel. Assumption (phone 8, email 0.5, sms 0.3, letter 2, dealer visit 40). */
  readonly contactCost: ByChannel<Num>;
  /**
   * Odds multiplier of each offer made on the contract (the best offer counts; offers do not stack).
   * none 1, early-upgrade 1.15, loyalty-rate 1.3, service-package 1.1, extension 1: assumption.
   */
  readonly offerOdds: ByOffer<Num>;
  /** APR reduction on the renewal contract when a loyalty rate was offered, fraction per year. 0.01: assumption. */
  readonly loyaltyRateDiscount: Num;
  /** Cost of a service package, € paid when the customer renews after that offer. 300: assumption. */
  readonly servicePackageCost: Num;
  /** Odds multiplier per €1,000 of incentive offered (paid only if the customer renews). 1.12: assumption. */
  readonly incentiveOddsPer1000: Num;
  /**
   * Odds multiplier per €1,000 of positive equity at the end (equity can fund the next contract).
   * 1.05: assumption.
   */
  readonly equityOddsPer1000: Num;
  /**
   * Odds multiplier by the dealer's engagement discipline (0–1): good dealers retain better beyond the
   * contacts the policy asks for. [[0, 0.85], [1, 1.15]]: assumption (DESIGN §2, uneven dealers).
   */
  readonly disciplineOdds: Curve;
  /**
   * Share of the contacts a dealer drops that a BDC recovers: a BDC dealer carries out a contact with
   * probability 1 − (1 − discipline)·(1 − lift). 0.5: assumption.
   */
  readonly bdcDisciplineLift: Num;
  /**
   * Odds multiplier by latent loyalty (0–1). [[0, 0.35], [0.5, 1], [1, 2.8]]: assumption, so that
   * latent loyalty spreads renewal about as widely as lessees vs loan customers — CALIBRATION B: Brand
   * loyalty lessees vs loan customers 71.5 vs 60.6 %.
   */
  readonly loyaltyOdds: Curve;
  /**
   * Goodwill damage: odds multiplier (≤ 1) on the customer's later renewals for each dunning action
   * taken, by segment. Harsh dunning of a reliable customer costs most (DESIGN §2). Assumption.
   */
  readonly goodwillOdds: ByDunningAction<BySegment<Num>>;
  /**
   * Monthly probability that a customer who received an early-upgrade offer upgrades now, by equity
   * (€, market value − payoff + waived instalments). Assumption: nobody upgrades under water; a few
   * percent a month once equity covers the switch.
   */
  readonly earlyUpgradeByEquity: Curve;
  /**
   * Probability that a lease customer who was offered an extension and would otherwise leave takes it at
   * maturity. 0.4: assumption.
   */
  readonly extensionTakeUp: Num;
  /** Months an accepted extension adds to the term. 6: assumption. */
  readonly extensionMonths: Num;
}

/** Monthly instalments: who misses them. */
export interface Payments {
  /**
   * Probability that a current contract misses this month's instalment, by segment and credit tier.
   * Derivation: annual net loss = 12 × misses per month × share of episodes that end in default × loss
   * given default. With the shipped uniform dunning policy as the reference, the segment spread of
   * CALIBRATION C: Payer mix 80/15/5 (a habitual late payer misses several times a year) and the cure
   * odds by tier below, the misses were scaled per tier until books of one tier lose 0.5 / 2.5 / 7.9 %
   * a year — CALIBRATION C: Annualised net loss prime 0.5, near-prime 2.5, subprime 8 % (4,000
   * contracts × 120 months, two iterations each). The resulting 60+ DPD stock is lower than the bureaus'
   * (≈ 0.3 % overall, 1.6 % subprime, against CALIBRATION C 1.3 % and 6 %): in the model every episode
   * cures or is terminated within the policy's horizon, while bureau figures also hold extensions,
   * bankruptcies and repossession pipelines. Losses drive profit, so they were matched first.
   */
  readonly missProbability: BySegment<ByTier<Num>>;
  /** Macro stress: odds multiplier on every miss probability by simulation month. Default flat 1. */
  readonly stressOdds: Curve;
  /** Share of missed instalments that are disputes, not inability to pay. CALIBRATION C: Invoice dispute rate 3 (<2 good, >5 bad) %. */
  readonly disputeShare: Num;
  /**
   * Probability per month that a delinquent customer pays all arrears without any action, by segment
   * (a forgetter catches up). Assumption (CALIBRATION "How far to trust" §6: no public cure benchmark).
   */
  readonly selfCure: BySegment<Num>;
  /**
   * Odds multiplier by credit tier on every cure (self-cure and dunning): ability to pay. 1 / 0.4 / 0.2:
   * assumption, set with the miss probabilities so that the subprime cure rate under uniform dunning is
   * ≈ 64 % of episodes against ≈ 90 % for prime.
   */
  readonly tierCureOdds: ByTier<Num>;
  /** Probability per month that a dispute resolves itself without a review. 0.1: assumption. */
  readonly disputeSelfResolve: Num;
}

/** How the world responds to dunning actions. */
export interface Dunning {
  /**
   * Probability per month that the action cures the delinquency, by segment (combined with self-cure:
   * either cures). For `payment-plan` it is the probability the customer accepts the plan; for
   * `collection-agency` it applies every month the debt stays placed. SMS reminder for a forgetter ≈
   * 0.23 — CALIBRATION C: SMS reminder effect 5 → 23 %; the rest assumption (CALIBRATION "How far to
   * trust" §6).
   */
  readonly cure: ByDunningAction<BySegment<Num>>;
  /** Odds multiplier on a reminder's cure by channel. sms 1, email 0.8, letter 0.7, phone 1.3: assumption. */
  readonly remindChannelOdds: ByRemindChannel<Num>;
  /** Cost of each action, € by segment. Assumption (agency fees and insurance are separate fields). */
  readonly cost: ByDunningAction<BySegment<Num>>;
  /** Probability per month that a customer on a payment plan breaks it, by segment. Assumption. */
  readonly planBreak: BySegment<Num>;
  /** Probability that a dispute review resolves a dispute (the customer then pays). 0.85: assumption. */
  readonly disputeReviewResolve: Num;
  /**
   * Odds multiplier on the cure of any action other than a review while a dispute is open (chasing a
   * disputed amount rarely works). 0.3: assumption.
   */
  readonly disputeActionOdds: Num;
  /** Agency fee, fraction of what the agency collects. CALIBRATION C: Collection-agency contingency fee 30 (15–50) %. */
  readonly agencyFeeShare: Num;
  /** Share of a written-off exposure the agency recovers when placed. CALIBRATION C: Agency recovery on placed debt 25 (20–30) %. */
  readonly agencyRecoveryShare: Num;
  /** Insurance indemnity, fraction of the loss within the limit. CALIBRATION C: Credit-insurance indemnity 90 (75–95) %. */
  readonly insuranceIndemnity: Num;
  /** Insured loss per contract, € (the credit limit). 25,000: assumption. */
  readonly insuranceLimit: Num;
  /** Days past due before a protracted-default claim is accepted. CALIBRATION C: Waiting period 3–6 months → 90. */
  readonly claimWaitingDays: Num;
  /** Days past due after which a claim is too late and pays nothing. CALIBRATION C: Waiting period 3–6 months → 180. */
  readonly claimWindowDays: Num;
  /** Premium, fraction of the insured instalments. CALIBRATION C: Credit-insurance premium 0.3 (0.15–1.2) % of insured turnover. */
  readonly insurancePremiumRate: Num;
  /**
   * Share of the vehicle's market value a repossession recovers (vehicles not found, damage,
   * forced-sale discount). 0.55: assumption, calibrated so that recoveries land near CALIBRATION C:
   * Recovery after charge-off prime 49, non-prime 35 % and Loss per repossession 7,400 $.
   */
  readonly repossessionRecoveryShare: Num;
  /**
   * Days past due at which a contract the policy never terminates is written off (no repossession).
   * 120: assumption, the US FFIEC charge-off rule for closed-end retail credit.
   */
  readonly chargeOffDays: Num;
}

/** Leads: arrivals and the funnel from first call to sale. */
export interface Leads {
  /**
   * Leads arriving per dealer and month by source (Poisson): web form 16, phone 6, chat 3, third party 6,
   * lost-sale quotes 4, data mining 5. Assumption: sized so that a baseline network (reactive
   * engagement, salesperson-prepared leads, uniform dunning, three-cycle remarketing; 250 contracts per
   * dealer) replaces the customers it loses and keeps its book about stable over ten years. The leads
   * stand for every prospect whose purchase the captive finances (its penetration is folded in).
   */
  readonly arrivals: BySource<Num>;
  /** Relative weight of each hour of the day 0–23 for arrivals. Assumption: office hours and evenings. */
  readonly hourProfile: readonly number[];
  /** Relative weight of each day Monday…Sunday. Assumption: weekday peak, busy Saturday. */
  readonly dayProfile: readonly number[];
  /** Showroom opening hour, weekdays and Saturday. 8: assumption. */
  readonly openingHour: number;
  /** Showroom closing hour on weekdays (exclusive). 18: assumption. */
  readonly closingHour: number;
  /** Showroom closing hour on Saturday; closed on Sunday. 17: assumption. */
  readonly saturdayClosingHour: number;
  /** Share of leads asking about a used vehicle, by source. Assumption. */
  readonly usedInterestShare: BySource<Num>;
  /** Share of leads who are customers already, by source (lost-sale quotes and data mining mostly are). Assumption. */
  readonly existingCustomerShare: BySource<Num>;
  /** Cost per lead, € by source. CALIBRATION D: Cost per lead €25 ($15–40); internal sources 0. */
  readonly costPerLead: BySource<Num>;
  /**
   * Share of leads that can be reached by phone at all (wrong numbers, fake forms), by source; an inbound
   * caller is on the line (1). Web forms 0.7: assumption, so that a BDC's prompt, persistent calling
   * reaches ≈ 60 % of web leads — the seeds' "60 % reached" with CALIBRATION D: Cumulative contact by
   * call attempt (83–91 % of reachable leads by the 3rd–5th attempt).
   */
  readonly reachableShare: BySource<Num>;
  /**
   * Probability that the first call reaches a reachable lead, by response minutes (arrival to first
   * call, including preparation). Decay shape from HBR (Oldroyd et al. 2011) and Oldroyd 2007 — steep
   * within the first hour, long tail — CALIBRATION D rows "First call within 5 minutes vs after 30
   * minutes" and "Response within 1 hour vs later"; scaled so a call within 2 minutes reaches 60 % and a
   * 30-minute response 39 % (CALIBRATION D: Cumulative contact by call attempt, 39 % at the first).
   * With the defaults the shipped lead policies convert ≈ 5 % (salesperson-prepared), 7 % (speed to
   * lead) and 10 % (BDC, 38 appointments per 100 leads) — CALIBRATION D: Internet lead-to-sale 10
   * (8–15) %, Lead-to-appointment 36 %; the seeds' 13 % and 20 % are targets, not observations
   * (CALIBRATION "How far to trust them" §1).
   */
  readonly firstContactByResponseMinutes: Curve;
  /**
   * Probability that each later attempt (2nd, 3rd, …) reaches a reachable lead not yet reached; the last
   * value repeats. From CALIBRATION D: Cumulative contact by call attempt 39/72/83/88/91 % →
   * conditional 0.54, 0.39, 0.29, 0.25.
   */
  readonly laterAttemptContact: readonly number[];
  /** Odds multiplier on first-call contact by source (an inbound caller is on the line). Assumption. */
  readonly inboundContactOdds: BySource<Num>;
  /**
   * Probability that a handler who has not reached the lead makes another attempt (up to the policy's
   * maxAttempts). Salesperson 0.35, so ≈ 1.4 attempts on average whatever the policy asks —
   * CALIBRATION D: Attempts salespeople actually make 1.3–1.6; BDC 1: it follows the policy.
   */
  readonly continueProbability: ByHandler<Num>;
  /** Minutes `prepareFirst` adds before the first call. 10: assumption (quote, stock check). */
  readonly prepareDelayMinutes: Num;
  /** Odds multiplier on the appointment when the handler prepared. 1.1: assumption, a prepared quote helps a little. */
  readonly prepareAppointmentOdds: Num;
  /**
   * Probability that a reached lead books an appointment. CALIBRATION D: Lead-to-appointment 36 (30–60)
   * % = 60 % reached × 60 % booked (de Vries/DCDW MAP).
   */
  readonly appointmentGivenContact: Num;
  /**
   * Odds multiplier on the appointment by response minutes: a lead called late has moved on.
   * CALIBRATION D: Response within 1 hour vs later 7× qualification odds (HBR 2011); the part not already
   * in the contact curve, assumption.
   */
  readonly appointmentOddsByResponseMinutes: Curve;
  /** Odds multiplier on the appointment by source (purchase intent). Assumption. */
  readonly sourceAppointmentOdds: BySource<Num>;
  /** Odds multiplier on the appointment by the lead's score (0–1). Assumption: [[0, 0.4], [0.5, 1], [1, 2.5]]. */
  readonly scoreOdds: Curve;
  /** Probability that an appointment shows. CALIBRATION D: Appointment show rate 60 (50–65) %. */
  readonly showProbability: Num;
  /** Probability that a shown appointment buys. CALIBRATION D: Show-to-sale 45 (40–50) %. */
  readonly showToSale: Num;
  /**
   * Dealer front-end gross per new vehicle sold, € per sale (the dealer's, not the captive's): lead
   * sales and renewals both book it, so a BDC is measured as Δconversion × leads × gross vs its cost.
   * 2,000: calibration E: New-vehicle front-end gross per unit 2,250 (1,200–6,200) $, at ≈ 0.92 € per $
   * (the dealer's commission from the captive is booked apart).
   */
  readonly grossPerSale: Num;
  /** BDC agents at each dealer that runs a BDC. 1: assumption. */
  readonly bdcAgentsPerDealer: Num;
  /**
   * Cost of a BDC agent, € per month. CALIBRATION D: BDC agent pay $43k + ~30 % on-costs → $4,660 a
   * month ≈ €4,300.
   */
  readonly bdcCostPerAgentMonth: Num;
  /** Leads one BDC agent can work in a month. 300: assumption (≈ 15 a working day). */
  readonly bdcCapacityPerAgentMonth: Num;
}
