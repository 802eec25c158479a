/**
 * The workbench in headless Chromium against the CLI on the same machine (issue 5's benchmark): time
 * from pressing Run to the first partial result on screen and to the finished result, for baseline vs
 * `all-in` (tcm when all-in is not shipped) at the baseline's run settings, and the wall time of
 * `cyclecast compare` for the same inputs. Targets: first partial result under 2 s; completion within
 * 1.5 × the CLI's time.
 *
 * Run alone: `npx tsx test/bench/browser.bench.ts [--quick]`; `npm run bench` calls `run()`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { RUN_LIMITS } from '../../engine/sim/run-limits.ts';
import { ROOT, buildWorkbench, hasChromium, openWorkbench, setUpRun } from '../e2e/harness.ts';
import { loadAverage } from './machine.ts';

export interface BrowserBenchOptions {
  /** A short smoke run (20 iterations), not figures to quote. */
  readonly quick?: boolean;
  readonly progress?: (line: string) => void;
}

export interface BrowserBenchResult {
  readonly challenger: string;
  readonly iterations: number;
  readonly seed: number;
  readonly horizonMonths: number;
  /** Web Workers the page ran chunks on (navigator.hardwareConcurrency). */
  readonly workers: number;
  /**
   * From pressing Run to the first partial result on screen (chunk 0: one iteration of each scenario),
   * s: timed in the page, from the click to the animation frame that paints the "partial" badge.
   */
  readonly firstPartialSeconds: number;
  /**
   * The same as Playwright sees it from outside (waitForSelector), s: later by whatever tasks the
   * page runs before answering it — the charts draw in tasks right after the numbers paint.
   */
  readonly firstPartialObservedSeconds: number;
  /** From pressing Run to the finished result drawn, s. */
  readonly browserSeconds: number;
  /** Wall time of `cyclecast compare … --format json` (process start to exit), s. */
  readonly cliSeconds: number;
  /** browserSeconds / cliSeconds: the browser's time per iteration over Node's, on the same run. */
  readonly ratio: number;
  /** Per iteration of the run (its wall time over its iterations, start-up included), s. */
  readonly perIteration: { readonly browserSeconds: number; readonly cliSeconds: number };
  /** The first partial result's, and issue 16's "within 1.2× of Node's per iteration". */
  readonly targets: { readonly firstPartialSeconds: 2; readonly ratio: 1.2 };
  readonly loadAverage: { readonly start: number; readonly end: number };
}

const exec = promisify(execFile);

/**
 * Installed in the page before Run is pressed: from the click on #run, looks for the partial badge (or
 * a finished run) in every animation frame — the frame that paints it — and stores the seconds in
 * `window.cyclecastFirstPartialSeconds`. A string, so no bundler helper leaks into the page.
 */
const TIME_FIRST_PARTIAL = `(() => {
  const shown = (root) => {
    if (root.querySelector('#partial-badge, #run-status[data-status="done"]')) return true;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot && shown(el.shadowRoot)) return true;
    return false;
  };
  document.addEventListener('click', (event) => {
    if (event.composedPath()[0]?.id !== 'run' || window.cyclecastTiming) return;
    window.cyclecastTiming = true;
    const start = performance.now();
    const poll = () => {
      if (shown(document)) window.cyclecastFirstPartialSeconds = (performance.now() - start) / 1000;
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, true);
})()`;

