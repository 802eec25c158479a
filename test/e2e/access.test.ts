import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHARTS } from '../../web/charts/index.ts';
import {
  chartsDrawn,
  hasChromium,
  openWorkbench,
  runAndWait,
  setUpRun,
  skipReason,
  violations,
  type Workbench,
} from './harness.ts';

/*
 * Layout and access in Debian's Chromium: axe-core finds no serious or critical violation on any
 * view at 1440 and 1024 px, the workbench works at 1024 (Run, Cancel and every column of a
 * three-challenger comparison reachable) and its results read at 390.
 */

const chromium = hasChromium();
if (!chromium) console.warn(skipReason('the access end-to-end tests'));

/** Whether an element lies within the viewport's width once scrolled into view. */
async function reachable(page: Page, selector: string): Promise<boolean> {
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  const width = page.viewportSize()!.width;
  return !!box && box.x >= 0 && box.x + box.width <= width + 0.5;
}

describe.skipIf(!chromium)('layout and access in Chromium', () => {
  // Built once for the lane (test/setup/build-workbench.ts).
  const dir = inject('workbenchDir');
  let app: Workbench;

  beforeAll(async () => {
    app = await openWorkbench(dir, { width: 1440, height: 900 });
    await setUpRun(app.page, {
      baseline: 'scenarios/baseline.json',
      challengers: ['scenarios/tcm.json', 'scenarios/speed-to-lead.json', 'scenarios/all-in.json'],
      iterations: 2,
      seed: 2,
      // A year rather than the scenarios' ten: every chart, column and verdict is on screen all the same.
      horizonMonths: 12,
    });
    expect(await runAndWait(app.page)).toBe('done');
    await chartsDrawn(app.page, CHARTS.length);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  for (const width of [1440, 1024]) {
    it(`has no serious or critical axe-core violation at ${width} px, on the results and the editor`, async () => {
      const { page } = app;
      await page.setViewportSize({ width, height: 900 });
      await page.click('#view-results');
      await chartsDrawn(page, CHARTS.length);
      expect(await violations(page)).toEqual([]);
      await page.click('#view-edit');
      await page.selectOption('#new-base', 'scenarios/tcm.json');
      await page.fill('#new-name', `access-${width}`);
      await page.click('form.new button[type="submit"]');
      await page.waitForSelector('#draft-heading');
      expect(await violations(page)).toEqual([]);
      await page.click('#tab-rules');
      expect(await violations(page)).toEqual([]);
      await page.click('#view-results');
    }, 120_000);
  }

  it('finds the serious and critical violations axe-core knows of, and only those', async () => {
    // The check above can fail: an unnamed button (critical) and grey on white (serious) are reported, a
    // page without a main landmark (moderate) is not.
    const page = await app.page.context().newPage();
    try {
      await page.setContent(
        '<!doctype html><html lang="en"><title>t</title><button></button><p style="color:#bbb">faint</p></html>',
      );
      const found = await violations(page);
      expect(found.map((v) => v.split(':')[0]).sort()).toEqual(['button-name', 'color-contrast']);
    } finally {
      await page.close();
    }
  });

  it('works at 1024 px: Run, Cancel and every column of the table reachable, no page-wide scrolling', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.click('#view-results');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    expect(await reachable(page, '#run')).toBe(true);
    expect(await reachable(page, '#cancel')).toBe(true);
    for (const scenario of [1, 2, 3]) {
      for (const field of ['mean', 'delta', 'p-better']) {
        const cell = `td[data-kpi="profit.npv"][data-scenario="${scenario}"] [data-field="${field}"]`;
        expect(await reachable(page, cell), `${scenario} ${field}`).toBe(true);
      }
    }
  }, 60_000);

  it('reads at 390 px: the verdict, tiles and charts fit the width', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click('#view-results');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await reachable(page, '#verdict')).toBe(true);
    expect(await reachable(page, '.tile')).toBe(true);
    expect(await reachable(page, 'td[data-kpi="profit.npv"][data-scenario="1"] [data-field="delta"]')).toBe(
      true,
    );
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 60_000);

  it('prints the results alone: no run form, tabs or export buttons', async () => {
    const { page } = app;
    await page.click('#view-results');
    await page.emulateMedia({ media: 'print' });
    try {
      for (const hidden of ['#run', '.views', '#export-json', '#export-kpi-csv']) {
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      }
      for (const shown of ['#verdict', '.tile', 'cc-kpi-table', 'cc-chart-card']) {
        expect(await page.locator(shown).first().isVisible(), shown).toBe(true);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  }, 60_000);

  it('compares two challengers with each other on request, leaving the picked scenarios as they are', async () => {
    const { page } = app;
    await page.selectOption('#pair-challenger', 'scenarios/all-in.json');
    await page.selectOption('#pair-baseline', 'scenarios/tcm.json');
    await page.click('#pair-run');
    // The status is already "done" from the last run: wait for the new result itself.
    await page
      .locator('#results-heading', { hasText: /^\s*Trade cycle management vs All in/ })
      .waitFor({ timeout: 90_000 });
    await page.waitForSelector('#run-status[data-status="done"]');
    expect(await page.textContent('#verdict .verdict[data-challenger="all-in"]')).toMatch(
      /All in: trade cycle management, speed to lead and segmented dunning (beats|falls short of|changes|cannot be told apart from|leaves) Trade cycle management /,
    );
    expect(await page.locator('#baseline').inputValue()).toBe('scenarios/baseline.json');
    expect(await page.locator('#challenger-3').inputValue()).toBe('scenarios/all-in.json');
  }, 120_000);
});
