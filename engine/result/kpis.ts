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

/**
 * The catalogue, keyed by id, in the order of every KPI vector. Its keys are `KpiId`: a table keyed by
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
  'profit.total': {
    unit: '€',
    better: 'higher',
    meaning: 'net cash flow over the horizon, undiscounted: the sum of every ledger entry',
  },
  'profit.npv': {
    unit: '€',
    better: 'higher',
    meaning: 'net cash flow discounted monthly at the world discount rate',
  },
  'profit.financing.cycle1': {
    unit: '€',
    better: 'higher',
    meaning:
      'financing margin (customer interest minus funding cost) on cycle-1 contracts, plus manufacturer subsidy',
  },
  'profit.financing.cycle2': {
    unit: '€',
    better: 'higher',
    meaning: 'financing margin on cycle-2 contracts',
  },
  'profit.financing.cycle3': {
    unit: '€',
    better: 'higher',
    meaning: 'financing margin on cycle-3 contracts',
  },
  'profit.refurbishment.cycle1': {
    unit: '€',
    better: 'higher',
    meaning:
      'refurbishment result (used value placed minus wholesale value minus reconditioning cost) of vehicles returned from cycle 1',
  },
  'profit.refurbishment.cycle2': {
    unit: '€',
    better: 'higher',
    meaning: 'refurbishment result of vehicles returned from cycle 2',
  },
  'profit.residual': {
    unit: '€',
    better: 'higher',
    meaning: 'residual result: value realised on returned or repossessed vehicles minus their book value',
  },
  'profit.subsidy': {
    unit: '€',
    better: 'higher',
    meaning: 'manufacturer subsidy received on cycle-1 contracts',
  },
  'cost.creditLoss': {
    unit: '€',
    better: 'lower',
    meaning: 'credit losses net of recoveries and insurance payouts',
  },
  'cost.collections': {
    unit: '€',
    better: 'lower',
    meaning: 'collection costs: reminders, calls, plans, reviews and agency fees',
  },
  'cost.engagement': {
    unit: '€',
    better: 'lower',
    meaning: 'engagement costs: contacts and incentives paid',
  },
  'cost.leads': { unit: '€', better: 'lower', meaning: 'lead costs: bought leads and BDC agents' },
  'cost.holding': { unit: '€', better: 'lower', meaning: 'holding cost of vehicles in inventory' },
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

/** A KPI id of the catalogue, e.g. 'profit.npv'. */
export type KpiId = keyof typeof CATALOGUE;

export interface KpiSpec extends KpiMeaning {
  readonly id: KpiId;
}

export const KPIS: readonly KpiSpec[] = (Object.keys(CATALOGUE) as KpiId[]).map((id) => ({
  id,
  ...CATALOGUE[id],
}));

export const KPI_IDS: readonly KpiId[] = KPIS.map((k) => k.id);

const byId = new Map<string, number>(KPIS.map((k, i) => [k.id, i]));

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
