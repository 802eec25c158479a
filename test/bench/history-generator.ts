/**
 * A deterministic synthetic history for the `history` benchmark and the counting tests: monthly
 * snapshots and events of `contracts` contracts, written in the format of docs/history.md, sorted by
 * contract_id then month. The window (2019-01 … 2023-12) cuts through contracts, so some are already
 * running at its start and some still open at its end, and it spans both unusual periods. Never
 * committed: `npm run bench -- --suite history` writes it to a temporary folder and removes it.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export const SNAPSHOT_HEADER =
  'contract_id,customer_id,month,product,new_used,tier,origination_date,maturity_date,status,days_past_due,balance';
export const EVENT_HEADER = 'contract_id,month,event,amount,guide_residual,customer_id';

const FIRST = 2019 * 12; // 2019-01
const LAST = 2023 * 12 + 11; // 2023-12
const PRODUCTS = ['operating-lease', 'finance-lease', 'balloon-loan', 'amortising-loan'];
const TIERS = ['prime', 'near-prime', 'subprime'];
const MISS = [0.01, 0.025, 0.05];

/** A small fast generator (mulberry32), one stream per contract so any contract can be made alone. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const month = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const date = (m: number): string => `${month(m)}-15`;

/** The rows of contract `i`: its snapshot lines and its event lines (a renewal's event last: its id sorts after). */
export function contractRows(i: number, seed: number, snapshots: string[], events: string[]): void {
  const r = random(Math.imul(seed ^ 0x9e3779b9, 2654435761) ^ i);
  const id = `c${String(i).padStart(8, '0')}`;
  const customer = `u${String(i).padStart(8, '0')}`;
  const u = r();
  const product = u < 0.4 ? 0 : u < 0.55 ? 1 : u < 0.75 ? 2 : 3;
  const tier = r() < 0.6 ? 0 : r() < 0.7 ? 1 : 2;
  const term = 24 + 12 * Math.floor(r() * 3);
  const origination = FIRST - term + 1 + Math.floor(r() * (LAST - FIRST + term));
  const maturity = origination + term;
  const used = r() < 0.3 ? 'used' : 'new';
  const start = 20_000 + Math.round(r() * 30_000);
  const fixed = `${customer},`;
  const tail = `,${PRODUCTS[product]},${used},${TIERS[tier]},${date(origination)},${date(maturity)},`;
  let bucket = 0;
  let defaulted = 0;
  let end = -1;
  let ending = '';
  // This contract's events, as [month, line], sorted by month once made.
  const own: [number, string][] = [];
  const ev = (m: number, line: string): void => {
    if (m >= FIRST && m <= LAST) own.push([m, `${id},${month(m)},${line}`]);
  };
  for (let m = origination; m < maturity; m++) {
    // The month's outcome, from the state at the previous month-end.
    if (m > origination) {
      if (bucket === 0) bucket = r() < MISS[tier]! ? 1 : 0;
      else if (bucket < 4) {
        const x = r();
        bucket = x < 0.4 ? 0 : x < 0.7 ? bucket : bucket + 1;
        if (bucket === 4) ev(m, 'default,,,');
      } else {
        defaulted++;
        if (defaulted >= 3 && r() < 0.3) {
          end = m;
          ending = 'charge-off';
          break;
        }
        if (r() < 0.05) {
          bucket = 0;
          defaulted = 0;
        }
      }
      if (bucket === 0 && r() < 0.008) {
        end = m;
        ending = r() < 0.8 ? 'terminated-early-settlement' : 'terminated-early-upgrade';
        break;
      }
    }
    if (m >= FIRST && m <= LAST) {
      const dpd = bucket === 0 ? 0 : bucket < 4 ? bucket * 30 - 15 : 105 + 30 * defaulted;
      const status = bucket === 0 ? 'current' : bucket === 4 && defaulted >= 1 ? 'workout' : 'arrears';
      const balance = Math.round(start * (1 - (0.7 * (m - origination)) / term));
      snapshots.push(`${id},${fixed}${month(m)}${tail}${status},${dpd},${balance}`);
    }
  }
  if (end < 0) {
    end = maturity;
    ending = product < 3 && r() < 0.6 ? 'terminated-maturity-return' : 'terminated-maturity-purchase';
  }
  ev(end, `${ending},,,`);
  if (ending === 'terminated-maturity-return') {
    const guide = Math.round(start * 0.3);
    ev(end + 1, `vehicle-sale,${Math.round(guide * (0.9 + r() * 0.25))},${guide},`);
  }
  if (ending === 'charge-off') {
    const exposure = Math.round(start * 0.5);
    for (let k = 0; k < 2; k++)
      ev(end + 2 + Math.floor(r() * 10), `recovery,${Math.round(exposure * r() * 0.3)},,`);
  }
  own.sort((a, b) => a[0] - b[0]);
  for (const [, line] of own) events.push(line);
  if ((ending === 'terminated-maturity-return' || ending === 'terminated-maturity-purchase') && r() < 0.5) {
    const m = end - 2 + Math.floor(r() * 7);
    if (m >= FIRST && m <= LAST) events.push(`${id}-r,${month(m)},new-contract,,,${customer}`);
  }
}

/** A small history as CSV text (tests). */
export function historyText(contracts: number, seed: number): { snapshots: string; events: string } {
  const snapshots = [SNAPSHOT_HEADER];
  const events = [EVENT_HEADER];
  const s: string[] = [];
  const e: string[] = [];
  for (let i = 0; i < contracts; i++) {
    s.length = 0;
    e.length = 0;
    contractRows(i, seed, s, e);
    snapshots.push(...s);
    events.push(...e);
  }
  return { snapshots: snapshots.join('\n') + '\n', events: events.join('\n') + '\n' };
}

/** Writes a history of `contracts` contracts to two files, streaming; returns the rows written. */
export async function writeHistory(
  snapshotsFile: string,
  eventsFile: string,
  contracts: number,
  seed: number,
): Promise<{ snapshots: number; events: number }> {
  const so = createWriteStream(snapshotsFile);
  const eo = createWriteStream(eventsFile);
  const write = async (out: WriteStream, text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(so, SNAPSHOT_HEADER + '\n');
  await write(eo, EVENT_HEADER + '\n');
  const s: string[] = [];
  const e: string[] = [];
  let snapshots = 0;
  let events = 0;
  for (let i = 0; i < contracts; i++) {
    contractRows(i, seed, s, e);
    if (s.length >= 20_000 || i === contracts - 1) {
      snapshots += s.length;
      events += e.length;
      if (s.length > 0) await write(so, s.join('\n') + '\n');
      if (e.length > 0) await write(eo, e.join('\n') + '\n');
      s.length = 0;
      e.length = 0;
    }
  }
  so.end();
  eo.end();
  await Promise.all([once(so, 'finish'), once(eo, 'finish')]);
  return { snapshots, events };
}
