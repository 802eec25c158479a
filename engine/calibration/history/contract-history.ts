import { HISTORY_EVENTS, type HistoryEvent } from './columns.ts';
import { ANY_BAND, ANY_BUCKET, ANY_PRODUCT, ANY_TIER } from './cell-key.ts';
import { bandOf, type MonthIndex } from './dimensions.ts';

/** Where a contract's counts go: rate kind (index into HISTORY_RATE_IDS), cell indices, month, sums. */
export interface CountSink {
  add(
    rate: number,
    product: number,
    tier: number,
    bucket: number,
    band: number,
    month: MonthIndex,
    e: number,
    n: number,
    by?: MonthIndex,
  ): void;
}

/** A contract whose history is longer is refused (100 years of month-ends). */
export const MAX_CONTRACT_MONTHS = 1200;

const ROLL = 0;
const CURE = 1;
const DEFAULT = 2;
const EARLY = 3;
const RENEWAL = 4;
const RESIDUAL = 5;
const RECOVERY = 6;
const RECOVERY_MONTHS = 7;

/** EBA: a defaulted contract is cured after three month-ends without a default trigger. */
export const PROBATION_MONTHS = 3;
/** A renewal is a new contract of the customer within this many months of the maturity. */
export const RENEWAL_WINDOW = 6;
/** A default's recoveries are counted once the history runs this many months past it. */
export const RECOVERY_HORIZON = 24;
const DEFAULT_BUCKET = 4;

const ev = (e: HistoryEvent): number => HISTORY_EVENTS.indexOf(e);
const E_RETURN = ev('terminated-maturity-return');
const E_PURCHASE = ev('terminated-maturity-purchase');
const E_SETTLEMENT = ev('terminated-early-settlement');
const E_UPGRADE = ev('terminated-early-upgrade');
const E_DEFAULT = ev('default');
const E_CURE = ev('cure');
const E_CHARGE_OFF = ev('charge-off');
const E_REPOSSESSION = ev('repossession');
const E_SALE = ev('vehicle-sale');
const E_RECOVERY = ev('recovery');

/** Whether an event (index into HISTORY_EVENTS) ends the contract. */
export function isTerminating(event: number): boolean {
  return (
    event === E_RETURN ||
    event === E_PURCHASE ||
    event === E_SETTLEMENT ||
    event === E_UPGRADE ||
    event === E_CHARGE_OFF ||
    event === E_REPOSSESSION
  );
}

/**
 * One contract's rows, gathered while they are read (reused arrays), and what they count once the
 * contract's last row is read (docs/history.md, what is counted). Months are consecutive: the reader
 * checked them.
 */
export class ContractHistory {
  product = 0;
  origination: MonthIndex = 0;
  maturity: MonthIndex = 0;
  customer = '';
  readonly month = new Int32Array(MAX_CONTRACT_MONTHS);
  readonly bucket = new Int8Array(MAX_CONTRACT_MONTHS);
  readonly tier = new Int8Array(MAX_CONTRACT_MONTHS);
  readonly workout = new Uint8Array(MAX_CONTRACT_MONTHS);
  readonly balance = new Float64Array(MAX_CONTRACT_MONTHS);
  private readonly defaulted = new Uint8Array(MAX_CONTRACT_MONTHS);
  private readonly trigger = new Uint8Array(MAX_CONTRACT_MONTHS);
  private readonly cured = new Uint8Array(MAX_CONTRACT_MONTHS);
  rows = 0;
  // Its events, in file order.
  eventMonth: number[] = [];
  eventKind: number[] = [];
  eventAmount: number[] = [];
  eventGuide: number[] = [];
  eventRow: number[] = [];
  events = 0;

  reset(): void {
    this.rows = 0;
    this.events = 0;
  }

  addEvent(month: MonthIndex, kind: number, amount: number, guide: number, row: number): void {
    const i = this.events++;
    this.eventMonth[i] = month;
    this.eventKind[i] = kind;
    this.eventAmount[i] = amount;
    this.eventGuide[i] = guide;
    this.eventRow[i] = row;
  }

  /** The first terminating event's index, or -1. */
  terminating(): number {
    for (let i = 0; i < this.events; i++) if (isTerminating(this.eventKind[i]!)) return i;
    return -1;
  }

