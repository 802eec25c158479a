import {
  CHANNELS,
  CONDITIONS,
  CREDIT_TIERS,
  DAMAGE,
  DUNNING_ACTIONS,
  HANDLERS,
  LEAD_SOURCES,
  OFFERS,
  SEGMENTS,
} from '../domain/lists.ts';
import {
  curve,
  field,
  group,
  integer,
  num,
  numbers,
  table,
  type NumNode,
  type Shape,
  type ValueOf,
  type WorldOf,
} from './declare.ts';
import { calibrated } from './calibrated.ts';

/*
 * The world: how customers and markets respond (docs/design.md). Three rules keep every number
 * defensible:
 *  - a probability is a probability (0–1, per month where it says so);
 *  - an effect is an odds multiplier (> 0; 1 = no effect, 1.8 = odds × 1.8): on a base probability p,
 *    effects m₁…mₖ give logistic(logit(p) + Σ log mᵢ);
 *  - a curve is a table of [x, y] points, interpolated linearly and flat beyond its ends.
 * Any numeric assumption may be a distribution (`Num`), drawn once per iteration: parameter uncertainty.
 * Money is in €, rates are fractions (0.07 = 7 %), shares of a price are fractions of that price.
 *
 * This is the world's one declaration: each field states its domain and unit, its default, its source
 * (`calibration A: Reconditioning cost 1,200 (500–2,500)` = docs/calibration.md section A, or
 * `assumption: …, because …`) and, where the workbench lets a user edit it, the label it shows. The
 * World type, defaultWorld(), the checking schema, the JSON Schema of scenario files and the
 * workbench's key assumptions are all read from it.
 */

const INF = Infinity;
const probability = num(0, 1, '0–1');
const odds = num(0, INF, 'odds multiplier');
const euro = num(0, INF, '€');
const share = num(0, 1, 'fraction');
const rate = num(0, 1, 'fraction per year');
const days = num(0, 3_650, 'days');
const oddsCurve = curve(0, INF, 'odds multiplier');
const CYCLES = ['cycle1', 'cycle2', 'cycle3'] as const;
const PRODUCTS = ['lease', 'loan'] as const;
/** Channels of a dunning reminder (the `remind` action's `channel`). */
const REMIND_CHANNELS = ['sms', 'email', 'letter', 'phone'] as const;

const segments = <S extends Shape>(of: S) => table(SEGMENTS, of);
const tiers = <S extends NumNode>(of: S) => table(CREDIT_TIERS, of);
const sources = <S extends NumNode>(of: S) => table(LEAD_SOURCES, of);
const conditions = <S extends NumNode>(of: S, weights = false) => table(CONDITIONS, of, weights);
const actions = <S extends NumNode>(of: S) => table(DUNNING_ACTIONS, table(SEGMENTS, of));

type BySegment = ValueOf<ReturnType<typeof segments<NumNode>>>;
type ByTier = ValueOf<ReturnType<typeof tiers<NumNode>>>;
const bySegment = (reliable: number, occasional: number, habitualLate: number): BySegment => ({
  reliable,
  occasional,
  'habitual-late': habitualLate,
});
const byTier = (prime: number, nearPrime: number, subprime: number): ByTier => ({
  prime,
  'near-prime': nearPrime,
  subprime,
});
const flat = (x: number): BySegment => bySegment(x, x, x);

/** Prices of money: what customers pay, what funding costs, what the manufacturer contributes. */
const economics = group('Economics', {
  apr: field(table(PRODUCTS, tiers(rate)), {
    default: { lease: byTier(0.07, 0.1, 0.15), loan: byTier(0.075, 0.105, 0.155) },
    description: 'Customer APR by product and credit tier, fraction per year.',
    source:
      'calibration A: Captive net financing margin 3.0 (2.5–5.5) % of receivables p.a. (prime = funding cost + 3.0 pp); assumption: near-prime and subprime add 3 and 8 pp, because risk-based pricing roughly covers each tier’s expected loss (calibration C: Annualised net loss near-prime 2.5, subprime 8 %); loans add 0.5 pp, because no residual risk premium offsets a loan’s longer term',
    edit: { 'lease.prime': 'Customer rate, prime lease' },
  }),
  creditRiskPremium: field(tiers(rate), {
    default: byTier(0.005, 0.025, 0.08),
    description:
      'Expected annual credit loss by tier, fraction of the balance per year: the credit part of a used contract’s (cycle 2 and 3) rate, which is built as funding + credit risk + operating cost + capital, with no subsidy.',
    source:
      'calibration C: Annualised net loss prime 0.5 (0.45–0.65), near-prime 2.5 (1.5–4), subprime 8 (7–10) %',
  }),
  fundingRate: field(rate, {
    default: 0.04,
    description: 'The captive’s cost of funds, fraction per year.',
    source:
      'assumption: 2024 euro/dollar ABS and bond funding levels, range 0.03–0.06; with the prime APR it gives calibration A’s 3.0 pp net financing margin',
    edit: { '': 'Funding cost of the captive' },
  }),
  subsidyShareOfMsrp: field(share, {
    default: 0.07,
    description:
      'Manufacturer subsidy paid to the captive on each new cycle-1 lease, fraction of MSRP: paid when the contract starts, recognised by the captive straight-line over the lease.',
    source: 'calibration A: OEM incentive (subvention) spend 7 (3–11) % of transaction price',
    edit: { '': 'Manufacturer subsidy per new lease' },
  }),
  subventedAprReduction: field(rate, {
    default: 0.03,
    description:
      'APR reduction the subsidy buys for the customer on a cycle-1 lease, fraction per year (subtracted from the APR, never below 0).',
    source:
      'assumption: over a 36-month term 3 pp on the average balance is worth about the 7 % subsidy, so subvention is roughly margin-neutral for the captive',
  }),
  subventedResidualUplift: field(num(-INF, INF, 'fraction of MSRP'), {
    default: 0.03,
    description:
      'Residual set above the guide on cycle-1 leases, fraction of MSRP (a subvented residual lowers the payment; at return the manufacturer refunds the part of a loss it explains, parties.upliftSupport).',
    source: 'calibration A: Subvented residual above guide +2 to +5 pp',
  }),
  capitalRatio: field(share, {
    default: 0.09,
    description:
      'Equity the captive holds per € of receivables (the credit part of the exposure), fraction: the funding cost is charged on the rest.',
    source:
      'calibration E: Economic capital held per € of receivables 9 (7–11) % (between the regulatory 6–8 % for 75 %-weighted retail auto exposure and the ≈ 10 % equity/assets captives report)',
    edit: { '': 'Equity held per € of receivables' },
  }),
  residualCapitalRatio: field(share, {
    default: 0.12,
    description:
      'Equity held per € of residual exposure on a lease (the balloon, up to the balance), fraction, instead of the capital ratio.',
    source:
      'assumption: the residual value of leased assets carries a 100 % risk weight against 75 % for retail exposure (EU CRR Art. 134(7); calibration E: Regulatory risk weight, retail auto loans and leases 75 %), so 9 % × 100/75, range 0.09–0.15',
  }),
  hurdleRate: field(num(0, 1, 'fraction per year'), {
    default: 0.13,
    description:
      'The captive’s hurdle rate (cost of equity), fraction per year: the capital charge is hurdle × equity, and every NPV discounts at it monthly. Pre-tax with a tax rate of 0; with a tax rate, give an after-tax hurdle.',
    source: 'calibration E: Hurdle rate / cost of equity, pre-tax 13 (10–15) %',
    edit: { '': 'Hurdle rate: capital charge and NPV discount' },
  }),
  taxRate: field(num(0, 0.9, 'fraction'), {
    default: 0,
    description:
      'Tax on each perspective’s result before the capital charge, fraction (linear: a loss earns a credit, as inside a group tax unit). 0 keeps the pre-tax basis of the hurdle rate.',
    source:
      'assumption: 0, the pre-tax basis of calibration E’s pre-tax hurdle; calibration E: US federal + average state 25.8 %, Germany 30 % — use them with an after-tax hurdle (e.g. 0.10)',
  }),
  originationCost: field(euro, {
    default: 230,
    description:
      'Direct cost per contract originated (credit decision, documents, funding), €, excluding the dealer’s commission.',
    source:
      'calibration E: Direct cost per contract originated (excl. dealer participation) 250 (150–500) $ per contract (an assumption there), at ≈ 0.92 € per $',
  }),
  servicingCostPerMonth: field(num(0, INF, '€ per contract-month'), {
    default: 18,
    description: 'Servicing cost per active contract and month, € (the variable cost policies move).',
    source: 'calibration E: Servicing cost per active contract 20 (10–35) $ per month, at ≈ 0.92 € per $',
    edit: { '': 'Servicing cost per contract-month' },
  }),
  dealerCommissionShare: field(num(0, 0.2, 'fraction of the amount financed'), {
    default: 0.01,
    description:
      'Dealer commission (participation) the captive pays per contract, fraction of the amount financed: paid up front, recognised by the captive straight-line over the contract.',
    source:
      'assumption: no source found gives a captive’s flat participation; the dealer’s F&I gross (calibration E: F&I gross per vehicle retailed 1,500 (1,400–1,750) $) includes it with product sales; range 0–0.02',
  }),
});

