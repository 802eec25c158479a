import { promises as fs } from 'node:fs';
import { formatProblem, loadScenario } from '../index.ts';
import type { ResolvedScenario } from '../index.ts';
import { UserError } from './errors.ts';

/** Loads and validates a scenario from disk; every problem is a located line, and any error stops. */
export async function readScenario(file: string): Promise<ResolvedScenario> {
  const { scenario, problems } = await loadScenario(file, async (path) => {
    try {
      return await fs.readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(error),
      );
    }
  });
  const errors = problems.filter((p) => p.severity === 'error');
  if (!scenario || errors.length > 0) throw new UserError(errors.map(formatProblem).join('\n'));
  return scenario;
}

export { scenarioInput } from '../index.ts';
