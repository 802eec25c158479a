/**
 * The KPI catalogue: stable ids shared by the CLI, JSON output, `expect` blocks and the UI (docs/design.md
 * §3 "Outputs"; docs/kpis.md lists them).
 * Money is in € over the whole horizon unless the unit says otherwise; rates are 0–1.
 */
export type KpiUnit =
  '€' | '0–1' | 'count' | 'contracts per vehicle' | 'refurbishments per vehicle' | '€ per sale';

/** What a KPI means, its unit and which direction is favourable. */
export interface KpiMeaning {
  readonly unit: KpiUnit;
  /** Which direction is favourable, for P(challenger better) and colouring. */
  readonly better: 'higher' | 'lower';
  readonly meaning: string;
}

/** Perspectives on the money: whose P&L a money KPI is, and the prefix of its id. */
export const PERSPECTIVE_PREFIXES = { captive: '', network: 'network.', group: 'group.' } as const;
export type PerspectiveId = keyof typeof PERSPECTIVE_PREFIXES;
const CNG: readonly PerspectiveId[] = ['captive', 'network', 'group'];

/**
 * The lines of a perspective's P&L, in order; their KPIs (`pnl.<line>` for the captive,
 * `network.pnl.<line>`, `group.pnl.<line>`) sum exactly to that perspective's `profit.total`. Signed:
 * income positive, cost negative. `derived` lines are computed from the others, not booked.
 * `perspectives` lists where the line can be non-zero (a test checks it against the ledger's parties).
 */
export const PNL_LINES = [
  {
    id: 'interestIncome',
    derived: false,
    perspectives: CNG,
    meaning: 'customer interest on the contract balance',
  },
  {
    id: 'fundingCost',
    derived: false,
    perspectives: CNG,
    meaning:
      'funding cost of the debt part of the exposure (balance and arrears × (1 − capital ratio) × funding rate)',
  },
  {
    id: 'subsidy',
    derived: false,
    perspectives: ['captive', 'network'],
    meaning:
      'manufacturer rate subsidy on new leases, recognised straight-line over the lease (the manufacturer pays it up front; the group nets it out)',
  },
  {
    id: 'dealerCommission',
    derived: false,
    perspectives: ['captive'],
    meaning:
      'dealer commission per contract, recognised straight-line over the contract (the dealer gets it up front; the network nets it out)',
  },
  {
    id: 'operatingCost',
    derived: false,
    perspectives: CNG,
    meaning: 'operating cost: per contract originated and per contract-month serviced',
  },
  {
    id: 'creditLoss',
    derived: false,
    perspectives: CNG,
    meaning: 'credit losses net of recoveries (vehicle and agency)',
  },
  {
    id: 'insurancePremiums',
    derived: false,
    perspectives: CNG,
    meaning:
      "commission on the payment-protection premiums insured customers pay the insurer (the premium itself is the insurer's)",
  },
  {
    id: 'collections',
    derived: false,
    perspectives: CNG,
    meaning: 'collection costs: reminders, calls, plans, reviews and agency fees',
  },
  {
    id: 'residualResult',
    derived: false,
    perspectives: CNG,
    meaning: 'residual result: value realised on returned vehicles (wholesale basis) minus their book value',
  },
  {
    id: 'residualSupport',
    derived: false,
    perspectives: ['captive', 'network'],
    meaning:
      "manufacturer residual support: the subvented uplift above guide and the manufacturer's share of the residual result",
  },
  {
    id: 'dealerResidualGuarantee',
    derived: false,
    perspectives: ['captive'],
    meaning: "the dealers' share of the residual result (buy-back guarantee)",
  },
  {
    id: 'leaseEndCharges',
    derived: false,
    perspectives: CNG,
    meaning:
      'lease-end charges paid by lessees who return their vehicle at maturity: excess mileage, wear and tear by grade, disposition fee (waived on renewal)',
  },
  {
    id: 'refurbishment',
    derived: false,
    perspectives: CNG,
    meaning:
      'refurbishment result: used value placed (or forced-wholesale proceeds) minus wholesale value at return minus reconditioning',
  },
  {
    id: 'holding',
    derived: false,
    perspectives: CNG,
    meaning: 'holding cost of vehicles in reconditioning and inventory',
  },
  {
    id: 'engagement',
    derived: false,
    perspectives: CNG,
    meaning:
      'engagement contacts and renewal incentives, as far as this perspective pays them (payers set in the world)',
  },
  {
    id: 'leads',
    derived: false,
    perspectives: CNG,
    meaning: 'bought leads and BDC agents, as far as this perspective pays them (payers set in the world)',
  },
  {
    id: 'salesGross',
    derived: false,
    perspectives: ['network', 'group'],
    meaning: 'dealer gross profit (front and F&I) per new vehicle sold',
  },
  {
    id: 'manufacturerMargin',
    derived: false,
    perspectives: ['group'],
    meaning: 'manufacturer contribution margin per new vehicle sold',
  },
  {
    id: 'capitalCharge',
    derived: false,
    perspectives: CNG,
    meaning: "hurdle rate × the captive's equity tied up in receivables and residual exposure",
  },
  {
    id: 'tax',
    derived: true,
    perspectives: CNG,
    meaning:
      'tax at the world tax rate on the pre-tax result (before the capital charge); 0 at the default rate 0 (pre-tax basis)',
  },
  {
    id: 'horizonValue',
    derived: true,
    perspectives: CNG,
    meaning:
      'the book at the horizon: the economic profit of running off the contracts, vehicles and stock still held at the horizon, month by month with no new business, discounted to the horizon at the hurdle rate',
  },
] as const satisfies readonly {
  id: string;
  derived: boolean;
  perspectives: readonly PerspectiveId[];
  meaning: string;
}[];
export type PnlLine = (typeof PNL_LINES)[number]['id'];