/** Shares of a cost or risk by the party that bears it (normalised to sum to 1). */
const payers = table(['captive', 'dealer', 'manufacturer'] as const, num(0, INF, 'share'), true);

/**
 * Who pays what between the captive, its dealers and the manufacturer (transfers are booked on both
 * sides; a perspective holding both parties nets them out).
 */
const parties = group('Parties', {
  upliftSupport: field(share, {
    default: 1,
    description:
      'Share of the subvented residual uplift the manufacturer refunds when a returned vehicle fetches less than its book value (residual support), fraction.',
    source:
      'calibration E: Subvention paid by OEM to captive — Ford pays Ford Credit “interest supplements and residual support”; range 0–1',
  }),
  residualRisk: field(payers, {
    default: { captive: 1, dealer: 0, manufacturer: 0 },
    description:
      'Who bears the residual result beyond the supported uplift (gain or loss at return), shares: a dealer share is a buy-back guarantee, a manufacturer share loss-sharing.',
    source: 'assumption: the usual captive lease, where the manufacturer’s support is the uplift; range: any',
  }),
  incentivesPaidBy: field(payers, {
    default: { captive: 0, dealer: 0, manufacturer: 1 },
    description: 'Who pays renewal incentives, waived instalments and service packages, shares.',
    source:
      'assumption: loyalty and early-upgrade programmes are usually manufacturer marketing money (calibration E: OEM accounting for subvention — incentives reduce the manufacturer’s revenue); range: any',
  }),
  engagementPaidBy: field(payers, {
    default: { captive: 1, dealer: 0, manufacturer: 0 },
    description: 'Who pays engagement contacts, shares.',
    source: 'assumption: the captive’s contact centre; range: any',
  }),
  leadsPaidBy: field(payers, {
    default: { captive: 0, dealer: 1, manufacturer: 0 },
    description: 'Who pays bought leads and BDC agents, shares.',
    source: 'assumption: the dealer’s sales budget; range: any',
  }),
  manufacturerMarginPerNewVehicle: field(num(-INF, INF, '€ per new vehicle'), {
    default: 7_400,
    description: 'The manufacturer’s contribution margin per new vehicle sold, €.',
    source:
      'calibration E: OEM contribution margin per unit (price − variable cost) 8,000 (5,000–12,000) $ (an assumption there), at ≈ 0.92 € per $',
    edit: { '': 'Manufacturer margin per new vehicle' },
  }),
});

/** Reconditioning of returned vehicles. */
const refurbishment = group('Reconditioning', {
  baseCost: field(euro, {
    default: 1_200,
    description: 'Base reconditioning cost, €.',
    source: 'calibration A: Reconditioning cost 1,200 (500–2,500) $/unit, taken 1:1 in €',
    edit: { '': 'Reconditioning cost per vehicle' },
  }),
  conditionCostMultiplier: field(conditions(num(0, INF, 'multiplier')), {
    default: { excellent: 0.6, good: 0.8, fair: 1.2, poor: 1.8 },
    description: 'Multiplier of the base cost by inspection grade.',
    source:
      'assumption: worse grades need more work; chosen with the grade mix so the average cost is calibration A’s 1,200',
  }),
  damageCost: field(table(DAMAGE, euro), {
    default: { body: 600, interior: 300, mechanical: 900, tyres: 400, glass: 250 },
    description: 'Added cost per kind of damage found, €.',
    source: 'assumption: typical repair prices, within calibration A’s 500–2,500 reconditioning range',
  }),
  costNoiseSd: field(num(0, 1, 'fraction of the estimate'), {
    default: 0.15,
    description:
      'Spread of the actual cost around the estimate, sd as a fraction of the estimate, drawn per vehicle.',
    source: 'assumption: estimates miss by about a sixth, range 0.05–0.3',
  }),
  days: field(num(0, 365, 'days'), {
    default: 7,
    description: 'Days from return to line-ready.',
    source: 'calibration A: Reconditioning time-to-line 7 (3–12) days',
  }),
});

