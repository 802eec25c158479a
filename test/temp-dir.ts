import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * A fresh folder `cyclecast-NAME-…` under the system's temporary folder, removed with everything in
 * it when the test file's tests are done (call it at a file's top level or in a describe block), so a
 * test run leaves nothing behind.
 */
export function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `cyclecast-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
