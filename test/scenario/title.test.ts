import { describe, expect, it } from 'vitest';
import { renderReport } from '../../engine/report/html.ts';
import { renderResult } from '../../engine/report/render.ts';
import { verdicts } from '../../engine/report/verdict.ts';
import type { MonteCarloResult } from '../../engine/result/run.ts';
import { runSpec } from '../../engine/scenario/input.ts';
import { buildManifest } from '../../engine/sim/montecarlo/manifest.ts';
import { fixtureResult } from '../../web/testing/fixtures.ts';
import { BASELINE_POLICIES, loadValid, problemLines } from './helpers.ts';

const files = {
  'scenarios/base.json': JSON.stringify({
    name: 'base',
    title: "Baseline: today's practice",
    policies: BASELINE_POLICIES,
  }),
  'scenarios/bold.json': JSON.stringify({ name: 'bold', extends: './base.json' }),
};

/** The fixture comparison with display titles in its manifest, as a titled scenario file gives them. */
async function titled(): Promise<MonteCarloResult> {
  const result = await fixtureResult();
  const titles = ['Today', 'Trade cycle management'];
  return {
    ...result,
    manifest: {
      ...result.manifest,
      scenarios: result.manifest.scenarios.map((s, i) => ({ ...s, title: titles[i]! })),
    },
  };
}

describe('scenario titles', () => {
  it('carries a title into the run spec and the manifest, not inherited by a scenario that extends it', async () => {
    const base = await loadValid(files, 'scenarios/base.json');
    const bold = await loadValid(files, 'scenarios/bold.json');
    expect(base.title).toBe("Baseline: today's practice");
    expect(bold.title).toBeUndefined();
    const manifest = await buildManifest(runSpec([base, bold]));
    expect(manifest.scenarios.map((s) => [s.name, s.title])).toEqual([
      ['base', "Baseline: today's practice"],
      ['bold', undefined],
    ]);
    expect(Object.keys(manifest.scenarios[1]!)).not.toContain('title');
    // Only shown: the same scenario under another title (or none) hashes the same.
    const { title: _shown, ...untitled } = base;
    const again = await buildManifest(runSpec([untitled, bold]));
    expect([again.runHash, again.scenarios[0]!.hash]).toEqual([
      manifest.runHash,
      manifest.scenarios[0]!.hash,
    ]);
  });

  it('refuses a title that is not a string, located', async () => {
    const lines = await problemLines(
      { 'scenarios/x.json': JSON.stringify({ title: 3, policies: BASELINE_POLICIES }) },
      'scenarios/x.json',
    );
    expect(lines.join('\n')).toMatch(/scenarios\/x\.json:1:\d+ +\/title +invalid title: expected a string/);
  });

  it('shows titles in table headings, the verdict and the report, and keeps names in CSV', async () => {
    const result = await titled();
    const table = renderResult(result, 'table');
    expect(table).toContain('Trade cycle management vs Today (paired over');
    expect(verdicts(result)[0]!.text).toMatch(/^Trade cycle management .*Today/);
    expect(verdicts(result)[0]!.challenger).toBe(result.scenarios[1]!.name);
    expect(renderReport({ result, generatedAt: '2026-12-02' })).toContain(
      '<title>Cyclecast report: Today vs Trade cycle management</title>',
    );
    const csv = renderResult(result, 'csv').split('\n');
    expect(csv[1]!.split(',').slice(0, 2)).toEqual(result.scenarios.map((s) => s.name));
  });
});
