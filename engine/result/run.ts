import type { PolicyKind } from '../domain/lists.ts';
import type { PairedSummary, RunSummary } from './summary.ts';
import type { KpiId } from './kpis.ts';

/*
 * The result contract of a run: what the CLI writes with `--format json`, the report renders, the
 * scenario checks judge and the workbench draws. Types only, so a consumer reads a result without
 * loading the simulator.
 */

/**
 * What a result was computed from: enough to reproduce it and to refuse merging shards of different runs.
 * No timestamps or machine names, so the same inputs give byte-identical output.
 */
export interface Manifest {
  readonly engine: 'cyclecast';
  readonly engineVersion: string;
  readonly seed: number;
  readonly iterations: number;
  readonly horizonMonths: number;
  readonly chunkSize: number;
  /** Whether the world's declared ranges were drawn per iteration (run.uncertainty). */
  readonly uncertainty: boolean;
  /** Whether the population was redrawn per iteration or drawn once for the run (run.population). */
  readonly population: 'per-iteration' | 'fixed';
  /** The named stress of the run (run.stress), 'none' when there was none. */
  readonly stress: 'none' | '2008' | '2020';
  /** Hash of the whole run spec (every scenario fully resolved). */
  readonly runHash: string;
  readonly scenarios: readonly {
    readonly name: string;
    /** The scenario's display name, when its file gives one (see scenarioTitle). */
    readonly title?: string;
    /** Hash of the resolved scenario: rule sets, parameters, world and portfolio. */
    readonly hash: string;
    readonly ruleSets: Readonly<Record<PolicyKind, { readonly name: string; readonly hash: string }>>;
    /** The contract tape of the starting book, when the scenario has one (docs/tape.md). */
    readonly tape?: TapeManifest;
  }[];
  /** The `--set PATH=VALUE` options applied to every scenario, as given; absent when there were none. */
  readonly overrides?: readonly string[];
  /**
   * For a run that stopped on precision: the target, the most iterations allowed and those taken
   * (`iterations` above); absent for a run of fixed length.
   */
  readonly precision?: PrecisionOutcome;
}

/**
 * What a run on a contract tape says about it: which tape (its rows' hash is in the scenario's), its
 * as-of date and size, the mapping tables from its codes to the model's values, and the model's
 * attributes the tape did not give, drawn anew each iteration from the portfolio settings.
 */
export interface TapeManifest {
  readonly file: string;
  /** The dealer list naming the tape's dealer network, when one does. */
  readonly dealerList?: string;
  readonly asOf: string;
  readonly contracts: number;
  readonly customers: number;
  readonly dealers: number;
  readonly columns: readonly string[];
  readonly drawn: readonly string[];
  readonly regions: Readonly<Record<string, string>>;
  readonly grades: Readonly<Record<string, string>>;
  /** The rows left out because they had problems (`--exclude-invalid`); absent when none were. */
  readonly excluded?: ExcludedRows;
}

/** The output of a run or a comparison, identical in the CLI's JSON and the workbench. */
export interface MonteCarloResult {
  readonly manifest: Manifest;
  readonly scenarios: readonly { readonly name: string; readonly summary: RunSummary }[];
  /** Each challenger against the baseline (the first scenario), paired iteration by iteration. */
  readonly comparisons: readonly {
    readonly baseline: string;
    readonly challenger: string;
    readonly summary: PairedSummary;
  }[];
}

/**
 * Stop a run once its simulation error is small enough: the 95% confidence interval of the mean of
 * `kpi` (for a comparison: of every challenger's paired delta against the baseline) is narrower than
 * ±`halfWidth`, or, with `excludesZero`, lies on one side of zero. The run's `iterations` is the most it
 * may take. This is the error of the estimate, not the spread of outcomes: more iterations shrink it.
 */
export interface PrecisionTarget {
  readonly kpi: KpiId;
  /** The widest acceptable half-width of the 95% CI, in the KPI's unit (€, 0–1, months …); > 0. */
  readonly halfWidth?: number;
  /** Stop as soon as the 95% CI excludes zero (a comparison that is decided). */
  readonly excludesZero?: boolean;
}

/** How a run that stopped on precision ended, as recorded in its manifest. */
export interface PrecisionOutcome extends PrecisionTarget {
  /** The most iterations it was allowed (the run's `iterations`). */
  readonly maxIterations: number;
  /** Iterations it took: the first check point at which the target was met, else the maximum. */
  readonly iterationsTaken: number;
  /** Whether the target was met (false: it stopped at the maximum). */
  readonly met: boolean;
  /** The widest half-width of the watched intervals when it stopped (KPI unit); null when undefined. */
  readonly reachedHalfWidth: number | null;
}

/**
 * Rows of a tape left out because they have problems (`--exclude-invalid`): how many, their balance
 * in € (of the rows whose balance reads), and their shares (0–1) of all rows and of all balance.
 */
export interface ExcludedRows {
  readonly rows: number;
  readonly balance: number;
  readonly rowShare: number;
  readonly balanceShare: number;
}
