/**
 * The KPI catalogue: stable ids shared by the CLI, JSON output, `expect` blocks and the UI (DESIGN §3).
 * Money is in € over the whole horizon unless the unit says otherwise; rates are 0–1.
 */
export type KpiUnit =
  '€' | '0–1' | 'count' | 'contracts per vehicle' | 'refurbishments per vehicle' | '€ per sale';

export interface KpiSpec {
  readonly id: string;
  readonly unit: KpiUnit;
  /** Which direction is favourable, for P(challenger better) and colouring. */
  readonly better: 'higher' | 'lower';
  readonly meaning: string;
}

export const kpi = (id: string, unit: KpiUnit, better: 'higher' | 'lower', meaning: string): KpiSpec => ({
  id,
  unit,
  better,
  meaning,
});

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
    meaning: 'credit losses net of recoveries and insurance payouts',
  },
  { id: 'insurancePremiums', derived: false, perspectives: CNG, meaning: 'credit-insurance premiums' },
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

/** The money KPIs of one perspective: its total, NPV and P&L lines. */
function perspectiveKpis(perspective: PerspectiveId): KpiSpec[] {
  const x = PERSPECTIVE_PREFIXES[perspective];
  const whose =
    perspective === 'captive'
      ? "the captive's"
      : perspective === 'network'
        ? "the network's (captive and dealers)"
        : "the group's (manufacturer, captive and dealers)";
  return [
    kpi(
      `${x}profit.npv`,
      '€',
      'higher',
      `${whose} economic profit (after the capital charge), including the book at the horizon, discounted monthly at the hurdle rate`,
    ),
    kpi(
      `${x}profit.total`,
      '€',
      'higher',
      `${whose} economic profit over the horizon plus the book at the horizon, undiscounted within the horizon: the sum of its P&L lines`,
    ),
    ...PNL_LINES.filter((l) => (l.perspectives as readonly string[]).includes(perspective)).map((l) =>
      kpi(`${x}pnl.${l.id}`, '€', 'higher', `${whose} ${l.meaning}`),
    ),
  ];
}

export const KPIS: readonly KpiSpec[] = [
  ...perspectiveKpis('captive'),
  ...perspectiveKpis('network'),
  ...perspectiveKpis('group'),
  kpi(
    'retention.rate',
    '0–1',
    'higher',
    'share of matured or early-ended contracts whose customer took a new contract with the captive',
  ),
  kpi(
    'retention.rate.cycle1',
    '0–1',
    'higher',
    'retention rate of customers whose ending contract was cycle 1 (new lease)',
  ),
  kpi(
    'retention.rate.cycle2',
    '0–1',
    'higher',
    'retention rate of customers whose ending contract was cycle 2 (used lease)',
  ),
  kpi(
    'retention.rate.cycle3',
    '0–1',
    'higher',
    'retention rate of customers whose ending contract was cycle 3 (conventional finance)',
  ),
  kpi(
    'lifecycle.contractsPerVehicle',
    'contracts per vehicle',
    'higher',
    'financing contracts per vehicle that completed its life with the captive (wholesaled or sold off) within the horizon',
  ),
  kpi(
    'lifecycle.refurbishmentsPerVehicle',
    'refurbishments per vehicle',
    'higher',
    'refurbishments per vehicle that completed its life within the horizon',
  ),
  kpi(
    'return.preTaxOnAssets',
    '0–1',
    'higher',
    "the captive's pre-tax profit before the capital charge over its average financed balance, annualised (within the horizon)",
  ),
  kpi(
    'return.netInterestMargin',
    '0–1',
    'higher',
    "the captive's interest income plus recognised subsidy minus funding cost over its average financed balance, annualised",
  ),
  kpi('leads.count', 'count', 'higher', 'leads that arrived over the horizon'),
  kpi('leads.contactRate', '0–1', 'higher', 'share of leads reached by phone'),
  kpi('leads.appointmentRate', '0–1', 'higher', 'appointments per lead (the BDC target is 0.36)'),
  kpi('leads.showRate', '0–1', 'higher', 'share of appointments that showed'),
  kpi('leads.conversionRate', '0–1', 'higher', 'sales per lead'),
  kpi('leads.costPerSale', '€ per sale', 'lower', 'lead and BDC cost per lead-driven sale'),
  kpi(
    'credit.lossRate',
    '0–1',
    'lower',
    'net credit loss as a share of the average financed balance, annualised',
  ),
  kpi(
    'credit.cureRate',
    '0–1',
    'higher',
    'share of delinquency episodes that cured (back to current) rather than defaulted',
  ),
  kpi('credit.writeOffs', 'count', 'lower', 'contracts terminated for default (repossessed or written off)'),
  kpi('portfolio.activeContracts.end', 'count', 'higher', 'active contracts at the end of the horizon'),
];

export const KPI_IDS: readonly string[] = KPIS.map((k) => k.id);

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

const byId = new Map(KPIS.map((k, i) => [k.id, i]));

/** Index of a KPI id in `KPIS` (and in every per-iteration KPI vector), or -1. */
export function kpiIndex(id: string): number {
  return byId.get(id) ?? -1;
}
