import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatValue } from '../../engine/report/number.ts';
import type { MonteCarloResult } from '../../engine/result/run.ts';
import { encodeWorkspace } from '../../web/lib/share.ts';
import { emptyWorkspace, type Draft, type Workspace } from '../../web/lib/workspace.ts';
import {
  hasChromium,
  kpiCells,
  openWorkbench,
  runAndWait,
  setUpRun,
  skipReason,
  type Workbench,
} from './harness.ts';

/*
 * Nothing a reader did is lost, in Debian's Chromium: a share link waits beside their own work until
 * they choose (and leaving the page before choosing writes nothing over it), the last results come back
 * after a reload (IndexedDB), and an exported result file opens back into the results view.
 */

const chromium = hasChromium();
if (!chromium) console.warn(skipReason('the keep-work end-to-end tests'));

const STORAGE_KEY = 'cyclecast.workspace';

const draft = (name: string, maxContacts: number): Draft => ({
  name,
  base: 'scenarios/baseline.json',
  world: {},
  parameters: { engagement: { maxContacts } },
  ruleSets: {},
});

const workspace = (...drafts: Draft[]): Workspace => ({
  ...emptyWorkspace('scenarios/baseline.json'),
  drafts,
  challengers: ['scenarios/tcm.json'],
});

async function kept(page: Page): Promise<Workspace | null> {
  const text = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  return text === null ? null : (JSON.parse(text) as Workspace);
}

/** A page of the workbench's origin that is not the workbench: an empty one, answered by playwright. */
const LEFT = '/left-the-workbench';

/**
 * Leaves the workbench (its pagehide writes whatever it would write) for an empty page of the same
 * origin, where its storage reads as the next visit would find it, without loading the workbench again.
 */
async function leave(page: Page, origin: string) {
  await page.goto(`${origin}${LEFT}`);
}

async function open(page: Page, url: string) {
  await page.goto('about:blank'); // leave the page: its pagehide writes whatever it would write
  await page.goto(url);
  await page.waitForSelector('#run');
}

describe.skipIf(!chromium)('keeping work in Chromium', () => {
  // Built once for the lane (test/setup/build-workbench.ts).
  const dir = inject('workbenchDir');
  let app: Workbench;

  beforeAll(async () => {
    app = await openWorkbench(dir);
    await app.page.route(`${app.origin}${LEFT}`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '' }),
    );
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('opens a share link beside the reader’s own work and lets them choose', async () => {
    const { page, origin } = app;
    const mine = workspace(draft('mine', 5));
    await page.evaluate(({ key, ws }) => localStorage.setItem(key, ws), {
      key: STORAGE_KEY,
      ws: JSON.stringify(mine),
    });
    const link = `${origin}/#w=${await encodeWorkspace(workspace(draft('theirs', 2), draft('mine', 1)))}`;

    await open(page, link);
    expect(await page.textContent('#incoming-heading')).toContain('2 edited scenarios and 0 opened files');
    expect(await page.textContent('#view-edit')).toContain('Edit scenarios (1)');
    // Leaving before choosing keeps the reader's work as it was.
    await open(page, `${origin}/`);
    expect(await kept(page)).toEqual(mine);
    expect(await page.locator('#incoming').count()).toBe(0);

    await open(page, link);
    await page.click('#incoming-discard');
    expect(await page.locator('#incoming').count()).toBe(0);
    expect(await page.textContent('#view-edit')).toContain('Edit scenarios (1)');
    await leave(page, origin);
    expect(await kept(page)).toEqual(mine);

    await open(page, link);
    await page.click('#incoming-both');
    expect(await page.textContent('#view-edit')).toContain('Edit scenarios (3)');
    await open(page, `${origin}/`);
    expect(
      (await kept(page))!.drafts.map((d) => `${d.name}:${d.parameters.engagement!.maxContacts}`),
    ).toEqual(['mine:5', 'theirs:2', 'mine-shared:1']);
    await page.click('#view-edit');
    expect(await page.textContent('#view-edit')).toContain('Edit scenarios (3)');

    await open(page, link);
    await page.click('#incoming-replace');
    await leave(page, origin);
    expect((await kept(page))!.drafts.map((d) => d.name)).toEqual(['theirs', 'mine']);
    const replaced = await page.evaluate((key) => localStorage.getItem(`${key}.replaced`), STORAGE_KEY);
    expect(JSON.parse(replaced!).drafts).toHaveLength(3);
    await page.evaluate(() => localStorage.clear());
  }, 60_000);

  it('shows the last results again after a reload, and opens an exported result with its manifest', async () => {
    const { page, origin } = app;
    await open(page, `${origin}/`);
    await setUpRun(page, {
      baseline: 'scenarios/baseline.json',
      challengers: ['scenarios/tcm.json'],
      iterations: 2,
      seed: 5,
      // A year rather than the scenarios' ten: what is kept and reopened does not depend on it.
      horizonMonths: 12,
    });
    expect(await runAndWait(page)).toBe('done');
    const heading = await page.textContent('#results-heading');
    const cells = await kpiCells(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const file = readFileSync(await download.path());
    const result = JSON.parse(file.toString('utf8')) as MonteCarloResult;

    await page.reload();
    await page.waitForSelector('#results-heading');
    expect(await page.textContent('#results-heading')).toBe(heading);
    expect(await kpiCells(page)).toEqual(cells);

    // A browser that never ran it (a fresh context: storage of its own): the exported file opens into
    // the results view.
    const other = await openWorkbench(dir, undefined, undefined, app.browser);
    try {
      expect(await other.page.locator('#results-heading').count()).toBe(0);
      await other.page.setInputFiles('#open-files', [
        { name: 'result.json', mimeType: 'application/json', buffer: file },
      ]);
      await other.page.waitForSelector('#results-heading');
      expect(await other.page.textContent('#results-heading')).toBe(heading);
      const opened = await kpiCells(other.page);
      for (const [s, scenario] of result.scenarios.entries()) {
        for (const k of scenario.summary.kpis) {
          expect(opened.get(`${k.id}|${s}|mean`), k.id).toBe(formatValue(k.mean, k.unit));
        }
      }
      expect(opened).toEqual(cells);
      const manifest = (await other.page.textContent('#manifest')) ?? '';
      expect(manifest).toContain(result.manifest.runHash);
      expect(manifest).toContain(result.manifest.scenarios[1]!.hash);
      expect(await other.page.textContent('#run-message .box')).toContain('Opened the result in result.json');
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
    expect(app.errors).toEqual([]);
  }, 120_000);
});
