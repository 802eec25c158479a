import type { Curve } from './curve.ts';
import type { Num } from './distributions.ts';

/*
 * The building blocks of the world's declaration (assumptions.ts): a field declares its shape (domain
 * and unit), default, source and description once, and everything else — the World type, the default
 * world, the checking schema, the JSON Schema and the workbench's editable assumptions — is read from it.
 */

/** A `Num` (number or distribution) whose every possible value lies in [lo, hi]. */
export interface NumNode {
  readonly kind: 'num';
  readonly lo: number;
  readonly hi: number;
  readonly unit: string;
}
/** A curve whose y values lie in [lo, hi]. */
export interface CurveNode {
  readonly kind: 'curve';
  readonly lo: number;
  readonly hi: number;
  readonly unit: string;
}
/** A plain array of numbers in [lo, hi], of exactly `length` entries (or at least `minLength`). */
export interface NumbersNode {
  readonly kind: 'numbers';
  readonly lo: number;
  readonly hi: number;
  readonly length?: number;
  readonly minLength?: number;
  readonly positiveSum?: boolean;
  readonly unit: string;
}
/** A plain integer in [lo, hi] (no distribution: it shapes the calendar). */
export interface IntegerNode {
  readonly kind: 'integer';
  readonly lo: number;
  readonly hi: number;
  readonly unit: string;
}
/** One entry of shape `of` per key, e.g. one probability per payer segment. */
export interface TableShape<K extends string, S> {
  readonly kind: 'table';
  readonly keys: readonly K[];
  readonly of: S;
  /** The entries are probabilities of one choice: at least one must be able to be positive. */
  readonly weights: boolean;
}
/** What a field holds. */
export type Shape = NumNode | CurveNode | NumbersNode | IntegerNode | TableShape<string, unknown>;

/** The value a shape holds: a `Num`, a curve, numbers, an integer, or a table of them. */
export type ValueOf<S> = S extends NumNode
  ? Num
  : S extends CurveNode
    ? Curve
    : S extends NumbersNode
      ? readonly number[]
      : S extends IntegerNode
        ? number
        : S extends TableShape<infer K, infer T>
          ? { readonly [k in K]: ValueOf<T> }
          : never;

/** One world assumption, declared once. */
export interface Field<S extends Shape> {
  readonly kind: 'field';
  readonly shape: S;
  readonly default: ValueOf<S>;
  /** What the value means and in which unit. */
  readonly description: string;
  /** `calibration X: row` (docs/calibration.md section X), or `assumption: …, because …`. */
  readonly source: string;
  /**
   * Entries the workbench's assumptions panel offers, label by path inside the field ('' = the field
   * itself, 'lease.prime' = an entry of a table). Each must be a number.
   */
  readonly edit?: Readonly<Record<string, string>>;
  /** Set on an effect a challenger policy wins by: how good its evidence is, and its range. */
  readonly challengerEffect?: ChallengerEffect;
}

/**
 * An effect that makes a challenger beat the baseline (docs/calibration.md, What makes a challenger
 * win). Where the evidence is only correlational the range reaches "no effect", so a sensitivity run
 * over it can show the claim vanishing.
 */
export interface ChallengerEffect {
  /** The challenger and the mechanism, e.g. 'trade cycle management: contacts a year before the end'. */
  readonly claim: string;
  /** source: a cited causal figure; correlational: a cited association; assumption: no source. */
  readonly evidence: 'source' | 'correlational' | 'assumption';
  /** What the range is a range of, in the field's unit, e.g. 'the multiplier 12–18 months before the end'. */
  readonly of: string;
  readonly range: readonly [low: number, high: number];
  /** The value of `of` at which the challenger gains nothing (1 for an odds multiplier). */
  readonly noEffect: number;
}
/** A named group of assumptions (economics, market, …), a section of the assumptions panel. */
export interface Group<F extends Fields> {
  readonly kind: 'group';
  readonly title: string;
  readonly fields: F;
}
/** Any field or group, for walking a declaration. */
export type Declared =
  | ({ readonly kind: 'field'; readonly shape: Shape; readonly default: unknown } & Omit<
      Field<NumNode>,
      'kind' | 'shape' | 'default'
    >)
  | { readonly kind: 'group'; readonly title: string; readonly fields: Fields };
export type Fields = { readonly [key: string]: Declared };

/** The value a declaration describes: the World type is `WorldOf<typeof WORLD.fields>`. */
export type WorldOf<F extends Fields> = {
  readonly [K in keyof F]: F[K] extends Field<infer S>
    ? ValueOf<S>
    : F[K] extends Group<infer G>
      ? WorldOf<G>
      : never;
};

/**
 * The dotted path of every field and table entry of a world value, e.g. 'economics.fundingRate' or
 * 'dunning.cure.remind': what names a field's random stream (resolve.ts), so a misspelt path is a
 * compile error rather than a silently different stream.
 */
export type PathOf<T> = {
  [K in keyof T & string]: T[K] extends Num | readonly unknown[] ? K : K | `${K}.${PathOf<T[K]>}`;
}[keyof T & string];

export const num = (lo: number, hi: number, unit: string): NumNode => ({ kind: 'num', lo, hi, unit });
export const curve = (lo: number, hi: number, unit: string): CurveNode => ({
  kind: 'curve',
  lo,
  hi,
  unit,
});
export const integer = (lo: number, hi: number, unit: string): IntegerNode => ({
  kind: 'integer',
  lo,
  hi,
  unit,
});
export const numbers = (spec: Omit<NumbersNode, 'kind'>): NumbersNode => ({ kind: 'numbers', ...spec });
/** A table with one `of` per key; `weights` when the entries are probabilities of one choice. */
export const table = <K extends string, S extends Shape>(
  keys: readonly K[],
  of: S,
  weights = false,
): TableShape<K, S> => ({ kind: 'table', keys, of, weights });

/** Declares one assumption: its shape, then its default, description, source and workbench labels. */
export const field = <S extends Shape>(shape: S, spec: Omit<Field<S>, 'kind' | 'shape'>): Field<S> => ({
  kind: 'field',
  shape,
  ...spec,
});
export const group = <F extends Fields>(title: string, fields: F): Group<F> => ({
  kind: 'group',
  title,
  fields,
});

/** Every field of a declaration with its path, in declaration order, and the top-level group's title. */
export function* fieldsOf(
  fields: Fields,
  path: readonly string[] = [],
  section = '',
): Generator<{ readonly path: readonly string[]; readonly section: string; readonly field: FieldOf }> {
  for (const [key, d] of Object.entries(fields)) {
    const at = [...path, key];
    if (d.kind === 'group') yield* fieldsOf(d.fields, at, section === '' ? d.title : section);
    else yield { path: at, section, field: d };
  }
}
/** A field of any shape. */
export type FieldOf = Extract<Declared, { readonly kind: 'field' }>;

/** A fresh copy of the declared defaults (callers may keep and mutate it). */
export function defaultsOf<F extends Fields>(fields: F): WorldOf<F> {
  const out: Record<string, unknown> = {};
  for (const [key, d] of Object.entries(fields)) {
    out[key] = d.kind === 'group' ? defaultsOf(d.fields) : copy(d.default);
  }
  return out as WorldOf<F>;
}

function copy(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(copy);
  if (typeof x === 'object' && x !== null) {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, copy(v)]));
  }
  return x;
}
