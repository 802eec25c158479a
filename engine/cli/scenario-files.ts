import { attachTape } from './tape/attach.ts';
import { describeValue, isPlainObject, loadRuleSet, loadScenario, parseJsonDocument } from '../index.ts';
import type { Problem, ReadFile, ResolvedScenario, ScenarioOverride } from '../index.ts';
import { describeFsError, readInputFile } from './io.ts';

/** Keys only a scenario has: a file with one of them (and no `kind` or `rules`) is read as a scenario. */
const SCENARIO_KEYS = ['policies', 'extends', 'portfolio', 'world', 'parameters', 'run', 'expect'];

export type FileKind = 'rule-set' | 'scenario' | 'neither';

/**
 * What a parsed JSON file is meant to be: a rule set has `kind` or `rules`; a scenario has one of the
 * scenario keys; anything else is neither.
 */
export function classify(value: unknown): FileKind {
  if (!isPlainObject(value)) return 'neither';
  if (Object.hasOwn(value, 'kind') || Object.hasOwn(value, 'rules')) return 'rule-set';
  return SCENARIO_KEYS.some((k) => Object.hasOwn(value, k)) ? 'scenario' : 'neither';
}

/** The problem of a file that is neither a rule set nor a scenario. */
export function neitherProblem(file: string, value: unknown): Problem {
  const got = Array.isArray(value)
    ? 'an array'
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? `an object with ${
            Object.keys(value as object).length === 0
              ? 'no properties'
              : `only ${Object.keys(value as object)
                  .map((k) => describeValue(k))
                  .join(', ')}`
          }`
        : `a ${typeof value}`;
  return {
    file,
    line: 1,
    column: 1,
    pointer: '',
    severity: 'error',
    message: `expected a rule set (an object with "kind" and "rules") or a scenario (an object with "policies" or "extends", and optionally "portfolio", "world", "parameters", "run" and "expect"), got ${got}`,
  };
}

/**
 * Reads files for `loadScenario` from disk, each once (rule sets shared by many scenarios, `vs` files),
 * only regular files of a bounded size (see readInputFile), with OS errors as plain words.
 */
export function diskReader(): ReadFile {
  const cache = new Map<string, Promise<string>>();
  return (file) => {
    let text = cache.get(file);
    if (!text) {
      text = readInputFile(file).catch((error: unknown) => {
        throw new Error(describeFsError(error));
      });
      cache.set(file, text);
    }
    return text;
  };
}

/** A file named on the command line that cannot be read (a FIFO, a device, too large), as its problem. */
export function unreadable(file: string, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  return { file, line: 1, column: 1, pointer: '', severity: 'error', message: `cannot read: ${reason}` };
}

/** The outcome of checking one file named on the command line. */
export interface CheckedFile {
  readonly kind: FileKind | 'unparsed';
  readonly problems: Problem[];
  readonly scenario?: ResolvedScenario;
}

/**
 * Checks one file as a rule set or a scenario, whichever it is meant to be; never throws for bad input.
 * `text` is the file's content, already read; `overrides` (`--set`) apply over a scenario.
 */
export async function checkFile(
  file: string,
  text: string,
  read: ReadFile,
  overrides: readonly ScenarioOverride[] = [],
  excludeShare?: number,
): Promise<CheckedFile> {
  const doc = parseJsonDocument(text, file);
  if (!Object.hasOwn(doc, 'value')) return { kind: 'unparsed', problems: doc.problems };
  const kind = classify(doc.value);
  switch (kind) {
    case 'rule-set':
      return { kind, problems: loadRuleSet(text, file).problems };
    case 'neither':
      return { kind, problems: [...doc.problems, neitherProblem(file, doc.value)] };
    case 'scenario': {
      const loaded = await loadScenario(file, read, overrides);
      const { scenario, problems } = loaded.scenario
        ? await attachTape(loaded.scenario, excludeShare)
        : loaded;
      return {
        kind,
        problems: loaded.scenario ? [...loaded.problems, ...problems] : problems,
        ...(scenario ? { scenario } : {}),
      };
    }
  }
}
