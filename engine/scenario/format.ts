import type { PolicyKind } from '../domain/lists.ts';
import type { ParameterValue } from '../policy/rule-set.ts';
import type { PrecisionTarget } from '../result/run.ts';
import { RUN_LIMITS } from '../sim/run-limits.ts';

/**
 * A scenario file as written: the portfolio (who is there), the world (how customers and markets respond),
 * the policies (what the company decides), policy parameter overrides, run settings and expectations.
 * `extends` names another scenario whose values this one overrides (see merge.ts).
 */
export interface ScenarioFile {
  $schema?: string;
  name?: string;
  /** The name a reader sees (workbench, verdict, report, table headings); `name` stays the identifier. Not inherited through `extends`. */
  title?: string;
  description?: string;
  extends?: string;
  portfolio?: Record<string, unknown>;
  world?: Record<string, unknown>;
  /** One rule-set path per policy kind, relative to the scenario file that names it. */
  policies?: Partial<Record<PolicyKind, string>>;
  /** Per policy kind, overrides of the rule set's declared parameters. */
  parameters?: Partial<Record<PolicyKind, Record<string, ParameterValue>>>;
  run?: Partial<RunSettings>;
  expect?: unknown[];
}

export interface RunSettings {
  /** Months simulated, from month 0. */
  horizonMonths: number;
  /** Monte Carlo iterations. */
  iterations: number;
  /** Seed of every random stream (common random numbers across compared scenarios). */
  seed: number;
  /** Stop once the simulation error of one KPI is small enough; `iterations` is then the most it runs. */
  precision?: PrecisionTarget;
}

/** The run settings that are whole numbers within RUN_LIMITS. */
export type NumericRunSetting = 'horizonMonths' | 'iterations' | 'seed';

/** The run block's defaults, from RUN_LIMITS. */
export const DEFAULT_RUN: Readonly<Pick<RunSettings, NumericRunSetting>> = {
  horizonMonths: RUN_LIMITS.horizonMonths.default,
  iterations: RUN_LIMITS.iterations.default,
  seed: RUN_LIMITS.seed.default,
};
