import { distMean, isDist, WORLD_SCHEMA } from '../../engine/index.ts';
import type { Num, SchemaNode } from '../../engine/index.ts';
import { getIn } from './workspace.ts';

/** One world assumption the assumptions panel offers, with how people read and type it. */
export interface KeyAssumption {
  /** Path in the world, e.g. ['economics', 'fundingRate']. */
  readonly path: readonly string[];
  readonly section: string;
  readonly label: string;
  /** Unit as the world schema states it (engine/world/schema.ts). */
  readonly unit: string;
  /** Unit shown next to the input: fractions are typed as percentages. */
  readonly displayUnit: string;
  /** Display value = world value × scale (100 for fractions shown as %). */
  readonly scale: number;
  /** Bounds of the display value, from the schema's domain. */
  readonly min?: number;
  readonly max?: number;
  readonly step: number;
}

/** Units whose values are fractions, and how the panel names them as percentages. */
const PERCENT_UNITS: Readonly<Record<string, string>> = {
  '0–1': '%',
  fraction: '%',
  'fraction per year': '% per year',
  'fraction of MSRP': '% of MSRP',
  'fraction of price': '% of price',
};

const KEYS: readonly (readonly [section: string, path: string, label: string])[] = [
  ['Economics', 'economics.fundingRate', 'Funding cost of the captive'],
  ['Economics', 'economics.apr.lease.prime', 'Customer rate, prime lease'],
  ['Economics', 'economics.subsidyShareOfMsrp', 'Manufacturer subsidy per new lease'],
  ['Economics', 'economics.discountRate', 'Discount rate for the NPV'],
  ['Used-vehicle market', 'market.marketShift', 'Used-vehicle values against the guide'],
  ['Used-vehicle market', 'market.refurbishment.baseCost', 'Reconditioning cost per vehicle'],
  ['Used-vehicle market', 'market.holdingCostPerDay', 'Holding cost per vehicle in stock'],
  ['Used-vehicle market', 'market.wholesaleGross', 'Wholesale (auction) result'],
  ['Renewal', 'renewal.baseProbability.cycle1', 'Renewal probability after cycle 1, no contact'],
  ['Renewal', 'renewal.baseProbability.cycle2', 'Renewal probability after cycle 2, no contact'],
  ['Renewal', 'renewal.baseProbability.cycle3', 'Renewal probability after cycle 3, no contact'],
  ['Renewal', 'renewal.contactCost.phone', 'Cost of an engagement phone call'],
  ['Payments and dunning', 'payments.disputeShare', 'Missed instalments that are disputes'],
  ['Payments and dunning', 'dunning.agencyFeeShare', 'Collection-agency fee'],
  ['Payments and dunning', 'dunning.repossessionRecoveryShare', 'Recovery on a repossessed vehicle'],
  ['Payments and dunning', 'dunning.insuranceIndemnity', 'Credit-insurance indemnity'],
  ['Leads', 'leads.arrivals.web-form', 'Web-form leads per dealer per month'],
  ['Leads', 'leads.costPerLead.web-form', 'Cost per web-form lead'],
  ['Leads', 'leads.appointmentGivenContact', 'Appointments booked when a lead is reached'],
  ['Leads', 'leads.showProbability', 'Appointments that show'],
  ['Leads', 'leads.showToSale', 'Shown appointments that buy'],
  ['Leads', 'leads.grossPerSale', 'Dealer gross profit per vehicle sold'],
  ['Leads', 'leads.bdcCostPerAgentMonth', 'Cost of a BDC agent'],
];

function schemaAt(path: readonly string[]): SchemaNode {
  let node: SchemaNode = WORLD_SCHEMA;
  for (const key of path) {
    const next: SchemaNode | undefined = node.kind === 'object' ? node.fields.get(key) : undefined;
    if (!next) throw new Error(`unknown world assumption ${path.join('.')}`);
    node = next;
  }
  return node;
}

function describe(section: string, dotted: string, label: string): KeyAssumption {
  const path = dotted.split('.');
  const node = schemaAt(path);
  if (node.kind !== 'num') throw new Error(`world.${dotted} is not a number`);
  const percent = Object.hasOwn(PERCENT_UNITS, node.unit);
  const scale = percent ? 100 : 1;
  const unit = node.unit === '€' && dotted.endsWith('PerDay') ? '€ per day' : node.unit;
  const displayUnit = percent
    ? PERCENT_UNITS[node.unit]!
    : dotted.endsWith('PerAgentMonth')
      ? '€ per month'
      : dotted.includes('costPerLead')
        ? '€ per lead'
        : unit;
  return {
    path,
    section,
    label,
    unit: node.unit,
    displayUnit,
    scale,
    ...(Number.isFinite(node.lo) ? { min: node.lo * scale } : {}),
    ...(Number.isFinite(node.hi) ? { max: node.hi * scale } : {}),
    step: percent ? 0.1 : node.unit === '€' || node.unit.startsWith('€') ? 1 : 0.1,
  };
}

/** The world assumptions the panel offers, by section; units and bounds come from WORLD_SCHEMA. */
export const KEY_ASSUMPTIONS: readonly KeyAssumption[] = KEYS.map(([section, path, label]) =>
  describe(section, path, label),
);

/** A world value as the panel shows it: fixed, or the mean of a distribution (flagged). */
export function displayValue(
  a: KeyAssumption,
  world: unknown,
): { value: number | undefined; distribution?: string } {
  return displayOf(a, getIn(world, a.path) as Num | undefined);
}

/** A world value (number or distribution) as the panel shows it. */
export function displayOf(
  a: KeyAssumption,
  raw: Num | undefined,
): { value: number | undefined; distribution?: string } {
  if (raw === undefined) return { value: undefined };
  if (isDist(raw)) return { value: round(distMean(raw) * a.scale), distribution: raw.dist };
  return { value: round(raw * a.scale) };
}

/** The world value for a typed display value (percent → fraction). */
export function worldValue(a: KeyAssumption, display: number): number {
  return round(display / a.scale, 12);
}

/**
 * Why a typed value cannot be used, or undefined when it can.
 * @example inputProblem(fundingRate, 150) // 'expected at most 100 % per year'
 */
export function inputProblem(a: KeyAssumption, display: number): string | undefined {
  if (!Number.isFinite(display)) return 'expected a number';
  if (a.min !== undefined && display < a.min) return `expected at least ${a.min} ${a.displayUnit}`;
  if (a.max !== undefined && display > a.max) return `expected at most ${a.max} ${a.displayUnit}`;
  return undefined;
}

/**
 * A display value with its unit, as people write it: '€1,200', '€36 per day', '4% per year', '15,000 km per year'.
 */
export function withUnit(a: KeyAssumption, value: number | undefined): string {
  if (value === undefined) return '–';
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 6 });
  if (a.displayUnit.startsWith('€')) {
    const sign = value < 0 ? '−' : '';
    return `${sign}€${Math.abs(value).toLocaleString('en-GB', { maximumFractionDigits: 6 })}${a.displayUnit.slice(1)}`;
  }
  if (a.displayUnit.startsWith('%')) return `${number}${a.displayUnit}`;
  return `${number} ${a.displayUnit}`;
}

function round(x: number, digits = 10): number {
  return Number(x.toPrecision(digits));
}
