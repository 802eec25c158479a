import {
  HEADLINE_KPI,
  isKpiId,
  kpiSpec as catalogueSpec,
  PERSPECTIVE_PREFIXES,
  PNL_LINES,
} from '../result/kpis.ts';
import type { CatalogueKpiId, KpiId, KpiSpec, PerspectiveId, PnlLine } from '../result/kpis.ts';

/** How the workbench presents one KPI to a reader who does not know its id. */
export interface KpiLabel {
  readonly id: string;
  /** Section of the KPI table. */
  readonly group: string;
  /** Plain name. */
  readonly label: string;
  /** What the number is counted in, in words: '€ over the horizon', '% of ended contracts'. */
  readonly measure: string;
}

const RETENTION = 'Retention';
const LIFECYCLE = 'Vehicle lifecycle';
const RETURNS = 'Captive returns';
const LEADS = 'Lead handling';
const CREDIT = 'Credit';
const PORTFOLIO = 'Portfolio';

/** Plain names of the P&L lines (engine/stats/kpis.ts PNL_LINES). */
export const PNL_LINE_LABELS: Readonly<Record<PnlLine, string>> = {
  interestIncome: 'Interest income',
  fundingCost: 'Funding cost',
  subsidy: 'Manufacturer rate subsidy',
  dealerCommission: 'Dealer commission',
  operatingCost: 'Operating cost',
  creditLoss: 'Net credit losses',
  insurancePremiums: 'Payment-protection commission',
  collections: 'Collection costs',
  residualResult: 'Residual result on returns',
  residualSupport: 'Manufacturer residual support',
  dealerResidualGuarantee: 'Dealer residual guarantee',
  leaseEndCharges: 'Lease-end charges',
  refurbishment: 'Refurbishment result',
  holding: 'Inventory holding costs',
  engagement: 'Engagement costs and incentives',
  leads: 'Lead and BDC costs',
  salesGross: 'Dealer sales gross',
  manufacturerMargin: 'Manufacturer margin on new vehicles',
  capitalCharge: 'Capital charge (hurdle × equity)',
  tax: 'Tax',
  horizonValue: 'Book at the horizon (run-off)',
};

/** Section names of each perspective's money KPIs. */
export const PERSPECTIVE_GROUPS: Readonly<Record<PerspectiveId, string>> = {
  captive: 'Captive profit',
  network: 'Network profit (captive and dealers)',
  group: 'Group profit (manufacturer, captive and dealers)',
};

const L = (group: string, id: string, label: string, measure: string): KpiLabel => ({
  id,
  group,
  label,
  measure,
});

const WHOSE: Readonly<Record<PerspectiveId, string>> = {
  captive: 'Captive',
  network: 'Network',
  group: 'Group',
};

/** One perspective's money KPIs: NPV, total and P&L lines, signed (costs negative). */
function moneyLabels(perspective: PerspectiveId): KpiLabel[] {
  const x = PERSPECTIVE_PREFIXES[perspective];
  const group = PERSPECTIVE_GROUPS[perspective];
  return [
    L(
      group,
      `${x}profit.npv`,
      `${WHOSE[perspective]} profit, net present value`,
      '€ of economic profit, at the hurdle rate',
    ),
    L(
      group,
      `${x}profit.total`,
      `${WHOSE[perspective]} profit, undiscounted`,
      '€ over the horizon, with the book at the horizon',
    ),
    ...PNL_LINES.filter((l) => (l.perspectives as readonly string[]).includes(perspective)).map((l) =>
      L(group, `${x}pnl.${l.id}`, PNL_LINE_LABELS[l.id], '€ over the horizon, costs negative'),
    ),
  ];
}

/**
 * Every catalogue KPI's section, label and measure, in the order the KPI table shows them. A `Record<KpiId, …>`:
 * a KPI added to the catalogue does not compile until it has a label here.
 */
