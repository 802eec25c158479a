// A small import-graph reader for the layering checks: reads `import … from '…'`, `export … from '…'`,
// side-effect `import '…'` and `import('…')` specifiers with a regex (the code base's imports are all
// static string literals), and resolves the relative ones to files. Package imports are kept as they
// are written, so a rule can also see which packages a folder uses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** One import edge: the importing file and the specifier as written, resolved when relative. */
export interface ImportEdge {
  readonly from: string;
  readonly specifier: string;
  /** Repository-relative path of the imported file; undefined for a package import. */
  readonly to: string | undefined;
  /** True for `import type` / `export type`: erased at compile time. */
  readonly typeOnly: boolean;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every .ts/.js source file under the given repository-relative folders (tests included). */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(join(root, dir))) {
      if (name === 'node_modules') continue;
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) visit(path);
      else if (/\.(ts|js)$/.test(name) && !name.endsWith('.d.ts')) found.push(path.split(sep).join('/'));
    }
  };
  for (const folder of folders) visit(folder);
  return found.sort();
}

/** The import edges of one file. Comments are removed first so a commented-out import does not count. */
export function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[2] ?? match[3];
    if (specifier === undefined) continue;
    const to = specifier.startsWith('.')
      ? relative(root, resolve(root, dirname(file), specifier))
          .split(sep)
          .join('/')
      : undefined;
    edges.push({ from: file, specifier, to, typeOnly: match[1] !== undefined });
  }
  return edges;
}

/**
 * The import cycles among the given files, each as the list of files around it (first file repeated
 * at the end), found by a depth-first search over the resolved relative imports; one cycle is reported
 * per strongly connected group reached, which is enough to name what must be cut.
 */
export function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.to === undefined) continue;
    const list = next.get(edge.from) ?? [];
    list.push(edge.to);
    next.set(edge.from, list);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      const seen = state.get(to);
      if (seen === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (seen === undefined) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}
