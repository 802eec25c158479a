import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDelta, formatQuantileRange, formatValue } from '../../engine/report/number.ts';
import { renderResult } from '../../engine/report/render.ts';
import { breakdownTables } from '../../engine/report/breakdowns.ts';
import { comparisonTable } from '../../engine/report/tables.ts';
import { verdicts } from '../../engine/report/verdict.ts';
import type { MonteCarloResult } from '../../engine/result/run.ts';
import { CHARTS } from '../../web/charts/index.ts';
import { tempDir } from '../temp-dir.ts';
import {
  chartsDrawn,
  cli,
  hasChromium,
  kpiCells,
  openWorkbench,
  runAndWait,
  setUpRun,
  skipReason,
  type Workbench,
} from './harness.ts';

/*
 * The workbench end to end, in Debian's Chromium driven by playwright-core: the built static site,
 * served from 127.0.0.1, compares two shipped scenarios and must show the CLI's numbers, draw every
 * chart, keep its results when a run cannot start, and stop when cancelled.
 */

const chromium = hasChromium();
if (!chromium) console.warn(skipReason('the workbench end-to-end tests'));

/**
 * Two years rather than the scenarios' ten: every KPI defined (none is empty even after one), retention
 * clearly better for tcm, and charts over more than a year.
 */
const RUN = {
  baseline: 'scenarios/baseline.json',
  challengers: ['scenarios/tcm.json'],
  iterations: 4,
  seed: 3,
  horizonMonths: 24,
};

const scratch = tempDir('e2e-workbench');
const shard = join(scratch, 'compare.shard.json');

/** `cyclecast compare` of RUN, simulated once: the whole run as its one shard (`--shard 0/1`). */
const simulateInCli = () =>
  cli([
    'compare',
    RUN.baseline,
    ...RUN.challengers,
    '--iterations',
    String(RUN.iterations),
    '--seed',
    String(RUN.seed),
    '--horizon',
    String(RUN.horizonMonths),
    '--workers',
    '1',
    '--shard',
    '0/1',
    '--out',
    shard,
  ]);

/**
 * `cyclecast compare` of RUN in one of its formats, as `cyclecast merge` writes it from the one shard:
 * what compare itself writes, byte for byte (test/cli/shard.test.ts), without simulating it again.
 */
const compareInCli = (format: string, more: readonly string[] = []) =>
  cli(['merge', shard, '--format', format, ...more]);

