import { describeValue } from '../json/describe.ts';
import type { TypedSpec } from './catalogue/index.ts';

/**
 * Checks a value against a fact's or parameter's declared type. Returns undefined when it fits,
 * otherwise `expected …, got …` for an `invalid fact X: …` message.
 * With `range`, numbers must also lie within the spec's min/max (parameters are bounded by their
 * declaration; facts are only type-checked, so out-of-range what-ifs stay possible).
 * @example checkValue(cycleSpec, 2.5, false) // 'expected an integer (cycle), got 2.5'
 */
export function checkValue(spec: TypedSpec, value: unknown, range: boolean): string | undefined {
  const fits = fitsType(spec, value) && (!range || withinRange(spec, value));
  return fits ? undefined : `expected ${describeExpected(spec, range)}, got ${describeValue(value)}`;
}

function fitsType(spec: TypedSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value);
    case 'list':
      return (
        Array.isArray(value) && value.every((v) => typeof v === 'string' && (spec.values ?? []).includes(v))
      );
  }
}

function withinRange(spec: TypedSpec, value: unknown): boolean {
  if (typeof value !== 'number') return true;
  return (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
}

/** 'an integer between 0 and 96 (months)', 'one of "lease", "loan"', … */
export function describeExpected(spec: TypedSpec, range = false): string {
  const values = (spec.values ?? []).map((v) => JSON.stringify(v)).join(', ');
  const unit = spec.unit === '' ? '' : ` (${spec.unit})`;
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const noun = spec.type === 'number' ? 'a finite number' : 'an integer';
      return `${noun}${range ? describeRange(spec) : ''}${unit}`;
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${values}`;
    case 'list':
      return `an array of ${values}`;
  }
}

function describeRange(spec: TypedSpec): string {
  if (spec.min !== undefined && spec.max !== undefined) return ` between ${spec.min} and ${spec.max}`;
  if (spec.min !== undefined) return ` of at least ${spec.min}`;
  if (spec.max !== undefined) return ` of at most ${spec.max}`;
  return '';
}
