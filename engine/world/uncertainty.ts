import { exp, log, pow } from '../math/index.ts';
import { DECISIONS } from '../random/decisions.ts';
import { normalQuantile, uniform } from '../random/streams.ts';
import { WORLD, type World } from './assumptions.ts';
import { fieldsOf, type FieldOf, type Shape } from './declare.ts';
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
      const a = slot.assumption;
      const rho = a.downturn;
      const z = rho * factor + Math.sqrt(1 - rho * rho) * this.scores[slot.index]!;
      writeDrawn(slot, a.field.shape, z);
    }
    return this.world;
  }
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

/** Writes the value at score `z` into the slot, by the field's shape. */
function writeDrawn(slot: Slot, shape: Shape, z: number): void {
  const [lo, hi] = slot.assumption.range;
  switch (shape.kind) {
    case 'num':
      slot.parent[slot.key] = valueAt(slot.base as number, lo, hi, shape.lo, shape.hi, z);
      return;
    case 'table':
      // One factor on every entry: the calibration fixed the level, the entries keep their proportions.
      scaleTable(slot.base, slot.parent[slot.key], shape, valueAt(1, lo, hi, 0, Infinity, z));
      return;
    case 'curve': {
      // The curve's log-odds scale together so that its largest multiplier moves over the range.
      const base = slot.base as readonly (readonly [number, number])[];
      const peak = base.reduce((m, [, y]) => (y > m ? y : m), -Infinity);
      const power = log(valueAt(peak, lo, hi, 0, Infinity, z)) / log(peak);
      const points = slot.parent[slot.key] as [number, number][];
      for (let i = 0; i < base.length; i++) points[i]![1] = pow(base[i]![1], power);
      return;
    }
    default:
      throw new Error(`invalid range on ${slot.assumption.path}: a ${shape.kind} cannot be drawn`);
  }
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
