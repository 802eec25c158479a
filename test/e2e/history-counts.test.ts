import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, openWorkbench, skipReason, violations, type Workbench } from './harness.ts';

/*
 * Calibration from the book's history, in Debian's Chromium: a counts.csv dropped on the workbench is
 * read in the page (a bad row listed at its row and column, with the CLI's message), a good one chosen
 * with the keyboard shows its rates; nothing is requested from the network and nothing is stored.
 */

const chromium = hasChromium();
if (!chromium) console.warn(skipReason('the history counts end-to-end tests'));

const HEADER = 'rate,product,tier,bucket,band,period,contracts,exposure,events,sum_e2,sum_n2,sum_en';
const GOOD = [
  HEADER,
  'roll,*,prime,current,*,base,40,400,30,4400,40,400',
  'roll,*,prime,current,*,2022,40,200,14,1100,10,100',
  'roll,*,prime,current,*,2023,40,200,16,1100,10,100',
  'roll,*,prime,current,*,moratorium,30,100,2,400,2,20',
  'cure,*,prime,1-30,*,base,10,30,5,100,5,20',
  'cure,*,prime,1-30,*,2023,10,30,5,100,5,20',
].join('\n');
const BAD = GOOD.replace('\ncure,*,prime,1-30', '\ncur,*,prime,1-30');

/** Drops `text` as a file named `name` on the history section, as a file manager would. */
async function drop(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([name, text]) => {
      const host = document.querySelector('cc-app')!.shadowRoot!.querySelector('cc-history-counts')!;
      const zone = host.shadowRoot!.querySelector('section')!;
      const data = new DataTransfer();
      data.items.add(new File([text!], name!, { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
}

describe.skipIf(!chromium)('your book’s history in Chromium', () => {
  // Built once for the lane (test/setup/build-workbench.ts).
  const dir = inject('workbenchDir');
  let app: Workbench;
  const requests: string[] = [];

  beforeAll(async () => {
    app = await openWorkbench(dir);
    app.page.on('request', (r) => requests.push(r.url()));
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('lists a dropped file’s bad row at its row and column, with the CLI’s message', async () => {
    const { page } = app;
    await drop(page, 'bad-counts.csv', BAD);
    const problems = page.locator('#counts-problems');
    await problems.waitFor();
    const text = await problems.innerText();
    expect(text).toMatch(/bad-counts\.csv: 1 problem/);
    expect(text).toMatch(/row 6, column 1 \(rate\)\s+expected one of roll, cure, default/);
    expect(text).toMatch(/did you mean "?cure"?/i);
    expect(await page.locator('#counts-rates').count()).toBe(0);
  });

  it('shows the rates of a good file chosen with the keyboard; nothing sent, nothing stored', async () => {
    const { page } = app;
    const chosen = page.waitForEvent('filechooser');
    await page.locator('#counts-button').press('Enter');
    const chooser = await chosen;
    await chooser.setFiles({ name: 'counts.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD) });
    const rates = page.locator('#counts-rates');
    await rates.waitFor();
    expect(await page.locator('#counts-problems').count()).toBe(0);
    expect(await rates.innerText()).toMatch(
      /a history of at least 40 contracts, counted 2022 to 2023, 6 count rows/,
    );
    const rows = await rates.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    // roll: 30 events in 400 contract-months, 7.50% a month; its years 7.00% and 8.00%; the moratorium left out.
    expect(rows[0]).toMatch(/Roll to a worse arrears bucket\s+prime, current days past due\s+7\.50% a month/);
    expect(rows[0]).toMatch(/7\.00% to 8\.00% \(2 years\)/);
    expect(rows[0]).toMatch(/400 contract-months, 30 events, 40 contracts/);
    expect(rows[0]).toMatch(/Supported/);
    expect(rows[0]).toMatch(/moratorium \(2020-03 to 2021-12\): 2\.00%, left out/);
    // cure: 5 events, pooled over every tier it could, still short of 20: kept at default.
    expect(rows[1]).toMatch(/Kept at default: 5 of the 20 events needed/);
    expect(await violations(page)).toEqual([]);
    expect(requests).toEqual([]);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toMatch(/counts\.csv|sum_e2|moratorium/);
  });
});
