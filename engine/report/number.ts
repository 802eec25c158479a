import type { KpiUnit } from '../result/kpis.ts';
import { RELATIVE_ACCURACY } from '../result/summary.ts';

/**
 * How numbers of one size are written: divided by `divisor`, with `digits` decimals, between `prefix`
 * and `suffix`. Both ends of an interval are written on the scale of the larger, so an interval never
 * mixes precisions ("+€20k … +€238k", not "+€20,387 … +€238k").
 */
interface Scale {
  readonly divisor: number;
  readonly digits: number;
  readonly prefix: string;
  readonly suffix: string;
  /** Thousands separators (whole euros). */
  readonly grouped?: boolean;
  /** Values are first rounded to a multiple of this (in the value's unit): no digit finer than it is known. */
  readonly step?: number;
}

/**
 * A scale no finer than `resolution` (the uncertainty of the value, in its unit): fewer decimals, and
 * rounding to tens, hundreds… when even whole units are finer than what is known.
 */
function coarsen(scale: Scale, resolution: number): Scale {
  if (!(resolution > 0)) return scale;
  const exponent = Math.ceil(Math.log10(resolution / scale.divisor));
  const digits = Math.max(0, Math.min(scale.digits, -exponent));
  const step = exponent > 0 ? 10 ** exponent * scale.divisor : undefined;
  return { ...scale, digits, ...(step ? { step } : {}) };
}

/** € with thousands separators below 100,000, then k, M and bn. */
function euroScale(abs: number): Scale {
  if (abs >= 1e9) return { divisor: 1e9, digits: 2, prefix: '€', suffix: 'bn' };
  if (abs >= 1e6) return { divisor: 1e6, digits: 2, prefix: '€', suffix: 'M' };
  if (abs >= 1e5) return { divisor: 1e3, digits: 0, prefix: '€', suffix: 'k' };
  return { divisor: 1, digits: abs >= 100 || abs === 0 ? 0 : 2, prefix: '€', suffix: '', grouped: true };
}

/**
 * One decimal for percentages, more for small non-zero ones, so a real rate of 0.03% does not print
 * as "0.0%".
 */
function percentDigits(percent: number): number {
  const abs = Math.abs(percent);
  if (abs === 0 || abs >= 0.05) return 1;
  return abs >= 0.005 ? 2 : 3;
}

/**
 * Changes of rates below 1 percentage point in basis points (1 bp = 0.01 pp), as finance reads loss
 * rates and spreads; larger ones in pp.
 */
function rateDeltaScale(abs: number): Scale {
  if (abs >= 0.01) return { divisor: 0.01, digits: 1, prefix: '', suffix: ' pp' };
  return {
    divisor: 0.0001,
    digits: abs >= 0.001 || abs === 0 ? 0 : 1,
    prefix: '',
    suffix: ' bp',
  };
}

function valueScale(abs: number, unit: KpiUnit | string): Scale {
  switch (unit) {
    case '€':
    case '€ per sale':
      return euroScale(abs);
    case '0–1':
      return { divisor: 0.01, digits: percentDigits(abs * 100), prefix: '', suffix: '%' };
    case 'count':
      return abs >= 100
        ? { divisor: 1, digits: 0, prefix: '', suffix: '', grouped: true }
        : { divisor: 1, digits: 1, prefix: '', suffix: '' };
    default:
      return { divisor: 1, digits: 2, prefix: '', suffix: '' };
  }
}

function deltaScale(abs: number, unit: KpiUnit | string): Scale {
  return unit === '0–1' ? rateDeltaScale(abs) : valueScale(abs, unit);
}

/**
 * The scale |value| `abs` is written on (of a difference when `delta`), no finer than `resolution` (0:
 * as fine as the scale goes). A value that rounds up to 1,000 of a k or M moves to the next scale, so
 * €999,700 is written "€1.00M", never "€1000k".
 */
function scaleFor(abs: number, unit: KpiUnit | string, delta: boolean, resolution = 0): Scale {
  const pick = (x: number) => coarsen(delta ? deltaScale(x, unit) : valueScale(x, unit), resolution);
  const scale = pick(abs);
  const carries = scale.suffix === 'k' || scale.suffix === 'M';
  return carries && Number(fixedOn(abs, scale)) >= 1000 ? pick(1000 * scale.divisor) : scale;
}

/** |value| `abs` in units of the scale, rounded as it is written: "999.70", "1000". */
function fixedOn(abs: number, scale: Scale): string {
  const rounded = scale.step ? Math.round(abs / scale.step) * scale.step : abs;
  return (rounded / scale.divisor).toFixed(scale.digits);
}