/** What a lessee who hands the vehicle back at maturity pays: excess mileage, damage, disposition fee. */
const leaseEnd = group('Lease-end charges', {
  mileageAllowanceKmPerYear: field(num(0, 500_000, 'km per year'), {
    default: 18_000,
    description:
      'Mileage allowance of a lease, km per year of the contract: a returned vehicle driven further pays the excess-mileage charge on the difference.',
    source:
      'assumption: chosen so that about a quarter of lessees exceed it at the portfolio’s mileage (lognormal, mean 15,000, sd 5,000 km a year), as calibration E: Share of returns charged any lease-end fee assumes (P(excess miles) ≈ 25 %), because lessees choose their allowance up front; range 15,000–24,000 (calibration E: Standard mileage allowance 15,000 miles)',
  }),
  excessMileageCharge: field(num(0, 10, '€ per km'), {
    default: 0.09,
    description: 'Excess-mileage charge, € per km beyond the allowance.',
    source:
      'calibration E: Excess-mileage charge 0.15 (0.10–0.25) $ per mile = 0.093 $ per km, at 0.92 € per $; range 0.06–0.15',
  }),
  damageCharge: field(conditions(euro), {
    default: { excellent: 0, good: 0, fair: 250, poor: 700 },
    description:
      'Wear-and-tear charge billed at return by inspection grade, € (normal wear of excellent and good vehicles is not charged).',
    source:
      'calibration E: Average wear-and-tear charge per charged return 400 (250–1,250) $; assumption: charged on fair and poor grades only, so that at the default grade mix 35 % of returns are charged ≈ €380 on average (€130 per return)',
  }),
  dispositionFee: field(euro, {
    default: 320,
    description:
      'Disposition fee per returned lease, €; waived when the customer takes a new contract with the captive.',
    source:
      'calibration E: Disposition fee 350 (250–400) $ per returned vehicle, at 0.92 € per $; waived on a re-lease or new financing as Toyota Financial Services does',
  }),
});

/**
 * The used-vehicle price index, a monthly path per iteration: every value at an appraisal is multiplied
 * by exp(level + deviation + jumps) at its month. The level is a random walk (shifts that persist for
 * years), the deviation an AR(1) that decays, the jumps rare falls that are mostly regained. Pure mean
 * reversion would make "hold and wait" always win; a pure random walk would never regain a crash.
 */
const priceIndex = group('Used-price index', {
  levelVolatility: field(num(0, 0.5, 'sd of the monthly log change'), {
    default: 0.005,
    description:
      'Monthly volatility of the index’s permanent level (a random walk without drift in the mean), sd of the monthly log change.',
    source:
      'calibration E: Used-price index monthly volatility, calm regime 0.8 (0.5–1.3) pp; assumption: split about evenly between permanent and temporary moves, because level shifts persist for years (calibration E: Used-price index mean reversion), range 0–0.008',
  }),
  deviationVolatility: field(num(0, 0.5, 'sd of the monthly log change'), {
    default: 0.006,
    description: 'Monthly volatility of the index’s temporary deviation, sd of the monthly innovation.',
    source:
      'calibration E: Used-price index monthly volatility, calm regime 0.8 (0.5–1.3) pp, with the level’s 0.5 giving ≈ 0.8 in all; range 0.003–0.01',
  }),
  deviationPersistence: field(num(0, 0.999, 'per month'), {
    default: 0.9,
    description: 'Share of the temporary deviation left after a month (AR(1) coefficient).',
    source: 'calibration E: Used-price index mean reversion φ ≈ 0.90–0.95 a month (half-life 6–12 months)',
  }),
  jumpProbability: field(probability, {
    default: 0.006,
    description: 'Probability of a crash of the index in a month.',
    source:
      'calibration E: Used-price index 2008 and 2020 shocks: two crashes since the index began in January 1997, ≈ 2 in 340 months; range 0–0.01',
  }),
  jumpSize: field(num(-0.9, 0, 'fraction of value'), {
    default: -0.105,
    description: 'Fall of the index in a crash (random or scheduled), fraction of value.',
    source: 'calibration E: Used-price index 2008 shock −10.5 (−10.5 to −13) % in two months',
  }),
  jumpRecoveryMonths: field(num(1, 120, 'months'), {
    default: 7,
    description:
      'Months after which 90 % of a crash is regained (its temporary part decays geometrically at that pace).',
    source: 'calibration E: Used-price index 2008 shock, months to recover 7 (6–8); 2020 regained in about 2',
  }),
  jumpPermanentShare: field(share, {
    default: 0,
    description: 'Share of a crash that is never regained (becomes part of the permanent level).',
    source:
      'assumption: 0, because 2008 and 2020 were regained in full (calibration E: Used-price index 2008 and 2020 shocks); range 0–0.5',
  }),
  shockMonth: field(num(1, 1_200, 'simulation month'), {
    default: 1,
    description:
      'Month of a scheduled crash of size shockSize (a scenario’s stress), besides the random ones; from month 1.',
    source: 'assumption: no scheduled crash unless a scenario sets one',
  }),
  shockSize: field(num(-0.9, 0, 'fraction of value'), {
    default: 0,
    description: 'Fall of the index in the scheduled crash, fraction of value; 0 = none.',
    source: 'assumption: no scheduled crash unless a scenario sets one (2008: −0.105)',
  }),
});

