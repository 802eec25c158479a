import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A compiled file's position in a stack frame: `file:///…/x.js:LINE:COLUMN` or `/…/x.js:LINE:COLUMN`. */
const COMPILED_POSITION = /(file:\/\/\/[^\s()]+?|\/[^\s():]+?)\.js:(\d+):(\d+)/g;

/**
 * An internal error's stack with every position in a compiled file that has a source map beside it
 * (`x.js.map`, as bin/build-cli.js writes) replaced by the TypeScript source's path, line and column;
 * other frames (Node's own, npm packages) stay as they are. The built CLI runs without Node's source
 * map support, which would read every map as its module loads: the maps are read here, only when an
 * internal error is printed.
 */
export function locatedStack(stack: string): string {
  const maps = new Map<string, SourceMap | null>();
  return stack.replace(COMPILED_POSITION, (position, file: string, line: string, column: string) => {
    const path = file.startsWith('file://') ? fileURLToPath(file) : file;
    let map = maps.get(path);
    if (map === undefined) {
      map = readSourceMap(`${path}.js.map`);
      maps.set(path, map);
    }
    // Stack positions count from 1; a source map's from 0.
    const entry = map?.findEntry(Number(line) - 1, Number(column) - 1);
    if (entry === undefined || !('originalSource' in entry)) return position;
    const source = resolve(dirname(path), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

/** The source map at this path, or null where there is none (or it cannot be read). */
function readSourceMap(path: string): SourceMap | null {
  try {
    return new SourceMap(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}
