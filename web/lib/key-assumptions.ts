import { checkWorldValue, distMean, fieldsOf, isDist, WORLD, WORLD_SCHEMA } from '../../engine/index.ts';
import type { Dist, DistName, Num, SchemaNode } from '../../engine/index.ts';
import { getIn } from './workspace.ts';

/** One world assumption the assumptions panel offers, with how people read and type it. */
export interface KeyAssumption {
  /** Path in the world, e.g. ['economics', 'fundingRate']. */
  readonly path: readonly string[];
  readonly section: string;
  readonly label: string;
  /** Unit as the world's declaration states it (engine/world/assumptions.ts). */
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

/** The world's editable entries, in declaration order, as the panel shows them. */
function editables(): KeyAssumption[] {
  const out: KeyAssumption[] = [];
  for (const { path, section, field } of fieldsOf(WORLD)) {
    for (const [inner, label] of Object.entries(field.edit ?? {})) {
      const full = inner === '' ? path : [...path, ...inner.split('.')];
      out.push(keyAssumption(section, full, label));
    }
  }
  return out;
}

function schemaAt(path: readonly string[]): SchemaNode {
  let node: SchemaNode = WORLD_SCHEMA;
  for (const key of path) {
    const next: SchemaNode | undefined = node.kind === 'object' ? node.fields.get(key) : undefined;
    if (!next) throw new Error(`unknown world assumption ${path.join('.')}`);
    node = next;
  }
  return node;
}

function keyAssumption(section: string, path: readonly string[], label: string): KeyAssumption {
  const node = schemaAt(path);
  if (node.kind !== 'num') throw new Error(`world.${path.join('.')} is not a number`);
  const percent = Object.hasOwn(PERCENT_UNITS, node.unit);
  const scale = percent ? 100 : 1;
  return {
    path,
    section,
    label,
    unit: node.unit,
    displayUnit: percent ? PERCENT_UNITS[node.unit]! : node.unit,
    scale,
    ...(Number.isFinite(node.lo) ? { min: node.lo * scale } : {}),
    ...(Number.isFinite(node.hi) ? { max: node.hi * scale } : {}),
    step: percent ? 0.1 : node.unit.startsWith('€') ? 1 : 0.1,
  };
}

/**
 * The world assumptions the panel offers, by section: the fields the world's declaration marks
 * editable (engine/world/assumptions.ts), with units and bounds from it.
 */
export const KEY_ASSUMPTIONS: readonly KeyAssumption[] = editables();

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

/** A parameter of a distribution as the panel asks for it. */
export interface DistParam {
  readonly key: string;
  /** In the assumption's display unit (scaled like the value) rather than a shape number. */
  readonly scaled: boolean;
  readonly optional?: boolean;
}

const bounds = (optional = false): DistParam[] => [
  { key: 'min', scaled: true, optional },
  { key: 'max', scaled: true, optional },
];

/** The parameters each distribution takes (engine/world/distributions.ts Dist), in the order shown. */
export const DIST_PARAMS: Readonly<Record<DistName, readonly DistParam[]>> = {
  triangular: [
    { key: 'min', scaled: true },
    { key: 'mode', scaled: true },
    { key: 'max', scaled: true },
  ],
  pert: [
    { key: 'min', scaled: true },
    { key: 'mode', scaled: true },
    { key: 'max', scaled: true },
  ],
  normal: [
    { key: 'mean', scaled: true },
    { key: 'sd', scaled: true },
  ],
  lognormal: [
    { key: 'mean', scaled: true },
    { key: 'sd', scaled: true },
  ],
  beta: [{ key: 'alpha', scaled: false }, { key: 'beta', scaled: false }, ...bounds(true)],
  uniform: bounds(),
};

/** A distribution's parameters as typed text in display units ('' for an absent optional one). */
export type DistText = Record<string, string>;

/** A distribution of the world as the panel's fields show it. */
export function distText(a: KeyAssumption, dist: Dist): DistText {
  const record = dist as unknown as Record<string, number | undefined>;
  return Object.fromEntries(
    DIST_PARAMS[dist.dist].map((p) => {
      const x = record[p.key];
      return [p.key, x === undefined ? '' : String(round(p.scaled ? x * a.scale : x))];
    }),
  );
}

/**
 * A distribution to start from when one is picked for a value shown as `mean` (display units): the
 * same mean, about ±10% around it, within the assumption's bounds.
 */
export function startingDist(a: KeyAssumption, name: DistName, mean: number): DistText {
  const spread = Math.abs(mean) * 0.1 || a.step;
  const lo = Math.max(mean - spread, a.min ?? -Infinity);
  const hi = Math.min(mean + spread, a.max ?? Infinity);
  const text = (x: number) => String(round(x, 6));
  switch (name) {
    case 'triangular':
    case 'pert':
      return { min: text(lo), mode: text(mean), max: text(hi) };
    case 'uniform':
      return { min: text(lo), max: text(hi) };
    case 'normal':
    case 'lognormal':
      return { mean: text(mean), sd: text(spread / 2) };
    case 'beta':
      // Beta(4, 4) on [lo, hi] is symmetric: its mean is the middle of the bounds.
      return { alpha: '4', beta: '4', min: text(lo), max: text(hi) };
  }
}

/**
 * The world value for typed distribution parameters, checked as a scenario file's `world` block is
 * (engine/world/merge.ts checkWorldValue): the distribution, or the first problem in plain words.
 */
export function distFromText(
  a: KeyAssumption,
  name: DistName,
  text: DistText,
): { dist: Dist; problem?: undefined } | { dist?: undefined; problem: string } {
  const dist: Record<string, unknown> = { dist: name };
  for (const p of DIST_PARAMS[name]) {
    const typed = (text[p.key] ?? '').trim();
    if (typed === '' && p.optional) continue;
    const x = Number(typed === '' ? NaN : typed);
    if (!Number.isFinite(x)) return { problem: `expected a number for ${p.key}` };
    dist[p.key] = p.scaled ? round(x / a.scale, 12) : x;
  }
  const [problem] = checkWorldValue(a.path, dist);
  return problem ? { problem: problem.message } : { dist: dist as unknown as Dist };
}
