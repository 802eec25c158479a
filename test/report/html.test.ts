import { describe, expect, it } from 'vitest';
import { renderReport } from '../../engine/report/html.ts';
import { formatDelta, formatInterval, formatProbability } from '../../engine/report/number.ts';
import { reportScenario } from '../../engine/scenario/report-scenario.ts';
import { verdicts } from '../../engine/report/verdict.ts';
import { loadScenario } from '../../engine/scenario/load.ts';
import { FIXTURE_BASELINE, FIXTURE_TCM, diskRead, fixtureResult } from '../../web/testing/fixtures.ts';

describe('renderReport', () => {
  it('writes one self-contained HTML file with every section and the result’s numbers', async () => {
    const result = await fixtureResult([FIXTURE_BASELINE, FIXTURE_TCM]);
    const scenarios = [];
    for (const path of [FIXTURE_BASELINE, FIXTURE_TCM]) {
      scenarios.push(reportScenario((await loadScenario(path, diskRead)).scenario!));
    }
    const html = renderReport({ result, scenarios, generatedAt: '2026-01-01T00:00:00.000Z' });
    for (const id of [
      'verdict',
      'headlines',
      'kpis',
      'bridge',
      'fans',
      'breakdowns',
      'scenarios',
      'manifest',
    ]) {
      expect(html).toContain(`<section id="${id}">`);
    }
    expect(html).not.toMatch(/(?:src|href)=["']?https?:|<link|<script/);
    expect(html).toContain(verdicts(result)[0]!.text.replace(/"/g, '&quot;'));
    for (const k of result.comparisons[0]!.summary.kpis) {
      expect(html).toContain(`data-kpi="${k.id}" data-challenger="1">${formatDelta(k.meanDelta, k.unit)}`);
    }
    // Each breakdown group's paired profit change, its interval and P(better), as the CLI table prints them.
    const dealers = result.comparisons[0]!.summary.breakdowns!.find((b) => b.dimension === 'dealer')!;
    for (const g of dealers.groups) {
      expect(html).toContain(
        `<td>${formatDelta(g.meanDelta.profit!, '€')}</td><td>${formatInterval(g.ci95.profit!, '€', true)}</td><td>${formatProbability(g.pBetter.profit!)}</td>`,
      );
    }
    expect(html).toContain(result.manifest.runHash);
    expect(html).toContain(scenarios[1]!.description.replace(/&/g, '&amp;').slice(0, 40));
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('says so when only the result is known', async () => {
    const result = await fixtureResult([FIXTURE_BASELINE, FIXTURE_TCM]);
    expect(renderReport({ result, generatedAt: 'now' })).toContain('Only the result file was known');
  });
});

describe('reportScenario', () => {
  it('lists the assumptions a scenario changes from the defaults, and its policies', async () => {
    const { scenario } = await loadScenario(FIXTURE_TCM, diskRead);
    const described = reportScenario(scenario!);
    expect(described.policies.map((p) => p.kind)).toEqual(['engagement', 'leads', 'dunning', 'remarketing']);
    for (const a of described.assumptions) expect(a.value).not.toBe(a.default);
  });
});
