import { CONDITIONS } from '../../domain/lists.ts';
import { POWERTRAINS } from '../../domain/lists.ts';
import type { Sim } from '../context.ts';
import { DECISIONS } from '../../random/decisions.ts';
import { deriveIdentity, IDENTITY } from '../identity.ts';
import { DAMAGE_LISTS } from '../facts.ts';
import { CAT } from '../ledger.ts';
import { exitVehicle, newCustomer, placeVehicle, stockVehicle } from '../origination.ts';
import { EVENT_REFURBISH } from '../policies.ts';
import { uniform } from '../../random/streams.ts';
import { cleanValue, refurbishmentCost } from '../valuation.ts';

/*
 * Step 6: vehicles that came back this month (returns, early upgrades, repossessions) get the
 * remarketing decision, and the stock of refurbished vehicles is worked.
 *
 * At the decision the residual result is booked: the wholesale value as returned minus the book value
 * (lease residual, payoff or recovery). `wholesale` sells the vehicle at that value and it leaves.
 * `refurbish` books the reconditioning cost (as negative refurbishment result) and the holding cost of
 * the reconditioning days; the vehicle is in stock from the next month (or later, for long jobs).
 * Each month in stock costs holding (half a month in the month it is placed: mid-month on average); the
 * vehicle is placed on a new contract with the world's monthly probability (after used-interest leads,
 * which take stock first) at its used retail value, or is wholesaled after maxInventoryDays at its clean
 * wholesale value then.
 */

/** Average days in a month. */
export const DAYS_PER_MONTH = 365.25 / 12;

export function remarketingStep(sim: Sim, t: number): void {
  decideReturns(sim, t);
  workStock(sim, t);
}

function decideReturns(sim: Sim, t: number): void {
  const V = sim.vehicles;
  const w = sim.w;
  const rt = sim.remarketing;
  const f = sim.remarketingSlots;
  const plan = sim.remarketingPlan;
  const returned = sim.returned;
  const trace = sim.trace;
  for (let k = 0; k < returned.length; k++) {
    const v = returned.items[k]!;
    const cycle = V.cycleEnded[v]!;
    const c = V.customer[v]!;
    const market = V.marketValue[v]!;
    sim.book(CAT.residualResult, cycle, market * (1 + w.wholesaleGross) - V.bookValue[v]!, c);

    const age = t - V.birthMonth[v]!;
    rt.num[f.cycleEnded] = cycle;
    rt.num[f.vehicleAgeMonths] = age;
    rt.num[f.mileageKm] = V.kmPerMonth[v]! * age;
    rt.ref[f.condition] = CONDITIONS[V.condition[v]!];
    rt.ref[f.damage] = DAMAGE_LISTS[V.damage[v]!];
    rt.num[f.marketValue] = market;
    rt.num[f.retailValue] = V.retailValue[v]!;
    rt.num[f.refurbCostEstimate] = V.refurbEstimate[v]!;
    rt.ref[f.serviceHistoryComplete] = V.historyComplete[v] === 1;
    rt.ref[f.powertrain] = POWERTRAINS[V.powertrain[v]!];
    // One vehicle gets one decision: under `collect` too, the first event decides; no event → wholesale.
    const n = rt.decide();
    const rule = n > 0 ? rt.fired[0]! : -1;
    const traced = trace !== null && sim.customers.id[c] === trace.customerId;
    if (rule < 0 || plan.type[rule] !== EVENT_REFURBISH) {
      exitVehicle(sim, v);
      sim.counters.wholesaled++;
      if (traced) trace.remarketed(sim, v, t, rule, false);
      continue;
    }
    sim.book(CAT.refurbishmentResult, cycle, -refurbishmentCost(sim, v, t), c);
    const days = w.refurbDays;
    if (days > 0) sim.book(CAT.holdingCosts, cycle, -days * w.holdingCostPerDay, c);
    const ready = t + Math.max(1, Math.ceil(days / DAYS_PER_MONTH));
    stockVehicle(sim, v, plan.next[rule]!, ready, days);
    sim.counters.refurbished++;
    if (traced) trace.remarketed(sim, v, t, rule, true);
  }
  returned.clear();
}

function workStock(sim: Sim, t: number): void {
  const V = sim.vehicles;
  const w = sim.w;
  const stock = sim.stock;
  const counters = sim.counters;
  const trace = sim.trace;
  const monthlyHolding = DAYS_PER_MONTH * w.holdingCostPerDay;
  // Backwards, so removing by swapping in the last item never skips a vehicle.
  for (let k = stock.length - 1; k >= 0; k--) {
    const v = stock.items[k]!;
    if (V.readyMonth[v]! > t) continue;
    const cycle = V.cycleEnded[v]!;
    const c = V.customer[v]!;
    if (V.stockDays[v]! >= w.maxInventoryDays) {
      const factor = V.repossessed[v] === 1 ? w.repossessionRecoveryShare : 1;
      const proceeds = cleanValue(sim, v, t) * factor * (1 + w.wholesaleGross);
      sim.book(CAT.refurbishmentResult, cycle, proceeds - V.marketValue[v]! * (1 + w.wholesaleGross), c);
      stock.items[k] = stock.items[--stock.length]!;
      if (trace !== null) trace.leftStock(sim, v, t, c, -1, -1);
      exitVehicle(sim, v);
      counters.forcedWholesales++;
      continue;
    }
    // Placed vehicles leave mid-month on average: half a month of holding; the others hold all month.
    if (uniform(sim.key, V.id[v]!, DECISIONS.inventoryPlacement, t) < w.inventoryPlacementProbability) {
      sim.book(CAT.holdingCosts, cycle, -monthlyHolding / 2, c);
      stock.items[k] = stock.items[--stock.length]!;
      const customer = newCustomer(
        sim,
        deriveIdentity(IDENTITY.placementCustomer, V.id[v]!, V.contracts[v]!),
        V.dealer[v]!,
      );
      counters.customersFromPlacements++;
      const i = placeVehicle(sim, v, customer, t);
      counters.placements++;
      if (trace !== null) trace.leftStock(sim, v, t, c, customer, i);
    } else {
      sim.book(CAT.holdingCosts, cycle, -monthlyHolding, c);
      V.stockDays[v]! += DAYS_PER_MONTH;
    }
  }
}
