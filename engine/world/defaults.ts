import { WORLD, type World } from './assumptions.ts';
import { defaultsOf } from './declare.ts';

/**
 * A fresh copy of the default world (callers may keep and mutate it). Every value, with its source, is
 * declared once in assumptions.ts.
 */
export function defaultWorld(): World {
  return defaultsOf(WORLD);
}
