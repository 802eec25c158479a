import { formatProblem } from '../../index.ts';
import type { Problem } from '../../index.ts';
import { UserError } from '../errors.ts';
import { expandJsonFiles, readText } from '../io.ts';
import { checkFile, diskReader } from '../scenario-files.ts';

export interface ValidateOutcome {
  readonly output: string;
  readonly exitCode: number;
}

/**
 * `cyclecast validate FILE…`: rule sets and scenarios, one line per problem,
 * `file:line:column  /pointer  message`. A file with `kind` or `rules` is a rule set; one with
 * `policies`, `extends` or another scenario key is a scenario (its `extends` chain and rule sets are
 * checked too, each problem located in the file that holds it). Exit 1 when any file has an error
 * (or, with `--strict`, a warning).
 */
export async function validateCommand(
  inputs: readonly string[],
  options: { strict?: boolean },
): Promise<ValidateOutcome> {
  const files = await expandJsonFiles(inputs);
  if (files.length === 0) throw new UserError(`nothing to validate: no .json files in ${inputs.join(', ')}`);
  const read = diskReader();
  const problems: Problem[] = [];
  // A rule set named by several scenarios (or also on the command line) reports its problems once.
  const seen = new Set<string>();
  for (const file of files) {
    const checked = await checkFile(file, await readText(file), read);
    for (const problem of checked.problems) {
      const line = formatProblem(problem);
      if (seen.has(line)) continue;
      seen.add(line);
      problems.push(problem);
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const failed = errors > 0 || (options.strict === true && warnings > 0);
  const lines = problems.map(formatProblem);
  const summary =
    problems.length === 0
      ? `${files.length} file${files.length === 1 ? '' : 's'} valid`
      : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`;
  return { output: [...lines, summary].join('\n') + '\n', exitCode: failed ? 1 : 0 };
}
