import { exp, log, pow } from '../math/index.ts';
import { DECISIONS } from '../random/decisions.ts';
import { normalQuantile, uniform } from '../random/streams.ts';
import { WORLD, type World } from './assumptions.ts';
import { fieldsOf, type FieldOf, type Shape } from './declare.ts';
import type { Curve } from './curve.ts';
import { fieldHash } from './resolve.ts';

/*
 * Uncertainty by default (docs/calibration.md, "From a range to a distribution"): every assumption
 * declared with a `range` is drawn once per iteration, its median the declared default and its range
 * read as p5–p95. The draws are keyed by the assumption's path, so every scenario of a comparison draws
 * the same value in the same iteration, whatever else it draws; one standard-normal economic factor per
 * iteration moves the assumptions declared with a `downturn` loading together (a Gaussian copula).
 */

/** z of the 95th percentile of the standard normal: a range's ends sit at ±Z95 standard deviations. */
const Z95 = 1.6448536269514722;

/** One assumption declared uncertain, in declaration order. */
export interface UncertainAssumption {
  /** Dotted path in the world, e.g. 'economics.fundingRate'. */
  readonly path: string;
  readonly field: FieldOf;
  readonly range: readonly [number, number];
  /** Loading on the economic factor, −1…1 (0 when not declared). */
  readonly downturn: number;
}

/** Every assumption with a declared range, in declaration order: the regressors of the variance split. */
export const UNCERTAIN_ASSUMPTIONS: readonly UncertainAssumption[] = [...fieldsOf(WORLD)].flatMap(
  ({ path, field }) =>
    field.range === undefined
      ? []
      : [{ path: path.join('.'), field, range: field.range, downturn: field.downturn ?? 0 }],
);

/** Hash of the economic factor's stream, beside the assumptions' path hashes. */
const ECONOMY = fieldHash('economy');

/**
 * The standard-normal scores of iteration `key`: [0] the economic factor (or `economy` when a named
 * stress pins it), then one idiosyncratic score per {@link UNCERTAIN_ASSUMPTIONS} entry. Written into
 * `out` (length 1 + UNCERTAIN_ASSUMPTIONS.length); the same in every scenario of a run.
 */
export function drawScores(key: number, out: Float64Array, economy?: number): Float64Array {
  out[0] = economy ?? normalOf(uniform(key, 0, DECISIONS.assumptions, 0, ECONOMY));
  for (let i = 0; i < UNCERTAIN_ASSUMPTIONS.length; i++) {
    out[i + 1] = normalOf(
      uniform(key, 0, DECISIONS.assumptions, 0, fieldHash(UNCERTAIN_ASSUMPTIONS[i]!.path)),
    );
  }
  return out;
}

/**
 * The world of one iteration with its uncertain assumptions drawn: made once per scenario and run, then
 * {@link UncertainWorld.draw} rewrites the drawn values in place each iteration (no allocation). An
 * assumption a scenario sets itself (its value differs from the declared default) is the scenario's
 * statement and stays as set; so does one given as a distribution.
 */
export class UncertainWorld {
  /** The iteration's world: a copy of the scenario's, its uncertain values rewritten by draw(). */
  readonly world: World;
  /** Standard-normal scores of the current iteration (see drawScores). */
  readonly scores = new Float64Array(1 + UNCERTAIN_ASSUMPTIONS.length);
  private readonly slots: readonly Slot[];

  /**
   * `economy`: the economic factor's value when a named stress pins it (standard-normal units);
   * `idiosyncratic` false: every assumption sits where the factor alone puts it (a stressed point run).
   */
  constructor(
    world: World,
    private readonly economy?: number,
    private readonly idiosyncratic = true,
  ) {
    this.world = copy(world) as World;
    const slots: Slot[] = [];
    UNCERTAIN_ASSUMPTIONS.forEach((a, i) => {
      const parts = a.path.split('.');
      const key = parts.pop()!;
      let parent = this.world as unknown as Record<string, unknown>;
      for (const p of parts) parent = parent[p] as Record<string, unknown>;
      if (!sameValue(parent[key], a.field.default)) return;
      slots.push({ index: i + 1, assumption: a, parent, key, base: copy(a.field.default) });
    });
    this.slots = slots;
  }

