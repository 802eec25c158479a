import { describe, expect, it } from 'vitest';
import { WORLD } from '../../engine/world/assumptions.ts';
import { fieldsOf } from '../../engine/world/declare.ts';

const effects = [...fieldsOf(WORLD)].flatMap(({ path, field }) =>
  field.challengerEffect === undefined ? [] : [{ path: path.join('.'), effect: field.challengerEffect }],
);

describe('the effects a challenger wins by', () => {
  it('are marked on the contact timing, the response speed and the dunning segmentation', () => {
    expect(effects.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'renewal.contactTimingOdds',
        'leads.firstContactByResponseMinutes',
        'leads.appointmentOddsByResponseMinutes',
        'renewal.goodwillOdds',
        'dunning.cure',
      ]),
    );
  });

  it.each(effects)(
    '$path states a range, and reaches "no effect" unless a causal source backs it',
    ({ effect }) => {
      const [low, high] = effect.range;
      expect(low).toBeLessThan(high);
      if (effect.evidence !== 'source') {
        expect(low <= effect.noEffect && effect.noEffect <= high).toBe(true);
      }
    },
  );
});
