import { parseJsonDocument, type JsonDocument } from '../json/document.ts';
import { joinPointer, type Problem, type ProblemOrigin } from '../json/problem.ts';
import { sortProblems } from '../json/reporter.ts';
import { POLICY_KINDS, type PolicyKind } from '../policy/catalogue/index.ts';
import { loadRuleSet } from '../policy/load.ts';
import { resolveParameters } from '../policy/parameters.ts';
import type { ParameterValue, RuleSet } from '../policy/rule-set.ts';
import { didYouMean } from '../policy/validate/suggest.ts';
import { resolvePortfolioSpec, type PortfolioSpec } from '../portfolio/index.ts';
import type { World } from '../world/assumptions.ts';
import { defaultWorld } from '../world/defaults.ts';
import { mergeWorld } from '../world/merge.ts';
import { parseExpectations, type Expectation } from './expect.ts';
import type { RunSettings } from './format.ts';
import { deepMerge, isPlainObject, valueAt } from './merge.ts';
import { dirname, resolvePath } from './paths.ts';
import { checkRun, type Report } from './run-settings.ts';
import { cut, cutPath, show } from '../json/show.ts';

/** A scenario with `extends` applied, defaults filled in, and every rule set loaded and valid. */
export interface ResolvedScenario {
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly portfolio: PortfolioSpec;
  readonly world: World;
  readonly policies: Readonly<Record<PolicyKind, { readonly file: string; readonly ruleSet: RuleSet }>>;
  readonly parameters: Readonly<Record<PolicyKind, Readonly<Record<string, ParameterValue>>>>;
  readonly run: RunSettings;
  /** The `expect` block, checked; `vs` paths resolved relative to the working folder (judged by `cyclecast check`). */
  readonly expect: readonly Expectation[];
}

/** Reads a file by path (Node: the file system; browser: fetched or dropped files). */
export type ReadFile = (path: string) => Promise<string>;

const KEYS = [
  '$schema',
  'name',
  'description',
  'extends',
  'portfolio',
  'world',
  'policies',
  'parameters',
  'run',
  'expect',
] as const;

/** One file of an `extends` chain, its paths already made relative to the working folder. */
interface ChainLink {
  readonly doc: JsonDocument;
  readonly value: Record<string, unknown>;
  /** Where this file was named (`extends`), nearest first; empty for the scenario itself. */
  readonly origin: readonly ProblemOrigin[];
}

/**
 * Loads a scenario: follows `extends` (objects merge deeply, arrays and scalars replace; see merge.ts),
 * resolves rule-set and `vs` paths relative to the file that names them, and validates everything —
 * run settings, portfolio, world, rule sets, parameters, and the `expect` block (KPI ids, one claim per
 * assertion, bounds, confidence, a readable `vs` file; see expect.ts) — each problem located in the file
 * that holds the offending value.
 */
export async function loadScenario(
  file: string,
  read: ReadFile,
): Promise<{ scenario?: ResolvedScenario; problems: Problem[] }> {
  const problems: Problem[] = [];
  const chain = await loadChain(file, read, [], problems);
  if (!chain) return { problems };

  let merged: Record<string, unknown> = {};
  for (const link of chain) merged = deepMerge(merged, link.value) as Record<string, unknown>;
  const locate = locator(chain);
  const report = (pointer: string, message: string, hint?: string) =>
    problems.push(locate(pointer, message, hint));

  for (const key of Object.keys(merged)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      report(
        joinPointer('', key),
        `unknown scenario property ${show(key)}: expected one of ${KEYS.join(', ')}`,
        didYouMean(key, KEYS),
      );
    }
  }
  for (const key of ['name', 'description'] as const) {
    if (merged[key] !== undefined && typeof merged[key] !== 'string')
      report(`/${key}`, `invalid ${key}: expected a string`);
  }

  const run = checkRun(merged.run, report);
  const portfolio = resolvePortfolioSpec(merged.portfolio ?? {}, '/portfolio');
  portfolio.problems.forEach((text) => report(...splitLocated(text, '/portfolio')));
  const world = mergeWorld(defaultWorld(), merged.world ?? {}, '/world');
  world.problems.forEach((text) => report(...splitLocated(text, '/world')));
  const policies = await loadPolicies(merged.policies, read, report, problems, locate);
  const parameters = checkParameters(merged.parameters, policies, report);
  const { expectations: expect, ok: expectOk } = parseExpectations(merged.expect, report);
  await checkComparedScenarios(expect, read, report);

  if (problems.some((p) => p.severity === 'error') || !policies || !parameters || !run || !expectOk) {
    return { problems: inFileOrder(problems) };
  }
  const name =
    typeof merged.name === 'string' ? merged.name : file.replace(/^.*\//, '').replace(/\.json$/, '');
  return {
    scenario: {
      file,
      name,
      description: typeof merged.description === 'string' ? merged.description : '',
      portfolio: portfolio.spec,
      world: world.world,
      policies,
      parameters,
      run,
      expect,
    },
    problems: inFileOrder(problems),
  };
}

