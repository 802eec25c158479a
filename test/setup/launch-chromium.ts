/**
 * Vitest global setup of the e2e lane: launches one Chromium for every browser test file, which each
 * connect to (`inject('chromiumEndpoint')`, test/e2e/lane-browser.ts) and use in contexts of their own
 * (storage of their own, as a browser that never ran the workbench has), and closes it when the lane
 * ends. Nothing is launched where Chromium is absent: the tests are skipped.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from '../e2e/harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The lane's Chromium (a playwright browser server's WebSocket), or '' where Chromium is absent. */
    chromiumEndpoint: string;
  }
}

/** The part of vitest's TestProject this setup uses (its full type pulls vitest/node's declarations into tsc). */
interface Provider {
  provide(key: 'chromiumEndpoint', value: string): void;
}

export default async function setup(project: Provider): Promise<(() => Promise<void>) | undefined> {
  if (!hasChromium()) {
    project.provide('chromiumEndpoint', '');
    return undefined;
  }
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
