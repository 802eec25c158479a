import { POLICY_KINDS, type PolicyKind } from '../../policy/catalogue/index.ts';
import { ENGINE_VERSION } from '../../version.ts';
import { contentHash } from './hash.ts';
import type { RunSpec } from './spec.ts';

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
    /** Hash of the resolved scenario: rule sets, parameters, world and portfolio. */
    readonly hash: string;
    readonly ruleSets: Readonly<Record<PolicyKind, { readonly name: string; readonly hash: string }>>;
  }[];
}

export async function buildManifest(spec: RunSpec): Promise<Manifest> {
  const scenarios = await Promise.all(
    spec.scenarios.map(async (s) => {
      const ruleSets = {} as Record<PolicyKind, { name: string; hash: string }>;
      for (const kind of POLICY_KINDS) {
        ruleSets[kind] = { name: s.ruleSets[kind].name, hash: await contentHash(s.ruleSets[kind]) };
      }
      return { name: s.name, hash: await contentHash(s), ruleSets };
    }),
  );
  return {
    engine: 'cyclecast',
    engineVersion: ENGINE_VERSION,
    seed: spec.seed,
    iterations: spec.iterations,
    horizonMonths: spec.horizonMonths,
    chunkSize: spec.chunkSize,
    runHash: await contentHash(spec),
    scenarios,
  };
}
