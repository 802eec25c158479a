import { HEADLINE_KPI, isKpiId, kpiSpec as catalogueSpec } from '../result/kpis.ts';
import type { KpiId, KpiSpec } from '../result/kpis.ts';

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
const PROFIT = 'Profit';
const COSTS = 'Costs';
const LEADS = 'Lead handling';
const CREDIT = 'Credit';
const PORTFOLIO = 'Portfolio';

/**
 * Every KPI's section, label and measure, in the order the KPI table shows them. A `Record<KpiId, …>`:
 * a KPI added to the catalogue does not compile until it has a label here.
 */
const LABELS: Readonly<Record<KpiId, Omit<KpiLabel, 'id'>>> = {
  'profit.npv': {
    group: PROFIT,
    label: 'Profit, net present value',
    measure: '€, discounted at the world discount rate',
  },
  'profit.total': { group: PROFIT, label: 'Profit, undiscounted', measure: '€ over the horizon' },
  'profit.financing.cycle1': {
    group: PROFIT,
    label: 'Financing margin, cycle 1 (incl. subsidy)',
    measure: '€ over the horizon',
  },
  'profit.financing.cycle2': {
    group: PROFIT,
    label: 'Financing margin, cycle 2',
    measure: '€ over the horizon',
  },
  'profit.financing.cycle3': {
    group: PROFIT,
    label: 'Financing margin, cycle 3',
    measure: '€ over the horizon',
  },
  'profit.refurbishment.cycle1': {
    group: PROFIT,
    label: 'Refurbishment result, after cycle 1',
    measure: '€ over the horizon',
  },
  'profit.refurbishment.cycle2': {
    group: PROFIT,
    label: 'Refurbishment result, after cycle 2',
    measure: '€ over the horizon',
  },
  'profit.residual': {
    group: PROFIT,
    label: 'Residual result on returned vehicles',
    measure: '€ over the horizon',
  },
  'profit.subsidy': {
    group: PROFIT,
    label: 'Manufacturer subsidy (part of cycle-1 margin)',
    measure: '€ over the horizon',
  },
  'cost.creditLoss': { group: COSTS, label: 'Net credit losses', measure: '€ over the horizon' },
  'cost.collections': { group: COSTS, label: 'Collection costs', measure: '€ over the horizon' },
  'cost.engagement': {
    group: COSTS,
    label: 'Engagement costs and incentives',
    measure: '€ over the horizon',
  },
  'cost.leads': { group: COSTS, label: 'Lead and BDC costs', measure: '€ over the horizon' },
  'cost.holding': { group: COSTS, label: 'Inventory holding costs', measure: '€ over the horizon' },
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
export const KPI_LABELS: readonly (KpiLabel & { readonly id: KpiId })[] = (
  Object.keys(LABELS) as KpiId[]
).map((id) => ({
  id,
  ...LABELS[id],
}));

/**
 * The label of a KPI id; an id from a result file that the catalogue does not know still shows, under
 * "Other", with its id.
 */
export function kpiLabel(id: string): KpiLabel {
  return isKpiId(id) ? { id, ...LABELS[id] } : { id, group: 'Other', label: id, measure: '' };
}

/** The catalogue entry (meaning, unit, better direction) of a KPI id, if it is one. */
export function kpiSpec(id: string): KpiSpec | undefined {
  return isKpiId(id) ? catalogueSpec(id) : undefined;
}

/** The KPIs a finance reader looks at first (the tiles): the headline (value), then loyalty, risk, sales. */
export const HEADLINE_KPIS: readonly KpiId[] = [
  ...new Set<KpiId>([HEADLINE_KPI, 'retention.rate', 'credit.lossRate', 'leads.conversionRate']),
];
