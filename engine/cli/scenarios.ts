import { formatProblem } from '../json/problem.ts';
import { loadScenario, type ResolvedScenario } from '../scenario/load.ts';
import { UserError } from './errors.ts';
import { diskReader } from './scenario-files.ts';

/** Loads and validates a scenario from disk; every problem is a located line, and any error stops. */
export async function readScenario(file: string): Promise<ResolvedScenario> {
  const { scenario, problems } = await loadScenario(file, diskReader());
  const errors = problems.filter((p) => p.severity === 'error');
  if (!scenario || errors.length > 0) throw new UserError(errors.map(formatProblem).join('\n'));
  return scenario;
}

export { scenarioInput } from '../scenario/input.ts';
