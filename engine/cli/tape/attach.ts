import type { Problem, ResolvedScenario } from '../../index.ts';
import { invalidRowsProblem } from './exclude.ts';
import { readTapeFile } from './read-tape.ts';

/**
 * A loaded scenario with the contract tape its portfolio names read into it, or the tape's located
 * problems (then no scenario: nothing runs on a tape with errors, unless `excludeShare` (0–1) lets the
 * rows with problems be left out, up to that share of the rows and of the balance). A scenario
 * without a tape is returned as it is.
 */
export async function attachTape(
  scenario: ResolvedScenario,
  excludeShare?: number,
): Promise<{ scenario?: ResolvedScenario; problems: Problem[] }> {
  const source = scenario.portfolio.tape;
  if (source === undefined) return { scenario, problems: [] };
  const { book, problems, summary } = await readTapeFile(source.file, source, 100, excludeShare);
  if (book === undefined) {
    const more = summary.problemCount - problems.length;
    const rest: Problem[] =
      more > 0
        ? [
            {
              file: source.file,
              line: 1,
              column: 1,
              pointer: '',
              severity: 'error',
              message: `and ${more} more problem${more === 1 ? '' : 's'} (cyclecast tape check ${source.file} lists them by kind)`,
            },
          ]
        : [];
    const invalid = excludeShare === undefined ? invalidRowsProblem(source.file, summary) : undefined;
    return { problems: [...problems, ...rest, ...(invalid ? [invalid] : [])] };
  }
  // Left-out rows are reported as warnings: the run goes on without them, and says so.
  const warnings = problems.map((p): Problem => ({ ...p, severity: 'warning' }));
  return { scenario: { ...scenario, tape: book }, problems: warnings };
}
