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

const kpi = (id: string, unit: KpiUnit, better: 'higher' | 'lower', meaning: string): KpiSpec => ({
  id,
  unit,
  better,
  meaning,
});

export const KPIS: readonly KpiSpec[] = [
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
    'profit.total',
    '€',
    'higher',
    'net cash flow over the horizon, undiscounted: the sum of every ledger entry',
  ),
  kpi('profit.npv', '€', 'higher', 'net cash flow discounted monthly at the world discount rate'),
  kpi(
    'profit.financing.cycle1',
    '€',
    'higher',
    'financing margin (customer interest minus funding cost) on cycle-1 contracts, plus manufacturer subsidy',
  ),
  kpi('profit.financing.cycle2', '€', 'higher', 'financing margin on cycle-2 contracts'),
  kpi('profit.financing.cycle3', '€', 'higher', 'financing margin on cycle-3 contracts'),
  kpi(
    'profit.refurbishment.cycle1',
    '€',
    'higher',
    'refurbishment result (used value placed minus wholesale value minus reconditioning cost) of vehicles returned from cycle 1',
  ),
  kpi('profit.refurbishment.cycle2', '€', 'higher', 'refurbishment result of vehicles returned from cycle 2'),
  kpi(
    'profit.residual',
    '€',
    'higher',
    'residual result: value realised on returned or repossessed vehicles minus their book value',
  ),
  kpi('profit.subsidy', '€', 'higher', 'manufacturer subsidy received on cycle-1 contracts'),
  kpi('cost.creditLoss', '€', 'lower', 'credit losses net of recoveries and insurance payouts'),
  kpi('cost.collections', '€', 'lower', 'collection costs: reminders, calls, plans, reviews and agency fees'),
  kpi('cost.engagement', '€', 'lower', 'engagement costs: contacts and incentives paid'),
  kpi('cost.leads', '€', 'lower', 'lead costs: bought leads and BDC agents'),
  kpi('cost.holding', '€', 'lower', 'holding cost of vehicles in inventory'),
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

const byId = new Map(KPIS.map((k, i) => [k.id, i]));

/** Index of a KPI id in `KPIS` (and in every per-iteration KPI vector), or -1. */
export function kpiIndex(id: string): number {
  return byId.get(id) ?? -1;
}

/**
 * The KPI a comparison is decided on: the verdict's headline, the first tile, the report's lead. Read
 * from here (never spelled out elsewhere), so a change of what the board decides on follows everywhere.
 */
export const HEADLINE_KPI = 'profit.npv';