/**
 * The catalogue of every KPI but the money KPIs, keyed by id, in the order of every KPI vector. Its keys are `KpiId`: a table keyed by
 * `Record<KpiId, …>` fails to compile until it covers a KPI added here.
 */
const CATALOGUE = {
  'retention.rate': {
    unit: '0–1',
    better: 'higher',
    meaning: 'share of matured or early-ended contracts whose customer took a new contract with the captive',
  },
  'retention.rate.cycle1': {
    unit: '0–1',
    better: 'higher',
    meaning: 'retention rate of customers whose ending contract was cycle 1 (new lease)',
  },
  'retention.rate.cycle2': {
    unit: '0–1',
    better: 'higher',
    meaning: 'retention rate of customers whose ending contract was cycle 2 (used lease)',
  },
  'retention.rate.cycle3': {
    unit: '0–1',
    better: 'higher',
    meaning: 'retention rate of customers whose ending contract was cycle 3 (conventional finance)',
  },
  'lifecycle.contractsPerVehicle': {
    unit: 'contracts per vehicle',
    better: 'higher',
    meaning:
      'financing contracts per vehicle that completed its life with the captive (wholesaled or sold off) within the horizon',
  },
  'lifecycle.refurbishmentsPerVehicle': {
    unit: 'refurbishments per vehicle',
    better: 'higher',
    meaning: 'refurbishments per vehicle that completed its life within the horizon',
  },
  'return.preTaxOnAssets': {
    unit: '0–1',
    better: 'higher',
    meaning:
      "the captive's pre-tax profit before the capital charge over its average financed balance, annualised (within the horizon)",
  },
  'return.netInterestMargin': {
    unit: '0–1',
    better: 'higher',
    meaning:
      "the captive's interest income plus recognised subsidy minus funding cost over its average financed balance, annualised",
  },
  'leads.count': { unit: 'count', better: 'higher', meaning: 'leads that arrived over the horizon' },
  'leads.contactRate': { unit: '0–1', better: 'higher', meaning: 'share of leads reached by phone' },
  'leads.appointmentRate': {
    unit: '0–1',
    better: 'higher',
    meaning: 'appointments per lead (the BDC target is 0.36)',
  },
  'leads.showRate': { unit: '0–1', better: 'higher', meaning: 'share of appointments that showed' },
  'leads.conversionRate': { unit: '0–1', better: 'higher', meaning: 'sales per lead' },
  'leads.costPerSale': {
    unit: '€ per sale',
    better: 'lower',
    meaning: 'lead and BDC cost per lead-driven sale',
  },
  'credit.lossRate': {
    unit: '0–1',
    better: 'lower',
    meaning: 'net credit loss as a share of the average financed balance, annualised',
  },
  'credit.lossRate.prime': {
    unit: '0–1',
    better: 'lower',
    meaning: 'net credit loss of prime customers as a share of their average exposure, annualised',
  },
  'credit.lossRate.near-prime': {
    unit: '0–1',
    better: 'lower',
    meaning: 'net credit loss of near-prime customers as a share of their average exposure, annualised',
  },
  'credit.lossRate.subprime': {
    unit: '0–1',
    better: 'lower',
    meaning: 'net credit loss of subprime customers as a share of their average exposure, annualised',
  },
  'credit.dpd30Share': {
    unit: '0–1',
    better: 'lower',
    meaning:
      'delinquency stock: share of contracts on book more than 30 days past due, averaged over the months',
  },
  'credit.dpd60Share': {
    unit: '0–1',
    better: 'lower',
    meaning:
      'delinquency stock: share of contracts on book more than 60 days past due, averaged over the months',
  },
  'credit.defaultRate': {
    unit: '0–1',
    better: 'lower',
    meaning:
      "delinquencies that reached the world's default point (payments.defaultDays, 90 days past due by default) per contract on book and year, whether they later cured or not",
  },
  'credit.forborneShare': {
    unit: '0–1',
    better: 'lower',
    meaning:
      'forborne stock: share of contracts on book that are on a payment plan or in the probation after one, averaged over the months',
  },
  'credit.forbearances': {
    unit: 'count',
    better: 'lower',
    meaning: 'payment plans granted (forbearance measures) over the horizon',
  },
  'insurance.lossRatio': {
    unit: '0–1',
    better: 'lower',
    meaning:
      "payment protection: claims the insurer paid over the premiums insured customers paid it (the insurer's loss ratio on the captive's book)",
  },
  'credit.cureRate': {
    unit: '0–1',
    better: 'higher',
    meaning: 'share of delinquency episodes that cured (back to current) rather than defaulted',
  },
  'credit.writeOffs': {
    unit: 'count',
    better: 'lower',
    meaning: 'contracts terminated for default (repossessed or written off)',
  },
  'portfolio.activeContracts.end': {
    unit: 'count',
    better: 'higher',
    meaning: 'active contracts at the end of the horizon',
  },
} as const satisfies Readonly<Record<string, KpiMeaning>>;

