import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, importsOf, sourceFiles, type ImportEdge } from './import-graph.ts';

/*
 * The engine's folders read top to bottom: each imports only folders of lower layers, the workbench and
 * the CLI reach the engine through its public entry, and no files import each other in a circle. A
 * failure names the import to change.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** engine/'s folders (and top-level files), bottom layer first; a folder imports only lower layers. */
const LAYERS: readonly (readonly string[])[] = [
  ['math', 'domain', 'version.ts'],
  ['random', 'json'],
  ['result', 'world', 'policy'],
  ['portfolio', 'stats', 'report'],
  ['sim'],
  ['scenario'],
  ['calibration'],
  ['index.ts', 'node.ts', 'catalogue.ts'],
  ['cli'],
];

const ENTRY = 'engine/index.ts';
const NODE_ENTRY = 'engine/node.ts';
/** The small entry for the catalogues (what `cyclecast facts` needs, without the simulator). */
const CATALOGUE_ENTRY = 'engine/catalogue.ts';

const edges: readonly ImportEdge[] = sourceFiles(ROOT, ['engine', 'web']).flatMap((file) =>
  importsOf(ROOT, file),
);

/** The engine folder (or top-level file) a path is in, e.g. `sim` for engine/sim/steps/leads.ts. */
function engineUnit(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'engine' ? parts[1] : undefined;
}

function layerOf(unit: string): number {
  return LAYERS.findIndex((layer) => layer.includes(unit));
}

const show = (edge: ImportEdge): string => `${edge.from} imports '${edge.specifier}'`;

describe('the import graph', () => {
  it('reads the imports: every relative import resolves to a file', () => {
    const files = new Set(sourceFiles(ROOT, ['engine', 'web']));
    // a file the reader misses would hide its imports from every rule below
    expect(edges.length).toBeGreaterThan(files.size);
    const unresolved = edges.filter((e) => e.to !== undefined && !files.has(e.to) && !e.to.endsWith('.json'));
    expect(unresolved.map(show)).toEqual([]);
  });

  it('finds a cycle through type-only imports, and none in a chain', () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: to, typeOnly: true });
    expect(findCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([
      ['a', 'b', 'c', 'a'],
    ]);
    expect(findCycles([edge('a', 'b'), edge('b', 'c'), edge('a', 'c')])).toEqual([]);
  });

  it('has no import cycle in engine/ or web/ (type-only imports included)', () => {
    expect(findCycles(edges).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});

describe('the engine layers', () => {
  it('lists every engine folder in a layer', () => {
    const units = new Set(sourceFiles(ROOT, ['engine']).map((file) => engineUnit(file)!));
    expect([...units].filter((unit) => layerOf(unit) < 0)).toEqual([]);
  });

  it('imports only from lower layers (the layer order of LAYERS)', () => {
    const upward = edges.filter((edge) => {
      const from = engineUnit(edge.from);
      const to = edge.to === undefined ? undefined : engineUnit(edge.to);
      return from !== undefined && to !== undefined && from !== to && layerOf(to) >= layerOf(from);
    });
    expect(upward.map(show)).toEqual([]);
  });

  it('has no circle between the files and subfolders of any one engine folder', () => {
    // a folder read as one box imports its siblings only one way, e.g. engine/sim/trace/ (the recorder
    // the steps call) below the steps, engine/sim/journey/ (which runs an iteration) above them
    const engineEdges = edges.filter((e) => e.from.startsWith('engine/') && e.to?.startsWith('engine/'));
    const folders = new Set(engineEdges.map((e) => e.from.slice(0, e.from.lastIndexOf('/'))));
    const circles = [...folders].sort().flatMap((folder) => {
      const depth = folder.split('/').length;
      const child = (path: string): string | undefined =>
        path.startsWith(`${folder}/`)
          ? path
              .split('/')
              .slice(0, depth + 1)
              .join('/')
          : undefined;
      const between = engineEdges.flatMap((e) => {
        const [from, to] = [child(e.from), child(e.to!)];
        return from !== undefined && to !== undefined && from !== to ? [{ ...e, from, to }] : [];
      });
      return findCycles(between).map((cycle) => cycle.join(' → '));
    });
    expect(circles).toEqual([]);
  });

  it('is used from web/ only through engine/index.ts (Node-only engine/node.ts not at all)', () => {
    const deep = edges.filter(
      (e) => e.from.startsWith('web/') && e.to?.startsWith('engine/') && e.to !== ENTRY,
    );
    expect(deep.map(show)).toEqual([]);
  });

  it('is used from engine/cli/ only through engine/index.ts, engine/node.ts and engine/catalogue.ts', () => {
    const deep = edges.filter(
      (e) =>
        e.from.startsWith('engine/cli/') &&
        e.to?.startsWith('engine/') &&
        !e.to.startsWith('engine/cli/') &&
        e.to !== ENTRY &&
        e.to !== NODE_ENTRY &&
        e.to !== CATALOGUE_ENTRY,
    );
    expect(deep.map(show)).toEqual([]);
  });
});