/** The used-vehicle market: values at return, condition, refurbishment and inventory. */
const market = group('Used-vehicle market', {
  residualCurve: field(curve(0, 2, 'fraction of MSRP'), {
    default: [
      [0, 1],
      [12, 0.76],
      [24, 0.64],
      [36, 0.55],
      [48, 0.46],
      [60, 0.38],
      [72, 0.32],
      [84, 0.27],
      [96, 0.23],
      [120, 0.17],
      [180, 0.08],
      [240, 0.04],
    ],
    description: 'Clean wholesale value by vehicle age, fraction of MSRP, by age in months.',
    source:
      'calibration A: Residual as % of MSRP at 24/36/48/60 months (0.64/0.55/0.46/0.38); assumption: 0.76 at 12 months (Carfax −20 % in year 1, less the guide’s drive-off), then ≈ −15 % a year after year 5 (Carfax −10 to −15 %/yr)',
  }),
  marketShift: field(num(-INF, INF, 'fraction of MSRP'), {
    default: 0,
    description:
      'Market level against the curve, fraction of MSRP (all vehicles, one draw per iteration): the regime lever. ≈ +0.10 reproduces 2022’s lessee equity.',
    source:
      'calibration A: Lessee equity at maturity −1,500 (−2,000 to +8,500) $/unit, 0 in a normal market; see calibration, How far to trust them §4',
    edit: { '': 'Used-vehicle values against the guide' },
  }),
  marketNoiseSd: field(num(0, 1, 'fraction of MSRP'), {
    default: 0.06,
    description:
      'Spread of an individual vehicle’s value around the market, sd in fractions of MSRP, drawn once per vehicle (normal).',
    source: 'calibration A: Residual as % of MSRP (±6 pp)',
  }),
  priceIndex,
  expectedKmPerYear: field(num(0, 500_000, 'km per year'), {
    default: 15_000,
    description: 'Odometer reading expected for the age, km per year.',
    source: 'assumption: the portfolio’s mean usage, range 10,000–20,000',
  }),
  mileageValueEffect: field(num(0, 1, 'fraction of MSRP per 10,000 km'), {
    default: 0.015,
    description: 'Value lost per 10,000 km above the expected odometer (gained below), fraction of MSRP.',
    source: 'assumption: typical guide mileage adjustments of 1–2 % of the new price per 10,000 km',
  }),
  conditionAtReturn: field(conditions(probability, true), {
    default: { excellent: 0.15, good: 0.5, fair: 0.25, poor: 0.1 },
    description:
      'Inspection grade of a vehicle returned at the end of a contract, probabilities (normalised to sum 1).',
    source:
      'assumption: no public grade mix; chosen so the average reconditioning cost matches calibration A’s 1,200',
  }),
  conditionAtRepossession: field(conditions(probability, true), {
    default: { excellent: 0.02, good: 0.28, fair: 0.4, poor: 0.3 },
    description: 'Grade of a repossessed vehicle, probabilities.',
    source: 'assumption: repossessions come back worse than returns',
  }),
  conditionValueEffect: field(conditions(num(-INF, INF, 'fraction of MSRP')), {
    default: { excellent: 0.02, good: 0, fair: -0.03, poor: -0.08 },
    description: 'Value effect of the grade on the as-returned market value, fraction of MSRP.',
    source: 'assumption: guide condition adjustments',
  }),
  damageProbability: field(conditions(probability), {
    default: { excellent: 0.02, good: 0.1, fair: 0.35, poor: 0.7 },
    description: 'Probability that an inspection finds each kind of damage, by grade (independent per kind).',
    source: 'assumption: damage is what makes a grade; no public figures',
  }),
  serviceHistoryComplete: field(probability, {
    default: 0.8,
    description: 'Probability that a returned vehicle has a complete dealer service history.',
    source: 'assumption: most leased vehicles are serviced at the dealer, range 0.6–0.9',
  }),
  incompleteHistoryDiscount: field(share, {
    default: 0.03,
    description: 'Retail value lost without a complete service history, fraction of retail value.',
    source: 'assumption: a small buyer discount, range 0.01–0.05',
  }),
  refurbishment,
  retailFrontGross: field(num(-0.5, 0.9, 'fraction of price'), {
    default: 0.035,
    description:
      'Used retail front gross, fraction of the retail price: the dealer’s margin over wholesale value plus reconditioning, so retail value = (clean value + base reconditioning cost) / (1 − front gross).',
    source: 'calibration A: Used retail front gross 3.5 (3–11.5) % of price',
  }),
  wholesaleGross: field(num(-0.9, 0.5, 'fraction of price'), {
    default: -0.02,
    description:
      'Wholesale (auction) result, fraction of the as-returned market value (negative: fees and auction discount).',
    source: 'calibration A: wholesale gross −2 (−5 to 0) % of price',
    edit: { '': 'Wholesale (auction) result' },
  }),
  holdingCostPerDay: field(num(0, INF, '€ per day'), {
    default: 36,
    description:
      'Cost of a vehicle in reconditioning or inventory, € per day (floorplan, lot, depreciation while waiting).',
    source: 'calibration A: Holding cost 36 $/unit/day (NCM Associates), taken 1:1 in €',
    edit: { '': 'Holding cost per vehicle in stock' },
  }),
  leaseEnd,
  inventoryPlacementProbability: field(probability, {
    default: 0.7,
    description:
      'Probability that a refurbished vehicle in inventory is placed on a new contract in a month, besides the used-interest leads that take inventory first.',
    source:
      'assumption: about 30 days in stock after reconditioning, because a used days’ supply of 40–50 days in normal markets includes acquisition and reconditioning',
  }),
  maxInventoryDays: field(num(0, 3_650, 'days'), {
    default: 90,
    description: 'Days in inventory after which an unplaced refurbished vehicle is wholesaled.',
    source: 'assumption: the common 90-day used-inventory turn rule, range 60–120',
  }),
  buyOutByEquity: field(curve(0, 1, '0–1'), {
    default: [
      [-6_000, 0.15],
      [-1_500, 0.4],
      [0, 0.5],
      [3_000, 0.75],
      [8_500, 0.92],
    ],
    description:
      'Buy-out probability of a lease at maturity by the customer’s equity (market value − residual, €).',
    source:
      'calibration A: Lease-end return rate 55 (9–82) % of maturities; tuned so that at calibration A’s normal-market equity (−1,500) about 60 % of maturities are returned and at +8,500 (2022) about 8 %',
  }),
});

