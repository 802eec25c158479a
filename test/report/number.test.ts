import { describe, expect, it } from 'vitest';
import { formatDelta, formatValue } from '../../engine/report/number.ts';

describe('formatValue', () => {
  it('shows money in € with thousands, k and M', () => {
    expect(formatValue(1234, '€')).toBe('€1,234');
    expect(formatValue(-250_000, '€')).toBe('−€250k');
    expect(formatValue(39_180_000, '€')).toBe('€39.18M');
  });
  it('shows rates as percentages and undefined values as a dash', () => {
    expect(formatValue(0.3612, '0–1')).toBe('36.1%');
    expect(formatValue(null, '0–1')).toBe('–');
    expect(formatValue(Number.NaN, '€')).toBe('–');
  });
});

describe('formatDelta', () => {
  it('signs every change and gives rates in percentage points', () => {
    expect(formatDelta(0.021, '0–1')).toBe('+2.1 pp');
    expect(formatDelta(-1_200_000, '€')).toBe('−€1.20M');
    expect(formatDelta(0, '0–1')).toBe('±0.0 pp');
  });
  it('keeps a small real change visible instead of rounding it to zero', () => {
    expect(formatDelta(-0.0003, '0–1')).toBe('−0.03 pp');
    expect(formatDelta(0.00002, '0–1')).toBe('+0.002 pp');
  });
});
