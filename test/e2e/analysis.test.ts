import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatValue } from '../../engine/report/number.ts';
import type { SensitivityResult } from '../../engine/scenario/sensitivity/analysis.ts';
import type { SweepResult } from '../../engine/scenario/sweep-result.ts';
import {
  cli,
  hasChromium,
  openWorkbench,
  setUpRun,
  skipReason,
  violations,
  type Workbench,
} from './harness.ts';

/*
 * The Sensitivity & sweep view in Debian's Chromium: a tiny sweep and a tiny tornado run in the page's
 * web workers and show the figures `cyclecast sweep` and `cyclecast sensitivity` print for the same
 * scenarios, settings and seed (common random numbers); a running analysis can be cancelled.
 */

const chromium = hasChromium();
if (!chromium) console.warn(skipReason('the sensitivity and sweep end-to-end tests'));

const FUNDING = 'world.economics.fundingRate={"dist":"pert","min":0.03,"mode":0.04,"max":0.06}';
/**
 * The settings over the scenarios, in the page's box and as the CLI's --set: a world value as a
 * distribution, and a small book (200 contracts rather than 10,000), since the page equals the CLI at
 * any size and the tornado alone is 33 runs (each of its 11 bars twice, and the break-even searches).
 */
const SET = [FUNDING, 'portfolio.contracts=200'];
const RUN = [
  ...SET.flatMap((s) => ['--set', s]),
  ...['--iterations', '2', '--seed', '3', '--horizon', '6', '--workers', '1', '--format', 'json'],
];
const euro = (x: number | null) => formatValue(x, '€');

describe.skipIf(!chromium)('sensitivity and sweep in Chromium', () => {
  // Built once for the lane (test/setup/build-workbench.ts).
  const dir = inject('workbenchDir');
  let app: Workbench;

  beforeAll(async () => {
    app = await openWorkbench(dir);
    await setUpRun(app.page, {
      baseline: 'scenarios/baseline.json',
      challengers: ['scenarios/tcm.json'],
      iterations: 2,
      seed: 3,
      horizonMonths: 6,
    });
    await app.page.click('#view-analysis');
    await app.page.fill('#analysis-set', SET.join('\n'));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('sweeps one setting and charts what the CLI prints', async () => {
    const { page } = app;
    // The CLI's answer, computed while the page runs the same sweep.
    const fromCli = cli([
      'sweep',
      'scenarios/baseline.json',
      '--param',
      'dunning.agencyDays=30..90:30',
      ...RUN,
    ]);
    await page.fill('#sweep-param', 'dunning.agencyDays=30..90:30');
    await page.click('#run-sweep');
    await page.waitForSelector('#sweep-status:has-text("Done.")', { timeout: 90_000 });
    const label = (await page.getAttribute('#sweep-chart svg', 'aria-label'))!;
    const expected = JSON.parse(await fromCli) as SweepResult;
    for (const p of expected.points) {
      expect(label).toContain(`at ${p.values['dunning.agencyDays']} ${euro(p.mean)}`);
    }
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('draws the tornado and break-even value of the challenger, as the CLI finds them', async () => {
    const { page } = app;
    await page.click('#run-sensitivity');
    await page.waitForSelector('#sensitivity-status progress');
    // The CLI's answer, computed while the page runs the same analysis.
    const fromCli = cli(['sensitivity', 'scenarios/tcm.json', '--vs', 'scenarios/baseline.json', ...RUN]);
    await page.waitForSelector('#sensitivity-status:has-text("Done.")', { timeout: 120_000 });
    const label = (await page.getAttribute('#tornado svg', 'aria-label'))!;
    const expected = JSON.parse(await fromCli) as SensitivityResult;
    const bar = expected.bars[0]!;
    expect(label).toContain(
      `${bar.label} from ${euro(bar.low.mean)} at p10 to ${euro(bar.high.mean)} at p90`,
    );
    const breakEven = expected.breakEvens![0]!;
    const row = await page.textContent('#break-evens tbody tr');
    expect(row).toContain(
      breakEven.value === null ? 'does not flip within its range' : breakEven.value.toPrecision(3),
    );
    // Both charts and the break-even table on screen: nothing serious for axe-core.
    expect(await violations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  }, 180_000);

  it('cancels a running tornado and keeps the previous one on screen', async () => {
    const { page } = app;
    await page.click('#run-sensitivity');
    await page.click('#cancel-sensitivity');
    await page.waitForSelector('#sensitivity-status:has-text("Cancelled")');
    expect(await page.locator('#tornado svg').count()).toBe(1);
    expect(await page.isEnabled('#run-sensitivity')).toBe(true);
  }, 60_000);
});
