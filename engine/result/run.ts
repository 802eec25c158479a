import type { PolicyKind } from '../domain/lists.ts';
import type { PairedSummary, RunSummary } from './summary.ts';

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
  }[];
  /** The `--set PATH=VALUE` options applied to every scenario, as given; absent when there were none. */
  readonly overrides?: readonly string[];
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
