import { readFileSync } from 'node:fs';
import { formatProblem } from '../../engine/json/problem.ts';
import { loadScenario, type ReadFile, type ResolvedScenario } from '../../engine/scenario/load.ts';

/** The shipped rule sets of a plain baseline, as a scenario in `scenarios/` names them. */
export const BASELINE_POLICIES = {
  engagement: '../rules/engagement/reactive.json',
  leads: '../rules/leads/salesperson-prepared.json',
  dunning: '../rules/dunning/uniform.json',
  remarketing: '../rules/remarketing/three-cycle.json',
};

/**
 * Reads scenario files from memory and everything else (the shipped rule sets under `rules/`) from
 * the repository, so tests state each scenario next to the problems it must produce.
 */
export function memoryReader(files: Readonly<Record<string, string>>): ReadFile {
  return async (path) => {
    if (Object.hasOwn(files, path)) return files[path]!;
    try {
      if (path.startsWith('rules/')) return readFileSync(path, 'utf8');
    } catch {
      // reported as below
    }
    throw new Error('no such file');
  };
}

/** The formatted problem lines of loading `file` among `files`. */
export async function problemLines(files: Readonly<Record<string, string>>, file: string): Promise<string[]> {
  const { problems } = await loadScenario(file, memoryReader(files));
  return problems.map(formatProblem);
}

/** Loads a scenario that must be valid. */
export async function loadValid(
  files: Readonly<Record<string, string>>,
  file: string,
): Promise<ResolvedScenario> {
  const { scenario, problems } = await loadScenario(file, memoryReader(files));
  if (!scenario) throw new Error(`expected ${file} to be valid:\n${problems.map(formatProblem).join('\n')}`);
  return scenario;
}

/** A scenario file's text: JSON with two-space indentation, as people write it. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
