import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatValue } from '../../engine/report/number.ts';
import type { MonteCarloResult } from '../../engine/result/run.ts';
import { writeBenchTape } from '../bench/tape-generator.ts';
import { tempDir } from '../temp-dir.ts';
import {
  cli,
  hasChromium,
  kpiCells,
  openWorkbench,
  ROOT,
  runAndWait,
  setUpRun,
  skipReason,
  type Workbench,
} from './harness.ts';

/*
 * A contract tape dropped on the workbench: read and checked in the page with the engine's reader (a
 * bad row is listed at its row and column, as the CLI says it), then used as the portfolio of the run,
 * whose results say "your book" and its size and equal the CLI's on the same tape.
 */

const chromium = hasChromium();
if (!chromium) console.warn(skipReason('the contract tape end-to-end tests'));

const HEADER =
  'contract_id,customer_id,dealer_id,product,residual_risk,new_used,origination_date,maturity_date,balance,instalment,residual,status,days_past_due,arrears_amount,as_of_date';
const GOOD =
  'k1,c1,d1,operating-lease,captive,new,2024-06-15,2027-06-15,25242.41,510.14,15000,current,0,0,2025-06-30';
const BAD = 'k2,c2,d1,lease,captive,new,2024-06-15,2027-06-15,25242.41,510.14,15000,current,0,0,2025-06-30';
const RUN = {
  baseline: 'scenarios/baseline.json',
  challengers: [],
  iterations: 2,
  seed: 5,
  horizonMonths: 12,
};

describe.skipIf(!chromium)('a contract tape in the workbench', () => {
  const dir = tempDir('e2e-tape');
  // Built once for the lane (test/setup/build-workbench.ts).
  const site = inject('workbenchDir');
  let app: Workbench;
  const book = join(dir, 'book.csv');

  beforeAll(async () => {
    await writeBenchTape(book, 40);
    app = await openWorkbench(site);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('lists a bad row at its row and column, with the CLI’s message, and runs nothing on it', async () => {
    const { page } = app;
    const text = `${HEADER}\n${GOOD}\n${BAD}\n`;
    await page.setInputFiles('#tape-file', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    await page.waitForSelector('#tape-status[data-status="invalid"]');
    const problems = await page.locator('#tape-problems li').allTextContents();
    expect(problems[0]).toMatch(
      /^bad\.csv:3:4 {2}product {2}invalid product: expected one of operating-lease, finance-lease, balloon-loan, amortising-loan/,
    );
    const badFile = join(dir, 'bad.csv');
    writeFileSync(badFile, text);
    const fromCli = await cli(['tape', 'check', badFile]).catch((e: Error) => e.message);
    expect(fromCli).toContain(`${badFile}:3:4  product  ${problems[0]!.split('  product  ')[1]}`);
  });

  it('runs on a good tape: the results say "your book" and its contracts, and equal the CLI’s', async () => {
    const { page } = app;
    await page.setInputFiles('#tape-file', join(dir, 'book.csv'));
    await page.waitForSelector('#tape-status[data-status="ready"]');
    expect(await page.locator('#tape-status').textContent()).toContain('Your book: 40 contracts');
    await setUpRun(page, RUN);
    expect(await runAndWait(page)).toBe('done');
    expect(await page.locator('#your-book').textContent()).toMatch(/Your book: 40 contracts/);

    // The same tape through the CLI: common random numbers make the results identical.
    const scenario = join(dir, 'on-book.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        name: 'baseline',
        extends: relative(dir, join(ROOT, RUN.baseline)),
        portfolio: { tape: './book.csv' },
      }),
    );
    const args = [
      '--iterations',
      '2',
      '--seed',
      '5',
      '--horizon',
      '12',
      '--workers',
      '1',
      '--format',
      'json',
    ];
    const result = JSON.parse(await cli(['run', scenario, ...args])) as MonteCarloResult;
    const cells = await kpiCells(page);
    for (const k of result.scenarios[0]!.summary.kpis)
      expect(cells.get(`${k.id}|0|mean`), k.id).toBe(formatValue(k.mean, k.unit));
  });

  it('keeps no tape in the page’s storage, also when opened with the scenario files', async () => {
    const { page } = app;
    // The run panel's "open files" keeps scenario files in storage; a tape goes to "your book" instead.
    await page.locator('#tape-clear').click();
    await page.waitForSelector('#tape-status[data-status="none"]');
    await page.setInputFiles('#open-files', join(dir, 'book.csv'));
    await page.waitForSelector('#tape-status[data-status="ready"]');
    await page.waitForTimeout(500);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain('bk00001');
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    for (const name of databases) {
      const dump = await page.evaluate(async (db) => {
        const open = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(db!);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const out: unknown[] = [];
        for (const store of open.objectStoreNames) {
          const all = await new Promise<unknown[]>((resolve) => {
            const request = open.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
          });
          out.push(all);
        }
        open.close();
        return JSON.stringify(out);
      }, name);
      expect(dump).not.toContain('bk00001');
    }
  });
});
