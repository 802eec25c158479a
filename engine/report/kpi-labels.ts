import { HEADLINE_KPI, KPIS, type KpiSpec } from '../stats/kpis.ts';

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
const COSTS = 'Costs';
const LEADS = 'Lead handling';
const CREDIT = 'Credit';
const PORTFOLIO = 'Portfolio';

const LABELS: readonly KpiLabel[] = [
  L(PROFIT, 'profit.npv', 'Profit, net present value', '€, discounted at the world discount rate'),
  L(PROFIT, 'profit.total', 'Profit, undiscounted', '€ over the horizon'),
  L(PROFIT, 'profit.financing.cycle1', 'Financing margin, cycle 1 (incl. subsidy)', '€ over the horizon'),
  L(PROFIT, 'profit.financing.cycle2', 'Financing margin, cycle 2', '€ over the horizon'),
  L(PROFIT, 'profit.financing.cycle3', 'Financing margin, cycle 3', '€ over the horizon'),
  L(PROFIT, 'profit.refurbishment.cycle1', 'Refurbishment result, after cycle 1', '€ over the horizon'),
  L(PROFIT, 'profit.refurbishment.cycle2', 'Refurbishment result, after cycle 2', '€ over the horizon'),
  L(PROFIT, 'profit.residual', 'Residual result on returned vehicles', '€ over the horizon'),
  L(PROFIT, 'profit.subsidy', 'Manufacturer subsidy (part of cycle-1 margin)', '€ over the horizon'),
  L(COSTS, 'cost.creditLoss', 'Net credit losses', '€ over the horizon'),
  L(COSTS, 'cost.collections', 'Collection costs', '€ over the horizon'),
  L(COSTS, 'cost.engagement', 'Engagement costs and incentives', '€ over the horizon'),
  L(COSTS, 'cost.leads', 'Lead and BDC costs', '€ over the horizon'),
  L(COSTS, 'cost.holding', 'Inventory holding costs', '€ over the horizon'),
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

/** The KPIs a finance reader looks at first (the tiles): the headline (value), then loyalty, risk, sales. */
export const HEADLINE_KPIS: readonly string[] = [
  ...new Set([HEADLINE_KPI, 'retention.rate', 'credit.lossRate', 'leads.conversionRate']),
];
