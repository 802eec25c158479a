import {
  kpiSpec,
  materialityThreshold,
  OPTIMISE_STAGES,
  optimiseResult,
  renderOptimise,
  RUN_LIMITS,
  runSpec,
  selectBest,
} from '../../index.ts';
import type { Constraint, PolicyKind, ResolvedScenario } from '../../index.ts';
import { UserError } from '../errors.ts';
import { chunkExecutor, workersOption } from '../worker-pool.ts';
import { parseGrid, readGridScenarios } from '../grid-scenarios.ts';
import { checkOutputPath, writeAtomic, type CliIo } from '../io.ts';
import { parseKpi, parseOverrides, parseRunSetting, runSettingOptions } from '../options.ts';
import { parseTextFormat } from './sweep.ts';

export interface OptimiseOptions {
  param?: string[];
  maximise?: string;
  minimise?: string;
  subjectTo?: string[];
  indifference?: string;
  confidence?: string;
  freshSeed?: string;
  iterations?: string;
  seed?: string;
  horizon?: string;
  workers?: string;
  format?: string;
  out?: string;
  set?: string[];
}

/**
 * `cyclecast optimise SCENARIO --param … --maximise KPI [--subject-to "KPI <= X" …]`: the best policy
 * parameter values of a grid, chosen by KN on common random numbers and re-estimated on a fresh seed.
 */
export async function optimiseCommand(file: string, options: OptimiseOptions, io: CliIo): Promise<void> {
  const format = parseTextFormat(options.format);
  if (options.out !== undefined) await checkOutputPath('--out', options.out);
  if ((options.maximise === undefined) === (options.minimise === undefined)) {
    throw new UserError(
      'invalid optimise: give one of --maximise KPI or --minimise KPI, e.g. --maximise profit.npv',
    );
  }
  const direction = options.maximise !== undefined ? 'maximise' : 'minimise';
  const kpi = parseKpi(`--${direction}`, (options.maximise ?? options.minimise)!);
  const constraints = (options.subjectTo ?? []).map(parseConstraint);
  const delta =
    options.indifference === undefined ? undefined : positive('--indifference', options.indifference);
  const confidence = options.confidence === undefined ? 0.95 : probability(options.confidence);
  const { ranges, points } = parseGrid(options.param, false);
  if (points.length < 2)
    throw new UserError('invalid --param: an optimisation needs at least 2 alternatives');
  const workers = workersOption(options.workers, io.stderr);
  const given = runSettingOptions(options);
  const first = OPTIMISE_STAGES.batchSize * OPTIMISE_STAGES.firstStage;
  if (given.iterations !== undefined && given.iterations < first) {
    throw new UserError(
      `invalid --iterations ${given.iterations} for optimise: the most iterations an alternative may run must cover the first stage, ${first} (${OPTIMISE_STAGES.firstStage} batches of ${OPTIMISE_STAGES.batchSize})`,
    );
  }
  const overrides = parseOverrides(options.set);
  const scenarios = await readGridScenarios(file, overrides, ranges, points);
  const spec = runSpec(scenarios, given);
  const maxIterations = given.iterations ?? Math.max(spec.iterations, first);
  const freshSeed =
    parseRunSetting('--fresh-seed', options.freshSeed, 'seed') ?? (spec.seed + 1) % (RUN_LIMITS.seed.max + 1);
  if (freshSeed === spec.seed)
    throw new UserError(`invalid --fresh-seed ${freshSeed}: it must differ from the seed`);
  const unit = kpiSpec(kpi).unit;
  const executor = await chunkExecutor(workers);
  try {
    const outcome = await selectBest(spec, executor, {
      kpi,
      direction,
      constraints,
      ...(delta !== undefined ? { delta } : {}),
      confidence,
      ...OPTIMISE_STAGES,
      maxIterations,
      freshSeed,
      defaultDelta: (mean) => materialityThreshold(unit, mean, mean),
      onProgress: ({ alive, iterations }) =>
        io.stderr(
          `optimise: ${alive} of ${points.length} alternatives in the running after ${iterations} iterations\n`,
        ),
    }).catch((error: unknown) => {
      // The selection's own refusals (no feasible alternative, a KPI undefined in a batch) are the user's to fix.
      if (error instanceof RangeError && error.message.startsWith('invalid '))
        throw new UserError(error.message);
      throw error;
    });
    const result = optimiseResult(outcome, ranges, points, {
      kpi,
      direction,
      constraints,
      seed: spec.seed,
      horizonMonths: spec.horizonMonths,
      maxIterations,
      declared: ranges.map((r) => declaredBounds(scenarios[0]!, r.name)),
    });
    const text = renderOptimise(result, format);
    if (options.out) {
      await writeAtomic(options.out, text);
      io.stderr(`wrote the optimisation (${format}) to ${options.out}\n`);
    } else io.stdout(text);
  } finally {
    await executor.close();
  }
}

/**
 * A `--subject-to` option: `KPI <= X` or `KPI >= X`, X in the KPI's unit.
 * @example parseConstraint('credit.lossRate <= 0.02') // { kpi: 'credit.lossRate', op: '<=', bound: 0.02, … }
 */
export function parseConstraint(text: string): Constraint {
  const match = /^\s*([\w.]+)\s*(<=|>=)\s*(\S+)\s*$/.exec(text);
  const bound = match ? Number(match[3]) : NaN;
  if (!match || !Number.isFinite(bound)) {
    throw new UserError(
      `invalid --subject-to "${text}": expected "KPI <= X" or "KPI >= X", X a number in the KPI's unit (€, 0–1 …), e.g. "credit.lossRate <= 0.02"`,
    );
  }
  return { kpi: parseKpi('--subject-to', match[1]!), op: match[2] as '<=' | '>=', bound, text: text.trim() };
}

function positive(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UserError(`invalid ${flag} "${text}": expected a number above 0, in the KPI's unit`);
  }
  return value;
}

function probability(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !(value >= 0.5 && value < 1)) {
    throw new UserError(
      `invalid --confidence "${text}": expected a probability of correct selection from 0.5 to below 1, e.g. 0.95`,
    );
  }
  return value;
}

/** The [min, max] a policy parameter `KIND.NAME` declares in the scenario's rule set. */
function declaredBounds(scenario: ResolvedScenario, name: string): [number | undefined, number | undefined] {
  const [kind, parameter] = name.split('.') as [PolicyKind, string];
  const decl = scenario.policies[kind].ruleSet.parameters?.[parameter];
  return [decl?.min, decl?.max];
}
