import { formatProblem, loadScenario, parseJsonDocument } from '../index.ts';
import type { ResolvedScenario } from '../index.ts';
import { UserError } from './errors.ts';
import { classify, diskReader } from './scenario-files.ts';

/**
 * Loads and validates a scenario from disk; every problem is a located line, and any error stops. A
 * rule set given where a scenario belongs is said so in one line, not as a scenario's nine problems.
 */
export async function readScenario(file: string): Promise<ResolvedScenario> {
  const read = diskReader();
  const text = await read(file).catch(() => undefined);
  if (text !== undefined && classify(parseJsonDocument(text, file).value) === 'rule-set') {
    throw new UserError(
      `${file} is a rule set, not a scenario: simulations run scenarios, which name one rule set per policy kind in "policies" (see scenarios/baseline.json); check a rule set with cyclecast validate or cyclecast rules eval`,
    );
  }
  const { scenario, problems } = await loadScenario(file, read);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!scenario || errors.length > 0) throw new UserError(errors.map(formatProblem).join('\n'));
  return scenario;
}

export { scenarioInput } from '../index.ts';
