import type { Problem, ResolvedScenario } from '../../index.ts';
import { readTapeFile } from './read-tape.ts';

/**
 * A loaded scenario with the contract tape its portfolio names read into it, or the tape's located
 * problems (then no scenario: nothing runs on a tape with errors). A scenario without a tape is
 * returned as it is.
 */
export async function attachTape(
  scenario: ResolvedScenario,
): Promise<{ scenario?: ResolvedScenario; problems: Problem[] }> {
  const source = scenario.portfolio.tape;
  if (source === undefined) return { scenario, problems: [] };
  const { book, problems, summary } = await readTapeFile(source.file, source);
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
    return { problems: [...problems, ...rest] };
  }
  return { scenario: { ...scenario, tape: book }, problems: [] };
}
