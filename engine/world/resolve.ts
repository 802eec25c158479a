import { OFFERS } from '../domain/lists.ts';
import { DUNNING_ACTIONS } from '../domain/lists.ts';
import { HANDLERS, LEAD_SOURCES } from '../domain/lists.ts';
import { CONDITIONS, DAMAGE } from '../domain/lists.ts';
import { CHANNELS, CREDIT_TIERS, SEGMENTS } from '../domain/lists.ts';
import { exp, log, pow } from '../math/index.ts';
import { DECISIONS } from '../random/decisions.ts';
import { uniform } from '../random/streams.ts';
import type { World } from './assumptions.ts';
import type { PathOf } from './declare.ts';
import { interpolate, type Curve } from './curve.ts';
import { sample, type Num } from './distributions.ts';

/** Vehicle ages the residual table covers, months (older vehicles read the last entry). */
export const MAX_VEHICLE_AGE = 480;
/** Months to the end the contact-timing table covers. */
export const MAX_MONTHS_TO_END = 120;
/** Months behind beyond which the cure odds stay those of the last entry (the curve is flat there anyway). */
export const MAX_MONTHS_BEHIND = 120;
/** Remind channels in the order of `remindChannelLogOdds`. */
export const REMIND_CHANNELS = ['sms', 'email', 'letter', 'phone'] as const;

/** Hears one drawn value of a world assumption: its dotted path (e.g. 'economics.fundingRate') and value. */
export type WorldDrawListener = (path: string, value: number) => void;

/** A field or table entry of the world, e.g. 'economics.fundingRate'. */
type WorldPath = PathOf<World>;

/**
 * The world of one iteration: every `Num` drawn, probabilities turned into the log-odds the loop adds
 * effects to, tables flattened into typed arrays indexed by the catalogue's enum order
 * (segment · 3 + tier, action · 3 + segment, …). Rates are per month.
 */
