import { parseJsonDocument, type JsonDocument } from '../json/document.ts';
import { cut, cutPath, describeValue } from '../json/describe.ts';
import {
  joinPointer,
  locatedIn,
  valueProblem,
  type Problem,
  type ProblemOrigin,
  type ValueProblem,
} from '../json/problem.ts';
import { sortProblems } from '../json/reporter.ts';
import { POLICY_KINDS, type PolicyKind } from '../domain/lists.ts';
import { loadRuleSet } from '../policy/load.ts';
import { checkParameterOverrides } from '../policy/parameters.ts';
import type { ParameterValue, RuleSet } from '../policy/rule-set.ts';
import { didYouMean } from '../json/suggest.ts';
import { resolvePortfolioSpec, type PortfolioSpec } from '../portfolio/index.ts';
import type { TapeBook } from '../portfolio/tape/book.ts';
import type { World } from '../world/assumptions.ts';
import { defaultWorld } from '../world/defaults.ts';
import { mergeWorld } from '../world/merge.ts';
import { parseExpectations, type Expectation } from './expect.ts';
import type { RunSettings } from './format.ts';
import { deepMerge, isPlainObject, valueAt } from './merge.ts';
import { dirname, resolvePath } from './paths.ts';
import { checkRun } from './run-settings.ts';
import { applyOverrides, overrideAt, overrideProblem, type ScenarioOverride } from './overrides.ts';

/** A scenario with `extends` applied, defaults filled in, and every rule set loaded and valid. */
export interface ResolvedScenario {
  readonly file: string;
  readonly name: string;
  /** The display name the scenario file itself gives (not inherited through `extends`: a challenger is not its baseline). */
  readonly title?: string;
  readonly description: string;
  readonly portfolio: PortfolioSpec;
  readonly world: World;
  readonly policies: Readonly<Record<PolicyKind, { readonly file: string; readonly ruleSet: RuleSet }>>;
  readonly parameters: Readonly<Record<PolicyKind, Readonly<Record<string, ParameterValue>>>>;
  readonly run: RunSettings;
  /** The `expect` block, checked; `vs` paths resolved relative to the working folder (judged by `cyclecast check`). */
  readonly expect: readonly Expectation[];
  /** The contract tape `portfolio.tape` names, once the command line has read it (engine/cli/tape). */
  readonly tape?: TapeBook;
}

/** Reads a file by path (Node: the file system; browser: fetched or dropped files). */
export type ReadFile = (path: string) => Promise<string>;

