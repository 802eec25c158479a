import { formatProblem, paramGrid, paramMessage, parseParamRange } from '../index.ts';
import type { GridPoint, ParamRange, Problem, ResolvedScenario, ScenarioOverride } from '../index.ts';
import { UserError } from './errors.ts';
import { readScenario } from './scenarios.ts';
import { diskReader } from './scenario-files.ts';

/**
 * The `--param` options of `sweep` and `optimise` and the grid they span: every malformed option is
 * reported (one line each) before anything loads. `world`: whether world assumptions may vary.
 */
export function parseGrid(
  texts: readonly string[] | undefined,
  world: boolean,
): { ranges: ParamRange[]; points: GridPoint[] } {
  if (!texts || texts.length === 0) {
    throw new UserError(
      'missing --param: name what varies, e.g. --param dunning.agencyDays=30..90:15 (FROM..TO[:STEP]; one or two --param)',
    );
  }
  const ranges: ParamRange[] = [];
  const problems: Problem[] = [];
  for (const text of texts) {
    const { range, problem } = parseParamRange(text, world);
    if (range) ranges.push(range);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new UserError(problems.map(formatProblem).join('\n'));
  const { points, problem } = paramGrid(ranges);
  if (problem) throw new UserError(formatProblem(problem));
  return { ranges, points: points! };
}

/**
 * The scenario at every point of the grid: `file` with the `--set` overrides, then the point's values,
 * each checked like the same value in the file. A value the scenario refuses (outside a parameter's
 * declared range, say) is reported against its `--param`.
 */
export async function readGridScenarios(
  file: string,
  overrides: readonly ScenarioOverride[],
  ranges: readonly ParamRange[],
  points: readonly GridPoint[],
): Promise<ResolvedScenario[]> {
  const read = diskReader();
  const scenarios: ResolvedScenario[] = [];
  for (const point of points) {
    try {
      scenarios.push(await readScenario(file, [...overrides, ...point.overrides], read));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      throw new UserError(paramMessage(error.message, ranges, point));
    }
  }
  return scenarios;
}
