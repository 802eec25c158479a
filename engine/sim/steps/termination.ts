import type { Sim } from '../context.ts';
import { CAT } from '../ledger.ts';
import { endContract, exitVehicle } from '../origination.ts';
import { CHARGE_OFF_ENDING, REPOSSESSION } from '../history-tap.ts';
import { VEHICLE_RETURNED } from '../state.ts';
import { appraise } from '../valuation.ts';

/*
 * Default: the end of a contract terminated for non-payment. The whole exposure (scheduled balance plus
 * arrears) is written off as credit loss; a repossessed vehicle is recovered at its appraised value
 * (the world's repossession recovery share of its market value) and goes to remarketing, its proceeds
 * in after recoveryDelayMonths (see awaitSale); the agency, if
 * the debt was placed, recovers its share of what is left (less its fee). Payment protection pays
 * nothing here: a valid claim has already paid the arrears and cured the account (dunning.ts). The
 * customer leaves.
 */

export const REPOSSESS = 0;
export const WRITE_OFF = 1;
export const CHARGE_OFF = 2;

export function terminate(sim: Sim, i: number, t: number, how: number): void {
  const C = sim.contracts;
  const V = sim.vehicles;
  const w = sim.w;
  const counters = sim.counters;
  const c = C.customer[i]!;
  const v = C.vehicle[i]!;
  const cycle = C.cycle[i]!;
  const exposure = C.balance[i]! + C.missed[i]! * C.payment[i]!;
  sim.book(CAT.creditLoss, cycle, -exposure, c);

  let left = exposure;
  if (how === REPOSSESS) {
    appraise(sim, v, t, cycle, true);
    const recovered = V.marketValue[v]!;
    V.bookValue[v] = recovered;
    V.status[v] = VEHICLE_RETURNED;
    sim.returned.push(v);
    sim.book(CAT.recoveries, cycle, recovered, c);
    left -= recovered;
    counters.repossessed++;
    if (w.recoveryDelayMonths > 0) awaitSale(sim, i, t, exposure);
  } else {
    exitVehicle(sim, v);
    counters.vehiclesLost++;
    if (how === WRITE_OFF) counters.writtenOff++;
    else counters.chargedOff++;
  }
  if (left > 0 && C.agencyPlaced[i] === 1) {
    const collected = w.agencyRecoveryShare * left;
    sim.book(CAT.recoveries, cycle, collected, c);
    sim.book(CAT.agencyFees, cycle, -w.agencyFeeShare * collected, c);
    left -= collected;
  }
  counters.defaults++;
  const history = sim.history;
  if (history !== null) {
    const repossessed = how === REPOSSESS;
    history.ended(
      i,
      t,
      repossessed ? REPOSSESSION : CHARGE_OFF_ENDING,
      repossessed ? V.marketValue[v]! : 0,
      0,
    );
    // The vehicle's proceeds arrive after the sale's delay (awaitSale); the agency's at once.
    if (exposure - left > 0)
      history.recovered(i, t + (repossessed ? w.recoveryDelayMonths : 0), exposure - left);
  }
  endContract(sim, i);
}

/**
 * A repossessed contract waits `recoveryDelayMonths` for its vehicle's sale: its exposure (€) is funded
 * and holds capital meanwhile, and it counts in the delinquency stock as more than 90 days past due
 * (for the months of the wait inside the horizon). Booked at once, as the wait's known cost, rather than
 * by keeping the contract on book: nothing else about it can change while it waits.
 */
function awaitSale(sim: Sim, i: number, t: number, exposure: number): void {
  const C = sim.contracts;
  const w = sim.w;
  const n = w.recoveryDelayMonths;
  const g = C.tier[i]!;
  const c = C.customer[i]!;
  const equity = w.capitalRatio * exposure;
  const capital = 0 - equity * w.hurdleMonthly * n;
  sim.book(CAT.fundingCost, C.cycle[i]!, (equity - exposure) * w.fundingMonthly * n, c);
  sim.book(CAT.capitalCharge, C.cycle[i]!, capital, c);
  // The capital charge stays out of the tax base, as every month's does (Ledger.capitalByMonth).
  sim.ledger.capitalByMonth[sim.ledger.month]! += capital;
  // Counted at the start of months t + 1 … t + n, as the payments step counts contracts on book.
  const left = sim.horizon - 1 - t;
  const months = left < n ? (left > 0 ? left : 0) : n;
  if (months === 0) return;
  const counters = sim.counters;
  counters.contractMonths[g]! += months;
  counters.bucketMonths[g * 4 + 3]! += months;
  counters.balanceMonths += exposure * months;
  counters.balanceMonthsByTier[g]! += exposure * months;
}
