import type { TypeSpec } from './context.ts';
import { didYouMean } from '../../json/suggest.ts';
import { listText } from './text.ts';

/**
 * What a value of this type looks like, after `expected`: `a number`, `true or false`,
 * `one of phone, email`, `a list of body, tyres`. An integer expects `a number` unless `strict`:
 * comparisons mix numbers and integers freely, declarations do not.
 */
export function describeExpected(spec: TypeSpec, strict = false): string {
  switch (spec.type) {
    case 'number':
      return 'a number';
    case 'integer':
      return strict ? 'an integer' : 'a number';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${listText(spec.values ?? [])}`;
    case 'list':
      return `a list of ${listText(spec.values ?? [])}`;
  }
}

/** What a value of this type is, after `x is`: `a number`, `an integer`, `a boolean`, `one of …`. */
export function describeIs(spec: TypeSpec): string {
  return spec.type === 'boolean' ? 'a boolean' : describeExpected(spec, true);
}

/** `a number from 0 to 20000 (€)`: the type, its bounds and its unit. */
export function describeWithBounds(spec: TypeSpec): string {
  let text = describeExpected(spec, true);
  if (spec.type === 'number' || spec.type === 'integer') {
    if (spec.min !== undefined && spec.max !== undefined) text += ` from ${spec.min} to ${spec.max}`;
    else if (spec.min !== undefined) text += ` of at least ${spec.min}`;
    else if (spec.max !== undefined) text += ` of at most ${spec.max}`;
    if (spec.unit) text += ` (${spec.unit})`;
  }
  return text;
}

export interface Misfit {
  /** For `expected …`. */
  readonly expected: string;
  readonly hint?: string | undefined;
}

/**
 * Whether a JSON value is a valid value of the type (an action parameter, a parameter default),
 * bounds included. Undefined when it fits; otherwise what was expected.
 */
export function misfit(value: unknown, spec: TypeSpec): Misfit | undefined {
  const expected = describeWithBounds(spec);
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || (spec.type === 'integer' && !Number.isInteger(value)))
        return { expected };
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))
        return { expected };
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { expected };
    case 'enum': {
      const values = spec.values ?? [];
      if (typeof value === 'string' && values.includes(value)) return undefined;
      return { expected, hint: typeof value === 'string' ? didYouMean(value, values) : undefined };
    }
    case 'list': {
      const values = spec.values ?? [];
      const fits = Array.isArray(value) && value.every((v) => typeof v === 'string' && values.includes(v));
      return fits ? undefined : { expected };
    }
  }
}