/** A KPI id of the catalogue (every KPI but the money KPIs), e.g. 'retention.rate'. */
export type CatalogueKpiId = keyof typeof CATALOGUE;

/** The P&L lines perspective `P` can see (where a line can be non-zero). */
type LineOf<P extends PerspectiveId, L = (typeof PNL_LINES)[number]> = L extends {
  readonly id: infer I extends string;
  readonly perspectives: readonly (infer Q)[];
}
  ? P extends Q
    ? I
    : never
  : never;
type MoneyKpiOf<P extends PerspectiveId> =
  | `${(typeof PERSPECTIVE_PREFIXES)[P]}profit.npv`
  | `${(typeof PERSPECTIVE_PREFIXES)[P]}profit.total`
  | `${(typeof PERSPECTIVE_PREFIXES)[P]}pnl.${LineOf<P>}`;
/** A money KPI id: `profit.npv`, `network.pnl.subsidy`, … */
export type MoneyKpiId = MoneyKpiOf<'captive'> | MoneyKpiOf<'network'> | MoneyKpiOf<'group'>;

/** A KPI id, e.g. 'profit.npv'. */
export type KpiId = MoneyKpiId | CatalogueKpiId;

export interface KpiSpec extends KpiMeaning {
  readonly id: KpiId;
}

/** One perspective's money KPIs: its NPV, total and P&L lines. */
function perspectiveKpis(perspective: PerspectiveId): KpiSpec[] {
  const x = PERSPECTIVE_PREFIXES[perspective];
  const whose =
    perspective === 'captive'
      ? "the captive's"
      : perspective === 'network'
        ? "the network's (captive and dealers)"
        : "the group's (manufacturer, captive and dealers)";
  const money = (id: string, meaning: string): KpiSpec => ({
    id: id as MoneyKpiId,
    unit: '€',
    better: 'higher',
    meaning,
  });
  return [
    money(
      `${x}profit.npv`,
      `${whose} economic profit (after the capital charge), including the book at the horizon, discounted monthly at the hurdle rate`,
    ),
    money(
      `${x}profit.total`,
      `${whose} economic profit over the horizon plus the book at the horizon, undiscounted within the horizon: the sum of its P&L lines`,
    ),
    ...PNL_LINES.filter((l) => (l.perspectives as readonly string[]).includes(perspective)).map((l) =>
      money(`${x}pnl.${l.id}`, `${whose} ${l.meaning}`),
    ),
  ];
}

