import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../engine/json/suggest.ts';

describe('editDistance (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('monthsToEnd', 'monthsToEnd')).toBe(0);
    expect(editDistance('monthToEnd', 'monthsToEnd')).toBe(1);
    expect(editDistance('lessThen', 'lessThan')).toBe(1);
    expect(editDistance('monthsToEdn', 'monthsToEnd')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3); // restricted: no edit of a swapped pair
  });
});

describe('suggest and didYouMean', () => {
  const facts = ['monthsToEnd', 'monthsOnBook', 'termMonths', 'segment', 'cycle'];
  it('offers the nearest plausible names, best first, ignoring case', () => {
    expect(suggest('monthToEnd', facts)).toEqual(['monthsToEnd']);
    expect(suggest('MONTHSTOEND', facts)).toEqual(['monthsToEnd']);
    expect(suggest('cycel', facts)).toEqual(['cycle']);
    expect(suggest('gold', ['reliable', 'occasional', 'habitual-late'])).toEqual([]);
  });
  it('phrases a hint, or none when nothing is close', () => {
    expect(didYouMean('chanel', ['channel', 'offer'])).toBe('did you mean "channel"?');
    expect(didYouMean('ab', ['ac', 'ad', 'xyz'])).toBe('did you mean "ac" or "ad"?');
    expect(didYouMean('zzz', ['channel'])).toBeUndefined();
  });
});