  /**
   * Counts the contract into `sink`. `withEvents`: an events file was read (renewals and recoveries are
   * counted only then); `renewals`: the new-contract months of this contract's customer.
   */
  count(sink: CountSink, withEvents: boolean, renewals: readonly number[] | undefined): void {
    const n = this.rows;
    if (n === 0) return;
    const first = this.month[0]!;
    const last = this.month[n - 1]!;
    const product = this.product;
    const t = this.terminating();
    const ending = t < 0 ? -1 : this.eventKind[t]!;

    // Default triggers (EBA): 91+ days past due, workout (unlikeliness to pay), a default event.
    for (let k = 0; k < n; k++) {
      this.trigger[k] = this.bucket[k] === DEFAULT_BUCKET || this.workout[k] === 1 ? 1 : 0;
      this.cured[k] = 0;
    }
    for (let i = 0; i < this.events; i++) {
      const k = this.eventMonth[i]! - first;
      if (k < 0 || k >= n) continue;
      if (this.eventKind[i] === E_DEFAULT) this.trigger[k] = 1;
      else if (this.eventKind[i] === E_CURE) this.cured[k] = 1;
    }
    let inDefault = false;
    let clean = 0;
    for (let k = 0; k < n; k++) {
      if (this.trigger[k] === 1) {
        inDefault = true;
        clean = 0;
      } else if (inDefault && (++clean >= PROBATION_MONTHS || this.cured[k] === 1)) inDefault = false;
      this.defaulted[k] = inDefault ? 1 : 0;
    }

    // Month-to-month transitions, both ends observed.
    for (let k = 0; k + 1 < n; k++) {
      const to = this.month[k + 1]!;
      const tier = this.tier[k]!;
      const b0 = this.bucket[k]!;
      const b1 = this.bucket[k + 1]!;
      if (b0 < DEFAULT_BUCKET) sink.add(ROLL, ANY_PRODUCT, tier, b0, ANY_BAND, to, 1, b1 > b0 ? 1 : 0);
      if (b0 >= 1 && b0 < DEFAULT_BUCKET)
        sink.add(CURE, ANY_PRODUCT, tier, b0, ANY_BAND, to, 1, b1 === 0 ? 1 : 0);
      const band = bandOf(this.month[k]! - this.origination);
      if (this.defaulted[k] === 1) {
        sink.add(
          CURE,
          ANY_PRODUCT,
          tier,
          DEFAULT_BUCKET,
          ANY_BAND,
          to,
          1,
          this.defaulted[k + 1] === 0 ? 1 : 0,
        );
      } else {
        sink.add(DEFAULT, product, tier, ANY_BUCKET, band, to, 1, this.defaulted[k + 1]!);
        if (to < this.maturity) sink.add(EARLY, product, ANY_TIER, ANY_BUCKET, band, to, 1, 0);
      }
    }

    // The month after the last row: an ending (told by an event, or inferred unless the history stops).
    const after = last + 1;
    const held = t < 0 ? after : undefined;
    const performing = this.defaulted[n - 1] === 0;
    const tier = this.tier[n - 1]!;
    const band = bandOf(last - this.origination);
    if (performing) {
      const defaults =
        ending === E_CHARGE_OFF || ending === E_REPOSSESSION || this.hasEvent(E_DEFAULT, after) ? 1 : 0;
      sink.add(DEFAULT, product, tier, ANY_BUCKET, band, after, 1, defaults, held);
      if (after < this.maturity) {
        const settles = t < 0 || ending === E_SETTLEMENT ? 1 : 0;
        sink.add(EARLY, product, ANY_TIER, ANY_BUCKET, band, after, 1, settles, held);
      }
    }

    // Renewal at maturity: a new contract of the customer within ±6 months of it.
    const matured =
      ending === E_RETURN || ending === E_PURCHASE || (t < 0 && performing && after >= this.maturity);
    if (withEvents && matured) {
      let renewed = 0;
      if (renewals !== undefined)
        for (const m of renewals)
          if (m > this.origination && Math.abs(m - after) <= RENEWAL_WINDOW) renewed = 1;
      sink.add(RENEWAL, product, ANY_TIER, ANY_BUCKET, ANY_BAND, after, 1, renewed, after + RENEWAL_WINDOW);
    }

    // Residual result of a vehicle returned at maturity.
    if (ending === E_RETURN) {
      for (let i = 0; i < this.events; i++) {
        // A sale without its guide residual says nothing about the residual result.
        if (this.eventKind[i] !== E_SALE || Number.isNaN(this.eventGuide[i])) continue;
        sink.add(
          RESIDUAL,
          product,
          ANY_TIER,
          ANY_BUCKET,
          ANY_BAND,
          this.eventMonth[i]!,
          this.eventGuide[i]!,
          this.eventAmount[i]!,
        );
      }
    }

    // Recovery of a default the contract ended in.
    if (!withEvents || ending === E_RETURN || ending === E_PURCHASE) return;
    let start = -1;
    let exposure = 0;
    if (!performing) {
      let k = n - 1;
      while (k > 0 && this.defaulted[k - 1] === 1) k--;
      // A contract already in default when the history starts: its default month is unknown.
      if (k === 0 && first > this.origination) return;
      start = this.month[k]!;
      exposure = this.balance[k]!;
    } else if (ending === E_CHARGE_OFF || ending === E_REPOSSESSION) {
      start = after;
      exposure = this.balance[n - 1]!;
    } else return;
    if (exposure <= 0) return;
    let recovered = 0;
    let lastRecovery = -1;
    for (let i = 0; i < this.events; i++) {
      const kind = this.eventKind[i]!;
      const m = this.eventMonth[i]!;
      if ((kind === E_RECOVERY || kind === E_SALE) && m >= start) {
        recovered += this.eventAmount[i]!;
        if (m > lastRecovery) lastRecovery = m;
      }
    }
    const by = Math.max(start + RECOVERY_HORIZON, after);
    sink.add(RECOVERY, product, ANY_TIER, ANY_BUCKET, ANY_BAND, start, exposure, recovered, by);
    if (recovered > 0)
      sink.add(RECOVERY_MONTHS, product, ANY_TIER, ANY_BUCKET, ANY_BAND, start, 1, lastRecovery - start, by);
  }

  private hasEvent(kind: number, month: MonthIndex): boolean {
    for (let i = 0; i < this.events; i++)
      if (this.eventKind[i] === kind && this.eventMonth[i] === month) return true;
    return false;
  }
}