/** Every KPI in the order of every KPI vector: each perspective's money, then the catalogue. */
export const KPIS: readonly KpiSpec[] = [
  ...perspectiveKpis('captive'),
  ...perspectiveKpis('network'),
  ...perspectiveKpis('group'),
  ...(Object.keys(CATALOGUE) as CatalogueKpiId[]).map((id) => ({ id, ...CATALOGUE[id] })),
];

export const KPI_IDS: readonly KpiId[] = KPIS.map((k) => k.id);

/**
 * Old KPI ids and what replaced them (the hint of the located error an `expect` naming one gets).
 */
export const RETIRED_KPIS: ReadonlyMap<string, string> = new Map([
  [
    'profit.financing.cycle1',
    'pnl.interestIncome, pnl.fundingCost and pnl.subsidy (by cycle: the cycle breakdown)',
  ],
  ['profit.financing.cycle2', 'pnl.interestIncome and pnl.fundingCost (by cycle: the cycle breakdown)'],
  ['profit.financing.cycle3', 'pnl.interestIncome and pnl.fundingCost (by cycle: the cycle breakdown)'],
  ['profit.refurbishment.cycle1', 'pnl.refurbishment (by cycle: the cycle breakdown)'],
  ['profit.refurbishment.cycle2', 'pnl.refurbishment (by cycle: the cycle breakdown)'],
  ['profit.residual', 'pnl.residualResult (signed: a loss is negative)'],
  ['profit.subsidy', 'pnl.subsidy'],
  [
    'cost.creditLoss',
    'pnl.creditLoss (signed: a loss is negative, so "delta max −x" becomes "delta min …" reversed)',
  ],
  ['cost.collections', 'pnl.collections (signed: a cost is negative)'],
  ['cost.engagement', 'pnl.engagement (signed: a cost is negative)'],
  [
    'cost.leads',
    "network.pnl.leads (lead and BDC costs are the dealers' by default; signed: a cost is negative)",
  ],
  ['cost.holding', 'pnl.holding (signed: a cost is negative)'],
]);

const byId = new Map<string, number>(KPIS.map((k, i) => [k.id, i]));

/** 0–1 KPIs that are € over € annualised, not shares of counts: not bounded by construction. */
const SIGNED_RATIOS: ReadonlySet<string> = new Set<KpiId>([
  'credit.lossRate',
  'credit.lossRate.prime',
  'credit.lossRate.near-prime',
  'credit.lossRate.subprime',
  'insurance.lossRatio',
  'return.preTaxOnAssets',
  'return.netInterestMargin',
]);

/**
 * Every value a KPI can take, by how it is computed: a share of counts is 0–1, a count or a
 * per-vehicle ratio is never negative, money can be anything, and so can a ratio of € to a balance
 * (a loss rate with recoveries, a loss-making return).
 */
export function kpiValueRange(spec: KpiSpec): readonly [min: number, max: number] {
  if (spec.unit === '0–1') return SIGNED_RATIOS.has(spec.id) ? [-Infinity, Infinity] : [0, 1];
  if (spec.unit === '€' || spec.unit === '€ per sale') return [-Infinity, Infinity];
  return [0, Infinity];
}

/** Whether `id` names a KPI of the catalogue. */
export function isKpiId(id: string): id is KpiId {
  return byId.has(id);
}

/** Index of a KPI id in `KPIS` (and in every per-iteration KPI vector). */
export function kpiIndex(id: KpiId): number {
  return byId.get(id)!;
}

/** The catalogue entry of a KPI id. */
export function kpiSpec(id: KpiId): KpiSpec {
  return KPIS[kpiIndex(id)]!;
}

/**
 * The KPI a comparison is decided on: the verdict's headline, the first tile, the report's lead. Read
 * from here (never spelled out elsewhere), so a change of what the board decides on follows everywhere.
 */
export const HEADLINE_KPI: KpiId = 'profit.npv';
