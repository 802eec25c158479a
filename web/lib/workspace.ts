import { dirname, isPlainObject, POLICY_KINDS, RUN_LIMITS } from '../../engine/index.ts';
import type { ParameterValue, PolicyKind, NumericRunSetting, RunSettings } from '../../engine/index.ts';

/** Run settings as the run panel holds them: a scenario's `run` block (docs/design.md §3). */
export type RunSettingsInput = Readonly<Pick<RunSettings, NumericRunSetting>>;

/**
 * A scenario edited in the workbench: another scenario (`base`) plus world overrides, policy parameter
 * overrides and edited rule sets. It becomes a scenario file that `extends` its base, so it loads,
 * validates and runs through the same engine code as a file on disk.
 */
export interface Draft {
  /** Scenario name and file stem: letters, digits, `-`, `_` and `.`. */
  readonly name: string;
  /** Path of the scenario it extends (shipped, opened, or another draft). */
  readonly base: string;
  /** Overrides of the world, nested as in a scenario's `world` block. */
  readonly world: Readonly<Record<string, unknown>>;
  /** Overrides of rule-set parameters, per policy kind. */
  readonly parameters: Readonly<Partial<Record<PolicyKind, Readonly<Record<string, ParameterValue>>>>>;
  /** Edited rule-set texts, per policy kind (a kind not edited keeps the base's rule set). */
  readonly ruleSets: Readonly<Partial<Record<PolicyKind, string>>>;
}

/** Everything a person's work in the workbench consists of: kept across reloads and in share links. */
export interface Workspace {
  readonly version: 1;
  /** Files opened (dropped) by path, under `uploads/`. */
  readonly files: Readonly<Record<string, string>>;
  readonly drafts: readonly Draft[];
  /** Path of the baseline scenario. */
  readonly baseline: string;
  /** Paths of up to three challengers. */
  readonly challengers: readonly string[];
  /** Settings chosen for the next run; undefined: the baseline's own `run` block. */
  readonly settings?: RunSettingsInput;
}

export const MAX_CHALLENGERS = 3;

