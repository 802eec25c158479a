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

/**
 * Whether a shipped scenario runs on a contract tape (its `portfolio.tape`): the workbench does not
 * read tapes yet (docs/tape.md), so such a scenario runs on the command line only and is not offered.
 */
function namesTape(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    const portfolio = (value as { portfolio?: { tape?: unknown } } | null)?.portfolio;
    return typeof portfolio === 'object' && portfolio !== null && portfolio.tape !== undefined;
  } catch {
    return false;
  }
}

/** Paths of the shipped scenarios the workbench can run, baseline first, then by name. */
export const SHIPPED_SCENARIOS: readonly string[] = [...SHIPPED_FILES.keys()]
  .filter((p) => p.startsWith('scenarios/') && !namesTape(SHIPPED_FILES.get(p)!))
  .sort((a, b) =>
    a === 'scenarios/baseline.json' ? -1 : b === 'scenarios/baseline.json' ? 1 : a.localeCompare(b),
  );