/** Problems grouped by file (in order of first appearance), each file's in line and column order. */
function inFileOrder(problems: readonly Problem[]): Problem[] {
  const files = [...new Set(problems.map((p) => p.file))];
  return files.flatMap((file) => sortProblems(problems.filter((p) => p.file === file)));
}

async function loadChain(
  file: string,
  read: ReadFile,
  seen: string[],
  problems: Problem[],
  from?: { link: Omit<ChainLink, 'value'>; pointer: string },
): Promise<ChainLink[] | undefined> {
  const at = (message: string): Problem => {
    const where = from ? from.link.doc.locate(from.pointer) : { line: 1, column: 1 };
    return withOrigin(
      {
        file: from?.link.doc.file ?? file,
        ...where,
        pointer: from?.pointer ?? '',
        severity: 'error',
        message,
      },
      from?.link.origin ?? [],
    );
  };
  const origin: readonly ProblemOrigin[] = from
    ? [
        { file: from.link.doc.file, ...from.link.doc.locate(from.pointer), pointer: from.pointer },
        ...from.link.origin,
      ]
    : [];
  if (seen.includes(file)) {
    problems.push(at(`invalid extends: a cycle ${[...seen, file].join(' → ')}`));
    return undefined;
  }
  let text: string;
  try {
    text = await read(file);
  } catch (error) {
    problems.push(at(`cannot read scenario ${cutPath(file)}: ${cut((error as Error).message, 200)}`));
    return undefined;
  }
  const doc = parseJsonDocument(text, file);
  problems.push(...doc.problems.map((p) => withOrigin(p, origin)));
  if (doc.value === undefined) return undefined;
  if (!isPlainObject(doc.value)) {
    problems.push(
      withOrigin(
        {
          file,
          line: 1,
          column: 1,
          pointer: '',
          severity: 'error',
          message:
            'expected a scenario: an object with "policies", and optionally "extends", "portfolio", "world", "parameters", "run" and "expect"',
        },
        origin,
      ),
    );
    return undefined;
  }
  const value = rebase({ ...doc.value }, dirname(file));
  const parentPath = value.extends;
  delete value.extends;
  if (parentPath === undefined) return [{ doc, value, origin }];
  if (typeof parentPath !== 'string') {
    problems.push(
      withOrigin(
        {
          file,
          ...doc.locate('/extends'),
          pointer: '/extends',
          severity: 'error',
          message: 'invalid extends: expected the path of another scenario',
        },
        origin,
      ),
    );
    return undefined;
  }
  const parent = await loadChain(parentPath, read, [...seen, file], problems, {
    link: { doc, origin },
    pointer: '/extends',
  });
  return parent ? [...parent, { doc, value, origin }] : undefined;
}

/** Paths in a scenario are relative to its own file; make them relative to the working folder before merging. */
function rebase(value: Record<string, unknown>, folder: string): Record<string, unknown> {
  if (typeof value.extends === 'string') value.extends = resolvePath(folder, value.extends);
  if (isPlainObject(value.policies)) {
    const policies: Record<string, unknown> = {};
    for (const [kind, path] of Object.entries(value.policies)) {
      policies[kind] = typeof path === 'string' ? resolvePath(folder, path) : path;
    }
    value.policies = policies;
  }
  if (Array.isArray(value.expect)) {
    value.expect = value.expect.map((assertion) =>
      isPlainObject(assertion) && typeof assertion.vs === 'string'
        ? { ...assertion, vs: resolvePath(folder, assertion.vs) }
        : assertion,
    );
  }
  return value;
}

/** Finds the file of the chain that holds the value at a pointer (the child first), and its line and column. */
function locator(chain: readonly ChainLink[]) {
  return (pointer: string, message: string, hint?: string): Problem => {
    for (let p = pointer; ; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      for (let i = chain.length - 1; i >= 0; i--) {
        if (valueAt(chain[i]!.doc.value, p) !== undefined) {
          const doc = chain[i]!.doc;
          return withOrigin(
            {
              file: doc.file,
              ...doc.locate(pointer),
              pointer,
              severity: 'error',
              message,
              ...(hint ? { hint } : {}),
            },
            chain[i]!.origin,
          );
        }
      }
      if (p === '') break;
    }
    const doc = chain[chain.length - 1]!.doc;
    return {
      file: doc.file,
      line: 1,
      column: 1,
      pointer,
      severity: 'error',
      message,
      ...(hint ? { hint } : {}),
    };
  };
}

/** `problem` with the places that led to its file, when it was reached through another. */
function withOrigin(problem: Problem, origin: readonly ProblemOrigin[]): Problem {
  return origin.length === 0 ? problem : { ...problem, reachedFrom: origin };
}

/** Where a problem is, as the origin of a file named there. */
function originOf(problem: Problem): ProblemOrigin[] {
  const { file, line, column, pointer } = problem;
  return [{ file, line, column, pointer }, ...(problem.reachedFrom ?? [])];
}

