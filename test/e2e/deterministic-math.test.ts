import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, inject, it } from 'vitest';
import { evaluate, functionNamed, SETS, ulpDistance } from '../math/deterministic-inputs.ts';
import { hasChromium, openChromium, skipReason } from './harness.ts';

// The engine's deterministic math (engine/math) computes the same bits in the browser as in Node: the
// workbench's results equal the CLI's. The Node-only checks are in test/math/deterministic.test.ts.

const available = hasChromium();
if (!available) console.warn(skipReason('the deterministic-math comparison with Chromium'));

describe.skipIf(!available)('deterministic math in Chromium', () => {
  it('computes the same bits in Chromium as in Node', async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('../../engine/math/index.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      globalName: 'deterministicMath',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const source = bundle.outputFiles[0]!.text;
    // The lane's Chromium (test/setup/build-workbench.ts).
    const browser = await openChromium(inject('lane').chromium);
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ content: source });
      const sets = SETS.map((s) => ({
        name: s.name,
        pairs: Buffer.from(s.pairs.buffer).toString('base64'),
      }));
      const results = await page.evaluate((inputs) => {
        const api = (
          globalThis as unknown as { deterministicMath: Record<string, (x: number, y: number) => number> }
        ).deterministicMath;
        const decode = (text: string): Float64Array => {
          const raw = atob(text);
          const bytes = new Uint8Array(raw.length);
          for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
          return new Float64Array(bytes.buffer);
        };
        const encode = (values: Float64Array): string => {
          const bytes = new Uint8Array(values.buffer);
          let raw = '';
          for (let i = 0; i < bytes.length; i += 0x8000) {
            raw += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          }
          return btoa(raw);
        };
        return inputs.map(({ name, pairs }) => {
          const fn = api[name]!;
          const xs = decode(pairs);
          const out = new Float64Array(xs.length / 2);
          for (let i = 0; i < out.length; i++) out[i] = fn(xs[2 * i]!, xs[2 * i + 1]!);
          return encode(out);
        });
      }, sets);
      SETS.forEach((set, k) => {
        const node = evaluate(functionNamed(set.name).ours, set.pairs);
        const raw = Buffer.from(results[k]!, 'base64');
        const browserValues = new Float64Array(raw.buffer, raw.byteOffset, raw.length / 8);
        const first = node.findIndex((v, i) => ulpDistance(v, browserValues[i]!) !== 0);
        const where =
          first < 0
            ? ''
            : `${set.name}(${set.pairs[2 * first]}, ${set.pairs[2 * first + 1]}): ` +
              `Node ${node[first]}, Chromium ${browserValues[first]}`;
        expect(where, `${set.name} on ${set.label}`).toBe('');
      });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
