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
}

/**
 * What a run on a contract tape says about it: which tape (its rows' hash is in the scenario's), its
 * as-of date and size, the mapping tables from its codes to the model's values, and the model's
 * attributes the tape did not give, drawn anew each iteration from the portfolio settings.
 */
export interface TapeManifest {
  readonly file: string;
  readonly asOf: string;
  readonly contracts: number;
  readonly customers: number;
  readonly dealers: number;
  readonly columns: readonly string[];
  readonly drawn: readonly string[];
  readonly regions: Readonly<Record<string, string>>;
  readonly grades: Readonly<Record<string, string>>;
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
