/*
 * What the simulator tells a simulated history (`cyclecast portfolio export --history`) beyond the
 * month-end state it reads itself: why a contract ended, when it reached the default point, what a
 * returned or repossessed vehicle was worth. The steps hold `sim.history`, null in every ordinary run;
 * the sites are per event (an ending, a default), never per contract-month, so an ordinary run pays
 * one null check per event and nothing else.
 *
 * Declared apart from the recorder (engine/sim/history/), which runs the iteration: the steps and the
 * Sim import only this small interface, so the recorder's folder depends on them and not back.
 */

/** Why a contract ended, as the history's events name it. */
export const ENDINGS = [
  'terminated-maturity-return',
  'terminated-maturity-purchase',
  'terminated-early-upgrade',
  'repossession',
  'charge-off',
] as const;
export type Ending = (typeof ENDINGS)[number];

export const MATURITY_RETURN = 0;
export const MATURITY_PURCHASE = 1;
export const EARLY_UPGRADE = 2;
export const REPOSSESSION = 3;
export const CHARGE_OFF_ENDING = 4;

/** The listener the steps call; a HistoryRecorder is one. */
export interface HistoryTap {
  /**
   * Contract slot `i` ends in month `t` for ending ENDINGS[ending], before its slot is freed. `amount`
   * (€) is the vehicle's value where one changes hands (a return's or repossession's appraisal), else 0;
   * `guide` (€) the contract's residual on a return, else 0.
   */
  ended(i: number, t: number, ending: number, amount: number, guide: number): void;
  /** Contract slot `i` reached the world's default point in month `t`. */
  defaulted(i: number, t: number): void;
  /** Money recovered on contract slot `i`'s default, € (vehicle and agency), arriving in month `t`. */
  recovered(i: number, t: number, amount: number): void;
}