export interface ResolvedWorld {
  // economics
  /** Customer rate per month, [product · 3 + tier], product 0 lease, 1 loan. */
  readonly aprMonthly: Float64Array;
  readonly fundingMonthly: number;
  /** Expected credit loss by tier, fraction of the balance per month: the credit part of a used contract's rate. */
  readonly creditRiskMonthly: Float64Array;
  readonly subsidyShare: number;
  readonly subventedAprReductionMonthly: number;
  readonly residualUplift: number;
  /** Discount factor of one month at the hurdle rate: (1 + hurdle)^(−1/12). */
  readonly monthlyDiscount: number;
  readonly capitalRatio: number;
  readonly residualCapitalRatio: number;
  /** Hurdle rate per month (the capital charge per € of equity and month). */
  readonly hurdleMonthly: number;
  readonly taxRate: number;
  readonly originationCost: number;
  readonly servicingCostPerMonth: number;
  readonly dealerCommissionShare: number;
  // parties
  readonly upliftSupport: number;
  /** Shares by party (PARTIES order: captive, dealer, manufacturer), summing to 1. */
  readonly residualRisk: Float64Array;
  readonly incentivesPaidBy: Float64Array;
  readonly engagementPaidBy: Float64Array;
  readonly leadsPaidBy: Float64Array;
  readonly manufacturerMargin: number;
  // market
  /** Clean value as a fraction of MSRP by age in months, 0…MAX_VEHICLE_AGE. */
  readonly residualByAge: Float64Array;
  readonly marketShift: number;
  readonly marketNoiseSd: number;
  readonly expectedKmPerMonth: number;
  /** Fraction of MSRP lost per km above the expected odometer. */
  readonly mileageEffectPerKm: number;
  /** Grade probabilities in CONDITIONS order (weights). */
  readonly conditionAtReturn: Float64Array;
  readonly conditionAtRepossession: Float64Array;
  readonly conditionValue: Float64Array;
  readonly damageProbability: Float64Array;
  readonly serviceHistoryComplete: number;
  readonly incompleteHistoryDiscount: number;
  readonly refurbBaseCost: number;
  readonly refurbConditionMultiplier: Float64Array;
  /** In DAMAGE order. */
  readonly damageCost: Float64Array;
  readonly refurbCostNoiseSd: number;
  readonly refurbDays: number;
  readonly retailFrontGross: number;
  readonly wholesaleGross: number;
  readonly holdingCostPerDay: number;
  /** The used-price index process (engine/sim/price-index.ts): monthly sds and persistence, the crash probability, size (fraction of value) and decay per month, its permanent share, and the scheduled crash's month and size. */
  readonly indexLevelSd: number;
  readonly indexDeviationSd: number;
  readonly indexPersistence: number;
  readonly indexJumpProbability: number;
  readonly indexJumpSize: number;
  readonly indexJumpDecay: number;
  readonly indexJumpPermanentShare: number;
  readonly indexShockMonth: number;
  readonly indexShockSize: number;
  /** Lease-end charges: the mileage allowance per contract-month (km), the excess charge (€ per km), the wear-and-tear charge by grade (€) and the disposition fee (€). */
  readonly mileageAllowancePerMonth: number;
  readonly excessMileageCharge: number;
  readonly damageCharge: Float64Array;
  readonly dispositionFee: number;
  readonly inventoryPlacementProbability: number;
  readonly maxInventoryDays: number;
  readonly buyOutByEquity: Curve;
  // renewal
  /** Base renewal log-odds by cycle − 1. */
  readonly renewalBaseLogit: Float64Array;
  /** Log of the contact-timing multiplier by months to the end, 0…MAX_MONTHS_TO_END. */
  readonly timingLogOdds: Float64Array;
  /** In CHANNELS order. */
  readonly channelWeight: Float64Array;
  readonly preferredChannelBonus: number;
  readonly contactCost: Float64Array;
  /** In OFFERS order. */
  readonly offerLogOdds: Float64Array;
  readonly loyaltyRateDiscountMonthly: number;
  readonly servicePackageCost: number;
  readonly incentiveLogOddsPerEuro: number;
  readonly equityLogOddsPerEuro: number;
  readonly disciplineOdds: Curve;
  readonly bdcDisciplineLift: number;
  readonly loyaltyOdds: Curve;
  /** [action · 3 + segment], action in DUNNING_ACTIONS order. */
  readonly goodwillLogOdds: Float64Array;
  readonly earlyUpgradeByEquity: Curve;
  readonly extensionTakeUp: number;
  readonly extensionMonths: number;
  // payments
  /** [segment · 3 + tier]. */
  readonly missProbability: Float64Array;
  readonly stressOdds: Curve;
  readonly disputeShare: number;
  /** By segment. */
  readonly selfCure: Float64Array;
  /** By tier. */
  readonly tierCureLogOdds: Float64Array;
  readonly disputeSelfResolve: number;
  /** Log of the cure odds multiplier by months behind (days past due 30·b + 15), 0…MAX_MONTHS_BEHIND. */
  readonly cureLogOddsByMonthsBehind: Float64Array;
  /** By tier. */
  readonly rollGivenNoCure: Float64Array;
  readonly lateRollGivenNoCure: number;
  readonly defaultDays: number;
  readonly forborneMissLogOdds: number;
  readonly forbearanceProbationMonths: number;
  // dunning
  /** [action · 3 + segment]. */
  readonly cure: Float64Array;
  /** In REMIND_CHANNELS order. */
  readonly remindChannelLogOdds: Float64Array;
  /** [action · 3 + segment], €. */
  readonly dunningCost: Float64Array;
  readonly planBreak: Float64Array;
  readonly disputeReviewResolve: number;
  readonly disputeActionLogOdds: number;
  readonly agencyFeeShare: number;
  readonly agencyRecoveryShare: number;
  readonly claimWaitingDays: number;
  readonly claimWindowDays: number;
  /** Payment-protection premium, fraction of the balance per month. */
  readonly insurancePremiumMonthly: number;
  readonly insuranceCommissionShare: number;
  readonly insuredEventShare: number;
  readonly insuranceBenefitMonths: number;
  readonly recoveryDelayMonths: number;
  readonly repossessionRecoveryShare: number;
  readonly chargeOffDays: number;
  // leads
  /** Mean arrivals per dealer-month in LEAD_SOURCES order. */
  readonly arrivals: Float64Array;
  /** Cumulative arrival weights by hour 0–23 (last entry = total). */
  readonly hourCumulative: Float64Array;
  /** Cumulative arrival weights by day Monday…Sunday. */
  readonly dayCumulative: Float64Array;
  readonly openingHour: number;
  readonly closingHour: number;
  readonly saturdayClosingHour: number;
  readonly usedInterestShare: Float64Array;
  readonly existingCustomerShare: Float64Array;
  readonly costPerLead: Float64Array;
  readonly reachableShare: Float64Array;
  readonly firstContactByResponseMinutes: Curve;
  readonly laterAttemptContact: Float64Array;
  readonly inboundContactLogOdds: Float64Array;
  /** In HANDLERS order. */
  readonly continueProbability: Float64Array;
  readonly prepareDelayMinutes: number;
  readonly prepareAppointmentLogOdds: number;
  readonly appointmentLogit: number;
  readonly appointmentOddsByResponseMinutes: Curve;
  readonly sourceAppointmentLogOdds: Float64Array;
  readonly scoreOdds: Curve;
  readonly showProbability: number;
  readonly showToSale: number;
  readonly grossPerSale: number;
  readonly bdcAgentsPerDealer: number;
  readonly bdcCostPerAgentMonth: number;
  readonly bdcCapacityPerAgentMonth: number;
}

