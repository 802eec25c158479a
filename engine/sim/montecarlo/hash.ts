/**
 * JSON with object keys sorted at every level, so the same content always hashes the same whatever
 * order its keys were written or merged in. A typed array (a contract tape's columns) is written as
 * its type, length and a fingerprint of its bytes ({@link typedFingerprint}), not element by element.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    if (ArrayBuffer.isView(v)) return typedFingerprint(v);
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

/** SHA-256 of the canonical JSON, hex: WebCrypto, available in Node 20 and browser workers alike. */
export async function contentHash(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const fingerprints = new WeakMap<ArrayBufferView, string>();

/**
 * `Float64Array:LENGTH:HEX`: a typed array's type and length and a 128-bit hash of its bytes (four
 * 32-bit multiply-xor lanes over its 32-bit words, then the tail bytes), computed once per array.
 * Not cryptographic: it tells one content from another inside a SHA-256'd canonical JSON, at memory
 * speed for the hundreds of megabytes of a big tape.
 */
export function typedFingerprint(view: ArrayBufferView): string {
  const known = fingerprints.get(view);
  if (known !== undefined) return known;
  const words = view.byteLength >>> 2;
  const aligned = view.byteOffset % 4 === 0;
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const w = aligned ? new Uint32Array(view.buffer, view.byteOffset, words) : undefined;
  let a = 0x243f6a88;
  let b = 0x85a308d3;
  let c = 0x13198a2e;
  let d = 0x03707344;
  for (let i = 0; i < words; i++) {
    const x = w
      ? w[i]!
      : bytes[i * 4]! | (bytes[i * 4 + 1]! << 8) | (bytes[i * 4 + 2]! << 16) | (bytes[i * 4 + 3]! << 24);
    a = Math.imul(a ^ x, 0x9e3779b1);
    b = Math.imul(b ^ x, 0x85ebca6b) ^ (a >>> 15);
    c = Math.imul(c + x, 0xc2b2ae35) ^ (b >>> 13);
    d = Math.imul(d ^ (x >>> 7) ^ c, 0x27d4eb2f);
  }
  for (let i = words * 4; i < view.byteLength; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x9e3779b1);
    d = Math.imul(d ^ a, 0x27d4eb2f);
  }
  const hex = [a, b, c, d].map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
  const name = Object.prototype.toString.call(view).slice(8, -1);
  const fingerprint = `${name}:${view.byteLength}:${hex}`;
  fingerprints.set(view, fingerprint);
  return fingerprint;
}