  /** Whether each assumption draws its own score (false: a stressed point run, the factor alone). */
  get drawsAssumptions(): boolean {
    return this.idiosyncratic;
  }

  /** Whether any assumption of this world is drawn (false when the scenario set every one itself). */
  get uncertain(): boolean {
    return this.slots.length > 0;
  }

  /** Draws iteration `key`'s values into {@link world} and {@link scores}; returns the world. */
  draw(key: number): World {
    drawScores(key, this.scores, this.economy);
    if (!this.idiosyncratic) this.scores.fill(0, 1);
    const factor = this.scores[0]!;
    for (const slot of this.slots) {
      writeDrawn(
        slot,
        slot.assumption.field.shape,
        scoreOf(slot.assumption, factor, this.scores[slot.index]!),
      );
    }
    return this.world;
  }

  /** Whether this world draws assumption `a` (the scenario left it at its declared default). */
  draws(a: UncertainAssumption): boolean {
    return this.slots.some((slot) => slot.assumption === a);
  }

  /** The score assumption i of UNCERTAIN_ASSUMPTIONS drew in the current iteration: its factor part and its own. */
  scoreOf(i: number): number {
    return scoreOf(UNCERTAIN_ASSUMPTIONS[i]!, this.scores[0]!, this.scores[i + 1]!);
  }
}

/** An assumption's score from the economic factor and its own: ρ·F + √(1 − ρ²)·ε, standard normal. */
function scoreOf(a: UncertainAssumption, factor: number, own: number): number {
  const rho = a.downturn;
  return rho * factor + Math.sqrt(1 - rho * rho) * own;
}

interface Slot {
  /** Index of the assumption's score in `scores`. */
  readonly index: number;
  readonly assumption: UncertainAssumption;
  /** The object holding the value in the iteration's world, and its key. */
  readonly parent: Record<string, unknown>;
  readonly key: string;
  /** The declared default, which the draw moves. */
  readonly base: unknown;
}

/**
 * The value at standard-normal score `z` of an assumption with median `median`, p5 `lo` and p95 `hi`
 * in a domain [a, b]: a two-piece normal on a scale where the domain's bounds cannot be crossed
 * (logit between two finite bounds, log above a finite lower bound), so p5, p50 and p95 are exactly
 * `lo`, `median` and `hi`. Monotone in z.
 * @example valueAt(0.04, 0.03, 0.06, 0, 1, 1.6448536269514722) // 0.06 (the funding rate's p95)
 */
export function valueAt(median: number, lo: number, hi: number, a: number, b: number, z: number): number {
  const s = scaleOf(median, lo, hi, a, b);
  const m = s.to(median);
  const y = m + (z < 0 ? m - s.to(lo) : s.to(hi) - m) * (z / Z95);
  const x = s.from(y);
  return x < a ? a : x > b ? b : x;
}

interface Scale {
  to(x: number): number;
  from(y: number): number;
}

const IDENTITY: Scale = { to: (x) => x, from: (y) => y };

function scaleOf(median: number, lo: number, hi: number, a: number, b: number): Scale {
  const inside = (x: number) => x > a && x < b;
  if (Number.isFinite(a) && Number.isFinite(b) && inside(lo) && inside(hi) && inside(median)) {
    const w = b - a;
    return {
      to: (x) => log((x - a) / (b - x)),
      from: (y) => a + w / (1 + exp(-y)),
    };
  }
  if (Number.isFinite(a) && lo > a && median > a) return { to: (x) => log(x - a), from: (y) => a + exp(y) };
  if (Number.isFinite(b) && hi < b && median < b) return { to: (x) => -log(b - x), from: (y) => b - exp(-y) };
  return IDENTITY;
}

/**
 * The one number an assumption's draw moves, at standard-normal score `z`: the value of a number, the
 * factor on every entry of a table (median 1), the largest multiplier of a curve.
 */
