import { describe, expect, it } from 'vitest';
import {
  formatDelta,
  formatInterval,
  formatProbability,
  formatQuantile,
  formatQuantileRange,
  formatValue,
} from '../../engine/report/number.ts';

describe('formatValue', () => {
  it('shows money in € with thousands, k and M', () => {
    expect(formatValue(1234, '€')).toBe('€1,234');
    expect(formatValue(-250_000, '€')).toBe('−€250k');
    expect(formatValue(39_180_000, '€')).toBe('€39.18M');
  });
  it('moves a value that rounds up to 1,000k or 1,000M to the next scale', () => {
    expect(formatValue(-999_700, '€')).toBe('−€1.00M');
    expect(formatValue(999_499, '€')).toBe('€999k');
    expect(formatValue(999_996_000, '€')).toBe('€1.00bn');
    expect(formatDelta(999_800, '€')).toBe('+€1.00M');
    expect(formatInterval([-1_360_000, -999_700], '€')).toBe('−€1.36M … −€1.00M');
    expect(formatInterval([-654_000, -999_700], '€')).toBe('−€0.65M … −€1.00M');
    // A quantile is rounded to what the sketch knows (here to €10k) before the scale is settled.
    expect(formatQuantile(996_000, '€')).toBe('€1.00M');
  });
  it('shows rates as percentages, counts whole, and undefined values as a dash', () => {
    expect(formatValue(0.3612, '0–1')).toBe('36.1%');
    expect(formatValue(1234.4, 'count')).toBe('1,234');
    expect(formatValue(2.5, 'count')).toBe('2.5');
    expect(formatValue(null, '0–1')).toBe('–');
    expect(formatValue(Number.NaN, '€')).toBe('–');
  });
  it('never prints a negative zero', () => {
    expect(formatValue(-0.001, '€')).toBe('€0');
    expect(formatValue(-0.0001, 'count')).toBe('0');
  });
});

describe('formatDelta', () => {
  it('signs every change and gives rate changes in pp from 1 pp, in basis points below', () => {
    expect(formatDelta(0.021, '0–1')).toBe('+2.1 pp');
    expect(formatDelta(-0.001, '0–1')).toBe('−10 bp');
    expect(formatDelta(-1_200_000, '€')).toBe('−€1.20M');
    expect(formatDelta(0, '0–1')).toBe('±0 bp');
  });
  it('keeps a small real change visible, and one that rounds to zero unsigned', () => {
    expect(formatDelta(-0.0003, '0–1')).toBe('−3.0 bp');
    expect(formatDelta(0.00002, '0–1')).toBe('+0.2 bp');
    expect(formatDelta(-0.004, '€')).toBe('±€0');
    expect(formatDelta(-0.00001, 'count')).toBe('±0');
  });
});

describe('formatInterval', () => {
  it('writes both ends on the scale of the larger', () => {
    expect(formatInterval([20_387, 238_000], '€', true)).toBe('+€20k … +€238k');
    expect(formatInterval([-0.004, 0.012], '0–1', true)).toBe('−0.4 pp … +1.2 pp');
    expect(formatInterval([0.35, 0.3612], '0–1')).toBe('35.0% … 36.1%');
    expect(formatInterval(null, '€')).toBe('–');
  });
});

describe('formatProbability', () => {
  it('claims certainty only when every iteration agreed', () => {
    expect(formatProbability(1)).toBe('100%');
    expect(formatProbability(0.996)).toBe('>99%');
    expect(formatProbability(0.004)).toBe('<1%');
    expect(formatProbability(0.5)).toBe('50%');
  });
});

describe('formatQuantile', () => {
  it('prints no digit finer than the quantile sketch’s 0.78% relative accuracy', () => {
    expect(formatQuantile(0.523, '0–1')).toBe('52%');
    expect(formatQuantile(0.0165, '0–1')).toBe('1.7%');
    expect(formatQuantile(39_290_000, '€')).toBe('€39M');
    expect(formatQuantile(1_234_000, '€')).toBe('€1.23M');
    expect(formatQuantile(20_387, '€')).toBe('€20,000');
    expect(formatQuantileRange(10_210_000, 11_500_000, '€', true)).toBe('+€10.2M … +€11.5M');
  });
});
