import { addressIn, uniformAt } from './streams.ts';

/*
 * The time to an entity's next event, drawn once per occurrence instead of a Bernoulli (a hash) per
 * month at risk (docs/design.md, "Common random numbers", "Time to the next event").
 *
 * An event with probability p_t in month t (any p_t, varying month to month) happens in the first month
 * at risk where the survival since the previous occurrence, Π (1 − p_t), falls below a uniform V drawn
 * for the occurrence. Given that it has not happened by month t − 1, the chance it happens in month t is
 * (S_{t−1} − S_t) / S_{t−1} = p_t: exactly the Bernoulli it replaces, whatever the p_t were. (In hazard
 * terms, log(1/V) is an Exp(1) threshold for the cumulative hazard Σ −log(1 − p_t).)
 *
 * The entity keeps one number, its survival clock: 1/V times the survival so far, ≥ 1 until the event.
 * A month at risk multiplies it by 1 − p_t; the event happens when it falls below 1, and occurrence
 * n + 1 starts a new clock from its own uniform. Only multiplications and one division per occurrence:
 * no logarithm, so the same bits in every engine.
 *
 * The uniform of occurrence n is addressed by (iteration key, entity, decision, n): the policy changes
 * only the p_t (and the months at risk), never which number an occurrence reads.
 */

/**
 * The survival clock that starts occurrence `occurrence` (0, 1, 2, …) of the event whose stream is
 * `stream` (engine/random/streams.ts streamOf(key, entity, decision)): 1/V for the occurrence's uniform
 * V in (0, 1], so a number in [1, 2^32]. Allocation-free.
 * @example clock[i] = startClock(stream[i], 0) // when the contract comes on book
 */
export function startClock(stream: number, occurrence: number): number {
  // uniformAt lies in [0, 1 − 2^-32], so V = 1 − u lies in [2^-32, 1]: the division is finite.
  return 1 / (1 - uniformAt(addressIn(stream, occurrence), 0));
}

/**
 * Whether a clock after a month at risk (the clock before it times that month's probability of no
 * event, 1 − p) says the event happened that month. A p of 1 always fires, a p of 0 never does.
 * @example const next = clock[i] * (1 - p); if (fired(next)) { … } else clock[i] = next;
 */
export function fired(clock: number): boolean {
  return clock < 1;
}