/**
 * Draws every `Num` of `world` once for the iteration whose key is `key` and precomputes the tables the
 * monthly loop reads. Each field draws from its own stream, `uniform(key, 0, DECISIONS.world, j, k)`
 * with k a hash of the field's path and j the j-th uniform the distribution needs, so adding a field or
 * changing another field's distribution never moves a field's draw (common random numbers across
 * scenarios with different worlds).
 * `onDraw` hears every distribution's drawn value by its path (sensitivity analysis reads an
 * iteration's draws this way, from its key alone, without running it).
 * @example resolveWorld(defaultWorld(), iterationKey(42, 0)).fundingMonthly // 0.04 / 12
 */
export function resolveWorld(world: World, key: number, onDraw?: WorldDrawListener): ResolvedWorld {
  const drawAt = (path: string, x: Num): number => {
    if (typeof x === 'number') return x;
    const k = fieldHash(path);
    let j = 0;
    const value = sample(x, () => uniform(key, 0, DECISIONS.world, j++, k));
    onDraw?.(path, value);
    return value;
  };
  const draw = (path: WorldPath, x: Num): number => drawAt(path, x);
  /** Draws `table[name]` for each name, in that order, under `path.name`. */
  const tableOf = (
    path: WorldPath,
    table: object,
    names: readonly string[],
    f = (v: number) => v,
  ): Float64Array =>
    Float64Array.from(names, (name) => f(drawAt(`${path}.${name}`, (table as Record<string, Num>)[name]!)));
  const nested = (
    path: WorldPath,
    table: object,
    outer: readonly string[],
    inner: readonly string[],
    f = (v: number) => v,
  ): Float64Array => {
    const out = new Float64Array(outer.length * inner.length);
    outer.forEach((o, i) => {
      out.set(
        tableOf(`${path}.${o}` as WorldPath, (table as Record<string, object>)[o]!, inner, f),
        i * inner.length,
      );
    });
    return out;
  };

  const e = world.economics;
  const hurdle = draw('economics.hurdleRate', e.hurdleRate);
  /** Shares by party in PARTIES order, normalised to sum to 1. */
  const shares = (path: WorldPath, table: object): Float64Array => {
    const out = tableOf(path, table, ['captive', 'dealer', 'manufacturer']);
    const sum = out[0]! + out[1]! + out[2]!;
    for (let p = 0; p < 3; p++) out[p] = sum > 0 ? out[p]! / sum : p === 0 ? 1 : 0;
    return out;
  };
  const m = world.market;
  const r = world.renewal;
  const p = world.payments;
  const d = world.dunning;
  const l = world.leads;

  const residualByAge = new Float64Array(MAX_VEHICLE_AGE + 1);
  for (let age = 0; age <= MAX_VEHICLE_AGE; age++) residualByAge[age] = interpolate(m.residualCurve, age);
  const cureLogOddsByMonthsBehind = new Float64Array(MAX_MONTHS_BEHIND + 1);
  for (let b = 0; b <= MAX_MONTHS_BEHIND; b++)
    cureLogOddsByMonthsBehind[b] = safeLog(interpolate(p.cureOddsByDaysPastDue, 30 * b + 15));
  const timingLogOdds = new Float64Array(MAX_MONTHS_TO_END + 1);
  for (let k = 0; k <= MAX_MONTHS_TO_END; k++)
    timingLogOdds[k] = safeLog(interpolate(r.contactTimingOdds, k));

  const perMonth = (v: number) => v / 12;
  const expectedKmPerYear = draw('market.expectedKmPerYear', m.expectedKmPerYear);

  return {
    aprMonthly: nested('economics.apr', e.apr, ['lease', 'loan'], CREDIT_TIERS, perMonth),
    fundingMonthly: draw('economics.fundingRate', e.fundingRate) / 12,
    creditRiskMonthly: tableOf('economics.creditRiskPremium', e.creditRiskPremium, CREDIT_TIERS, perMonth),
    subsidyShare: draw('economics.subsidyShareOfMsrp', e.subsidyShareOfMsrp),
    subventedAprReductionMonthly: draw('economics.subventedAprReduction', e.subventedAprReduction) / 12,
    residualUplift: draw('economics.subventedResidualUplift', e.subventedResidualUplift),
    monthlyDiscount: pow(1 + hurdle, -1 / 12),
    capitalRatio: draw('economics.capitalRatio', e.capitalRatio),
    residualCapitalRatio: draw('economics.residualCapitalRatio', e.residualCapitalRatio),
    hurdleMonthly: hurdle / 12,
    taxRate: draw('economics.taxRate', e.taxRate),
    originationCost: draw('economics.originationCost', e.originationCost),
    servicingCostPerMonth: draw('economics.servicingCostPerMonth', e.servicingCostPerMonth),
    dealerCommissionShare: draw('economics.dealerCommissionShare', e.dealerCommissionShare),
    upliftSupport: draw('parties.upliftSupport', world.parties.upliftSupport),
    residualRisk: shares('parties.residualRisk', world.parties.residualRisk),
    incentivesPaidBy: shares('parties.incentivesPaidBy', world.parties.incentivesPaidBy),
    engagementPaidBy: shares('parties.engagementPaidBy', world.parties.engagementPaidBy),
    leadsPaidBy: shares('parties.leadsPaidBy', world.parties.leadsPaidBy),
    manufacturerMargin: draw(
      'parties.manufacturerMarginPerNewVehicle',
      world.parties.manufacturerMarginPerNewVehicle,
    ),

    residualByAge,
    marketShift: draw('market.marketShift', m.marketShift),
    marketNoiseSd: draw('market.marketNoiseSd', m.marketNoiseSd),
    expectedKmPerMonth: expectedKmPerYear / 12,
    mileageEffectPerKm: draw('market.mileageValueEffect', m.mileageValueEffect) / 10_000,
    conditionAtReturn: tableOf('market.conditionAtReturn', m.conditionAtReturn, CONDITIONS),
    conditionAtRepossession: tableOf('market.conditionAtRepossession', m.conditionAtRepossession, CONDITIONS),
    conditionValue: tableOf('market.conditionValueEffect', m.conditionValueEffect, CONDITIONS),
    damageProbability: tableOf('market.damageProbability', m.damageProbability, CONDITIONS),
    serviceHistoryComplete: draw('market.serviceHistoryComplete', m.serviceHistoryComplete),
    incompleteHistoryDiscount: draw('market.incompleteHistoryDiscount', m.incompleteHistoryDiscount),
    refurbBaseCost: draw('market.refurbishment.baseCost', m.refurbishment.baseCost),
    refurbConditionMultiplier: tableOf(
      'market.refurbishment.conditionCostMultiplier',
      m.refurbishment.conditionCostMultiplier,
      CONDITIONS,
    ),
    damageCost: tableOf('market.refurbishment.damageCost', m.refurbishment.damageCost, DAMAGE),
    refurbCostNoiseSd: draw('market.refurbishment.costNoiseSd', m.refurbishment.costNoiseSd),
    refurbDays: draw('market.refurbishment.days', m.refurbishment.days),
    retailFrontGross: draw('market.retailFrontGross', m.retailFrontGross),
    wholesaleGross: draw('market.wholesaleGross', m.wholesaleGross),
    holdingCostPerDay: draw('market.holdingCostPerDay', m.holdingCostPerDay),
    indexLevelSd: draw('market.priceIndex.levelVolatility', m.priceIndex.levelVolatility),
    indexDeviationSd: draw('market.priceIndex.deviationVolatility', m.priceIndex.deviationVolatility),
    indexPersistence: draw('market.priceIndex.deviationPersistence', m.priceIndex.deviationPersistence),
    indexJumpProbability: draw('market.priceIndex.jumpProbability', m.priceIndex.jumpProbability),
    indexJumpSize: draw('market.priceIndex.jumpSize', m.priceIndex.jumpSize),
    // 90 % of a crash's temporary part is regained after jumpRecoveryMonths: decay^months = 0.1.
    indexJumpDecay: pow(
      0.1,
      1 / draw('market.priceIndex.jumpRecoveryMonths', m.priceIndex.jumpRecoveryMonths),
    ),
    indexJumpPermanentShare: draw('market.priceIndex.jumpPermanentShare', m.priceIndex.jumpPermanentShare),
    indexShockMonth: Math.round(draw('market.priceIndex.shockMonth', m.priceIndex.shockMonth)),
    indexShockSize: draw('market.priceIndex.shockSize', m.priceIndex.shockSize),
    mileageAllowancePerMonth:
      draw('market.leaseEnd.mileageAllowanceKmPerYear', m.leaseEnd.mileageAllowanceKmPerYear) / 12,
    excessMileageCharge: draw('market.leaseEnd.excessMileageCharge', m.leaseEnd.excessMileageCharge),
    damageCharge: tableOf('market.leaseEnd.damageCharge', m.leaseEnd.damageCharge, CONDITIONS),
    dispositionFee: draw('market.leaseEnd.dispositionFee', m.leaseEnd.dispositionFee),
    inventoryPlacementProbability: draw(
      'market.inventoryPlacementProbability',
      m.inventoryPlacementProbability,
    ),
    maxInventoryDays: draw('market.maxInventoryDays', m.maxInventoryDays),
    buyOutByEquity: m.buyOutByEquity,

    renewalBaseLogit: tableOf(
      'renewal.baseProbability',
      r.baseProbability,
      ['cycle1', 'cycle2', 'cycle3'],
      logit,
    ),
    timingLogOdds,
    channelWeight: tableOf('renewal.channelWeight', r.channelWeight, CHANNELS),
    preferredChannelBonus: draw('renewal.preferredChannelBonus', r.preferredChannelBonus),
    contactCost: tableOf('renewal.contactCost', r.contactCost, CHANNELS),
    offerLogOdds: tableOf('renewal.offerOdds', r.offerOdds, OFFERS, safeLog),
    loyaltyRateDiscountMonthly: draw('renewal.loyaltyRateDiscount', r.loyaltyRateDiscount) / 12,
    servicePackageCost: draw('renewal.servicePackageCost', r.servicePackageCost),
    incentiveLogOddsPerEuro: safeLog(draw('renewal.incentiveOddsPer1000', r.incentiveOddsPer1000)) / 1_000,
    equityLogOddsPerEuro: safeLog(draw('renewal.equityOddsPer1000', r.equityOddsPer1000)) / 1_000,
    disciplineOdds: r.disciplineOdds,
    bdcDisciplineLift: draw('renewal.bdcDisciplineLift', r.bdcDisciplineLift),
    loyaltyOdds: r.loyaltyOdds,
    goodwillLogOdds: nested('renewal.goodwillOdds', r.goodwillOdds, DUNNING_ACTIONS, SEGMENTS, safeLog),
    earlyUpgradeByEquity: r.earlyUpgradeByEquity,
    extensionTakeUp: draw('renewal.extensionTakeUp', r.extensionTakeUp),
    extensionMonths: Math.round(draw('renewal.extensionMonths', r.extensionMonths)),

    missProbability: nested('payments.missProbability', p.missProbability, SEGMENTS, CREDIT_TIERS),
    stressOdds: p.stressOdds,
    disputeShare: draw('payments.disputeShare', p.disputeShare),
    selfCure: tableOf('payments.selfCure', p.selfCure, SEGMENTS),
    tierCureLogOdds: tableOf('payments.tierCureOdds', p.tierCureOdds, CREDIT_TIERS, safeLog),
    disputeSelfResolve: draw('payments.disputeSelfResolve', p.disputeSelfResolve),
    cureLogOddsByMonthsBehind,
    rollGivenNoCure: tableOf('payments.rollGivenNoCure', p.rollGivenNoCure, CREDIT_TIERS),
    lateRollGivenNoCure: draw('payments.lateRollGivenNoCure', p.lateRollGivenNoCure),
    defaultDays: draw('payments.defaultDays', p.defaultDays),
    forborneMissLogOdds: safeLog(draw('payments.forborneMissOdds', p.forborneMissOdds)),
    forbearanceProbationMonths: Math.round(
      draw('payments.forbearanceProbationMonths', p.forbearanceProbationMonths),
    ),

    cure: nested('dunning.cure', d.cure, DUNNING_ACTIONS, SEGMENTS),
    remindChannelLogOdds: tableOf('dunning.remindChannelOdds', d.remindChannelOdds, REMIND_CHANNELS, safeLog),
    dunningCost: nested('dunning.cost', d.cost, DUNNING_ACTIONS, SEGMENTS),
    planBreak: tableOf('dunning.planBreak', d.planBreak, SEGMENTS),
    disputeReviewResolve: draw('dunning.disputeReviewResolve', d.disputeReviewResolve),
    disputeActionLogOdds: safeLog(draw('dunning.disputeActionOdds', d.disputeActionOdds)),
    agencyFeeShare: draw('dunning.agencyFeeShare', d.agencyFeeShare),
    agencyRecoveryShare: draw('dunning.agencyRecoveryShare', d.agencyRecoveryShare),
    claimWaitingDays: draw('dunning.claimWaitingDays', d.claimWaitingDays),
    claimWindowDays: draw('dunning.claimWindowDays', d.claimWindowDays),
    insurancePremiumMonthly: draw('dunning.insurancePremiumRate', d.insurancePremiumRate) / 12,
    insuranceCommissionShare: draw('dunning.insuranceCommissionShare', d.insuranceCommissionShare),
    insuredEventShare: draw('dunning.insuredEventShare', d.insuredEventShare),
    insuranceBenefitMonths: Math.round(draw('dunning.insuranceBenefitMonths', d.insuranceBenefitMonths)),
    recoveryDelayMonths: Math.round(draw('dunning.recoveryDelayMonths', d.recoveryDelayMonths)),
    repossessionRecoveryShare: draw('dunning.repossessionRecoveryShare', d.repossessionRecoveryShare),
    chargeOffDays: draw('dunning.chargeOffDays', d.chargeOffDays),

    arrivals: tableOf('leads.arrivals', l.arrivals, LEAD_SOURCES),
    hourCumulative: cumulative(l.hourProfile),
    dayCumulative: cumulative(l.dayProfile),
    openingHour: l.openingHour,
    closingHour: l.closingHour,
    saturdayClosingHour: l.saturdayClosingHour,
    usedInterestShare: tableOf('leads.usedInterestShare', l.usedInterestShare, LEAD_SOURCES),
    existingCustomerShare: tableOf('leads.existingCustomerShare', l.existingCustomerShare, LEAD_SOURCES),
    costPerLead: tableOf('leads.costPerLead', l.costPerLead, LEAD_SOURCES),
    reachableShare: tableOf('leads.reachableShare', l.reachableShare, LEAD_SOURCES),
    firstContactByResponseMinutes: l.firstContactByResponseMinutes,
    laterAttemptContact: Float64Array.from(l.laterAttemptContact),
    inboundContactLogOdds: tableOf('leads.inboundContactOdds', l.inboundContactOdds, LEAD_SOURCES, safeLog),
    continueProbability: tableOf('leads.continueProbability', l.continueProbability, HANDLERS),
    prepareDelayMinutes: draw('leads.prepareDelayMinutes', l.prepareDelayMinutes),
    prepareAppointmentLogOdds: safeLog(draw('leads.prepareAppointmentOdds', l.prepareAppointmentOdds)),
    appointmentLogit: logit(draw('leads.appointmentGivenContact', l.appointmentGivenContact)),
    appointmentOddsByResponseMinutes: l.appointmentOddsByResponseMinutes,
    sourceAppointmentLogOdds: tableOf(
      'leads.sourceAppointmentOdds',
      l.sourceAppointmentOdds,
      LEAD_SOURCES,
      safeLog,
    ),
    scoreOdds: l.scoreOdds,
    showProbability: draw('leads.showProbability', l.showProbability),
    showToSale: draw('leads.showToSale', l.showToSale),
    grossPerSale: draw('leads.grossPerSale', l.grossPerSale),
    bdcAgentsPerDealer: draw('leads.bdcAgentsPerDealer', l.bdcAgentsPerDealer),
    bdcCostPerAgentMonth: draw('leads.bdcCostPerAgentMonth', l.bdcCostPerAgentMonth),
    bdcCapacityPerAgentMonth: draw('leads.bdcCapacityPerAgentMonth', l.bdcCapacityPerAgentMonth),
  };
}

/** Running sums of `weights`. */
function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

/** Log-odds of a probability, finite at 0 and 1 (±36.7: e^±36.7 is beyond double resolution of 1). */
export function logit(p: number): number {
  const q = p < 1e-16 ? 1e-16 : p > 1 - 1e-16 ? 1 - 1e-16 : p;
  return log(q / (1 - q));
}

/** The probability of log-odds `x`. */
export function logistic(x: number): number {
  return 1 / (1 + exp(-x));
}

/** Log of an odds multiplier, finite at 0 (a multiplier of 0 acts as "never"). */
function safeLog(x: number): number {
  return x > 1e-300 ? log(x) : -690;
}

/** FNV-1a of a field path: the stable draw index of that field's stream. */
function fieldHash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
