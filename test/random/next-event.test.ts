import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fired, startClock } from '../../engine/random/next-event.ts';
import { addressIn, iterationKey, streamOf, uniformAt } from '../../engine/random/streams.ts';

const KEY = iterationKey(42, 0);
const DECISION = 70;

/**
 * The months (0, 1, …) in which entity `entity`'s events happen over `probabilities` (one per month at
 * risk), as the payments step reads them: a clock per occurrence, multiplied by 1 − p each month.
 */
function eventMonths(entity: number, probabilities: readonly number[]): number[] {
  const stream = streamOf(KEY, entity, DECISION);
  let occurrence = 0;
  let clock = startClock(stream, occurrence);
  const months: number[] = [];
  probabilities.forEach((p, t) => {
    const next = clock * (1 - p);
    if (fired(next)) {
      months.push(t);
      clock = startClock(stream, ++occurrence);
    } else clock = next;
  });
  return months;
}

describe('startClock', () => {
  it('is 1 / (1 − u) for the uniform of the occurrence, within [1, 2^32]', () => {
    for (let entity = 0; entity < 1000; entity++) {
      const stream = streamOf(KEY, entity, DECISION);
      for (let n = 0; n < 3; n++) {
        const clock = startClock(stream, n);
        expect(clock).toBe(1 / (1 - uniformAt(addressIn(stream, n), 0)));
        expect(clock).toBeGreaterThanOrEqual(1);
        expect(clock).toBeLessThanOrEqual(2 ** 32);
      }
    }
  });

  it('gives each occurrence its own luck', () => {
    const stream = streamOf(KEY, 7, DECISION);
    expect(startClock(stream, 0)).not.toBe(startClock(stream, 1));
    expect(startClock(stream, 0)).toBe(startClock(streamOf(KEY, 7, DECISION), 0));
  });
});

describe('the time to the next event', () => {
  it('fires with probability p_t in each month at risk, for probabilities that change month to month', () => {
    // Each month's probability of an event among the entities still at risk (no event yet) matches p_t
    // within 4.5 standard errors, as a Bernoulli per month would.
    const probabilities = [0.02, 0.3, 0.05, 0, 0.5, 0.1, 0.01, 0.2, 0.4, 1];
    const n = 200_000;
    const firstEvent = new Int32Array(probabilities.length + 1);
    for (let entity = 0; entity < n; entity++) {
      const months = eventMonths(entity, probabilities);
      firstEvent[months.length > 0 ? months[0]! : probabilities.length]!++;
    }
    let atRisk = n;
    probabilities.forEach((p, t) => {
      const events = firstEvent[t]!;
      if (p === 0) expect(events).toBe(0);
      else if (p === 1) expect(events).toBe(atRisk);
      else {
        const se = Math.sqrt((p * (1 - p)) / atRisk);
        expect(Math.abs(events / atRisk - p)).toBeLessThan(4.5 * se);
      }
      atRisk -= events;
    });
    expect(atRisk).toBe(0); // p = 1 in the last month took every entity still at risk
  });

  it('counts the months between occurrences anew: every gap is geometric with the same p', () => {
    // A constant p: the months from one occurrence to the next follow Geometric(p), mean 1/p, whichever
    // occurrence it is.
    const p = 0.1;
    const months = Array.from({ length: 600 }, () => p);
    let gaps = 0;
    let sum = 0;
    let sumOfSquares = 0;
    for (let entity = 0; entity < 2000; entity++) {
      let previous = -1;
      for (const t of eventMonths(entity, months)) {
        const gap = t - previous;
        gaps++;
        sum += gap;
        sumOfSquares += gap * gap;
        previous = t;
      }
    }
    const mean = sum / gaps;
    const variance = sumOfSquares / gaps - mean * mean;
    const se = Math.sqrt((1 - p) / (p * p) / gaps);
    expect(Math.abs(mean - 1 / p)).toBeLessThan(4.5 * se);
    expect(variance).toBeCloseTo((1 - p) / (p * p), -1); // 90 ± a few
  });

  it('only moves the first event earlier when a probability rises (common random numbers stay monotone)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (entity, probabilities, at, raiseTo) => {
          const t = at % probabilities.length;
          const raised = probabilities.map((p, k) => (k === t ? Math.max(p, raiseTo) : p));
          const first = eventMonths(entity, probabilities)[0] ?? Infinity;
          const firstRaised = eventMonths(entity, raised)[0] ?? Infinity;
          return firstRaised <= first;
        },
      ),
    );
  });

  it('reads the same luck for the same probabilities (a scenario against itself)', () => {
    const probabilities = Array.from({ length: 120 }, (_, t) => 0.02 + 0.01 * Math.sin(t));
    for (let entity = 0; entity < 100; entity++) {
      expect(eventMonths(entity, probabilities)).toEqual(eventMonths(entity, [...probabilities]));
    }
  });
});