/** Whether a customer whose contract ends takes a new contract with the captive. */
const renewal = group('Renewal', {
  baseProbability: field(table(CYCLES, probability), {
    default: { cycle1: calibrated('renewal.baseProbability.cycle1'), cycle2: 0.41, cycle3: 0.36 },
    description:
      'Renewal probability by the cycle of the ending contract, with every effect at 1 (no contact, an average dealer and customer).',
    source:
      'calibration B: Household brand loyalty 51 (50–55) %, Same-brand repurchase through a captive 50 %; set by hand so that the baseline (reactive engagement) retains ≈ 52 % (default world and portfolio, 5,000 contracts, 120 months); cycle 1 is `cyclecast calibrate`’s parameter for target renewal (its value lives in engine/world/calibrated.json); assumption: cycle 2 a little lower; cycle 3 lower — calibration B: Brand loyalty by ownership length (−10 pp after month 36)',
    edit: {
      cycle1: 'Renewal probability after cycle 1, no contact',
      cycle2: 'Renewal probability after cycle 2, no contact',
      cycle3: 'Renewal probability after cycle 3, no contact',
    },
  }),
  contactTimingOdds: field(oddsCurve, {
    default: [
      [0, 1.1],
      [3, 1.25],
      [6, 1.45],
      [12, 1.8],
      [18, 1.8],
      [24, 1.4],
      [36, 1.1],
    ],
    description:
      'Odds multiplier of an engagement contact by the months to the end at which it was made; the best contact of the contract counts.',
    source:
      'calibration B: Consideration window starts 12 (6–12) months before end (J.D. Power), ≈ 1.8 for 12–18 months before the end; assumption: smaller for late contacts, because the customer has started shopping, fading for contacts years ahead',
    challengerEffect: {
      claim: 'trade cycle management: contacts 12–18 months before the end',
      evidence: 'correlational',
      of: 'the odds multiplier of a contact 12–18 months before the end (the survey places the window, no trial measured the lift)',
      range: [1, 1.8],
      noEffect: 1,
    },
  }),
  channelWeight: field(table(CHANNELS, num(0, 10, 'exponent')), {
    default: { phone: 1, email: 0.6, sms: 0.5, letter: 0.5, 'dealer-visit': 1.2 },
    description:
      'Share of the contact effect a channel delivers, as an exponent on the timing multiplier (1 = full effect; 0.5 = its square root).',
    source: 'assumption: personal contact converts better',
  }),
  preferredChannelBonus: field(num(0, 10, 'factor'), {
    default: 1.25,
    description: 'Factor on the channel weight when the channel is the customer’s preferred one.',
    source: 'assumption: a preferred channel is heard better, range 1–1.5',
  }),
  contactCost: field(table(CHANNELS, euro), {
    default: { phone: 8, email: 0.5, sms: 0.3, letter: 2, 'dealer-visit': 40 },
    description: 'Engagement cost per contact carried out, € by channel.',
    source: 'assumption: agent time, postage and message fees; a dealer visit is an hour of staff time',
    edit: { phone: 'Cost of an engagement phone call' },
  }),
  offerOdds: field(table(OFFERS, odds), {
    default: {
      none: 1,
      'early-upgrade': 1.15,
      'loyalty-rate': 1.3,
      'service-package': 1.1,
      extension: 1,
    },
    description:
      'Odds multiplier of each offer made on the contract (the best offer counts; offers do not stack).',
    source: 'assumption: a rate offer is worth most to the customer; no public figures',
  }),
  loyaltyRateDiscount: field(rate, {
    default: 0.01,
    description: 'APR reduction on the renewal contract when a loyalty rate was offered, fraction per year.',
    source: 'assumption: a typical loyalty rate, range 0.005–0.02',
  }),
  servicePackageCost: field(euro, {
    default: 300,
    description: 'Cost of a service package, € paid when the customer renews after that offer.',
    source: 'assumption: a year or two of scheduled servicing at cost',
  }),
  incentiveOddsPer1000: field(odds, {
    default: 1.12,
    description: 'Odds multiplier per €1,000 of incentive offered (paid only if the customer renews).',
    source: 'assumption: a modest price elasticity, range 1.05–1.2',
  }),
  equityOddsPer1000: field(odds, {
    default: 1.05,
    description:
      'Odds multiplier per €1,000 of positive equity at the end (equity can fund the next contract).',
    source: 'assumption: weaker than a cash incentive, range 1–1.1',
  }),
  disciplineOdds: field(oddsCurve, {
    default: [
      [0, 0.85],
      [1, 1.15],
    ],
    description:
      'Odds multiplier by the dealer’s engagement discipline (0–1): good dealers retain better beyond the contacts the policy asks for.',
    source: 'assumption: dealers are uneven (docs/design.md)',
  }),
  bdcDisciplineLift: field(share, {
    default: 0.5,
    description:
      'Share of the contacts a dealer drops that a BDC recovers: a BDC dealer carries out a contact with probability 1 − (1 − discipline)·(1 − lift).',
    source: 'assumption: a BDC works its list, but not every dropped contact reaches it',
  }),
  loyaltyOdds: field(oddsCurve, {
    default: [
      [0, 0.35],
      [0.5, 1],
      [1, 2.8],
    ],
    description: 'Odds multiplier by latent loyalty (0–1).',
    source:
      'assumption: latent loyalty spreads renewal about as widely as lessees vs loan customers — calibration B: Brand loyalty lessees vs loan customers 71.5 vs 60.6 %',
  }),
  goodwillOdds: field(actions(odds), {
    default: {
      remind: bySegment(0.98, 0.99, 1),
      call: bySegment(0.93, 0.96, 0.99),
      'payment-plan': bySegment(0.97, 0.98, 1),
      'dispute-review': flat(1),
      'collection-agency': bySegment(0.5, 0.65, 0.8),
      'insurance-claim': flat(1),
      repossess: bySegment(0.2, 0.3, 0.4),
      'write-off': bySegment(0.3, 0.4, 0.5),
      hold: flat(1),
    },
    description:
      'Goodwill damage: odds multiplier (≤ 1) on the customer’s later renewals for each dunning action taken, by segment.',
    source: 'assumption: harsh dunning of a reliable customer costs most (docs/design.md); no public figures',
    challengerEffect: {
      claim: 'segmented dunning: sparing reliable payers harsh actions keeps their renewals',
      evidence: 'assumption',
      of: 'the odds multiplier on a reliable customer’s renewals after a collection-agency placement',
      range: [0.5, 1],
      noEffect: 1,
    },
  }),
  earlyUpgradeByEquity: field(curve(0, 1, '0–1 per month'), {
    default: [
      [-1_000, 0],
      [0, 0.01],
      [2_000, 0.03],
      [6_000, 0.06],
      [12_000, 0.1],
    ],
    description:
      'Monthly probability that a customer who received an early-upgrade offer upgrades now, by equity (€, market value − payoff + waived instalments).',
    source: 'assumption: nobody upgrades under water; a few percent a month once equity covers the switch',
  }),
  extensionTakeUp: field(probability, {
    default: 0.4,
    description:
      'Probability that a lease customer who was offered an extension and would otherwise leave takes it at maturity.',
    source: 'assumption: an extension is the easy choice for an undecided customer, range 0.2–0.6',
  }),
  extensionMonths: field(num(0, 60, 'months'), {
    default: 6,
    description: 'Months an accepted extension adds to the term.',
    source: 'assumption: the usual short extension, range 3–12',
  }),
});

