import { formatProblem, problemKey, resolveTapeSource } from '../../index.ts';
import type { Problem } from '../../index.ts';
import { UserError } from '../errors.ts';
import { expandJsonFiles } from '../io.ts';
import { checkFile, diskReader, unreadable } from '../scenario-files.ts';
import { invalidRowsProblem } from '../tape/exclude.ts';
import { readTapeFile } from '../tape/read-tape.ts';

export interface ValidateOutcome {
  readonly output: string;
  readonly exitCode: number;
}

/**
 * `cyclecast validate FILE…`: rule sets and scenarios, one line per problem,
 * `file:line:column  /pointer  message`. A file with `kind` or `rules` is a rule set; one with
 * `policies`, `extends` or another scenario key is a scenario (its `extends` chain and rule sets are
 * checked too, each problem located in the file that holds it). Exit 1 when any file has an error
 * (or, with `--strict`, a warning). A `.csv` or `.csv.gz` file is read as a contract tape in the default
 * dialect, each problem as `file:row:column  column  message`.
 */
export async function validateCommand(
  inputs: readonly string[],
  options: { strict?: boolean },
): Promise<ValidateOutcome> {
  // A tape named on the command line is read with the default dialect (tape check takes other dialects).
  const tapes = inputs.filter((f) => /\.csv(\.gz)?$/i.test(f));
  const files = await expandJsonFiles(inputs.filter((f) => !tapes.includes(f)));
  if (files.length + tapes.length === 0)
    throw new UserError(`nothing to validate: no .json files in ${inputs.join(', ')}`);
  const read = diskReader();
  const problems: Problem[] = [];
  for (const tape of tapes) {
    const { source } = resolveTapeSource(tape, { name: 'tape', pointer: '' });
    const { problems: found, summary } = await readTapeFile(tape, source!, 100, undefined, 'summary');
    const invalid = invalidRowsProblem(tape, summary);
    problems.push(...found, ...(invalid ? [invalid] : []));
  }
  // A rule set named by several scenarios (or also on the command line) reports its problems once.
  const seen = new Set<string>();
  for (const file of files) {
    const text = await read(file).catch((error: unknown) => {
      problems.push(unreadable(file, error));
      return undefined;
    });
    if (text === undefined) continue;
    const checked = await checkFile(file, text, read);
    for (const problem of checked.problems) {
      const key = problemKey(problem);
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const failed = errors > 0 || (options.strict === true && warnings > 0);
  const lines = problems.map(formatProblem);
  const count = files.length + tapes.length;
  const summary =
    problems.length === 0
      ? `${count} file${count === 1 ? '' : 's'} valid`
      : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${count} file${count === 1 ? '' : 's'}`;
  return { output: [...lines, summary].join('\n') + '\n', exitCode: failed ? 1 : 0 };
}
