import { POLICY_KINDS, type PolicyKind } from '../../domain/lists.ts';
import type { TapeBook } from '../../portfolio/tape/book.ts';
import type { Manifest, TapeManifest } from '../../result/run.ts';
import { ENGINE_VERSION } from '../../version.ts';
import { contentHash } from './hash.ts';
import type { ScenarioInput } from '../setup.ts';
import type { RunSpec } from './spec.ts';

/**
 * What a scenario's hash covers: everything the simulation reads. Its title is only shown, so two files
 * with the same values hash the same whatever they are titled (JSON drops an undefined key).
 */
const simulated = (s: ScenarioInput): ScenarioInput => ({ ...s, title: undefined });

function tapeManifest(book: TapeBook): TapeManifest {
  const { file, asOf, columns, drawn, regions, grades } = book;
  return {
    file,
    ...(book.dealerList !== undefined ? { dealerList: book.dealerList } : {}),
    asOf,
    contracts: book.contracts.count,
    customers: book.customers.count,
    dealers: book.dealers.count,
    columns,
    drawn,
    regions,
    grades,
    ...(book.excluded ? { excluded: book.excluded } : {}),
  };
}

export async function buildManifest(spec: RunSpec): Promise<Manifest> {
  const scenarios = await Promise.all(
    spec.scenarios.map(async (s) => {
      const ruleSets = {} as Record<PolicyKind, { name: string; hash: string }>;
      for (const kind of POLICY_KINDS) {
        ruleSets[kind] = { name: s.ruleSets[kind].name, hash: await contentHash(s.ruleSets[kind]) };
      }
      return {
        name: s.name,
        ...(s.title !== undefined ? { title: s.title } : {}),
        hash: await contentHash(simulated(s)),
        ruleSets,
        ...(s.tape ? { tape: tapeManifest(s.tape) } : {}),
      };
    }),
  );
  return {
    engine: 'cyclecast',
    engineVersion: ENGINE_VERSION,
    seed: spec.seed,
    iterations: spec.iterations,
    horizonMonths: spec.horizonMonths,
    chunkSize: spec.chunkSize,
    uncertainty: spec.uncertainty === true,
    population: spec.population ?? 'fixed',
    stress: spec.stress ?? 'none',
    runHash: await contentHash({ ...spec, scenarios: spec.scenarios.map(simulated) }),
    scenarios,
  };
}
