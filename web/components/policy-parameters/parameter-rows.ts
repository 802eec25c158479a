import { checkValue, formatValue, parameterSpec } from '../../../engine/index.ts';
import type { ParameterDecl, ParameterType, ParameterValue, PolicyKind } from '../../../engine/index.ts';

/** One policy's parameters as the panel needs them. */
export interface PolicyParameterInput {
  readonly kind: PolicyKind;
  readonly ruleSetName: string;
  readonly decls: readonly (readonly [name: string, decl: ParameterDecl])[];
  /** The base scenario's overrides for this kind (over each declaration's default). */
  readonly baseValues: Readonly<Record<string, ParameterValue>>;
  /** The edited scenario's overrides for this kind. */
  readonly overrides: Readonly<Record<string, ParameterValue>>;
}

export interface ParameterRow {
  readonly name: string;
  readonly decl: ParameterDecl;
  readonly type: ParameterType;
  readonly description: string;
  readonly values: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** The value in force: the override, else the base's value, else the declared default. */
  readonly value: ParameterValue;
  readonly changed: boolean;
  readonly unitLabel: string;
  readonly defaultText: string;
  readonly rangeText: string;
}

const UNIT_WORDS: Readonly<Record<string, string>> = { '0–1': '(0–1)', count: '', hour: 'o’clock' };

/** Values with their unit for a reader: €1,000, 18 months, 0.7 (0–1), yes/no. */
export function parameterText(value: ParameterValue, decl: ParameterDecl): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  const unit = decl.unit ?? '';
  if (unit === '€') return formatValue(value, '€');
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 6 });
  const words = Object.hasOwn(UNIT_WORDS, unit) ? UNIT_WORDS[unit]! : unit;
  return words ? `${number} ${words}` : number;
}

/** The accepted range with its unit once: '1 to 96 months', '−€50,000 to €50,000', '0 to 1'. */
function rangeText(decl: ParameterDecl): string {
  if (decl.min === undefined && decl.max === undefined) return '';
  const end = (x: number | undefined, fallback: string) =>
    x === undefined ? fallback : decl.unit === '€' ? formatValue(x, '€') : x.toLocaleString('en-GB');
  const unit =
    decl.unit && decl.unit !== '€' && decl.unit !== '0–1' && decl.unit !== 'count' ? ` ${decl.unit}` : '';
  return `allowed ${end(decl.min, '−∞')} to ${end(decl.max, '∞')}${unit}`;
}

export function parameterRows(input: PolicyParameterInput): ParameterRow[] {
  return input.decls.map(([name, decl]) => {
    const base = Object.hasOwn(input.baseValues, name) ? input.baseValues[name]! : decl.default;
    const changed = Object.hasOwn(input.overrides, name);
    const value = changed ? input.overrides[name]! : base;
    const range = rangeText(decl);
    return {
      name,
      decl,
      type: decl.type,
      description: decl.description ?? '',
      values: decl.values ?? [],
      ...(decl.min !== undefined ? { min: decl.min } : {}),
      ...(decl.max !== undefined ? { max: decl.max } : {}),
      value,
      changed,
      unitLabel: decl.unit === '0–1' || decl.unit === 'count' || decl.unit === undefined ? '' : decl.unit,
      defaultText: parameterText(base, decl),
      rangeText: range,
    };
  });
}

/**
 * Why a value does not fit a parameter's declaration (the engine's own check), or undefined.
 * @example parameterProblem(maxContactsRow, 2.5) // 'expected an integer from 1 to 24 (count), got 2.5'
 */
export function parameterProblem(
  row: Pick<ParameterRow, 'name' | 'decl'>,
  value: ParameterValue,
): string | undefined {
  return checkValue(parameterSpec(row.name, row.decl), value, true);
}