const KEYS = [
  '$schema',
  'name',
  'title',
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
 * that holds the offending value. `overrides` (`--set PATH=VALUE`) apply last, checked the same way,
 * each problem of theirs located by the option.
 */
export async function loadScenario(
  file: string,
  read: ReadFile,
  overrides: readonly ScenarioOverride[] = [],
): Promise<{ scenario?: ResolvedScenario; problems: Problem[] }> {
  const problems: Problem[] = [];
  const chain = await loadChain(file, read, [], problems);
  if (!chain) return { problems };

  let merged: Record<string, unknown> = {};
  for (const link of chain) merged = deepMerge(merged, link.value) as Record<string, unknown>;
  merged = applyOverrides(merged, overrides);
  // Problems in the merged scenario, each placed in the --set or the file of the chain that holds its value.
  const locate = locator(chain, overrides);
  const add = (found: readonly ValueProblem[]): void => {
    problems.push(...found.map(locate));
  };

  for (const key of Object.keys(merged)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      add([
        valueProblem(
          joinPointer('', key),
          `unknown scenario property ${describeValue(key)}: expected one of ${KEYS.join(', ')}`,
          didYouMean(key, KEYS),
        ),
      ]);
    }
  }
  for (const key of ['name', 'title', 'description'] as const) {
    if (merged[key] !== undefined && typeof merged[key] !== 'string')
      add([valueProblem(`/${key}`, `invalid ${key}: expected a string`)]);
  }

  const { settings: run, problems: runProblems } = checkRun(merged.run);
  add(runProblems);
  const portfolio = resolvePortfolioSpec(merged.portfolio ?? {}, '/portfolio');
  add(portfolio.problems);
  const world = mergeWorld(defaultWorld(), merged.world ?? {}, '/world');
  add(world.problems);
  const { policies, problems: policyProblems } = await loadPolicies(merged.policies, read, locate);
  problems.push(...policyProblems);
  const { parameters, problems: parameterProblems } = checkParameters(merged.parameters, policies);
  add(parameterProblems);
  const { expectations: expect, ok: expectOk, problems: expectProblems } = parseExpectations(merged.expect);
  add(expectProblems);
  add(await checkComparedScenarios(expect, read));

  if (problems.some((p) => p.severity === 'error') || !policies || !parameters || !run || !expectOk) {
    return { problems: inFileOrder(problems) };
  }
  const name =
    typeof merged.name === 'string' ? merged.name : file.replace(/^.*\//, '').replace(/\.json$/, '');
  const title = chain.at(-1)?.value.title;
  return {
    scenario: {
      file,
      name,
      ...(typeof title === 'string' ? { title } : {}),
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
  // A tape is relative to the file that names it, like `extends`.
  if (isPlainObject(value.portfolio)) {
    const tape = value.portfolio.tape;
    if (typeof tape === 'string') value.portfolio = { ...value.portfolio, tape: resolvePath(folder, tape) };
    else if (isPlainObject(tape) && typeof tape.file === 'string') {
      value.portfolio = {
        ...value.portfolio,
        tape: {
          ...tape,
          file: resolvePath(folder, tape.file),
          ...(typeof tape.dealers === 'string' ? { dealers: resolvePath(folder, tape.dealers) } : {}),
        },
      };
    }
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

/**
 * Finds the --set or the file of the chain that holds the value at a pointer (the --set options first,
 * then the child), and its line and column.
 */
function locator(chain: readonly ChainLink[], overrides: readonly ScenarioOverride[] = []) {
  return (problem: ValueProblem): Problem => {
    const { pointer } = problem;
    const inFile = chain.some((link) => valueAt(link.doc.value, pointer) !== undefined);
    const set = overrideAt(overrides, pointer, !inFile);
    if (set) {
      const { message, hint } = problem;
      return { ...overrideProblem(set.text, message, hint, pointer), severity: problem.severity };
    }
    for (let p = pointer; ; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      for (let i = chain.length - 1; i >= 0; i--) {
        if (valueAt(chain[i]!.doc.value, p) !== undefined) {
          const { doc, origin } = chain[i]!;
          const { line, column } = doc.locate(pointer);
          return withOrigin(locatedIn(problem, doc.file, line, column), origin);
        }
      }
      if (p === '') break;
    }
    return locatedIn(problem, chain[chain.length - 1]!.doc.file, 1, 1);
  };
}

/**
 * Places problems found in a loaded scenario (a comparison that cannot be paired) in the file of its
 * `extends` chain that holds each value, as problems of the scenario itself are placed.
 */
export async function locateInScenario(
  file: string,
  read: ReadFile,
  found: readonly ValueProblem[],
): Promise<Problem[]> {
  const chain = await loadChain(file, read, [], []);
  if (!chain) return found.map((p) => locatedIn(p, file, 1, 1));
  return inFileOrder(found.map(locator(chain)));
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

/**
 * The rule set of each policy kind, or undefined when one is missing or invalid. `problems` holds the
 * scenario's (placed by `locate`) and each rule-set file's, in the order they were found.
 */
async function loadPolicies(
  policies: unknown,
  read: ReadFile,
  locate: (problem: ValueProblem) => Problem,
): Promise<{ policies: ResolvedScenario['policies'] | undefined; problems: Problem[] }> {
  const problems: Problem[] = [];
  const report = (pointer: string, message: string, hint?: string): void => {
    problems.push(locate(valueProblem(pointer, message, hint)));
  };
  if (!isPlainObject(policies)) {
    report(
      '/policies',
      `invalid policies: expected an object naming one rule-set file per kind (${POLICY_KINDS.join(', ')})`,
    );
    return { policies: undefined, problems };
  }
  const loaded: Partial<Record<PolicyKind, { file: string; ruleSet: RuleSet }>> = {};
  for (const key of Object.keys(policies)) {
    if (!(POLICY_KINDS as readonly string[]).includes(key)) {
      report(
        joinPointer('/policies', key),
        `unknown policy kind ${describeValue(key)}: expected one of ${POLICY_KINDS.join(', ')}`,
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
    const origin = originOf(locate(valueProblem(pointer, '')));
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
  const complete = POLICY_KINDS.every((k) => loaded[k]);
  return { policies: complete ? (loaded as ResolvedScenario['policies']) : undefined, problems };
}

/** The parameter overrides per kind, or undefined when any is invalid (each problem at its pointer). */
function checkParameters(
  parameters: unknown,
  policies: ResolvedScenario['policies'] | undefined,
): { parameters: ResolvedScenario['parameters'] | undefined; problems: ValueProblem[] } {
  const empty = { engagement: {}, leads: {}, dunning: {}, remarketing: {} };
  if (parameters === undefined) return { parameters: empty, problems: [] };
  if (!isPlainObject(parameters)) {
    const problem = valueProblem(
      '/parameters',
      'invalid parameters: expected an object of parameter overrides per policy kind',
    );
    return { parameters: undefined, problems: [problem] };
  }
  const problems: ValueProblem[] = [];
  const result: Record<PolicyKind, Record<string, ParameterValue>> = { ...empty };
  let ok = true;
  for (const [kind, overrides] of Object.entries(parameters)) {
    const pointer = joinPointer('/parameters', kind);
    if (!(POLICY_KINDS as readonly string[]).includes(kind)) {
      problems.push(
        valueProblem(
          pointer,
          `unknown policy kind ${describeValue(kind)}: expected one of ${POLICY_KINDS.join(', ')}`,
          didYouMean(kind, POLICY_KINDS),
        ),
      );
      ok = false;
      continue;
    }
    if (!isPlainObject(overrides)) {
      problems.push(
        valueProblem(pointer, `invalid parameters.${kind}: expected an object of parameter values`),
      );
      ok = false;
      continue;
    }
    const policy = policies?.[kind as PolicyKind];
    if (!policy) continue;
    const found = checkParameterOverrides(policy.ruleSet, overrides, pointer);
    if (found.length > 0) {
      problems.push(...found);
      ok = false;
    }
    result[kind as PolicyKind] = overrides as Record<string, ParameterValue>;
  }
  return { parameters: ok ? result : undefined, problems };
}

/**
 * A paired claim is only as good as the scenario it compares with: report a `vs` file that cannot be
 * read here, where the claim names it (its content is checked when it is loaded itself).
 */
async function checkComparedScenarios(
  expect: readonly Expectation[],
  read: ReadFile,
): Promise<ValueProblem[]> {
  const problems: ValueProblem[] = [];
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
      problems.push(
        valueProblem(
          joinPointer('/expect', assertion.index, 'vs'),
          `cannot read the scenario compared with, ${cutPath(vs)}: ${cut(failure, 200)}`,
        ),
      );
    }
  }
  return problems;
}