/** Monthly instalments: who misses them. */
const payments = group('Payments and dunning', {
  missProbability: field(segments(tiers(probability)), {
    default: {
      reliable: byTier(0.014, 0.03, calibrated('payments.missProbability.reliable.subprime')),
      occasional: byTier(0.07, 0.1, 0.17),
      'habitual-late': byTier(0.175, 0.25, 0.36),
    },
    description:
      'Probability that a current contract misses this month’s instalment, by segment and credit tier.',
    source:
      'calibration C: Annualised net loss prime 0.5 (0.45–0.65), near-prime 2.5 (1.5–4), subprime 8 (7–10) %: with the bucket cure and roll rates and the shipped uniform dunning, scaled with tierCureOdds until the baseline’s tiers lose ≈ 0.5 / 2.4 / 8.5 % of their own exposure a year (default world and portfolio, 20 iterations × 120 months; test/economics/plausibility.test.ts holds the bands); range ×0.7–1.5 of each value. With repossessions waiting for their sale the 30+ and 60+ DPD stocks land in their bands too (docs/economics.md). reliable.subprime is `cyclecast calibrate`’s parameter for target loss, the baseline’s net credit loss (its value lives in engine/world/calibrated.json)',
  }),
  stressOdds: field(oddsCurve, {
    default: [[0, 1]],
    description:
      'Macro stress: odds multiplier on every miss probability by simulation month. Default flat 1.',
    source: 'assumption: no stress unless a scenario sets one',
  }),
  disputeShare: field(probability, {
    default: 0.03,
    description: 'Share of missed instalments that are disputes, not inability to pay.',
    source: 'calibration C: Invoice dispute rate 3 (<2 good, >5 bad) %',
    edit: { '': 'Missed instalments that are disputes' },
  }),
  selfCure: field(segments(probability), {
    default: bySegment(0.6, 0.4, calibrated('payments.selfCure.habitual-late')),
    description:
      'Probability per month that a delinquent customer pays all arrears without any action, by segment (a forgetter catches up).',
    source:
      'assumption: no public cure benchmark (calibration, How far to trust them §6); reliable payers forget, habitual late payers cannot pay; habitual-late is `cyclecast calibrate`’s parameter for target delinquency, the baseline’s 60+ DPD stock (its value lives in engine/world/calibrated.json)',
  }),
  tierCureOdds: field(tiers(odds), {
    default: byTier(0.35, 0.25, 0.15),
    description: 'Odds multiplier by credit tier on every cure (self-cure and dunning): ability to pay.',
    source:
      'assumption: set with the miss probabilities so that the tiers’ losses land in calibration C: Annualised net loss by tier, because a lower tier cures less for the same reminder; range 0.2–1 prime, 0.1–0.5 near-prime, 0.05–0.3 subprime',
  }),
  disputeSelfResolve: field(probability, {
    default: 0.1,
    description: 'Probability per month that a dispute resolves itself without a review.',
    source: 'assumption: most disputes need a review, range 0.05–0.2',
  }),
  cureOddsByDaysPastDue: field(oddsCurve, {
    default: [
      [15, 1],
      [45, 1],
      [75, 0.9],
      [105, 0.45],
      [165, 0.15],
    ],
    description:
      'Odds multiplier on every cure (self-cure, dunning actions, the agency) by the days past due at the start of the month: the older the arrears, the less likely the customer can pay them.',
    source:
      'calibration C: Monthly cure from 30 DPD to current 45 (30–60) % and Collectability by age (95 % when due, 81 % at 60 days, 70 % at 90, 52 % at six months); assumption: the odds of a cure halve about every two months behind, because collectability falls by about that much per bucket, range 0.3–0.8 at 45 days, 0.05–0.3 at 105',
  }),
  rollGivenNoCure: field(tiers(probability), {
    default: byTier(0.16, 0.25, 0.3),
    description:
      'Probability that a delinquent customer who does not cure this month misses the instalment due as well (rolls one bucket further behind), by credit tier, up to 60 days past due; otherwise they pay it and stay in their bucket.',
    source:
      'calibration C: Monthly roll 30→60 DPD, prime 12 (10–15) %, full-spectrum 23 (20–30) %; set with the cure odds so that the baseline rolls about these shares of its 31–60 DPD accounts; range 0.1–0.8',
  }),
  lateRollGivenNoCure: field(probability, {
    default: 0.6,
    description:
      'As rollGivenNoCure from 61 days past due on, every tier: who is two instalments behind rarely pays the next one.',
    source: 'calibration C: Monthly roll 60→90 DPD 60 (50–70) %; range 0.5–0.9',
  }),
  defaultDays: field(num(30, 3_650, 'days'), {
    default: 90,
    description:
      'Days past due at which a contract counts as defaulted (the default point of credit.defaultRate), whether or not it later cures or is terminated.',
    source:
      'calibration C: Default definition, EU/IFRS 90 days past due; range 60–180 (the US charge-off point 120)',
    edit: { '': 'Default point, days past due' },
  }),
  forborneMissOdds: field(odds, {
    default: 2.5,
    description:
      'Odds multiplier on the miss probability of a forborne contract (one granted a payment plan, until its probation ends): forbearance is not a cure, a forborne customer defaults again more often.',
    source:
      'assumption: forborne exposures re-default at two to three times the rate of performing ones, because a plan is granted to customers who already failed once (calibration C: Forbearance probation), range 1.5–4',
  }),
  forbearanceProbationMonths: field(num(0, 120, 'months'), {
    default: 24,
    description:
      'Months a contract stays forborne after its payment plan ends (kept or broken): reported in credit.forborneShare, with the higher miss odds.',
    source: 'calibration C: Forbearance probation 24 months; range 12–24',
  }),
});

/** How the world responds to dunning actions. */
const dunning = group('Payments and dunning', {
  cure: field(actions(probability), {
    default: {
      remind: bySegment(0.5, 0.3, 0.12),
      call: bySegment(0.6, 0.45, 0.25),
      'payment-plan': bySegment(0.8, 0.7, 0.5),
      'dispute-review': bySegment(0.1, 0.08, 0.05),
      'collection-agency': bySegment(0.2, 0.2, 0.2),
      'insurance-claim': flat(0),
      repossess: flat(0),
      'write-off': flat(0),
      hold: flat(0),
    },
    description:
      'Probability per month that the action cures the delinquency, by segment (combined with self-cure: either cures). For `payment-plan` it is the probability the customer accepts the plan; for `collection-agency` it applies every month the debt stays placed.',
    source:
      'calibration C: SMS reminder effect 5 → 23 % (an SMS reminder for a forgetter ≈ 0.23); the rest assumption: no public cure benchmark by dunning stage (calibration, How far to trust them §6)',
    challengerEffect: {
      claim: 'segmented dunning: a reminder is enough for a reliable payer, a call for the others',
      evidence: 'assumption',
      of: 'a reminder’s monthly cure for a reliable payer over a habitual late payer’s (0.5 / 0.12; 1 = segments respond alike)',
      range: [1, 4.2],
      noEffect: 1,
    },
  }),
  remindChannelOdds: field(table(REMIND_CHANNELS, odds), {
    default: { sms: 1, email: 0.8, letter: 0.7, phone: 1.3 },
    description: 'Odds multiplier on a reminder’s cure by channel.',
    source: 'assumption: a call is hardest to ignore, a letter easiest',
  }),
  cost: field(actions(euro), {
    default: {
      remind: flat(1),
      call: flat(8),
      'payment-plan': flat(25),
      'dispute-review': flat(60),
      'collection-agency': flat(0),
      'insurance-claim': flat(50),
      repossess: flat(1_200),
      'write-off': flat(20),
      hold: flat(0),
    },
    description: 'Cost of each action, € by segment (agency fees and insurance are separate fields).',
    source: 'assumption: staff time per action; a repossession pays a recovery agent and transport',
  }),
  planBreak: field(segments(probability), {
    default: bySegment(0.08, 0.15, 0.3),
    description: 'Probability per month that a customer on a payment plan breaks it, by segment.',
    source: 'assumption: no public figures; habitual late payers break plans most',
  }),
  disputeReviewResolve: field(probability, {
    default: 0.85,
    description: 'Probability that a dispute review resolves a dispute (the customer then pays).',
    source: 'assumption: most disputes are errors a review fixes, range 0.7–0.95',
  }),
  disputeActionOdds: field(odds, {
    default: 0.3,
    description: 'Odds multiplier on the cure of any action other than a review while a dispute is open.',
    source: 'assumption: chasing a disputed amount rarely works',
  }),
  agencyFeeShare: field(share, {
    default: 0.3,
    description: 'Agency fee, fraction of what the agency collects.',
    source: 'calibration C: Collection-agency contingency fee 30 (15–50) %',
    edit: { '': 'Collection-agency fee' },
  }),
  agencyRecoveryShare: field(share, {
    default: 0.25,
    description: 'Share of a written-off exposure the agency recovers when placed.',
    source: 'calibration C: Agency recovery on placed debt 25 (20–30) %',
  }),
  claimWaitingDays: field(days, {
    default: 90,
    description:
      'Days past due before the insurer accepts a payment-protection claim (a claim before it is refused).',
    source:
      'calibration C: Waiting period before a protracted-default claim 3–6 months → 90; assumption: a payment-protection excess period of the same order, because both wait for the insured event to prove lasting, range 30–180',
  }),
  claimWindowDays: field(days, {
    default: 180,
    description: 'Days past due after which a claim is too late and pays nothing.',
    source: 'calibration C: Waiting period 3–6 months → 180; range 120–365',
  }),
  insurancePremiumRate: field(rate, {
    default: 0.013,
    description:
      'Payment-protection premium the insured customer pays, fraction of the balance per year: paid to the insurer, not to the captive, which earns its commission (insuranceCommissionShare).',
    source:
      'calibration C: Payment-protection premium on an auto loan 1.3 (0.6–3) % of the outstanding balance a year',
  }),
  insuranceCommissionShare: field(share, {
    default: 0.25,
    description:
      'The captive’s commission on the payment-protection premiums its customers pay, fraction of the premium (booked monthly as pnl.insurancePremiums).',
    source:
      'assumption: a distributor’s commission of about a quarter of the premium, because the insurer’s expenses including distribution are 25–30 % of premium (calibration C: Payment-protection claims ratio, How far to trust §10), range 0.1–0.5',
  }),
  insuranceBenefitMonths: field(num(0, 60, 'months'), {
    default: 12,
    description:
      'Months of instalments a paid payment-protection claim goes on covering after it paid the arrears (the insured event lasts): the customer misses none of them.',
    source:
      'assumption: unemployment and disability cover pays instalments for up to a year a claim, because that is the usual benefit limit of such cover, range 6–24',
  }),
  insuredEventShare: field(probability, {
    default: 0.3,
    description:
      'Share of an insured customer’s delinquencies caused by an insured event (death, disability, unemployment): only a claim on such a delinquency pays; a claim on any other is rejected.',
    source:
      'assumption: job loss and illness are the usual reasons for falling behind, but not the only ones (forgetting, over-indebtedness, disputes), range 0.1–0.5',
  }),
  repossessionRecoveryShare: field(share, {
    default: 0.55,
    description:
      'Share of the vehicle’s market value a repossession recovers (vehicles not found, damage, forced-sale discount).',
    source:
      'assumption: calibrated so that recoveries land near calibration C: Recovery after charge-off prime 49, non-prime 35 % and Loss per repossession 7,400 $',
    edit: { '': 'Recovery on a repossessed vehicle' },
  }),
  chargeOffDays: field(num(30, 3_650, 'days'), {
    default: 120,
    description:
      'Days past due at which a contract the policy never terminates is written off (no repossession).',
    source:
      'calibration C: Charge-off, closed-end retail (auto) 120 days past due (the US FFIEC rule; CarMax Auto Finance); range 90–180',
  }),
  recoveryDelayMonths: field(num(0, 24, 'months'), {
    default: 2,
    description:
      'Months from a repossession until the vehicle’s sale proceeds are in: the contract’s exposure is funded and holds capital meanwhile, and counts in the delinquency stock as more than 90 days past due.',
    source:
      'calibration C: Repossession → auction sale 40 (30–60) days, the recovery credited in the month after the sale; range 1–3',
  }),
});

