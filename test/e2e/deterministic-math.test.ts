import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { evaluate, functionNamed, SETS, ulpDistance } from '../math/deterministic-inputs.ts';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, skipReason } from './harness.ts';

// The engine's deterministic math (engine/math) computes the same bits in the browser as in Node: the
// workbench's results equal the CLI's. The Node-only checks are in test/math/deterministic.test.ts.

const available = hasChromium();
if (!available) console.warn(skipReason('the deterministic-math comparison with Chromium'));

/** What the page exposes: the input sets and functions of test/math/deterministic-inputs.ts, bundled. */
interface InPage {
  SETS: { name: string; pairs: Float64Array }[];
  evaluate: typeof evaluate;
  functionNamed: typeof functionNamed;
}

const sha256 = (values: Float64Array) =>
  createHash('sha256')
    .update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
    .digest('hex');

describe.skipIf(!available)('deterministic math in Chromium', () => {
  it('computes the same bits in Chromium as in Node', async () => {
    // The page draws the same input sets (integer arithmetic and exact scaling: the same doubles in
    // every engine, checked by their digests) and evaluates them; only the SHA-256 of each set's
    // inputs and outputs comes back, and a set's outputs themselves only when its digest differs.
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('../math/deterministic-inputs.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      globalName: 'deterministicMath',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      // An empty page on a loopback origin, answered by playwright: a secure context, which WebCrypto needs.
      const blank = 'http://127.0.0.1/deterministic-math';
      await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '' }));
      await page.goto(blank);
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      const digests = await page.evaluate(async () => {
        const api = (globalThis as unknown as { deterministicMath: InPage }).deterministicMath;
        // Every array here is on an ArrayBuffer of its own (none is shared).
        const hex = async (values: Float64Array) =>
          Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', values as BufferSource)), (b) =>
            b.toString(16).padStart(2, '0'),
          ).join('');
        const out: { inputs: string; outputs: string }[] = [];
        for (const set of api.SETS) {
          const outputs = api.evaluate(api.functionNamed(set.name).ours, set.pairs);
          out.push({ inputs: await hex(set.pairs), outputs: await hex(outputs) });
        }
        return out;
      });
      expect(digests.map((d) => d.inputs)).toEqual(SETS.map((s) => sha256(s.pairs)));
      for (const [k, set] of SETS.entries()) {
        const node = evaluate(functionNamed(set.name).ours, set.pairs);
        let where = '';
        if (digests[k]!.outputs !== sha256(node)) {
          const text = await page.evaluate((k) => {
            const api = (globalThis as unknown as { deterministicMath: InPage }).deterministicMath;
            const set = api.SETS[k]!;
            const bytes = new Uint8Array(api.evaluate(api.functionNamed(set.name).ours, set.pairs).buffer);
            let raw = '';
            for (let i = 0; i < bytes.length; i += 0x8000) {
              raw += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            }
            return btoa(raw);
          }, k);
          const raw = Buffer.from(text, 'base64');
          const browserValues = new Float64Array(raw.buffer, raw.byteOffset, raw.length / 8);
          const first = node.findIndex((v, i) => ulpDistance(v, browserValues[i]!) !== 0);
          where =
            first < 0
              ? `${set.name}: the outputs' digests differ`
              : `${set.name}(${set.pairs[2 * first]}, ${set.pairs[2 * first + 1]}): ` +
                `Node ${node[first]}, Chromium ${browserValues[first]}`;
        }
        expect(where, `${set.name} on ${set.label}`).toBe('');
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