export function scalarAt(a: UncertainAssumption, z: number): number {
  const [lo, hi] = a.range;
  const shape = a.field.shape;
  switch (shape.kind) {
    case 'num':
      return valueAt(a.field.default as number, lo, hi, shape.lo, shape.hi, z);
    case 'table':
      return valueAt(1, lo, hi, 0, Infinity, z);
    case 'curve':
      return valueAt(peakOf(a.field.default as Curve), lo, hi, 0, Infinity, z);
    default:
      throw new Error(`invalid range on ${a.path}: a ${shape.kind} cannot be drawn`);
  }
}

/** The standard-normal score at which {@link scalarAt} gives `x` (the inverse, for a distribution's cdf). */
export function scoreAt(a: UncertainAssumption, x: number): number {
  const [lo, hi] = a.range;
  const shape = a.field.shape;
  const [median, low, high] =
    shape.kind === 'num'
      ? [a.field.default as number, shape.lo, shape.hi]
      : [shape.kind === 'table' ? 1 : peakOf(a.field.default as Curve), 0, Infinity];
  const s = scaleOf(median, lo, hi, low, high);
  const m = s.to(median);
  const y = s.to(x);
  const width = y < m ? m - s.to(lo) : s.to(hi) - m;
  return width === 0 ? 0 : ((y - m) / width) * Z95;
}

/** The field's value with its one number at `scalar` (see scalarAt): what holding the assumption sets. */
export function valueWith(a: UncertainAssumption, scalar: number): unknown {
  const shape = a.field.shape;
  if (shape.kind === 'num') return scalar;
  const out = copy(a.field.default);
  writeScalar(a.field.default, out, shape, scalar);
  return out;
}

/** Writes the value at score `z` into the slot, by the field's shape. */
function writeDrawn(slot: Slot, shape: Shape, z: number): void {
  const scalar = scalarAt(slot.assumption, z);
  if (shape.kind === 'num') slot.parent[slot.key] = scalar;
  else writeScalar(slot.base, slot.parent[slot.key], shape, scalar);
}

/** Writes a table's factor or a curve's largest multiplier into `out`, a copy of `base`. */
function writeScalar(base: unknown, out: unknown, shape: Shape, scalar: number): void {
  if (shape.kind === 'table') {
    // One factor on every entry: the calibration fixed the level, the entries keep their proportions.
    scaleTable(base, out, shape, scalar);
  } else if (shape.kind === 'curve') {
    // The curve's log-odds scale together so that its largest multiplier becomes `scalar`.
    const points = base as Curve;
    const power = log(scalar) / log(peakOf(points));
    const into = out as [number, number][];
    for (let i = 0; i < points.length; i++) into[i]![1] = pow(points[i]![1], power);
  }
}

/** The largest y of a curve. */
function peakOf(points: Curve): number {
  let peak = -Infinity;
  for (const [, y] of points) if (y > peak) peak = y;
  return peak;
}

/** Multiplies every numeric entry of `base` by `factor` into `out` (a probability's odds). */
function scaleTable(base: unknown, out: unknown, shape: Shape, factor: number): void {
  if (shape.kind === 'table') {
    const b = base as Record<string, unknown>;
    const o = out as Record<string, unknown>;
    for (const key of shape.keys) {
      const inner = shape.of as Shape;
      if (inner.kind === 'num') {
        const x = b[key];
        if (typeof x === 'number') o[key] = scaled(x, factor, inner.lo, inner.hi);
      } else scaleTable(b[key], o[key], inner, factor);
    }
  }
}

function scaled(x: number, factor: number, lo: number, hi: number): number {
  if (lo === 0 && hi === 1) {
    if (x <= 0 || x >= 1) return x;
    const odds = (x / (1 - x)) * factor;
    return odds / (1 + odds);
  }
  const y = x * factor;
  return y < lo ? lo : y > hi ? hi : y;
}

/** A standard normal deviate from a uniform in [0, 1), finite at 0. */
function normalOf(u: number): number {
  return normalQuantile(u > 0 ? u : 2 ** -33);
}

function copy(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(copy);
  if (typeof x === 'object' && x !== null) {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, copy(v)]));
  }
  return x;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