/** Leads: arrivals and the funnel from first call to sale. */
const leads = group('Leads', {
  arrivals: field(sources(num(0, 100_000, 'leads per dealer-month')), {
    default: {
      'web-form': 16,
      phone: 6,
      chat: 3,
      'third-party': 6,
      'lost-sale': 4,
      'data-mining': 5,
    },
    description:
      'Leads arriving per dealer and month by source (Poisson). The leads stand for every prospect whose purchase the captive finances (its penetration is folded in).',
    source:
      'assumption: sized so that a baseline network (reactive engagement, salesperson-prepared leads, uniform dunning, three-cycle remarketing; 250 contracts per dealer) replaces the customers it loses and keeps its book about stable over ten years',
    edit: { 'web-form': 'Web-form leads per dealer per month' },
  }),
  hourProfile: field(numbers({ lo: 0, hi: INF, length: 24, positiveSum: true, unit: 'relative weight' }), {
    default: [
      0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 3, 3.5, 3.5, 3, 3.5, 3.5, 3.5, 3, 3, 3.5, 4, 4, 3, 2, 1,
    ],
    description: 'Relative weight of each hour of the day 0–23 for arrivals.',
    source: 'assumption: office hours and evenings',
  }),
  dayProfile: field(numbers({ lo: 0, hi: INF, length: 7, positiveSum: true, unit: 'relative weight' }), {
    default: [1.1, 1, 1, 1, 0.95, 1.15, 0.8],
    description: 'Relative weight of each day Monday…Sunday.',
    source: 'assumption: weekday peak, busy Saturday',
  }),
  openingHour: field(integer(0, 23, 'hour'), {
    default: 8,
    description: 'Showroom opening hour, weekdays and Saturday.',
    source: 'assumption: usual showroom hours',
  }),
  closingHour: field(integer(1, 24, 'hour'), {
    default: 18,
    description: 'Showroom closing hour on weekdays (exclusive).',
    source: 'assumption: usual showroom hours',
  }),
  saturdayClosingHour: field(integer(0, 24, 'hour'), {
    default: 17,
    description: 'Showroom closing hour on Saturday; closed on Sunday.',
    source: 'assumption: usual showroom hours',
  }),
  usedInterestShare: field(sources(probability), {
    default: {
      'web-form': 0.35,
      phone: 0.3,
      chat: 0.3,
      'third-party': 0.4,
      'lost-sale': 0.3,
      'data-mining': 0.2,
    },
    description: 'Share of leads asking about a used vehicle, by source.',
    source: 'assumption: about a third of enquiries; marketplaces (third party) more',
  }),
  existingCustomerShare: field(sources(probability), {
    default: {
      'web-form': 0.15,
      phone: 0.2,
      chat: 0.1,
      'third-party': 0.05,
      'lost-sale': 0.5,
      'data-mining': 1,
    },
    description: 'Share of leads who are customers already, by source.',
    source: 'assumption: lost-sale quotes and data mining mostly are customers; data mining only',
  }),
  costPerLead: field(sources(num(0, INF, '€ per lead')), {
    default: {
      'web-form': 25,
      phone: 25,
      chat: 25,
      'third-party': 25,
      'lost-sale': 0,
      'data-mining': 0,
    },
    description: 'Cost per lead, € by source.',
    source: 'calibration D: Cost per lead €25 ($15–40); internal sources 0',
    edit: { 'web-form': 'Cost per web-form lead' },
  }),
  reachableShare: field(sources(probability), {
    default: {
      'web-form': 0.7,
      phone: 1,
      chat: 1,
      'third-party': 0.6,
      'lost-sale': 0.85,
      'data-mining': 0.85,
    },
    description:
      'Share of leads that can be reached by phone at all (wrong numbers, fake forms), by source; an inbound caller is on the line (1).',
    source:
      'assumption: web forms 0.7, so that a BDC’s prompt, persistent calling reaches ≈ 60 % of web leads — the practitioner figure of 60 % reached (calibration, How far to trust them §1) with calibration D: Cumulative contact by call attempt (83–91 % of reachable leads by the 3rd–5th attempt)',
  }),
  firstContactByResponseMinutes: field(curve(0, 1, '0–1'), {
    default: [
      [0, 0.62],
      [2, 0.6],
      [5, 0.55],
      [15, 0.45],
      [30, 0.39],
      [60, 0.3],
      [240, 0.2],
      [1_440, 0.12],
      [4_320, 0.07],
      [10_080, 0.04],
    ],
    description:
      'Probability that the first call reaches a reachable lead, by response minutes (arrival to first call, including preparation).',
    source:
      'calibration D: First call within 5 minutes vs after 30 minutes, Response within 1 hour vs later (decay shape from HBR, Oldroyd et al. 2011, and Oldroyd 2007: steep within the first hour, long tail); scaled so a call within 2 minutes reaches 60 % and a 30-minute response 39 % (calibration D: Cumulative contact by call attempt, 39 % at the first). With the defaults the shipped lead policies convert ≈ 5 % (salesperson-prepared), 7 % (speed to lead) and 10 % (BDC, 38 appointments per 100 leads) — calibration D: Internet lead-to-sale 10 (8–15) %, Lead-to-appointment 36 %; the practitioner’s 13 % and 20 % are targets, not observations (calibration, How far to trust them §1)',
    challengerEffect: {
      claim: 'speed to lead and the BDC: a first call within minutes',
      evidence: 'correlational',
      of: 'contact at 2 minutes over contact at 30 minutes (0.60 / 0.39; the studies compared firms, they did not assign response times)',
      range: [1, 1.54],
      noEffect: 1,
    },
  }),
  laterAttemptContact: field(numbers({ lo: 0, hi: 1, minLength: 1, unit: '0–1' }), {
    default: [0.54, 0.39, 0.29, 0.25],
    description:
      'Probability that each later attempt (2nd, 3rd, …) reaches a reachable lead not yet reached; the last value repeats.',
    source:
      'calibration D: Cumulative contact by call attempt 39/72/83/88/91 % → conditional 0.54, 0.39, 0.29, 0.25',
  }),
  inboundContactOdds: field(sources(odds), {
    default: {
      'web-form': 1,
      phone: 6,
      chat: 3,
      'third-party': 1,
      'lost-sale': 1,
      'data-mining': 1,
    },
    description: 'Odds multiplier on first-call contact by source.',
    source: 'assumption: an inbound caller is on the line, a chat user on the page',
  }),
  continueProbability: field(table(HANDLERS, probability), {
    default: { salesperson: 0.35, bdc: 1 },
    description:
      'Probability that a handler who has not reached the lead makes another attempt (up to the policy’s maxAttempts).',
    source:
      'calibration D: Attempts salespeople actually make 1.3–1.6 (salesperson 0.35, so ≈ 1.4 attempts on average whatever the policy asks); assumption: a BDC follows the policy (1)',
  }),
  prepareDelayMinutes: field(num(0, 10_080, 'minutes'), {
    default: 10,
    description: 'Minutes `prepareFirst` adds before the first call.',
    source: 'assumption: a quote and a stock check, range 5–20',
  }),
  prepareAppointmentOdds: field(odds, {
    default: 1.1,
    description: 'Odds multiplier on the appointment when the handler prepared.',
    source: 'assumption: a prepared quote helps a little',
  }),
  appointmentGivenContact: field(probability, {
    default: calibrated('leads.appointmentGivenContact'),
    description: 'Probability that a reached lead books an appointment.',
    source:
      'calibration D: Lead-to-appointment 36 (30–60) % = 60 % reached × 60 % booked (de Vries/DCDW MAP); `cyclecast calibrate`’s parameter for target conversion, the baseline’s lead-to-sale (its value lives in engine/world/calibrated.json)',
    edit: { '': 'Appointments booked when a lead is reached' },
  }),
  appointmentOddsByResponseMinutes: field(oddsCurve, {
    default: [
      [5, 1],
      [60, 0.6],
      [1_440, 0.35],
      [4_320, 0.25],
    ],
    description: 'Odds multiplier on the appointment by response minutes: a lead called late has moved on.',
    source:
      'calibration D: Response within 1 hour vs later 7× qualification odds (HBR 2011); assumption: the part not already in the contact curve',
    challengerEffect: {
      claim: 'speed to lead and the BDC: a lead called within minutes books more appointments',
      evidence: 'assumption',
      of: 'the odds multiplier of a lead called after 60 minutes (1 = no loss for calling late)',
      range: [0.6, 1],
      noEffect: 1,
    },
  }),
  sourceAppointmentOdds: field(sources(odds), {
    default: {
      'web-form': 1,
      phone: 1.4,
      chat: 1,
      'third-party': 0.7,
      'lost-sale': 0.8,
      'data-mining': 0.5,
    },
    description: 'Odds multiplier on the appointment by source (purchase intent).',
    source: 'assumption: a caller intends most, a mined prospect least',
  }),
  scoreOdds: field(oddsCurve, {
    default: [
      [0, 0.4],
      [0.5, 1],
      [1, 2.5],
    ],
    description: 'Odds multiplier on the appointment by the lead’s score (0–1).',
    source: 'assumption: a lead score separates intent about as much as the source does',
  }),
  showProbability: field(probability, {
    default: 0.6,
    description: 'Probability that an appointment shows.',
    source: 'calibration D: Appointment show rate 60 (50–65) %',
    edit: { '': 'Appointments that show' },
  }),
  showToSale: field(probability, {
    default: 0.45,
    description: 'Probability that a shown appointment buys.',
    source: 'calibration D: Show-to-sale 45 (40–50) %',
    edit: { '': 'Shown appointments that buy' },
  }),
  grossPerSale: field(num(-INF, INF, '€ per sale'), {
    default: 2_000,
    description:
      'Dealer front-end gross per new vehicle sold, € per sale (the dealer’s, not the captive’s): lead sales and renewals both book it, so a BDC is measured as Δconversion × leads × gross vs its cost. The dealer’s commission from the captive is booked apart.',
    source: 'calibration E: New-vehicle front-end gross per unit 2,250 (1,200–6,200) $, at ≈ 0.92 € per $',
    edit: { '': 'Dealer front gross per new vehicle sold' },
  }),
  bdcAgentsPerDealer: field(num(0, 1_000, 'agents'), {
    default: 1,
    description: 'BDC agents at each dealer that runs a BDC.',
    source: 'assumption: one agent handles a dealer’s ≈ 40 leads a month',
  }),
  bdcCostPerAgentMonth: field(num(0, INF, '€ per month'), {
    default: 4_300,
    description: 'Cost of a BDC agent, € per month.',
    source: 'calibration D: BDC agent pay $43k + ~30 % on-costs → $4,660 a month ≈ €4,300',
    edit: { '': 'Cost of a BDC agent' },
  }),
  bdcCapacityPerAgentMonth: field(num(0, 100_000, 'leads per agent-month'), {
    default: 300,
    description: 'Leads one BDC agent can work in a month.',
    source: 'assumption: ≈ 15 a working day',
  }),
});

/** The whole world: economics, who pays what, the used-vehicle market, renewal, payments, dunning, leads. */
export const WORLD = { economics, parties, market, renewal, payments, dunning, leads } as const;

/** The world's value: derived from its declaration, so a field declared is a field typed. */
export type World = WorldOf<typeof WORLD>;
export type Economics = World['economics'];
export type Parties = World['parties'];
export type Market = World['market'];
export type Refurbishment = Market['refurbishment'];
export type Renewal = World['renewal'];
export type Payments = World['payments'];
export type Dunning = World['dunning'];
export type Leads = World['leads'];