/** World and portfolio checks speak `invalid X at /pointer: message`; split off the pointer to locate it. */
function splitLocated(text: string, fallback: string): [string, string] {
  const match = /^invalid (\S+) at (\/\S*): ([\s\S]*)$/.exec(text);
  return match ? [match[2]!, `invalid ${match[1]}: ${match[3]}`] : [fallback, text];
}

async function loadPolicies(
  policies: unknown,
  read: ReadFile,
  report: Report,
  problems: Problem[],
  locate: ReturnType<typeof locator>,
): Promise<ResolvedScenario['policies'] | undefined> {
  if (!isPlainObject(policies)) {
    report(
      '/policies',
      `invalid policies: expected an object naming one rule-set file per kind (${POLICY_KINDS.join(', ')})`,
    );
    return undefined;
  }
  const loaded: Partial<Record<PolicyKind, { file: string; ruleSet: RuleSet }>> = {};
  for (const key of Object.keys(policies)) {
    if (!(POLICY_KINDS as readonly string[]).includes(key)) {
      report(
        joinPointer('/policies', key),
        `unknown policy kind ${show(key)}: expected one of ${POLICY_KINDS.join(', ')}`,
        didYouMean(key, POLICY_KINDS),
      );
    }
  }
  for (const kind of POLICY_KINDS) {
    const pointer = joinPointer('/policies', kind);
    const path = policies[kind];
    if (path === undefined) {
      report('/policies', `missing policies.${kind}: every scenario names one rule set per kind`);
      continue;
    }
    if (typeof path !== 'string') {
      report(pointer, `invalid policies.${kind}: expected the path of a rule-set file`);
      continue;
    }
    let text: string;
    try {
      text = await read(path);
    } catch (error) {
      report(pointer, `cannot read rule set ${cutPath(path)}: ${cut((error as Error).message, 200)}`);
      continue;
    }
    const { ruleSet, problems: ruleProblems } = loadRuleSet(text, path);
    const origin = originOf(locate(pointer, ''));
    problems.push(...ruleProblems.map((p) => withOrigin(p, origin)));
    if (!ruleSet) {
      report(pointer, `rule set ${path} is not valid (see its problems)`);
      continue;
    }
    if (ruleSet.kind !== kind) {
      report(pointer, `invalid policies.${kind}: ${path} is a ${ruleSet.kind} rule set`);
      continue;
    }
    loaded[kind] = { file: path, ruleSet };
  }
  return POLICY_KINDS.every((k) => loaded[k]) ? (loaded as ResolvedScenario['policies']) : undefined;
}

function checkParameters(
  parameters: unknown,
  policies: ResolvedScenario['policies'] | undefined,
  report: Report,
): ResolvedScenario['parameters'] | undefined {
  const empty = { engagement: {}, leads: {}, dunning: {}, remarketing: {} };
  if (parameters === undefined) return empty;
  if (!isPlainObject(parameters)) {
    report('/parameters', 'invalid parameters: expected an object of parameter overrides per policy kind');
    return undefined;
  }
  const result: Record<PolicyKind, Record<string, ParameterValue>> = { ...empty };
  let ok = true;
  for (const [kind, overrides] of Object.entries(parameters)) {
    const pointer = joinPointer('/parameters', kind);
    if (!(POLICY_KINDS as readonly string[]).includes(kind)) {
      report(
        pointer,
        `unknown policy kind ${show(kind)}: expected one of ${POLICY_KINDS.join(', ')}`,
        didYouMean(kind, POLICY_KINDS),
      );
      ok = false;
      continue;
    }
    if (!isPlainObject(overrides)) {
      report(pointer, `invalid parameters.${kind}: expected an object of parameter values`);
      ok = false;
      continue;
    }
    const policy = policies?.[kind as PolicyKind];
    if (!policy) continue;
    for (const [name, value] of Object.entries(overrides)) {
      try {
        resolveParameters(policy.ruleSet, { [name]: value as ParameterValue });
      } catch (error) {
        report(joinPointer(pointer, name), (error as Error).message);
        ok = false;
      }
    }
    result[kind as PolicyKind] = overrides as Record<string, ParameterValue>;
  }
  return ok ? result : undefined;
}

/**
 * A paired claim is only as good as the scenario it compares with: report a `vs` file that cannot be
 * read here, where the claim names it (its content is checked when it is loaded itself).
 */
async function checkComparedScenarios(expect: readonly Expectation[], read: ReadFile, report: Report) {
  const readable = new Map<string, Promise<string | undefined>>();
  for (const assertion of expect) {
    if (assertion.kind !== 'paired') continue;
    const { vs } = assertion;
    if (!readable.has(vs)) {
      readable.set(
        vs,
        read(vs).then(
          () => undefined,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        ),
      );
    }
    const failure = await readable.get(vs);
    if (failure !== undefined) {
      report(
        joinPointer('/expect', assertion.index, 'vs'),
        `cannot read the scenario compared with, ${cutPath(vs)}: ${cut(failure, 200)}`,
      );
    }
  }
}