export async function run(
  options: BrowserBenchOptions = {},
): Promise<BrowserBenchResult | { skipped: string }> {
  const progress = options.progress ?? (() => {});
  if (!hasChromium()) return { skipped: '/usr/bin/chromium is not installed (apt-get install chromium)' };
  const challenger = existsSync(join(ROOT, 'scenarios/all-in.json')) ? 'all-in' : 'tcm';
  const start = loadAverage();
  progress('browser: building the workbench');
  const built = await buildWorkbench();
  const app = await openWorkbench(built.dir);
  const { page } = app;
  let open = true;
  try {
    // The settings fields fill in once the baseline scenario has loaded.
    while ((await page.locator('#setting-iterations').inputValue()) === '') await page.waitForTimeout(50);
    const defaults = {
      iterations: Number(await page.locator('#setting-iterations').inputValue()),
      seed: Number(await page.locator('#setting-seed').inputValue()),
      horizonMonths: Number(await page.locator('#setting-horizonMonths').inputValue()),
    };
    const settings = options.quick ? { ...defaults, iterations: 20 } : defaults;
    await setUpRun(page, {
      baseline: 'scenarios/baseline.json',
      challengers: [`scenarios/${challenger}.json`],
      ...settings,
    });
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    progress(
      `browser: baseline vs ${challenger}, ${settings.iterations} iterations × ${settings.horizonMonths} months`,
    );
    await page.evaluate(TIME_FIRST_PARTIAL);
    const t0 = performance.now();
    await page.click('#run');
    // The first partial result is drawn with its badge; a run of one chunk goes straight to done.
    await page.waitForSelector('#partial-badge, #run-status[data-status="done"]', { timeout: 600_000 });
    const firstPartialObservedSeconds = (performance.now() - t0) / 1000;
    const firstPartialSeconds = (await page.evaluate('window.cyclecastFirstPartialSeconds')) as number;
    await page.waitForSelector('#run-status[data-status="done"]', { timeout: 1_800_000 });
    const browserSeconds = (performance.now() - t0) / 1000;
    await app.close();
    open = false;

    progress(`browser: the CLI on the same inputs`);
    const c0 = performance.now();
    await exec(
      process.execPath,
      [
        join(ROOT, 'bin/cyclecast.js'),
        'compare',
        'scenarios/baseline.json',
        `scenarios/${challenger}.json`,
        '--iterations',
        String(settings.iterations),
        '--seed',
        String(settings.seed),
        '--horizon',
        String(settings.horizonMonths),
        '--format',
        'json',
      ],
      { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
    );
    const cliSeconds = (performance.now() - c0) / 1000;
    return {
      challenger,
      ...settings,
      workers,
      firstPartialSeconds,
      firstPartialObservedSeconds,
      browserSeconds,
      cliSeconds,
      ratio: browserSeconds / cliSeconds,
      perIteration: {
        browserSeconds: browserSeconds / settings.iterations,
        cliSeconds: cliSeconds / settings.iterations,
      },
      targets: { firstPartialSeconds: 2, ratio: 1.2 },
      loadAverage: { start, end: loadAverage() },
    };
  } finally {
    if (open) await app.close();
    built.remove();
  }
}

/** The result as a Markdown table, for BENCHMARKS.md. */
export function formatBrowserBench(r: BrowserBenchResult): string {
  const s = (x: number) => `${x.toFixed(1)} s`;
  return [
    `### Workbench in headless Chromium: baseline vs ${r.challenger}, ${r.iterations} iterations × ${r.horizonMonths} months, seed ${r.seed}, ${r.workers} Web Workers`,
    '',
    '| measure | value | target |',
    '| --- | ---: | ---: |',
    `| first partial result on screen (chunk 0: one iteration; then chunks of ${RUN_LIMITS.chunkSize.default}, as the CLI) | ${s(r.firstPartialSeconds)} | < ${r.targets.firstPartialSeconds} s |`,
    `| the same, as Playwright's waitForSelector sees it (after the charts' drawing tasks) | ${s(r.firstPartialObservedSeconds)} | |`,
    `| finished in the browser | ${s(r.browserSeconds)} | |`,
    `| \`cyclecast compare\` (CLI, same inputs) | ${s(r.cliSeconds)} | |`,
    `| per iteration: browser, CLI | ${(r.perIteration.browserSeconds * 1000).toFixed(0)} ms, ${(r.perIteration.cliSeconds * 1000).toFixed(0)} ms | |`,
    `| browser / CLI (time per iteration) | ${r.ratio.toFixed(2)} × | ≤ ${r.targets.ratio} × |`,
    '',
    `1-minute load average ${r.loadAverage.start.toFixed(2)} at the start, ${r.loadAverage.end.toFixed(2)} at the end.`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run({
    quick: process.argv.includes('--quick'),
    progress: (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write('skipped' in result ? `skipped: ${result.skipped}\n` : formatBrowserBench(result));
}
