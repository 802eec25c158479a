import type { PolicyRuntime } from './policies.ts';

/*
 * The leads of one iteration, shared by the scenarios of a run whose leads cannot differ. A lead's
 * fate — how many arrive, whether the handler reaches them, books an appointment, sees them show and
 * sells — depends only on the world, the portfolio's dealers, the leads policy and the lead's own
 * random numbers (engine/sim/steps/leads.ts). Scenarios equal in those draw the same leads, so the
 * first of them to run an iteration records each lead's fate here and the others replay it: they book
 * the same lead costs in the same order and close the same sales against their own books, without
 * drawing or deciding again. Results are identical, bit for bit, to drawing them anew.
 */

/** A lead's fate in its recorded code: how far it got (bits 0–2). */
export const LEAD_STAGE_MASK = 0b111;
/** Not worked (no rule fired, not routed) or never reached. */
export const LEAD_NOT_REACHED = 0;
export const LEAD_CONTACTED = 1;
export const LEAD_APPOINTMENT = 2;
export const LEAD_SHOWED = 3;
export const LEAD_SOLD = 4;
/** Bit 3: the lead wanted a used vehicle; bit 4: the lead came from a customer on the books. */
export const LEAD_USED = 1 << 3;
export const LEAD_EXISTING = 1 << 4;
/** Bits 5–7: the handler (HANDLERS index) who worked a sold lead; bits 8+: the rule that routed it. */
const HANDLER_SHIFT = 5;
const HANDLER_MASK = 0b111;
const RULE_SHIFT = 8;

/** The code of a lead that got to `stage` (a sale with its interest, origin, handler and rule). */
export function leadCode(stage: number, used: boolean, existing: boolean, handler = 0, rule = 0): number {
  return (
    stage |
    (used ? LEAD_USED : 0) |
    (existing ? LEAD_EXISTING : 0) |
    (handler << HANDLER_SHIFT) |
    (rule << RULE_SHIFT)
  );
}

/** The HANDLERS index of a recorded sale. */
export function leadHandler(code: number): number {
  return (code >> HANDLER_SHIFT) & HANDLER_MASK;
}

/** The leads rule index of a recorded sale. */
export function leadRule(code: number): number {
  return code >>> RULE_SHIFT;
}

/**
 * One iteration's leads as a sequence of numbers, in the order the leads step meets them: for each
 * month, dealer and source the number of leads, then one code per lead. Shared by the setups of a run
 * with equal leads inputs (one thread runs them one after another, iteration by iteration).
 */
export class LeadStream {
  /** The iteration key recorded, and whether its horizon was recorded to the end. */
  private key = Number.NaN;
  private complete = false;
  private data = new Int32Array(1 << 14);
  private length = 0;
  private cursor = 0;
  /** The leads policy's evaluations and rule counts at the end of the recorded horizon. */
  private decisions = 0;
  private coverage: Float64Array | null = null;

  /**
   * Starts iteration `key` for one setup: true when this stream holds the iteration's leads in full
   * (the setup replays them), false when the setup must draw them (and records them).
   */
  begin(key: number): boolean {
    if (this.complete && this.key === key) {
      this.cursor = 0;
      return true;
    }
    this.key = key;
    this.complete = false;
    this.length = 0;
    return false;
  }

  /** Records the next number (a count or a code). Grows by doubling, rarely: never per lead once warm. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The next recorded number, in the order they were pushed. */
  next(): number {
    return this.data[this.cursor++]!;
  }

  /** Marks the recorded horizon complete, with the leads policy's coverage at its end. */
  finish(leads: PolicyRuntime): void {
    this.decisions = leads.decisions;
    this.coverage = Float64Array.from(leads.coverage);
    this.complete = true;
  }

  /** Gives a replaying setup's leads policy the coverage the recording one had (exact: whole counts). */
  restore(leads: PolicyRuntime): void {
    leads.decisions = this.decisions;
    leads.coverage.set(this.coverage!);
  }
}
