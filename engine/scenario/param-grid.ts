import { describeValue } from '../json/describe.ts';
import type { Problem } from '../json/problem.ts';
import { POLICY_KINDS } from '../domain/lists.ts';
import { overrideProblem, parseOverride, type ScenarioOverride } from './overrides.ts';

/**
 * One `--param NAME=FROM..TO[:STEP]` of `cyclecast sweep` and `cyclecast optimise`: a policy parameter
 * (`KIND.NAME`) or, where allowed, a world assumption (`world.GROUP.NAME`) and the values it takes.
 */
export interface ParamRange {
  /** The option as given, which problems name. */
  readonly text: string;
  /** The setting, as `--set` spells it: `dunning.agencyDays`, `world.economics.fundingRate`. */
  readonly name: string;
  /** The values, ascending (FROM first), in the setting's own unit. */
  readonly values: readonly number[];
}

/** One alternative of a grid: a value per parameter, and the `--set` overrides that give it. */
export interface GridPoint {
  /** The value of each ParamRange, in their order. */
  readonly values: readonly number[];
  readonly overrides: readonly ScenarioOverride[];
}

/**
 * The most alternatives a grid may hold: every one is simulated on every iteration, and a selection
 * among more than about a hundred needs a different procedure than the one `optimise` uses.
 */
export const MAX_GRID_POINTS = 100;
/** Values of a range without `:STEP`: FROM, TO and three evenly spaced between. */
export const DEFAULT_RANGE_POINTS = 5;
/** How many parameters a sweep or an optimisation varies at once. */
export const MAX_PARAMS = 2;

const EXPECTED =
  'expected KIND.NAME=FROM..TO[:STEP] (a policy parameter) or world.GROUP.NAME=FROM..TO[:STEP] (a world assumption), e.g. dunning.agencyDays=30..90:15';

/**
 * Reads one `--param`. `world`: whether world assumptions may vary (a sweep) or only policy
 * parameters (an optimisation, which chooses what the company decides). Values are checked later,
 * like the same value given with `--set`.
 * @example parseParamRange('dunning.agencyDays=30..90:30', true).range?.values // [30, 60, 90]
 */
export function parseParamRange(text: string, world: boolean): { range?: ParamRange; problem?: Problem } {
  const fail = (message: string) => ({ problem: paramProblem(text, message) });
  const equals = text.indexOf('=');
  if (equals <= 0) return fail(`invalid --param: ${EXPECTED}`);
  const name = text.slice(0, equals);
  const head = name.split('.')[0]!;
  const isPolicy = (POLICY_KINDS as readonly string[]).includes(head);
  if (!isPolicy && !(world && head === 'world')) {
    // Let --set's parser name what is wrong with the path (and suggest), then say what --param allows.
    const { problem } = parseOverride(`${name}=0`);
    const what = world
      ? 'a policy parameter (KIND.NAME) or a world assumption (world.GROUP.NAME)'
      : 'a policy parameter (KIND.NAME): an optimisation chooses what the company decides, not the world';
    return {
      problem: paramProblem(text, `invalid --param ${describeValue(name)}: it varies ${what}`, problem?.hint),
    };
  }
  const { problem } = parseOverride(`${name}=0`);
  if (problem) return { problem: paramProblem(text, problem.message, problem.hint) };
  const match = /^(-?[\d.e+-]+)\.\.(-?[\d.e+-]+)(?::([\d.e+-]+))?$/.exec(text.slice(equals + 1));
  const [from, to, step] = match
    ? [match[1], match[2], match[3]].map((s) => (s === undefined ? undefined : Number(s)))
    : [];
  if (
    !match ||
    !Number.isFinite(from) ||
    !Number.isFinite(to) ||
    (step !== undefined && !Number.isFinite(step))
  ) {
    return fail(`invalid --param range ${describeValue(text.slice(equals + 1))}: ${EXPECTED}`);
  }
  if (!(to! > from!)) return fail(`invalid --param range: TO (${to}) must be above FROM (${from})`);
  if (step !== undefined && !(step > 0))
    return fail(`invalid --param step ${step}: expected a number above 0`);
  const values = rangeValues(from!, to!, step);
  if (values.length > MAX_GRID_POINTS) {
    return fail(
      `invalid --param range: it gives ${values.length} values, more than ${MAX_GRID_POINTS}; use a larger STEP`,
    );
  }
  return { range: { text, name, values } };
}

/**
 * FROM, FROM + STEP, … up to TO (TO itself when the steps reach it), or DEFAULT_RANGE_POINTS evenly
 * spaced values without a step. Rounded to 12 significant digits, so 0.1 steps print as 0.3, not 0.30000000000000004.
 */
export function rangeValues(from: number, to: number, step?: number): number[] {
  const count = step === undefined ? DEFAULT_RANGE_POINTS : Math.floor((to - from) / step + 1e-9) + 1;
  const size = step ?? (to - from) / (DEFAULT_RANGE_POINTS - 1);
  return Array.from({ length: count }, (_, i) => Number((from + i * size).toPrecision(12)));
}

/**
 * Every combination of the ranges' values (the first range varying slowest), each with the overrides
 * that give it; a problem when there are more than MAX_GRID_POINTS or a name appears twice.
 */
export function paramGrid(ranges: readonly ParamRange[]): { points?: GridPoint[]; problem?: Problem } {
  const last = ranges.at(-1);
  if (!last) throw new Error('a grid needs at least one range');
  if (ranges.length > MAX_PARAMS) {
    return {
      problem: paramProblem(last.text, `invalid --param: at most ${MAX_PARAMS} parameters vary at once`),
    };
  }
  const names = ranges.map((r) => r.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) {
    return { problem: paramProblem(last.text, `invalid --param: ${twice} is given twice`) };
  }
  const size = ranges.reduce((n, r) => n * r.values.length, 1);
  if (size > MAX_GRID_POINTS) {
    return {
      problem: paramProblem(
        last.text,
        `invalid --param: the grid has ${ranges.map((r) => r.values.length).join(' × ')} = ${size} points, more than ${MAX_GRID_POINTS}; use larger steps`,
      ),
    };
  }
  let combos: number[][] = [[]];
  for (const range of ranges) combos = combos.flatMap((c) => range.values.map((v) => [...c, v]));
  return {
    points: combos.map((values) => ({
      values,
      overrides: values.map((v, i) => parseOverride(`${ranges[i]!.name}=${v}`).override!),
    })),
  };
}

/** A problem of a `--param` option, placed like a `--set` one: the option as its file, no line. */
function paramProblem(text: string, message: string, hint?: string): Problem {
  return { ...overrideProblem(text, message, hint), file: `--param ${text}` };
}

/**
 * `message` (problems formatted by formatProblem) with each of `point`'s overrides named by the range
 * it comes from: a value the scenario refuses at one point of a grid is the `--param`'s doing, not a
 * `--set` the reader never gave.
 * @example paramMessage('--set dunning.agencyDays=400: …', ranges, point) // '--param dunning.agencyDays=30..400:10 (at dunning.agencyDays=400): …'
 */
export function paramMessage(message: string, ranges: readonly ParamRange[], point: GridPoint): string {
  let named = message;
  point.overrides.forEach((o, i) => {
    named = named.replaceAll(`--set ${o.text}`, `--param ${ranges[i]!.text} (at ${o.text})`);
  });
  return named;
}