/** The digits of |value| on a scale, and whether they are all zero (the value rounds to nothing). */
function digitsOf(abs: number, scale: Scale): { text: string; zero: boolean } {
  const fixed = fixedOn(abs, scale);
  // Counts and other plain numbers drop trailing zeros ("2", not "2.0"); rates keep them.
  const plain = scale.prefix === '' && scale.suffix === '';
  const body = scale.grouped
    ? Number(fixed).toLocaleString('en-GB', {
        // Cents only where there are any: €20, €12.5, €0.25.
        minimumFractionDigits: 0,
        maximumFractionDigits: scale.digits,
      })
    : plain
      ? Number(fixed).toString()
      : fixed;
  return { text: `${scale.prefix}${body}${scale.suffix}`, zero: Number(fixed) === 0 };
}

function written(value: number, scale: Scale, signed: boolean): string {
  const { text, zero } = digitsOf(Math.abs(value), scale);
  // A value that rounds to zero has no sign to show: never "−0".
  if (zero) return signed ? `±${text}` : text;
  if (value < 0) return `−${text}`;
  return signed ? `+${text}` : text;
}

const missing = (value: number | null): value is null => value === null || !Number.isFinite(value);

/**
 * Formats a value in its unit for people: € with thousands separators (k/M beyond 100,000), rates as %,
 * counts as whole numbers. The CLI tables and the workbench share it, so both show the same text.
 * @example formatValue(1234567, '€') // '€1.23M'
 * @example formatValue(0.3612, '0–1') // '36.1%'
 */
export function formatValue(value: number | null, unit: KpiUnit | string): string {
  if (missing(value)) return '–';
  return written(value, scaleFor(Math.abs(value), unit, false), false);
}

/**
 * Formats a difference: a sign always (± when it rounds to zero), percentage points for rate changes
 * of 1 pp or more and basis points below.
 * @example formatDelta(0.021, '0–1') // '+2.1 pp'
 * @example formatDelta(-0.0012, '0–1') // '−12 bp'
 */
export function formatDelta(value: number | null, unit: KpiUnit | string): string {
  if (missing(value)) return '–';
  return written(value, scaleFor(Math.abs(value), unit, true), true);
}

/**
 * An interval `low … high` with both ends on the scale of the larger: of values, or of differences
 * (`delta`: signed, pp/bp for rates). '–' when there is none.
 * @example formatInterval([20_387, 238_000], '€', true) // '+€20k … +€238k'
 */
export function formatInterval(
  ci: readonly [number, number] | null,
  unit: KpiUnit | string,
  delta = false,
): string {
  const ends = intervalEnds(ci, unit, delta);
  return ends ? `${ends[0]} … ${ends[1]}` : '–';
}

/** The two ends of formatInterval, for layouts that place them apart. */
export function intervalEnds(
  ci: readonly [number, number] | null,
  unit: KpiUnit | string,
  delta = false,
): readonly [string, string] | undefined {
  if (!ci || missing(ci[0]) || missing(ci[1])) return undefined;
  const scale = scaleFor(Math.max(Math.abs(ci[0]), Math.abs(ci[1])), unit, delta);
  return [written(ci[0], scale, delta), written(ci[1], scale, delta)];
}

/**
 * A quantile from the quantile sketch (p05, p50, p95), printed no finer than the sketch knows it: its
 * estimates are within RELATIVE_ACCURACY (0.78%) of the true order statistic, so 52.3% prints as 52%
 * and €39.29M as €39M. `delta`: a quantile of paired differences (signed, bp/pp for rates).
 * @example formatQuantile(0.523, '0–1') // '52%'
 */
export function formatQuantile(value: number | null, unit: KpiUnit | string, delta = false): string {
  if (missing(value)) return '–';
  const abs = Math.abs(value);
  return written(value, scaleFor(abs, unit, delta, abs * RELATIVE_ACCURACY), delta);
}

/** Both ends of a range of quantiles on one scale, no finer than the sketch knows the larger. */
export function formatQuantileRange(
  lo: number | null,
  hi: number | null,
  unit: KpiUnit | string,
  delta = false,
): string {
  if (missing(lo) || missing(hi)) return '–';
  const abs = Math.max(Math.abs(lo), Math.abs(hi));
  const scale = scaleFor(abs, unit, delta, abs * RELATIVE_ACCURACY);
  return `${written(lo, scale, delta)} … ${written(hi, scale, delta)}`;
}

/**
 * A probability as whole percent, never claiming certainty the iterations cannot show: "<1%" and ">99%"
 * rather than 0% and 100% unless every iteration agreed.
 * @example formatProbability(0.996) // '>99%'
 */
export function formatProbability(p: number | null): string {
  if (missing(p)) return '–';
  if (p === 0 || p === 1) return `${p * 100}%`;
  if (p < 0.01) return '<1%';
  if (p > 0.99) return '>99%';
  return `${Math.round(p * 100)}%`;
}

/**
 * A count with its noun, singular for one: "1 iteration", "2,000 iterations", "1 month".
 * @example counted(1, 'iteration') // '1 iteration'
 */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`;
}
