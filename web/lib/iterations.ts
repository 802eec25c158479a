import { counted } from '../../engine/index.ts';

/**
 * Below this many iterations an interval is flagged: its half-width is itself uncertain (a t-interval
 * from 20 iterations can be half or double the one 1,000 would give), and P(better) moves in steps of 1/n.
 */
export const FEW_ITERATIONS = 100;

/** The warning for a result of `n` iterations, or undefined when there are enough. */
export function fewIterationsNote(n: number): string | undefined {
  if (n >= FEW_ITERATIONS) return undefined;
  return `only ${counted(n, 'iteration')}: intervals and P(better) are rough; run at least ${FEW_ITERATIONS} before deciding`;
}