const LABELS: Readonly<Record<CatalogueKpiId, Omit<KpiLabel, 'id'>>> = {
  'retention.rate': {
    group: RETENTION,
    label: 'Retention rate, all cycles',
    measure: '% of ended contracts renewed',
  },
  'retention.rate.cycle1': {
    group: RETENTION,
    label: 'Retention after cycle 1 (new lease)',
    measure: '% of ended contracts renewed',
  },
  'retention.rate.cycle2': {
    group: RETENTION,
    label: 'Retention after cycle 2 (used lease)',
    measure: '% of ended contracts renewed',
  },
  'retention.rate.cycle3': {
    group: RETENTION,
    label: 'Retention after cycle 3 (conventional finance)',
    measure: '% of ended contracts renewed',
  },
  'lifecycle.contractsPerVehicle': {
    group: LIFECYCLE,
    label: 'Financing contracts per vehicle',
    measure: 'contracts per vehicle',
  },
  'lifecycle.refurbishmentsPerVehicle': {
    group: LIFECYCLE,
    label: 'Refurbishments per vehicle',
    measure: 'refurbishments per vehicle',
  },
  'return.preTaxOnAssets': {
    group: RETURNS,
    label: 'Pre-tax return on assets',
    measure: '% of financed balance per year',
  },
  'return.netInterestMargin': {
    group: RETURNS,
    label: 'Net interest margin',
    measure: '% of financed balance per year',
  },
  'leads.count': { group: LEADS, label: 'Leads received', measure: 'leads over the horizon' },
  'leads.contactRate': { group: LEADS, label: 'Contact rate', measure: '% of leads reached' },
  'leads.appointmentRate': {
    group: LEADS,
    label: 'Appointment rate (target 36%)',
    measure: 'appointments per 100 leads',
  },
  'leads.showRate': { group: LEADS, label: 'Show rate', measure: '% of appointments that showed' },
  'leads.conversionRate': { group: LEADS, label: 'Conversion rate', measure: 'sales per 100 leads' },
  'leads.costPerSale': { group: LEADS, label: 'Lead cost per sale', measure: '€ per lead-driven sale' },
  'credit.lossRate': {
    group: CREDIT,
    label: 'Net credit loss rate',
    measure: '% of financed balance per year',
  },
  'credit.lossRate.prime': {
    group: CREDIT,
    label: 'Net credit loss rate, prime',
    measure: '% of prime exposure per year',
  },
  'credit.lossRate.near-prime': {
    group: CREDIT,
    label: 'Net credit loss rate, near-prime',
    measure: '% of near-prime exposure per year',
  },
  'credit.lossRate.subprime': {
    group: CREDIT,
    label: 'Net credit loss rate, subprime',
    measure: '% of subprime exposure per year',
  },
  'credit.dpd30Share': { group: CREDIT, label: '30+ days past due', measure: '% of contracts on book' },
  'credit.dpd60Share': { group: CREDIT, label: '60+ days past due', measure: '% of contracts on book' },
  'credit.defaultRate': {
    group: CREDIT,
    label: 'Default rate (default point reached)',
    measure: '% of contracts per year',
  },
  'credit.forborneShare': { group: CREDIT, label: 'Forborne contracts', measure: '% of contracts on book' },
  'credit.forbearances': { group: CREDIT, label: 'Payment plans granted', measure: 'plans over the horizon' },
  'insurance.lossRatio': {
    group: CREDIT,
    label: 'Payment protection loss ratio',
    measure: '% of premiums paid out in claims',
  },
  'credit.cureRate': { group: CREDIT, label: 'Cure rate', measure: '% of delinquencies cured' },
  'credit.writeOffs': {
    group: CREDIT,
    label: 'Contracts repossessed or written off',
    measure: 'contracts over the horizon',
  },
  'portfolio.activeContracts.end': {
    group: PORTFOLIO,
    label: 'Active contracts at the end',
    measure: 'contracts',
  },
};

/** Every KPI label, in the order the KPI table shows them. */
export const KPI_LABELS: readonly (KpiLabel & { readonly id: KpiId })[] = [
  ...moneyLabels('captive'),
  ...moneyLabels('network'),
  ...moneyLabels('group'),
  ...(Object.keys(LABELS) as CatalogueKpiId[]).map((id) => ({ id, ...LABELS[id] })),
].map((l) => ({ ...l, id: l.id as KpiId })); // every id above is the catalogue's (money ids by construction)

const byId = new Map(KPI_LABELS.map((l) => [l.id, l]));

/**
 * The label of a KPI id; an id from a result file that the catalogue does not know still shows, under
 * "Other", with its id.
 */
export function kpiLabel(id: string): KpiLabel {
  return (isKpiId(id) ? byId.get(id) : undefined) ?? { id, group: 'Other', label: id, measure: '' };
}

/** The catalogue entry (meaning, unit, better direction) of a KPI id, if it is one. */
export function kpiSpec(id: string): KpiSpec | undefined {
  return isKpiId(id) ? catalogueSpec(id) : undefined;
}

/** The KPIs a finance reader looks at first (the tiles): the headline (value), then loyalty, risk, sales. */
export const HEADLINE_KPIS: readonly KpiId[] = [
  ...new Set<KpiId>([HEADLINE_KPI, 'retention.rate', 'credit.lossRate', 'leads.conversionRate']),
];
