import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../engine/index.ts';
import { installDigestFallback, sha256 } from './digest-fallback.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('SHA-256 fallback', () => {
  it('matches the standard digest on the FIPS vectors and on lengths around block boundaries', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    for (const length of [1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_003]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 255);
      expect(hex(sha256(data)), `${length} bytes`).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('gives a page without crypto.subtle the manifest hashes WebCrypto gives', async () => {
    const page: { crypto?: Crypto } = { crypto: {} as Crypto };
    installDigestFallback(page);
    const value = { rules: [1, 2, 3], name: 'tcm' };
    const digest = await page.crypto!.subtle.digest(
      'SHA-256',
      new TextEncoder().encode('{"name":"tcm","rules":[1,2,3]}'),
    );
    expect(hex(new Uint8Array(digest))).toBe(await contentHash(value));
  });
});
