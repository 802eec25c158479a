import { isPlainObject, loadRuleSet, loadScenario, parseJsonDocument } from '../../engine/index.ts';
import type { Problem, ReadFile } from '../../engine/index.ts';
import { UPLOAD_FOLDER } from './file-store.ts';

/** What an opened file turned out to be, and what is wrong with it. */
export interface OpenedFileStatus {
  readonly path: string;
  readonly kind: 'scenario' | 'rule-set' | 'unreadable';
  /** The scenario's or rule set's name, when it has one. */
  readonly name?: string;
  readonly problems: readonly Problem[];
}

const SCENARIO_KEYS = ['policies', 'extends', 'portfolio', 'world', 'parameters', 'run', 'expect'];

/** Where an opened file is kept: `uploads/` plus its path inside an opened folder, or its name. */
export function uploadPath(file: { name: string; webkitRelativePath?: string }): string {
  const relative = (file.webkitRelativePath || file.name).replace(/\\/g, '/');
  const safe = relative
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('/');
  return `${UPLOAD_FOLDER}/${safe || 'file.json'}`;
}

/**
 * Checks an opened file as what it is meant to be, with the CLI's rules (engine/cli/scenario-files.ts):
 * a rule set has `kind` or `rules`; a scenario has one of the scenario keys; anything else is refused
 * with a message saying what was expected.
 */
export async function checkOpenedFile(path: string, text: string, read: ReadFile): Promise<OpenedFileStatus> {
  const doc = parseJsonDocument(text, path);
  if (!Object.hasOwn(doc, 'value')) return { path, kind: 'unreadable', problems: doc.problems };
  const value = doc.value;
  const name = isPlainObject(value) && typeof value.name === 'string' ? value.name : undefined;
  if (isPlainObject(value) && (Object.hasOwn(value, 'kind') || Object.hasOwn(value, 'rules'))) {
    return { path, kind: 'rule-set', ...(name ? { name } : {}), problems: loadRuleSet(text, path).problems };
  }
  if (isPlainObject(value) && SCENARIO_KEYS.some((k) => Object.hasOwn(value, k))) {
    const { problems } = await loadScenario(path, read);
    return { path, kind: 'scenario', ...(name ? { name } : {}), problems };
  }
  return {
    path,
    kind: 'unreadable',
    problems: [
      {
        file: path,
        line: 1,
        column: 1,
        pointer: '',
        severity: 'error',
        message:
          'invalid file: expected a rule set (an object with "kind" and "rules") or a scenario (an object with "policies" or "extends")',
      },
    ],
  };
}
