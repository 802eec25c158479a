import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

/*
 * With uncertainty switched off and the population pinned, a run is the point-assumption run the engine
 * gave before uncertainty became the default: the fingerprint below was recorded from that engine
 * (every shipped scenario against the baseline, the same arguments) and must not move.
 */
const SHIPPED = [
  'baseline',
  'all-in',
  'bdc',
  'recession',
  'segmented-dunning',
  'speed-to-lead',
  'tcm',
  'wholesale-at-return',
].map((name) => `scenarios/${name}.json`);
const SMALL = ['--iterations', '3', '--horizon', '36', '--set', 'portfolio.contracts=400'];
const ARGS = [...SMALL, '--set', 'portfolio.dealers=4', '--workers', '1', '--format', 'json'];
const POINT = ['--set', 'run.uncertainty=false', '--set', 'run.population=fixed'];
/** sha256 of {@link project} of that run, before uncertainty by default. */
const POINT_FINGERPRINT = '16b04dafcc55375e7f407e65c237d2ebd87f47de29aaed67cc35dec1e4db5b2a';

const KPI = ['id', 'unit', 'better', 'n', 'mean', 'sd', 'se', 'ci95', 'p05', 'p50', 'p95', 'min', 'max'];
const PAIRED = ['id', 'unit', 'better', 'n', 'meanDelta', 'sd', 'se', 'ci95', 'pBetter', 'allZero'];
const QUANTILES = ['p05', 'p25', 'p50', 'p75', 'p95', 'undefinedCount', 'definedInOneOnly'];

type Json = Record<string, unknown>;
const pick = (o: Json, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

/** The numbers of a result that existed before (fields added since are left out, so they may grow). */
function project(result: Json): unknown {
  const scenarios = result.scenarios as { name: string; summary: Json }[];
  const comparisons = result.comparisons as { baseline: string; challenger: string; summary: Json }[];
  return {
    scenarios: scenarios.map(({ name, summary: s }) => ({
      name,
      iterations: s.iterations,
      horizon: s.horizon,
      kpis: (s.kpis as Json[]).map((k) => pick(k, [...KPI, 'undefinedCount'])),
      series: s.series,
      breakdowns: s.breakdowns,
      coverage: s.coverage,
    })),
    comparisons: comparisons.map(({ baseline, challenger, summary: s }) => ({
      baseline,
      challenger,
      iterations: s.iterations,
      kpis: (s.kpis as Json[]).map((k) => pick(k, [...PAIRED, ...QUANTILES])),
    })),
  };
}

const fingerprint = (stdout: string): string =>
  createHash('sha256')
    .update(JSON.stringify(project(JSON.parse(stdout) as Json)))
    .digest('hex');

describe('uncertainty switched off', () => {
  it('gives the point-assumption results of the shipped scenarios byte for byte', async () => {
    const off = await runCli(['compare', ...SHIPPED, ...ARGS, ...POINT]);
    expect(off.stderr).toBe('');
    expect(fingerprint(off.stdout)).toBe(POINT_FINGERPRINT);
    const manifest = (JSON.parse(off.stdout) as { manifest: Json }).manifest;
    expect(manifest).toMatchObject({ uncertainty: false, population: 'fixed', stress: 'none' });
  });

  it('is not the default: by default the assumptions and the population are drawn per iteration', async () => {
    // A smaller book and horizon than the fingerprint's: only the manifest and a spread are compared.
    const quick = [...ARGS, '--horizon', '12', '--set', 'portfolio.contracts=100'];
    const on = await runCli(['compare', ...SHIPPED.slice(0, 2), ...quick]);
    expect(on.status).toBe(0);
    const manifest = (JSON.parse(on.stdout) as { manifest: Json }).manifest;
    expect(manifest).toMatchObject({ uncertainty: true, population: 'per-iteration', stress: 'none' });
    const off = await runCli(['compare', ...SHIPPED.slice(0, 2), ...quick, ...POINT]);
    const npv = (stdout: string) =>
      (JSON.parse(stdout) as { scenarios: { summary: { kpis: Json[] } }[] }).scenarios[0]!.summary.kpis[0]!
        .sd;
    expect(npv(on.stdout)).not.toBe(npv(off.stdout));
  });
});
