import {
  KPIS,
  PERSPECTIVE_PREFIXES,
  PNL_LINES,
  type KpiSpec,
  type PerspectiveId,
  type PnlLine,
} from '../../engine/stats/kpis.ts';

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

const L = (group: string, id: string, label: string, measure: string): KpiLabel => ({
  id,
  group,
  label,
  measure,
});

const RETENTION = 'Retention';
const LIFECYCLE = 'Vehicle lifecycle';
const PROFIT = 'Profit';
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
  insurancePremiums: 'Credit-insurance premiums',
  collections: 'Collection costs',
  residualResult: 'Residual result on returns',
  residualSupport: 'Manufacturer residual support',
  dealerResidualGuarantee: 'Dealer residual guarantee',
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
  captive: PROFIT,
  network: 'Network profit (captive and dealers)',
  group: 'Group profit (manufacturer, captive and dealers)',
};

/** One perspective's money KPIs: NPV, total and P&L lines, signed (costs negative). */
function moneyLabels(perspective: PerspectiveId): KpiLabel[] {
  const x = PERSPECTIVE_PREFIXES[perspective];
  const group = PERSPECTIVE_GROUPS[perspective];
  return [
    L(group, `${x}profit.npv`, 'Profit, net present value', '€ of economic profit, at the hurdle rate'),
    L(group, `${x}profit.total`, 'Profit, undiscounted', '€ over the horizon, with the book at the horizon'),
    ...PNL_LINES.filter((l) => (l.perspectives as readonly string[]).includes(perspective)).map((l) =>
      L(group, `${x}pnl.${l.id}`, PNL_LINE_LABELS[l.id], '€ over the horizon, costs negative'),
    ),
  ];
}

const LABELS: readonly KpiLabel[] = [
  ...moneyLabels('captive'),
  ...moneyLabels('network'),
  ...moneyLabels('group'),
  L(RETENTION, 'retention.rate', 'Retention rate, all cycles', '% of ended contracts renewed'),
  L(
    RETENTION,
    'retention.rate.cycle1',
    'Retention after cycle 1 (new lease)',
    '% of ended contracts renewed',
  ),
  L(
    RETENTION,
    'retention.rate.cycle2',
    'Retention after cycle 2 (used lease)',
    '% of ended contracts renewed',
  ),
  L(
    RETENTION,
    'retention.rate.cycle3',
    'Retention after cycle 3 (conventional finance)',
    '% of ended contracts renewed',
  ),
  L(LIFECYCLE, 'lifecycle.contractsPerVehicle', 'Financing contracts per vehicle', 'contracts per vehicle'),
  L(
    LIFECYCLE,
    'lifecycle.refurbishmentsPerVehicle',
    'Refurbishments per vehicle',
    'refurbishments per vehicle',
  ),
  L(RETURNS, 'return.preTaxOnAssets', 'Pre-tax return on assets', '% of financed balance per year'),
  L(RETURNS, 'return.netInterestMargin', 'Net interest margin', '% of financed balance per year'),
  L(LEADS, 'leads.count', 'Leads received', 'leads over the horizon'),
  L(LEADS, 'leads.contactRate', 'Contact rate', '% of leads reached'),
  L(LEADS, 'leads.appointmentRate', 'Appointment rate (target 36%)', 'appointments per 100 leads'),
  L(LEADS, 'leads.showRate', 'Show rate', '% of appointments that showed'),
  L(LEADS, 'leads.conversionRate', 'Conversion rate', 'sales per 100 leads'),
  L(LEADS, 'leads.costPerSale', 'Lead cost per sale', '€ per lead-driven sale'),
  L(CREDIT, 'credit.lossRate', 'Net credit loss rate', '% of financed balance per year'),
  L(CREDIT, 'credit.cureRate', 'Cure rate', '% of delinquencies cured'),
  L(CREDIT, 'credit.writeOffs', 'Contracts repossessed or written off', 'contracts over the horizon'),
  L(PORTFOLIO, 'portfolio.activeContracts.end', 'Active contracts at the end', 'contracts'),
];

const byId = new Map(LABELS.map((l) => [l.id, l]));

/**
 * The label of a KPI id; a KPI added to the catalogue after this list still shows, under "Other",
 * with its id and catalogue meaning.
 */
export function kpiLabel(id: string): KpiLabel {
  return (
    byId.get(id) ?? { id, group: 'Other', label: id, measure: KPIS.find((k) => k.id === id)?.unit ?? '' }
  );
}

/** The catalogue entry (meaning, unit, better direction) of a KPI id. */
export function kpiSpec(id: string): KpiSpec | undefined {
  return KPIS.find((k) => k.id === id);
}

/** Every KPI label, in the order of the catalogue. */
export const KPI_LABELS: readonly KpiLabel[] = LABELS;