describe.skipIf(!chromium)('workbench in Chromium', () => {
  // Built once for the lane (test/setup/build-workbench.ts).
  const dir = inject('workbenchDir');
  let app: Workbench;
  /** The CLI's answer for the same inputs (its JSON), computed while the page runs them. */
  let reference: Promise<string>;

  beforeAll(async () => {
    reference = simulateInCli().then(() => compareInCli('json'));
    // Awaited by the first test; a failure here fails it, not the file's teardown.
    reference.catch(() => {});
    app = await openWorkbench(dir);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('compares two shipped scenarios with the CLI’s numbers, every chart drawn and the CLI’s JSON', async () => {
    const { page } = app;
    await setUpRun(page, RUN);
    expect(await runAndWait(page)).toBe('done');

    const expected = await reference;
    const result = JSON.parse(expected) as MonteCarloResult;
    const cells = await kpiCells(page);
    for (const [s, scenario] of result.scenarios.entries()) {
      for (const k of scenario.summary.kpis) {
        expect(cells.get(`${k.id}|${s}|mean`), `${scenario.name} ${k.id}`).toBe(formatValue(k.mean, k.unit));
        expect(cells.get(`${k.id}|${s}|forecast`), `forecast ${scenario.name} ${k.id}`).toBe(
          formatQuantileRange(k.p05, k.p95, k.unit),
        );
      }
    }
    // Deltas, their simulation error, forecast interval and P(better) as `cyclecast compare --format table` prints them.
    const table = comparisonTable(result, 0);
    for (const [kpi, , , delta, ci, forecast, pBetter] of table.rows) {
      expect(cells.get(`${kpi}|1|delta`), `delta ${kpi}`).toBe(delta);
      expect(cells.get(`${kpi}|1|delta-ci`), `CI ${kpi}`).toBe(ci);
      expect(cells.get(`${kpi}|1|delta-forecast`), `forecast ${kpi}`).toBe(forecast);
      expect(cells.get(`${kpi}|1|p-better`), `P(better) ${kpi}`).toBe(pBetter);
    }
    // The verdict above the tiles is the sentence the CLI prints, generated from the same numbers.
    const [verdict] = verdicts(result);
    const shown = await page.textContent(`#verdict .verdict[data-challenger="${verdict!.challenger}"]`);
    expect(shown!.replace(/\s+/g, ' ')).toContain(verdict!.text);
    expect(await compareInCli('table')).toContain(verdict!.text);

    // The breakdowns are the CLI's tables, with each group's paired change, its interval and P(better).
    const [byCycle] = breakdownTables(result);
    expect(byCycle!.header.slice(-2)).toEqual(['Δ 95% CI', 'P(better)']);
    const shownRows = await page.locator('#breakdowns details').first().locator('tbody tr').allTextContents();
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    expect(shownRows.map(squeeze)).toEqual(byCycle!.rows.map((r) => squeeze(r.join(''))));
    // A run of 4 iterations is flagged next to its intervals.
    expect(await page.textContent('#few-iterations')).toContain('only 4 iterations');

    // A favourable change is green, and an unchanged KPI is neutral.
    const retention = result.comparisons[0]!.summary.kpis.find((k) => k.id === 'retention.rate')!;
    const leads = result.comparisons[0]!.summary.kpis.find((k) => k.id === 'leads.count')!;
    expect(retention.ci95![0]).toBeGreaterThan(0);
    expect(
      await page.getAttribute('td.delta[data-kpi="retention.rate"][data-scenario="1"]', 'data-tone'),
    ).toBe('favourable');
    expect(leads.allZero).toBe(true);
    expect(await page.getAttribute('td.delta[data-kpi="leads.count"][data-scenario="1"]', 'data-tone')).toBe(
      'neutral',
    );

    // Every chart drew at least one SVG (charts draw in a task after the numbers paint).
    await chartsDrawn(page, CHARTS.length);
    const drawn = await page.evaluate(() => {
      const counts: Record<string, number> = {};
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.tagName === 'CC-CHART-CARD') {
            const figure = el.shadowRoot!.querySelector('figure')!;
            counts[figure.dataset.chart!] = el.shadowRoot!.querySelectorAll('.plots svg').length;
          }
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return counts;
    });
    expect(Object.keys(drawn).sort()).toEqual(CHARTS.map((c) => c.id).sort());
    for (const [chart, svgs] of Object.entries(drawn)) expect(svgs, chart).toBeGreaterThan(0);
    // The breakdowns' small multiples: one named panel per dimension, a dot per group.
    const panels = page.locator('figure[data-chart="breakdowns"] .plots svg');
    expect(await panels.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-label')))).toEqual(
      ['cycle', 'customer segment', 'credit tier', 'region', 'dealer'].map(
        (d) => `Profit by cycle, segment, credit tier, region and dealer: By ${d}`,
      ),
    );
    const dealers = result.comparisons[0]!.summary.breakdowns!.find((b) => b.dimension === 'dealer')!;
    expect(await panels.nth(4).locator('circle').count()).toBe(dealers.groups.length);

    // Charts export as SVG and PNG, the table as the CLI's CSV.
    const save = async (selector: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    const svg = await save('figure[data-chart="profit-bridge"] .exports button:text("SVG")');
    expect(svg.name).toBe('cyclecast-profit-bridge-baseline-vs-tcm.svg');
    expect(svg.bytes.toString('utf8')).toMatch(/^<\?xml[^]*<svg[^]*Profit bridge[^]*<\/svg>$/);
    const png = await save('figure[data-chart="lead-funnel"] .exports button:text("PNG")');
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.length).toBeGreaterThan(10_000);
    const csv = await save('#export-kpi-csv');
    expect(csv.bytes.toString('utf8')).toBe(renderResult(result, 'csv'));

    // The Excel workbook holds the cells of `--format xlsx` (the files differ only in their timestamps).
    const xlsx = await save('#export-xlsx');
    expect(xlsx.name).toBe('cyclecast-baseline-vs-tcm.xlsx');
    const out = join(scratch, 'cli.xlsx');
    await compareInCli('xlsx', ['--out', out]);
    const cellsOf = async (file: Buffer | string) => {
      const workbook = new ExcelJS.Workbook();
      if (typeof file === 'string') await workbook.xlsx.readFile(file);
      else await workbook.xlsx.load(file as unknown as ArrayBuffer);
      return workbook.worksheets.map((w) => ({
        name: w.name,
        rows: w.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : row)),
      }));
    };
    const fromBrowser = await cellsOf(xlsx.bytes);
    expect(fromBrowser.map((w) => w.name)).toEqual(['KPIs', 'Breakdowns', 'Series', 'Run']);
    expect(fromBrowser).toEqual(await cellsOf(out));

    // The full result downloads as the CLI's JSON, byte for byte: the same manifest (hashes of the same
    // inputs) and every number to the last bit. The engine computes exp, log, pow, cos and tan with
    // engine/math rather than Math.*, which Chromium computes differently from Node 20 on some inputs.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    expect(readFileSync(await download.path(), 'utf8')).toBe(expected);

    // The report: one self-contained file with every section, its numbers the CLI's.
    const report = (await save('#export-report')).bytes.toString('utf8');
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
      expect(report, id).toContain(`<section id="${id}">`);
    }
    expect(report.replace(/&quot;/g, '"')).toContain(verdict!.text.replace(/&/g, '&amp;'));
    for (const k of result.comparisons[0]!.summary.kpis) {
      expect(report, k.id).toContain(
        `data-kpi="${k.id}" data-challenger="1">${formatDelta(k.meanDelta, k.unit)}`,
      );
    }
    expect(report).toContain(result.manifest.runHash);
    expect(report).toContain('Trade cycle management'); // tcm's description, from the scenario
    expect(report.match(/(?:src|href)=["']?https?:/g)).toBeNull(); // nothing fetched
    expect(svg.bytes.toString('utf8')).toContain(`seed ${RUN.seed} · ${RUN.iterations} iterations`);
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('shows an invalid rule file’s problem at its line and keeps the previous results', async () => {
    const { page } = app;
    const before = await kpiCells(page);
    const heading = await page.textContent('#results-heading');
    // A scenario opened with its rule set; the rule set names a fact that does not exist, on line 10.
    const scenario = JSON.stringify({
      name: 'broken-engagement',
      extends: '../scenarios/baseline.json',
      policies: { engagement: './broken-engagement-rules.json' },
    });
    const broken = JSON.stringify(
      {
        kind: 'engagement',
        name: 'broken',
        description: 'calls on a fact that does not exist',
        hitPolicy: 'first',
        rules: [
          {
            name: 'call-everyone',
            conditions: {
              all: [{ fact: 'monthsToEndd', operator: 'lessThan', value: 6 }],
            },
            event: { type: 'contact', params: { channel: 'phone' } },
          },
        ],
      },
      null,
      2,
    );
    const line = broken.split('\n').findIndex((l) => l.includes('monthsToEndd')) + 1;
    await page.setInputFiles('#open-files', [
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(scenario) },
      { name: 'broken-engagement-rules.json', mimeType: 'application/json', buffer: Buffer.from(broken) },
    ]);
    const notice = page.locator('#workspace-message .box');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(`uploads/broken-engagement-rules.json:${line}:`);
    expect(text).toContain('monthsToEndd');
    expect(text).toContain('monthsToEnd'); // the hint names the closest known fact

    // Running it anyway: a clear message, and the previous results stay on screen.
    await page.selectOption('#challenger-2', 'uploads/broken.json');
    expect(await runAndWait(page)).toBe('failed');
    const message = (await page.locator('#run-message .box').textContent()) ?? '';
    expect(message).toContain('Cannot run: uploads/broken.json is not valid');
    expect(message).toContain(`uploads/broken-engagement-rules.json:${line}:`);
    expect(await page.textContent('#results-heading')).toBe(heading);
    expect(await kpiCells(page)).toEqual(before);
    await page.selectOption('#challenger-2', '');
  }, 60_000);

  it('cancels a run at once and stops', async () => {
    const { page } = app;
    // Far more than a test waits for: 400 iterations of two years.
    await setUpRun(page, { ...RUN, iterations: 400 });
    await page.click('#run');
    await page.waitForSelector('#run-status[data-status="running"]');
    // Both workers are inside a chunk by then: they take the next one as soon as one is done.
    await page.waitForTimeout(500);
    const workers = page.workers();
    expect(workers.length).toBeGreaterThan(0);
    const started = Date.now();
    const closedAfter: number[] = [];
    for (const worker of workers) worker.once('close', () => closedAfter.push(Date.now() - started));
    await page.click('#cancel');
    await page.waitForSelector('#run-status[data-status="cancelled"]', { timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    const progressValue = () => page.locator('#progress').evaluate((el) => (el as HTMLProgressElement).value);
    const progress = await progressValue();
    const status = await page.textContent('#run-status');
    await page.waitForTimeout(2_500);
    // Nothing moves after a cancel: the workers were stopped, not left to finish their chunks. They stop
    // mid-chunk (0.2-0.6 s measured at a load average of 7): Chromium lets a worker that never yields
    // simulate on for two seconds after terminate(), its core busy for nothing.
    expect(closedAfter, 'ms from Cancel until each worker closed').toHaveLength(workers.length);
    expect(Math.max(...closedAfter), `workers closed ${closedAfter.join(', ')} ms after Cancel`).toBeLessThan(
      1_500,
    );
    expect(await progressValue()).toBe(progress);
    expect(await page.textContent('#run-status')).toBe(status);
    expect(await page.isEnabled('#run')).toBe(true);
    expect(await page.locator('#run-message .box').textContent()).toContain('Run cancelled');
  }, 60_000);

  it('edits an assumption as a distribution, refusing one the file would refuse, and keeps it across a reload', async () => {
    const { page } = app;
    await page.click('#view-edit');
    await page.selectOption('#new-base', 'scenarios/baseline.json');
    await page.fill('#new-name', 'uncertain-funding');
    await page.click('form.new button[type="submit"]');
    const id = '#assumption-economics-fundingRate';
    await page.selectOption(`${id}-kind`, 'triangular');
    // Starts around the value shown (4% per year), in the same unit.
    expect(
      await Promise.all(['min', 'mode', 'max'].map((k) => page.locator(`${id}-${k}`).inputValue())),
    ).toEqual(['3.6', '4', '4.4']);
    await page.fill(`${id}-mode`, '5');
    await page.locator(`${id}-mode`).press('Tab');
    expect(await page.textContent(`${id}-note`)).toContain(
      'invalid world.economics.fundingRate: mode 0.05 is outside [min, max] = [0.036, 0.044]',
    );
    expect(await page.getAttribute(`${id}-mode`, 'aria-invalid')).toBe('true');
    await page.fill(`${id}-max`, '6');
    await page.locator(`${id}-max`).press('Tab');
    const note = (await page.textContent(`${id}-note`))!.replace(/\s+/g, ' ');
    expect(note).toContain('mean 4.867% per year');
    const change = 'world.economics.fundingRate = {"dist":"triangular","min":0.036,"mode":0.05,"max":0.06}';
    await page.locator('.changes code', { hasText: change }).waitFor({ state: 'attached' });
    await page.locator('.valid', { hasText: 'Valid scenario' }).waitFor();

    await page.waitForTimeout(600); // the store writes after a short pause
    await page.reload();
    await page.waitForSelector('#run');
    await page.click('#view-edit');
    expect(await page.textContent('#draft-heading')).toBe('uncertain-funding');
    expect(await page.locator(`${id}-kind`).inputValue()).toBe('triangular');
    expect(await page.locator(`${id}-mode`).inputValue()).toBe('5');
    // Back to a fixed value: the distribution's mean.
    await page.selectOption(`${id}-kind`, 'fixed');
    expect(await page.locator(id).inputValue()).toBe('4.866666667');
    // Leave the workspace as it was for the next test.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('button.danger:text("Delete")');
    await page.waitForSelector('#draft-heading', { state: 'detached' });
  }, 60_000);

  it('edits a scenario with live validation at the right line, and keeps the work across a reload', async () => {
    const { page } = app;
    await page.click('#view-edit');
    await page.selectOption('#new-base', 'scenarios/tcm.json');
    await page.fill('#new-name', 'tcm-dearer-funding');
    await page.click('form.new button[type="submit"]');
    await page.fill('#assumption-economics-fundingRate', '5.5');
    await page.locator('#assumption-economics-fundingRate').press('Tab');
    await page.fill('#assumption-renewal-baseProbability-cycle1', '140');
    await page.locator('#assumption-renewal-baseProbability-cycle1').press('Tab');
    expect(await page.textContent('#assumption-renewal-baseProbability-cycle1-note')).toContain(
      'expected at most 100 %',
    );

    await page.click('#tab-rules');
    const editor = page.locator('#rule-text');
    const text = await editor.inputValue();
    const edited = text.replace('"monthsToEnd"', '"monthsToEndd"');
    const line = edited.split('\n').findIndex((l) => l.includes('monthsToEndd')) + 1;
    await editor.fill(edited);
    const problem = page.locator('.problem .where').first();
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(new RegExp(`^Line ${line}, column \\d+$`));
    expect(await page.textContent('#rule-status')).toContain('1 problem to fix');

    // Every control has a name a screen reader can say.
    const unnamed = await page.evaluate(() => {
      const missing: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll<HTMLElement>('input, select, textarea, button')) {
          const input = el as HTMLInputElement;
          const named =
            (input.labels && input.labels.length > 0) ||
            el.getAttribute('aria-label') ||
            el.getAttribute('aria-labelledby') ||
            (el.tagName === 'BUTTON' && (el.textContent ?? '').trim() !== '') ||
            input.type === 'hidden';
          if (!named) missing.push(el.outerHTML.slice(0, 80));
        }
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
      };
      walk(document);
      return missing;
    });
    expect(unnamed).toEqual([]);

    await page.waitForTimeout(600); // the editor and the store write after a short pause
    await page.reload();
    await page.waitForSelector('#run');
    await page.click('#view-edit');
    expect(await page.textContent('#draft-heading')).toBe('tcm-dearer-funding');
    expect(await page.locator('#assumption-economics-fundingRate').inputValue()).toBe('5.5');
    await page.click('#tab-rules');
    expect(await page.locator('#rule-text').inputValue()).toBe(edited);
  }, 60_000);
});
