/*
 * Stable identities of entities created during a run (docs/design.md §5 "Common random numbers").
 *
 * Random draws are keyed by an entity's identity, never by the slot it happens to occupy, so the same
 * customer, vehicle, contract or lead draws the same luck in every scenario, whatever else the policies
 * created before it. Entities of the starting book keep their population index (< 2^30); entities born
 * during the run get a hash of where they come from, in [2^30, 2^31), e.g. a renewal contract is
 * (customer, that customer's contract number), a lead is (month, dealer × source, arrival index).
 * Two identities may collide (≈ 1 in 10^9 per pair): that only correlates two entities' luck.
 */

/** Kinds of derived identity; part of every result, never renumber. */
export const IDENTITY = {
  /** (customer, contract number of that customer) → contract. */
  contract: 1,
  /** (customer, contract number) → the new vehicle that contract finances. */
  vehicle: 2,
  /** (month, dealer · 8 + source, arrival index) → lead. */
  lead: 3,
  /** (lead) → the customer a lead sale creates. */
  leadCustomer: 4,
  /** (vehicle, contracts the vehicle had) → the customer an inventory placement creates. */
  placementCustomer: 5,
} as const;

/** The identity of an entity of kind `kind` born from (a, b, c); in [2^30, 2^31). */
export function deriveIdentity(kind: number, a: number, b: number, c = 0): number {
  let h = Math.imul(kind, 0x9e3779b1) ^ 0x7f4a7c15;
  h = mix(h, a);
  h = mix(h, b);
  h = mix(h, c);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 2) | 0x40000000) >>> 0;
}

function mix(h: number, k: number): number {
  k = Math.imul(k | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
