/**
 * Vitest global setup of the e2e lane: builds the workbench (`vite build`) once into a temporary
 * folder that every browser test file serves (`inject('workbenchDir')`), instead of one build per file,
 * and removes it when the lane ends. Nothing is built where Chromium is absent: the tests are skipped.
 */
import { buildWorkbench, hasChromium } from '../e2e/harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built workbench (static files), or '' where Chromium is absent. */
    workbenchDir: string;
  }
}

/** The part of vitest's TestProject this setup uses (its full type pulls vitest/node's declarations into tsc). */
interface Provider {
  provide(key: 'workbenchDir', value: string): void;
}

export default async function setup(project: Provider): Promise<(() => void) | undefined> {
  if (!hasChromium()) {
    project.provide('workbenchDir', '');
    return undefined;
  }
  const built = await buildWorkbench();
  project.provide('workbenchDir', built.dir);
  return built.remove;
}
