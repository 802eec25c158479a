import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli } from '../cli/run-cli.ts';
import { serveStatic } from './static-server.ts';

/**
 * Drives the built workbench in Debian's Chromium (never a downloaded browser): builds the static
 * site into a temporary folder, serves it on 127.0.0.1 as a static host would, and opens it.
 */

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const run = promisify(execFile);

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Why a browser test is skipped here, and how to run it: printed, so a skip is never silent. */
export function skipReason(what: string): string {
  return `skipping ${what}: ${CHROMIUM} is not installed (on Debian or Ubuntu: apt-get install chromium)`;
}

/** Builds the workbench (`vite build`) into a fresh temporary folder and returns it. */
export async function buildWorkbench(): Promise<{ dir: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'cyclecast-web-'));
  await run(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      dir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Workbench {
  readonly browser: Browser;
  readonly page: Page;
  readonly origin: string;
  /** Errors the page threw or logged, for assertions and diagnosis. */
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * Serves `dir`, launches Chromium and opens the workbench (`path`, e.g. `/?chunk=1`) at 1280 × 900 (a
 * laptop). Given a `browser` already open, opens it in a fresh context of that one instead (its own
 * storage, as a browser that never ran the workbench has), and closing leaves the browser open.
 */
export async function openWorkbench(
  dir: string,
  viewport = { width: 1280, height: 900 },
  path = '/',
  browser?: Browser,
): Promise<Workbench> {
  const server = await serveStatic(dir);
  const owned = browser
    ? undefined
    : await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await (browser ?? owned!).newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.origin}${path}`);
  await page.waitForSelector('#run');
  return {
    browser: browser ?? owned!,
    page,
    origin: server.origin,
    errors,
    close: async () => {
      await (owned ?? context).close();
      await server.close();
    },
  };
}

/** Runs the CLI (in this process) and returns its standard output; throws with its messages if it fails. */
export async function cli(args: readonly string[]): Promise<string> {
  const { status, stdout, stderr } = await runCli(args);
  if (status !== 0) throw new Error(`cyclecast ${args.join(' ')} exited ${status}: ${stderr}`);
  return stdout;
}

/** Sets up a run in the workbench's run panel. */
export async function setUpRun(
  page: Page,
  options: {
    baseline: string;
    challengers: readonly string[];
    iterations: number;
    seed: number;
    horizonMonths?: number;
  },
): Promise<void> {
  await page.selectOption('#baseline', options.baseline);
  for (let i = 1; i <= 3; i++) {
    await page.selectOption(`#challenger-${i}`, options.challengers[i - 1] ?? '');
  }
  await page.fill('#setting-iterations', String(options.iterations));
  await page.fill('#setting-seed', String(options.seed));
  if (options.horizonMonths !== undefined)
    await page.fill('#setting-horizonMonths', String(options.horizonMonths));
}

/** Presses Run and waits until the run is over (done, failed or cancelled); returns the status. */
export async function runAndWait(page: Page, timeout = 90_000): Promise<string> {
  await page.click('#run');
  const status = await page.waitForSelector(
    '#run-status:is([data-status="done"], [data-status="failed"], [data-status="cancelled"])',
    { timeout },
  );
  return (await status.getAttribute('data-status')) ?? '';
}

/** Text of every element matching `selector` anywhere in the page, shadow roots included. */
export async function deepTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents();
}

/** Every KPI cell of the results table: `kpi|scenario|field` → text. */
export async function kpiCells(page: Page): Promise<Map<string, string>> {
  const cells = await page.evaluate(() => {
    const found: [string, string][] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const cell of root.querySelectorAll<HTMLElement>('td[data-kpi]')) {
        for (const field of cell.querySelectorAll<HTMLElement>('[data-field]')) {
          found.push([
            `${cell.dataset.kpi}|${cell.dataset.scenario}|${field.dataset.field}`,
            field.textContent ?? '',
          ]);
        }
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return found;
  });
  return new Map(cells.map(([k, v]) => [k, v.trim()]));
}

/** Waits until every chart of the results view drew its SVG (charts draw in a task after the numbers). */
export async function chartsDrawn(page: Page, count: number): Promise<void> {
  await page.waitForFunction((count) => {
    let drawn = 0;
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'CC-CHART-CARD' && el.shadowRoot!.querySelector('.plots svg')) drawn++;
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return drawn === count;
  }, count);
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Serious and critical axe-core violations on the page as it is now: `rule: target` lines. Every rule
 * that can report one runs: axe gives each violation its rule's declared impact, so the rules declared
 * minor or moderate (a fifth of axe's time on the results view) are switched off, and a rule without a
 * declared impact still runs.
 */
export async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: { target: unknown[] }[] };
    type Axe = {
      run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }>;
      _audit?: { rules?: { id: string; impact?: string | null }[] };
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const rules = axe._audit?.rules;
    if (!Array.isArray(rules)) throw new Error('axe-core no longer lists its rules in axe._audit.rules');
    const off = rules
      .filter((r) => r.impact === 'minor' || r.impact === 'moderate')
      .map((r) => [r.id, { enabled: false }]);
    const result = await axe.run(document, { resultTypes: ['violations'], rules: Object.fromEntries(off) });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
  return found;
}
