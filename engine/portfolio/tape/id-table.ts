/** Slots filled at most to this share before the table doubles. */
const MAX_LOAD = 0.75;

/**
 * The identifiers of a tape (contract, customer, dealer ids) → a whole number, in 12 bytes a slot
 * (16 to 32 bytes an id) instead of a string and a map entry each: 5 million contracts take 96 MiB here,
 * several times less than a Map of strings. An id is kept as two independent 32-bit hashes of its text, not as text (a tape's
 * ids are pseudonyms, which are never shown again), so two different ids are taken for one only when
 * both hashes agree: among n ids that happens with a chance of about n² / 2⁶⁵, under one in a million
 * for 5 million ids.
 */
export class IdTable {
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
  /** Ids held. */
  size = 0;
  private h1 = 0;
  private h2 = 0;

  constructor(capacity = 1024) {
    let slots = 16;
    while (slots * MAX_LOAD < capacity) slots *= 2;
    this.keys = new Uint32Array(slots * 2);
    this.values = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** The number stored for `id`, or −1 when the table does not hold it. */
  get(id: string): number {
    const slot = this.find(id);
    return this.keys[slot * 2] === 0 && this.keys[slot * 2 + 1] === 0 ? -1 : this.values[slot]!;
  }

  /** Stores `value` (≥ 0) for `id` unless it is held; returns the number stored before, or −1 when added. */
  add(id: string, value: number): number {
    const slot = this.find(id);
    if (this.keys[slot * 2] !== 0 || this.keys[slot * 2 + 1] !== 0) return this.values[slot]!;
    this.keys[slot * 2] = this.h1;
    this.keys[slot * 2 + 1] = this.h2;
    this.values[slot] = value;
    if (++this.size > (this.mask + 1) * MAX_LOAD) this.grow();
    return -1;
  }

  /** The slot holding `id`, or the empty slot where it would go; leaves its hashes in h1 and h2. */
  private find(id: string): number {
    // FNV-1a and a multiply-rotate hash with another seed: independent enough that both agreeing is rare.
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
    a >>>= 0;
    b = (b ^ (b >>> 16)) >>> 0;
    if (a === 0 && b === 0) b = 1; // (0, 0) marks an empty slot
    this.h1 = a;
    this.h2 = b;
    return this.probe(a, b);
  }

  private probe(a: number, b: number): number {
    const keys = this.keys;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (;;) {
      const k1 = keys[slot * 2]!;
      const k2 = keys[slot * 2 + 1]!;
      if ((k1 === 0 && k2 === 0) || (k1 === a && k2 === b)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    const slots = (this.mask + 1) * 2;
    this.keys = new Uint32Array(slots * 2);
    this.values = new Int32Array(slots);
    this.mask = slots - 1;
    for (let s = 0; s < values.length; s++) {
      const a = keys[s * 2]!;
      const b = keys[s * 2 + 1]!;
      if (a === 0 && b === 0) continue;
      const slot = this.probe(a, b);
      this.keys[slot * 2] = a;
      this.keys[slot * 2 + 1] = b;
      this.values[slot] = values[s]!;
    }
  }
}
