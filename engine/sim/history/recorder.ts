import { CREDIT_TIERS } from '../../domain/lists.ts';
import type { Sim } from '../context.ts';
import { daysPastDue, LEASE } from '../state.ts';
import { ENDINGS, type HistoryTap } from '../history-tap.ts';

/*
 * Records a simulated history while one iteration runs: each active contract's state at the end of
 * every month of a window (a snapshot row), and the window's events (endings, defaults, recoveries,
 * new contracts). Rows hold the simulator's own values: ids are stable identities, months are
 * simulation months; history-csv.ts turns them into the client's snapshot and event files.
 */

/** One contract at one month-end. */
export interface SnapshotRow {
  /**
   * The contract's number in the history, in the order contracts are first seen (the simulator's
   * identities are hashes, which may collide among the tens of thousands of contracts of a history).
   */
  readonly contract: number;
  readonly customer: number;
  /** Simulation month of the month-end. */
  readonly month: number;
  readonly product: 'operating-lease' | 'amortising-loan';
  readonly newOrUsed: 'new' | 'used';
  readonly tier: (typeof CREDIT_TIERS)[number];
  /** Simulation months of the start and of the end scheduled at the start (what a history reports). */
  readonly originationMonth: number;
  readonly maturityMonth: number;
  /** The end as it stands, an extension taken (instalments fall due until this month). */
  readonly termEndMonth: number;
  readonly status: 'current' | 'arrears' | 'forborne' | 'workout';
  readonly daysPastDue: number;
  /** Outstanding balance after the month's instalment, €. */
  readonly balance: number;
}

export type HistoryEventName =
  (typeof ENDINGS)[number] | 'default' | 'recovery' | 'vehicle-sale' | 'new-contract';

/** One event of the history. */
export interface EventRow {
  readonly contract: number;
  readonly customer: number;
  readonly month: number;
  readonly event: HistoryEventName;
  /** € where the event carries money (a sale price, a recovery), else undefined. */
  readonly amount?: number;
  /** € on a vehicle sale at return: the contract's residual. */
  readonly guideResidual?: number;
}

export class HistoryRecorder implements HistoryTap {
  readonly snapshots: SnapshotRow[] = [];
  readonly events: EventRow[] = [];
  /** The contract each slot holds (identity and start month) and its number in the history. */
  private readonly numbers = new Map<number, { id: number; start: number; number: number }>();
  private next = 0;

  /** Records months [first, end) of the simulation. */
  constructor(
    private readonly sim: Sim,
    readonly first: number,
    readonly end: number,
  ) {}

  /** The history's number of the contract in slot `i`: a new one when the slot holds a new contract. */
  private numberOf(i: number): number {
    const C = this.sim.contracts;
    const held = this.numbers.get(i);
    if (held !== undefined && held.id === C.id[i] && held.start === C.startMonth[i]) return held.number;
    const number = this.next++;
    this.numbers.set(i, { id: C.id[i]!, start: C.startMonth[i]!, number });
    return number;
  }

  private inWindow(t: number): boolean {
    return t >= this.first && t < this.end;
  }

  private event(i: number, t: number, event: HistoryEventName, amount?: number, guide?: number): void {
    if (!this.inWindow(t)) return;
    const C = this.sim.contracts;
    this.events.push({
      contract: this.numberOf(i),
      customer: C.customerId[i]!,
      month: t,
      event,
      ...(amount !== undefined ? { amount } : {}),
      ...(guide !== undefined ? { guideResidual: guide } : {}),
    });
  }

  ended(i: number, t: number, ending: number, amount: number, guide: number): void {
    const name = ENDINGS[ending]!;
    this.event(i, t, name);
    if (name === 'terminated-maturity-return') this.event(i, t, 'vehicle-sale', amount, guide);
  }

  defaulted(i: number, t: number): void {
    this.event(i, t, 'default');
  }

  recovered(i: number, t: number, amount: number): void {
    this.event(i, t, 'recovery', amount);
  }

  /** Called after month `t`'s last step: every active contract's month-end state, and the month's new contracts. */
  monthEnd(t: number): void {
    if (!this.inWindow(t)) return;
    const C = this.sim.contracts;
    for (let i = 0; i < C.end; i++) {
      if (C.active[i] === 0) continue;
      const missed = C.missed[i]!;
      const start = C.startMonth[i]!;
      if (start === t) this.event(i, t, 'new-contract');
      this.snapshots.push({
        contract: this.numberOf(i),
        customer: C.customerId[i]!,
        month: t,
        product: C.product[i] === LEASE ? 'operating-lease' : 'amortising-loan',
        newOrUsed: C.cycle[i] === 1 ? 'new' : 'used',
        tier: CREDIT_TIERS[C.tier[i]!]!,
        originationMonth: start,
        maturityMonth: start + C.term[i]! - (C.extended[i] === 1 ? this.sim.w.extensionMonths : 0),
        termEndMonth: start + C.term[i]!,
        status:
          missed === 0
            ? 'current'
            : C.planMonthsLeft[i]! > 0
              ? 'forborne'
              : C.agencyPlaced[i] === 1
                ? 'workout'
                : 'arrears',
        daysPastDue: missed === 0 ? 0 : daysPastDue(t - C.delinquentSince[i]!),
        balance: C.balance[i]!,
      });
    }
  }
}
