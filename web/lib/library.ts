/**
 * The scenarios and rule sets shipped in the repository, bundled into the workbench as raw text by
 * path (`scenarios/tcm.json`, `rules/engagement/tcm.json`), so the static site needs no server.
 */
const scenarioFiles = import.meta.glob<string>('../../scenarios/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const ruleFiles = import.meta.glob<string>('../../rules/**/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const isSchema = (path: string) => path.endsWith('.schema.json');

/** Every shipped file by its path from the repository root; JSON Schemas left out. */
export const SHIPPED_FILES: ReadonlyMap<string, string> = new Map(
  Object.entries({ ...scenarioFiles, ...ruleFiles })
    .filter(([path]) => !isSchema(path))
    .map(([path, text]) => [path.replace(/^(\.\.\/)+/, ''), text]),
);

/** Paths of the shipped scenarios, baseline first, then by name. */
export const SHIPPED_SCENARIOS: readonly string[] = [...SHIPPED_FILES.keys()]
  .filter((p) => p.startsWith('scenarios/'))
  .sort((a, b) =>
    a === 'scenarios/baseline.json' ? -1 : b === 'scenarios/baseline.json' ? 1 : a.localeCompare(b),
  );
