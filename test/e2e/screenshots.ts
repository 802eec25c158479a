/**
 * Takes the README's screenshots of the workbench (docs/screenshots/*.png) in Debian's Chromium at a
 * 1280-px laptop width: `npx tsx test/e2e/screenshots.ts [iterations]` (default 40).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, buildWorkbench, hasChromium, openWorkbench, setUpRun } from './harness.ts';

const OUT = join(ROOT, 'docs/screenshots');

async function shoot(page: Page, selector: string, name: string) {
  await page
    .locator(selector)
    .first()
    .screenshot({ path: join(OUT, `${name}.png`) });
  process.stderr.write(`docs/screenshots/${name}.png\n`);
}

async function main() {
  if (!hasChromium()) throw new Error('screenshots need /usr/bin/chromium (apt-get install chromium)');
  const iterations = Number(process.argv[2] ?? 40);
  mkdirSync(OUT, { recursive: true });
  const built = await buildWorkbench();
  const app = await openWorkbench(built.dir, { width: 1280, height: 860 });
  const { page } = app;
  try {
    await setUpRun(page, {
      baseline: 'scenarios/baseline.json',
      challengers: ['scenarios/tcm.json', 'scenarios/speed-to-lead.json', 'scenarios/all-in.json'],
      iterations,
      seed: 1,
    });
    // A run in progress: partial results and the progress bar.
    await page.click('#run');
    await page.waitForSelector('#partial-badge', { timeout: 120_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'run-in-progress.png') });
    process.stderr.write('docs/screenshots/run-in-progress.png\n');
    await page.waitForSelector('#run-status[data-status="done"]', { timeout: 600_000 });
    await page.waitForTimeout(800);
    await page.locator('#results-heading').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -16));
    await page.screenshot({ path: join(OUT, 'results-overview.png') });
    process.stderr.write('docs/screenshots/results-overview.png\n');
    await shoot(page, '#verdict', 'verdict');
    await shoot(page, 'cc-kpi-table', 'kpi-table');
    // The report the Report button downloads, as a reader opens it.
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#export-report')]);
    const reader = await page.context().newPage();
    await reader.setViewportSize({ width: 1100, height: 1400 });
    // The download has no extension on disk: given as a page's content, it renders as HTML.
    await reader.setContent(readFileSync(await report.path(), 'utf8'));
    await reader.screenshot({ path: join(OUT, 'report.png') });
    process.stderr.write('docs/screenshots/report.png\n');
    await reader.close();
    for (const chart of [
      'active-contracts',
      'profit-bridge',
      'lead-funnel',
      'npv-delta-distribution',
      'rolling-retention',
      'breakdowns',
    ]) {
      await shoot(page, `figure[data-chart="${chart}"]`, `chart-${chart}`);
    }

    // An invalid rule file opened with its scenario: the problem at its line, the results kept.
    await page.setInputFiles('#open-files', [
      {
        name: 'faster-follow-up.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            name: 'faster-follow-up',
            extends: '../scenarios/tcm.json',
            policies: { leads: './fast-leads.json' },
          }),
        ),
      },
      {
        name: 'fast-leads.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify(
            {
              kind: 'leads',
              name: 'fast-leads',
              description: 'route every lead to the BDC within a minute',
              hitPolicy: 'first',
              rules: [
                {
                  name: 'bdc-for-all',
                  conditions: { all: [{ fact: 'leadScor', operator: 'greaterThan', value: 0.2 }] },
                  event: { type: 'route', params: { handler: 'bdc', responseMinutes: 1, maxAttempts: 3 } },
                },
              ],
            },
            null,
            2,
          ),
        ),
      },
    ]);
    await page.locator('#workspace-message .box').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, 'invalid-rule-file.png') });
    process.stderr.write('docs/screenshots/invalid-rule-file.png\n');

    // The Edit view: a new scenario from tcm with two assumptions changed, then a rule-set error.
    await page.click('#view-edit');
    await page.selectOption('#new-base', 'scenarios/tcm.json');
    await page.fill('#new-name', 'tcm-dearer-funding');
    await page.click('form.new button[type="submit"]');
    await page.fill('#assumption-economics-fundingRate', '5');
    await page.locator('#assumption-economics-fundingRate').press('Tab');
    await page.fill('#assumption-market-marketShift', '-5');
    await page.locator('#assumption-market-marketShift').press('Tab');
    // One assumption as a distribution: its type and parameters, drawn once per iteration.
    await page.selectOption('#assumption-market-refurbishment-baseCost-kind', 'pert');
    await page.fill('#assumption-market-refurbishment-baseCost-max', '1600');
    await page.locator('#assumption-market-refurbishment-baseCost-max').press('Tab');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'edit-assumptions.png') });
    process.stderr.write('docs/screenshots/edit-assumptions.png\n');
    await page.click('#tab-rules');
    const editor = page.locator('#rule-text');
    const text = await editor.inputValue();
    await editor.fill(text.replace('"monthsToEnd"', '"monthsToEndd"'));
    await page.waitForTimeout(600);
    await page.locator('.problem').first().click();
    await page.screenshot({ path: join(OUT, 'edit-rule-set.png') });
    process.stderr.write('docs/screenshots/edit-rule-set.png\n');
    if (app.errors.length > 0) process.stderr.write(`page errors:\n${app.errors.join('\n')}\n`);
  } finally {
    await app.close();
    built.remove();
  }
}

await main();
