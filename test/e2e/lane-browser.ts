import { inject } from 'vitest';
import { chromium, type Browser, type Download } from 'playwright-core';

/**
 * The e2e lane's Chromium (test/setup/launch-chromium.ts), connected to from this test file: launching
 * one per file cost each file about 0.5 CPU-s more. Closing it closes this file's contexts and leaves
 * the browser to the other files.
 */
export function laneBrowser(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}

/** The bytes of a download (through the browser's connection: `path()` needs a browser this process launched). */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
