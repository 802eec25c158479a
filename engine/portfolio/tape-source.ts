import { CREDIT_TIERS, REGIONS } from '../domain/lists.ts';
import { describeValue as describe } from '../json/describe.ts';
import type { ValueProblem } from '../json/problem.ts';
import { didYouMean } from '../json/suggest.ts';
import { child, isPlainObject, problem, type Place } from './check.ts';
import { DEFAULT_DIALECT, resolveDialect, type TapeDialect } from './tape-dialect.ts';

type Region = (typeof REGIONS)[number];
type CreditTier = (typeof CREDIT_TIERS)[number];

/** A scenario's `portfolio.tape`, checked: where the tape is and how to read it (docs/tape.md). */
export interface TapeSource {
  /** The tape's path, relative to the working folder (written relative to the scenario, like `extends`). */
  readonly file: string;
  /**
   * The dealer list (a CSV path, relative to the working folder like `file`): the tape's dealer
   * network in the model's order, dealers without contracts included (docs/tape.md).
   */
  readonly dealers?: string;
  /** The as-of date (month 0) as YYYY-MM-DD, when the tape has no as_of_date column. */
  readonly asOf?: string;
  readonly dialect: TapeDialect;
  /** The tape's region codes → the model's regions (the model's own names map to themselves). */
  readonly regions: Readonly<Record<string, Region>>;
  /** The tape's rating grades → the model's credit tiers (the model's own names map to themselves). */
  readonly grades: Readonly<Record<string, CreditTier>>;
}

const KEYS = ['file', 'dealers', 'asOf', 'dialect', 'regions', 'grades'] as const;

/**
 * A scenario's `portfolio.tape`: the tape's path (`"tape": "book.csv"`), or an object with `file` and
 * optionally `asOf` (YYYY-MM-DD), `dialect`, and the `regions` and `grades` mapping tables. The path is
 * already relative to the working folder (the loader rebases it like `extends`).
 */
export function resolveTapeSource(
  x: unknown,
  place: Place,
): { source?: TapeSource; problems: ValueProblem[] } {
  if (typeof x === 'string')
    return x === ''
      ? { problems: [problem(place, 'expected the path of a CSV tape')] }
      : { source: source(x), problems: [] };
  if (!isPlainObject(x)) {
    return {
      problems: [
        problem(place, `expected the path of a CSV tape, or { "file": …, "dialect": … }, got ${describe(x)}`),
      ],
    };
  }
  const problems: ValueProblem[] = [];
  for (const key of Object.keys(x)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      problems.push(
        problem(
          child(place, key),
          `unknown setting: expected one of ${KEYS.join(', ')}`,
          didYouMean(key, KEYS, { limit: 1 }),
        ),
      );
    }
  }
  if (typeof x.file !== 'string' || x.file === '')
    problems.push(problem(child(place, 'file'), 'expected the path of a CSV tape'));
  if (x.dealers !== undefined && (typeof x.dealers !== 'string' || x.dealers === ''))
    problems.push(problem(child(place, 'dealers'), 'expected the path of a CSV dealer list'));
  if (x.asOf !== undefined && (typeof x.asOf !== 'string' || !isIsoDate(x.asOf))) {
    problems.push(
      problem(child(place, 'asOf'), `expected a date written YYYY-MM-DD, got ${describe(x.asOf)}`),
    );
  }
  const { dialect, problems: dialectProblems } = resolveDialect(x.dialect, child(place, 'dialect'));
  problems.push(...dialectProblems);
  const regions = mapping(x.regions, child(place, 'regions'), REGIONS, problems);
  const grades = mapping(x.grades, child(place, 'grades'), CREDIT_TIERS, problems);
  if (problems.length > 0) return { problems };
  return {
    source: {
      ...source(x.file as string),
      ...(typeof x.dealers === 'string' ? { dealers: x.dealers } : {}),
      ...(typeof x.asOf === 'string' ? { asOf: x.asOf } : {}),
      dialect,
      regions: { ...identity(REGIONS), ...(regions as Record<string, Region>) },
      grades: { ...identity(CREDIT_TIERS), ...(grades as Record<string, CreditTier>) },
    },
    problems,
  };
}

function source(file: string): TapeSource {
  return { file, dialect: DEFAULT_DIALECT, regions: identity(REGIONS), grades: identity(CREDIT_TIERS) };
}

function identity<K extends string>(values: readonly K[]): Record<K, K> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<K, K>;
}

/** A mapping table: tape code → one of the model's `values`. */
function mapping(
  x: unknown,
  place: Place,
  values: readonly string[],
  problems: ValueProblem[],
): Record<string, string> {
  if (x === undefined) return {};
  if (!isPlainObject(x)) {
    problems.push(
      problem(place, `expected an object of tape code → ${values.join(' | ')}, got ${describe(x)}`),
    );
    return {};
  }
  for (const [code, value] of Object.entries(x)) {
    if (typeof value !== 'string' || !values.includes(value)) {
      problems.push(
        problem(
          child(place, code),
          `expected one of ${values.join(', ')}, got ${describe(value)}`,
          typeof value === 'string' ? didYouMean(value, values, { limit: 1 }) : undefined,
        ),
      );
    }
  }
  return x as Record<string, string>;
}

/** A calendar date written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
