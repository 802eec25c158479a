import { CHANNELS, CREDIT_TIERS, SEGMENTS } from '../domain/lists.ts';
import { OFFERS } from '../domain/lists.ts';
import { LEAD_SOURCES, HANDLERS } from '../domain/lists.ts';
import { CONDITIONS, DAMAGE } from '../domain/lists.ts';
import { DUNNING_ACTIONS } from '../domain/lists.ts';

/*
 * The shape and domain of every world assumption, for checking a scenario's `world` block. It mirrors
 * the World interface (assumptions.ts); a test checks the default world against it key by key, so the
 * two cannot drift apart silently.
 */

/** A `Num` (number or distribution) whose every possible value lies in [lo, hi]. */
export interface NumNode {
  readonly kind: 'num';
  readonly lo: number;
  readonly hi: number;
  readonly unit: string;
}
/** A curve whose y values lie in [lo, hi]. */
export interface CurveNode {
  readonly kind: 'curve';
  readonly lo: number;
  readonly hi: number;
  readonly unit: string;
}
/** A plain array of numbers in [lo, hi], of exactly `length` entries (or at least `minLength`). */
export interface NumbersNode {
  readonly kind: 'numbers';
  readonly lo: number;
  readonly hi: number;
  readonly length?: number;
  readonly minLength?: number;
  readonly positiveSum?: boolean;
  readonly unit: string;
}
/** A plain integer in [lo, hi] (no distribution: it shapes the calendar). */
export interface IntegerNode {
  readonly kind: 'integer';
  readonly lo: number;
  readonly hi: number;
  readonly unit: string;
}
export interface ObjectNode {
  readonly kind: 'object';
  readonly fields: ReadonlyMap<string, SchemaNode>;
  /** The fields are probabilities of one choice: at least one must be able to be positive. */
  readonly weights?: boolean;
}
export type SchemaNode = NumNode | CurveNode | NumbersNode | IntegerNode | ObjectNode;

const num = (lo: number, hi: number, unit: string): NumNode => ({ kind: 'num', lo, hi, unit });
const curve = (lo: number, hi: number, unit: string): CurveNode => ({ kind: 'curve', lo, hi, unit });
const integer = (lo: number, hi: number, unit: string): IntegerNode => ({ kind: 'integer', lo, hi, unit });
const object = (fields: Record<string, SchemaNode>, weights = false): ObjectNode => ({
  kind: 'object',
  fields: new Map(Object.entries(fields)),
  weights,
});
const table = (keys: readonly string[], node: SchemaNode, weights = false): ObjectNode =>
  object(Object.fromEntries(keys.map((k) => [k, node])), weights);

const INF = Infinity;
const probability = num(0, 1, '0–1');
const odds = num(0, INF, 'odds multiplier');
const euro = num(0, INF, '€');
const share = num(0, 1, 'fraction');
const rate = num(0, 1, 'fraction per year');
const CYCLES = ['cycle1', 'cycle2', 'cycle3'] as const;
const PRODUCTS = ['lease', 'loan'] as const;
const REMIND_CHANNELS = ['sms', 'email', 'letter', 'phone'] as const;

const segments = (node: SchemaNode): ObjectNode => table(SEGMENTS, node);
const tiers = (node: SchemaNode): ObjectNode => table(CREDIT_TIERS, node);
const sources = (node: SchemaNode): ObjectNode => table(LEAD_SOURCES, node);
const conditions = (node: SchemaNode, weights = false): ObjectNode => table(CONDITIONS, node, weights);
const actions = (node: SchemaNode): ObjectNode => table(DUNNING_ACTIONS, node);