export function emptyWorkspace(baseline: string): Workspace {
  return { version: 1, files: {}, drafts: [], baseline, challengers: [] };
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/;

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const folderOf = (path: string) => {
  const dir = dirname(path);
  return dir === '.' ? '' : `${dir}/`;
};

/** Where a draft's scenario file lives: next to its base, so `extends` is `./<base file>`. */
export function draftPath(draft: Pick<Draft, 'name' | 'base'>): string {
  return `${folderOf(draft.base)}${draft.name}.json`;
}

/** Where a draft's edited rule set of `kind` lives: next to the draft, `<name>.<kind>.json`. */
export function draftRuleSetPath(draft: Pick<Draft, 'name' | 'base'>, kind: PolicyKind): string {
  return `${folderOf(draft.base)}${draft.name}.${kind}.json`;
}

/**
 * Why a draft name cannot be used, or undefined when it can: the name makes file paths, and must not
 * clash with a file already in the base's folder.
 * @example draftNameProblem('tcm', 'scenarios/baseline.json', paths) // 'scenarios/tcm.json already exists: choose another name'
 */
export function draftNameProblem(name: string, base: string, existing: Iterable<string>): string | undefined {
  if (!NAME.test(name)) {
    return 'invalid name: use 1–60 letters, digits, "-", "_" or "." (it becomes the file name)';
  }
  const path = draftPath({ name, base });
  for (const file of existing) if (file === path) return `${path} already exists: choose another name`;
  return undefined;
}

/** A draft's changes in words, one per change, for its description and for the editor. */
export function draftChanges(draft: Draft): string[] {
  const changes: string[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (isPlainObject(value) && !Object.hasOwn(value, 'dist')) {
      for (const key of Object.keys(value)) walk(value[key], [...path, key]);
    } else changes.push(`world.${path.join('.')} = ${JSON.stringify(value)}`);
  };
  walk(draft.world, []);
  for (const kind of POLICY_KINDS) {
    if (draft.ruleSets[kind] !== undefined) changes.push(`${kind} rule set edited`);
    for (const [name, value] of Object.entries(draft.parameters[kind] ?? {})) {
      changes.push(`${kind} parameter ${name} = ${JSON.stringify(value)}`);
    }
  }
  return changes;
}

/** The scenario file a draft stands for (the text a person downloads). */
export function draftScenarioText(draft: Draft, baseName: string): string {
  const changes = draftChanges(draft);
  const file: Record<string, unknown> = {};
  if (draft.base.startsWith('scenarios/')) file.$schema = './scenario.schema.json';
  file.name = draft.name;
  file.description =
    `${baseName}, edited in the Cyclecast workbench. ` +
    (changes.length > 0 ? `Changes: ${changes.join('; ')}.` : 'No changes yet.');
  file.extends = `./${basename(draft.base)}`;
  if (Object.keys(draft.world).length > 0) file.world = draft.world;
  const policies: Record<string, string> = {};
  for (const kind of POLICY_KINDS) {
    if (draft.ruleSets[kind] !== undefined) policies[kind] = `./${basename(draftRuleSetPath(draft, kind))}`;
  }
  if (Object.keys(policies).length > 0) file.policies = policies;
  const parameters = Object.fromEntries(
    POLICY_KINDS.filter((k) => Object.keys(draft.parameters[k] ?? {}).length > 0).map((k) => [
      k,
      draft.parameters[k],
    ]),
  );
  if (Object.keys(parameters).length > 0) file.parameters = parameters;
  return JSON.stringify(file, null, 2) + '\n';
}

/**
 * Every file the workspace adds to the shipped ones: opened files, then each draft's scenario and
 * edited rule sets. `baseName(path)` names a draft's base in its description.
 */
export function workspaceFiles(ws: Workspace, baseName: (path: string) => string): Map<string, string> {
  const files = new Map(Object.entries(ws.files));
  for (const draft of ws.drafts) {
    files.set(draftPath(draft), draftScenarioText(draft, baseName(draft.base)));
    for (const kind of POLICY_KINDS) {
      const text = draft.ruleSets[kind];
      if (text !== undefined) files.set(draftRuleSetPath(draft, kind), text);
    }
  }
  return files;
}

/** The value at `path` in a nested object, or undefined (own properties only). */
export function getIn(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * A copy of `root` with `value` at `path`; with `value` undefined, the key is removed and objects
 * left empty are removed too, so a reset leaves no trace in the scenario file.
 */
export function setIn(
  root: Readonly<Record<string, unknown>>,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const [key, ...rest] = path;
  if (key === undefined) return { ...root };
  if (key === '__proto__') throw new Error('invalid key "__proto__"');
  const copy: Record<string, unknown> = { ...root };
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  const child = Object.hasOwn(root, key) && isPlainObject(root[key]) ? root[key] : {};
  const updated = setIn(child, rest, value);
  if (Object.keys(updated).length === 0) delete copy[key];
  else copy[key] = updated;
  return copy;
}

/** Replaces the draft named `name` (or adds it). */
export function withDraft(ws: Workspace, draft: Draft): Workspace {
  const drafts = ws.drafts.some((d) => d.name === draft.name)
    ? ws.drafts.map((d) => (d.name === draft.name ? draft : d))
    : [...ws.drafts, draft];
  return { ...ws, drafts };
}

/**
 * A workspace read from storage or a share link: untrusted, so every field is checked and anything
 * malformed is dropped or refused with `invalid workspace: …`.
 */
export function parseWorkspace(value: unknown): Workspace {
  if (!isPlainObject(value) || value.version !== 1) {
    throw new Error('invalid workspace: expected an object with "version": 1');
  }
  const files: Record<string, string> = {};
  if (isPlainObject(value.files)) {
    for (const [path, text] of Object.entries(value.files)) {
      if (typeof text === 'string' && /^uploads\/[^\0]*$/.test(path) && !path.split('/').includes('..')) {
        files[path] = text;
      }
    }
  }
  const drafts: Draft[] = [];
  if (Array.isArray(value.drafts)) {
    for (const d of value.drafts) {
      const draft = parseDraft(d);
      if (draft && !drafts.some((x) => x.name === draft.name && x.base === draft.base)) drafts.push(draft);
    }
  }
  if (typeof value.baseline !== 'string') throw new Error('invalid workspace: expected a baseline path');
  const challengers = Array.isArray(value.challengers)
    ? value.challengers.filter((c): c is string => typeof c === 'string').slice(0, MAX_CHALLENGERS)
    : [];
  const settings = parseSettings(value.settings);
  return {
    version: 1,
    files,
    drafts,
    baseline: value.baseline,
    challengers,
    ...(settings ? { settings } : {}),
  };
}

function parseDraft(d: unknown): Draft | undefined {
  if (!isPlainObject(d) || typeof d.name !== 'string' || !NAME.test(d.name)) return undefined;
  if (typeof d.base !== 'string' || d.base.split('/').includes('..')) return undefined;
  const parameters: Partial<Record<PolicyKind, Record<string, ParameterValue>>> = {};
  const ruleSets: Partial<Record<PolicyKind, string>> = {};
  for (const kind of POLICY_KINDS) {
    const p =
      isPlainObject(d.parameters) && Object.hasOwn(d.parameters, kind) ? d.parameters[kind] : undefined;
    if (isPlainObject(p)) {
      const values: Record<string, ParameterValue> = {};
      for (const [name, v] of Object.entries(p)) {
        if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') values[name] = v;
      }
      parameters[kind] = values;
    }
    const text = isPlainObject(d.ruleSets) && Object.hasOwn(d.ruleSets, kind) ? d.ruleSets[kind] : undefined;
    if (typeof text === 'string') ruleSets[kind] = text;
  }
  return {
    name: d.name,
    base: d.base,
    world: isPlainObject(d.world) ? d.world : {},
    parameters,
    ruleSets,
  };
}

function parseSettings(s: unknown): RunSettingsInput | undefined {
  if (!isPlainObject(s)) return undefined;
  const settings: Record<string, number> = {};
  for (const key of ['iterations', 'seed', 'horizonMonths'] as const) {
    const v = s[key];
    const { min, max } = RUN_LIMITS[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return undefined;
    settings[key] = v;
  }
  return settings as unknown as RunSettingsInput;
}
