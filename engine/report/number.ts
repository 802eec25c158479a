import type { KpiUnit } from '../result/kpis.ts';

/**
 * Formats a value in its unit for people: € with thousands separators (k/M beyond 100,000), rates as %,
 * counts as whole numbers. The CLI tables and the workbench share it, so both show the same text.
 * @example formatValue(1234567, '€') // '€1.23M'
 * @example formatValue(0.3612, '0–1') // '36.1%'
 */
export function formatValue(value: number | null, unit: KpiUnit | string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  switch (unit) {
    case '€':
    case '€ per sale':
      return formatEuro(value);
    case '0–1':
      return `${(value * 100).toFixed(percentDigits(value * 100))}%`;
    case 'count':
      return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-GB') : trim(value, 1);
    default:
      return trim(value, 2);
  }
}

/**
 * Formats a difference: a sign always, and percentage points for rates.
 * @example formatDelta(0.021, '0–1') // '+2.1 pp'
 */
export function formatDelta(value: number | null, unit: KpiUnit | string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  if (unit === '0–1') return `${sign}${Math.abs(value * 100).toFixed(percentDigits(value * 100))} pp`;
  return sign + formatValue(Math.abs(value), unit);
}

/**
 * One decimal for percentages, more for small non-zero ones, so a real change of 0.03 pp does not
 * print as "+0.0 pp".
 */
function percentDigits(percent: number): number {
  const abs = Math.abs(percent);
  if (abs === 0 || abs >= 0.05) return 1;
  return abs >= 0.005 ? 2 : 3;
}

function formatEuro(value: number): string {
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${sign}€${(abs / 1e9).toFixed(2)}bn`;
  if (abs >= 1e6) return `${sign}€${(abs / 1e6).toFixed(2)}M`;
  if (abs >= 1e5) return `${sign}€${(abs / 1e3).toFixed(0)}k`;
  return `${sign}€${abs.toLocaleString('en-GB', { maximumFractionDigits: abs >= 100 ? 0 : 2 })}`;
}

function trim(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toString();
}