/** The schema of the whole world. */
export const WORLD_SCHEMA: ObjectNode = object({
  economics: object({
    apr: table(PRODUCTS, tiers(rate)),
    fundingRate: rate,
    subsidyShareOfMsrp: share,
    subventedAprReduction: rate,
    subventedResidualUplift: num(-INF, INF, 'fraction of MSRP'),
    discountRate: num(-0.5, 1, 'fraction per year'),
  }),
  market: object({
    residualCurve: curve(0, 2, 'fraction of MSRP'),
    marketShift: num(-INF, INF, 'fraction of MSRP'),
    marketNoiseSd: num(0, 1, 'fraction of MSRP'),
    expectedKmPerYear: num(0, 500_000, 'km per year'),
    mileageValueEffect: num(0, 1, 'fraction of MSRP per 10,000 km'),
    conditionAtReturn: conditions(probability, true),
    conditionAtRepossession: conditions(probability, true),
    conditionValueEffect: conditions(num(-INF, INF, 'fraction of MSRP')),
    damageProbability: conditions(probability),
    serviceHistoryComplete: probability,
    incompleteHistoryDiscount: share,
    refurbishment: object({
      baseCost: euro,
      conditionCostMultiplier: conditions(num(0, INF, 'multiplier')),
      damageCost: table(DAMAGE, euro),
      costNoiseSd: num(0, 1, 'fraction of the estimate'),
      days: num(0, 365, 'days'),
    }),
    retailFrontGross: num(-0.5, 0.9, 'fraction of price'),
    wholesaleGross: num(-0.9, 0.5, 'fraction of price'),
    holdingCostPerDay: euro,
    inventoryPlacementProbability: probability,
    maxInventoryDays: num(0, 3_650, 'days'),
    buyOutByEquity: curve(0, 1, '0–1'),
  }),
  renewal: object({
    baseProbability: table(CYCLES, probability),
    contactTimingOdds: curve(0, INF, 'odds multiplier'),
    channelWeight: table(CHANNELS, num(0, 10, 'exponent')),
    preferredChannelBonus: num(0, 10, 'factor'),
    contactCost: table(CHANNELS, euro),
    offerOdds: table(OFFERS, odds),
    loyaltyRateDiscount: rate,
    servicePackageCost: euro,
    incentiveOddsPer1000: odds,
    equityOddsPer1000: odds,
    disciplineOdds: curve(0, INF, 'odds multiplier'),
    bdcDisciplineLift: share,
    loyaltyOdds: curve(0, INF, 'odds multiplier'),
    goodwillOdds: actions(segments(odds)),
    earlyUpgradeByEquity: curve(0, 1, '0–1 per month'),
    extensionTakeUp: probability,
    extensionMonths: num(0, 60, 'months'),
  }),
  payments: object({
    missProbability: segments(tiers(probability)),
    stressOdds: curve(0, INF, 'odds multiplier'),
    disputeShare: probability,
    selfCure: segments(probability),
    tierCureOdds: tiers(odds),
    disputeSelfResolve: probability,
  }),
  dunning: object({
    cure: actions(segments(probability)),
    remindChannelOdds: table(REMIND_CHANNELS, odds),
    cost: actions(segments(euro)),
    planBreak: segments(probability),
    disputeReviewResolve: probability,
    disputeActionOdds: odds,
    agencyFeeShare: share,
    agencyRecoveryShare: share,
    insuranceIndemnity: share,
    insuranceLimit: euro,
    claimWaitingDays: num(0, 3_650, 'days'),
    claimWindowDays: num(0, 3_650, 'days'),
    insurancePremiumRate: share,
    repossessionRecoveryShare: share,
    chargeOffDays: num(30, 3_650, 'days'),
  }),
  leads: object({
    arrivals: sources(num(0, 100_000, 'leads per dealer-month')),
    hourProfile: {
      kind: 'numbers',
      lo: 0,
      hi: INF,
      length: 24,
      positiveSum: true,
      unit: 'relative weight',
    },
    dayProfile: { kind: 'numbers', lo: 0, hi: INF, length: 7, positiveSum: true, unit: 'relative weight' },
    openingHour: integer(0, 23, 'hour'),
    closingHour: integer(1, 24, 'hour'),
    saturdayClosingHour: integer(0, 24, 'hour'),
    usedInterestShare: sources(probability),
    existingCustomerShare: sources(probability),
    costPerLead: sources(euro),
    reachableShare: sources(probability),
    firstContactByResponseMinutes: curve(0, 1, '0–1'),
    laterAttemptContact: { kind: 'numbers', lo: 0, hi: 1, minLength: 1, unit: '0–1' },
    inboundContactOdds: sources(odds),
    continueProbability: table(HANDLERS, probability),
    prepareDelayMinutes: num(0, 10_080, 'minutes'),
    prepareAppointmentOdds: odds,
    appointmentGivenContact: probability,
    appointmentOddsByResponseMinutes: curve(0, INF, 'odds multiplier'),
    sourceAppointmentOdds: sources(odds),
    scoreOdds: curve(0, INF, 'odds multiplier'),
    showProbability: probability,
    showToSale: probability,
    grossPerSale: num(-INF, INF, '€ per sale'),
    bdcAgentsPerDealer: num(0, 1_000, 'agents'),
    bdcCostPerAgentMonth: euro,
    bdcCapacityPerAgentMonth: num(0, 100_000, 'leads per agent-month'),
  }),
});
