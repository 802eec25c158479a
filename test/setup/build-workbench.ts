/**
 * Vitest global setup of the e2e lane: builds the workbench (`vite build`) once into a temporary
 * folder and starts one Chromium, both shared by every browser test file (`inject('lane')`), instead
 * of one build and one browser per file; removes and stops them when the lane ends. Nothing is built
 * or started where Chromium is absent: the tests are skipped.
 */
import { chromium } from 'playwright-core';
import { buildWorkbench, CHROMIUM, CHROMIUM_ARGS, hasChromium, type Lane } from '../e2e/harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built workbench and the shared Chromium's endpoint; empty strings where Chromium is absent. */
    lane: Lane;
  }
}

/** The part of vitest's TestProject this setup uses (its full type pulls vitest/node's declarations into tsc). */
interface Provider {
  provide(key: 'lane', value: Lane): void;
}

export default async function setup(project: Provider): Promise<(() => Promise<void>) | undefined> {
  if (!hasChromium()) {
    project.provide('lane', { dir: '', chromium: '' });
    return undefined;
  }
  const [built, server] = await Promise.all([
    buildWorkbench(),
    chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
  ]);
  project.provide('lane', { dir: built.dir, chromium: server.wsEndpoint() });
  return async () => {
    await server.close();
    built.remove();
  };
}
