import { highWord, lowWord } from '../math/bits.ts';
import { pow } from '../math/index.ts';
import { MAX_VEHICLE_AGE } from '../world/resolve.ts';
import type { Sim } from './context.ts';
import { priceIndexAt } from './price-index.ts';
import { DECISIONS } from '../random/decisions.ts';
import { normalQuantile, pickIndex, uniform } from '../random/streams.ts';

/*
 * Vehicle values and contract pricing. A vehicle's clean value is the residual curve at its age plus the
 * market level, its own noise and a mileage adjustment, in € of its MSRP, times the month's used-price
 * index; an appraisal at return adds the inspection (grade, damage, service history).
 */

/** The clean wholesale value of vehicle slot `v` in month `t`, € (≥ 0). */
export function cleanValue(sim: Sim, v: number, t: number): number {
  const V = sim.vehicles;
  return valueAt(sim, V.msrp[v]!, t, t - V.birthMonth[v]!, valueLevel(sim, v), valueSlope(sim, v));
}

/** The clean wholesale value of the vehicle of contract slot `i` in month `t`, € (≥ 0): {@link cleanValue} from the contract's copies. */
export function contractValue(sim: Sim, i: number, t: number): number {
  const C = sim.contracts;
  return valueAt(sim, C.msrp[i]!, t, t - C.birthMonth[i]!, C.valueLevel[i]!, C.valueSlope[i]!);
}

/** A vehicle's level against the residual curve: the market shift plus its own noise, fraction of MSRP. */
function valueLevel(sim: Sim, v: number): number {
  return sim.w.marketShift + sim.w.marketNoiseSd * sim.vehicles.valueZ[v]!;
}

/** A vehicle's mileage adjustment per month of age (positive when it runs more than expected), fraction of MSRP. */
function valueSlope(sim: Sim, v: number): number {
  return sim.w.mileageEffectPerKm * (sim.vehicles.kmPerMonth[v]! - sim.w.expectedKmPerMonth);
}

/** The clean value in month `t` of a vehicle of `msrp` € at `age` months: its share of MSRP times the month's used-price index. */
function valueAt(sim: Sim, msrp: number, t: number, age: number, level: number, slope: number): number {
  const a = age > MAX_VEHICLE_AGE ? MAX_VEHICLE_AGE : age;
  const share = sim.w.residualByAge[a]! + level - slope * a;
  return share > 0 ? share * msrp * priceIndexAt(sim, t) : 0;
}

/**
 * Copies the customer's and vehicle's attributes the monthly loops read onto contract slot `i`, so those
 * loops stream through contract columns instead of jumping around the customer and vehicle tables.
 */
export function attachParties(sim: Sim, i: number, c: number, v: number): void {
  const C = sim.contracts;
  const K = sim.customers;
  const V = sim.vehicles;
  C.customer[i] = c;
  C.vehicle[i] = v;
  C.customerId[i] = K.id[c]!;
  C.segment[i] = K.segment[c]!;
  C.tier[i] = K.tier[c]!;
  C.dealer[i] = K.dealer[c]!;
  C.loyaltyScore[i] = K.loyaltyScore[c]!;
  C.channel[i] = K.channel[c]!;
  C.powertrain[i] = V.powertrain[v]!;
  C.msrp[i] = V.msrp[v]!;
  C.birthMonth[i] = V.birthMonth[v]!;
  C.valueLevel[i] = valueLevel(sim, v);
  C.valueSlope[i] = valueSlope(sim, v);
}

/** The guide residual of a vehicle of `msrp` at `age` months, € (no market level or noise). */
export function guideValue(sim: Sim, msrp: number, age: number): number {
  const a = age < 0 ? 0 : age > MAX_VEHICLE_AGE ? MAX_VEHICLE_AGE : age;
  return sim.w.residualByAge[a]! * msrp;
}

/**
 * Inspects vehicle `v` coming back in month `t` and stores the grade, damage, service history, market
 * value (as returned), retail value after refurbishment and reconditioning estimate on the vehicle.
 * A repossessed vehicle grades worse and realises only the world's repossession recovery share of its
 * values (vehicles not found, forced-sale discount, legal costs).
 */
export function appraise(sim: Sim, v: number, t: number, cycleEnded: number, repossessed: boolean): void {
  const V = sim.vehicles;
  const w = sim.w;
  const key = sim.key;
  const id = V.id[v]!;
  const condition = pickIndex(
    repossessed ? w.conditionAtRepossession : w.conditionAtReturn,
    uniform(key, id, DECISIONS.vehicleCondition, t),
  );
  const pDamage = w.damageProbability[condition]!;
  let damage = 0;
  let damageCost = 0;
  for (let k = 0; k < w.damageCost.length; k++) {
    if (uniform(key, id, DECISIONS.vehicleDamage, t, k) < pDamage) {
      damage |= 1 << k;
      damageCost += w.damageCost[k]!;
    }
  }
  const history = uniform(key, id, DECISIONS.vehicleServiceHistory, t) < w.serviceHistoryComplete;
  const factor = repossessed ? w.repossessionRecoveryShare : 1;
  const clean = cleanValue(sim, v, t);
  const asReturned = clean + w.conditionValue[condition]! * V.msrp[v]!;
  const retail =
    ((clean + w.refurbBaseCost) / (1 - w.retailFrontGross)) * (history ? 1 : 1 - w.incompleteHistoryDiscount);
  V.cycleEnded[v] = cycleEnded;
  V.repossessed[v] = repossessed ? 1 : 0;
  V.condition[v] = condition;
  V.damage[v] = damage;
  V.historyComplete[v] = history ? 1 : 0;
  V.marketValue[v] = asReturned > 0 ? asReturned * factor : 0;
  V.retailValue[v] = retail * factor;
  V.refurbEstimate[v] = w.refurbBaseCost * w.refurbConditionMultiplier[condition]! + damageCost;
}

/** The actual reconditioning cost of vehicle `v` refurbished in month `t`: the estimate with noise, € (≥ 0). */
export function refurbishmentCost(sim: Sim, v: number, t: number): number {
  const V = sim.vehicles;
  const z = normalQuantile(uniform(sim.key, V.id[v]!, DECISIONS.vehicleRefurbCost, t) || 2 ** -33);
  const factor = 1 + sim.w.refurbCostNoiseSd * z;
  return factor > 0 ? V.refurbEstimate[v]! * factor : 0;
}

/**
 * The level instalment of an annuity with a balloon, €: `amount` financed at `rate` per month over
 * `term` months, leaving `balloon` owed after the last instalment.
 * @example annuity(30000, 0.005, 36, 15000) // ≈ 531
 */
export function annuity(amount: number, rate: number, term: number, balloon: number): number {
  if (rate === 0) return (amount - balloon) / term;
  const growth = compound(rate, term);
  return ((amount * growth - balloon) * rate) / (growth - 1);
}

/** The balance after `k` level instalments of `payment` on `amount` at `rate` per month, €. */
export function balanceAfter(amount: number, rate: number, payment: number, k: number): number {
  if (rate === 0) return amount - payment * k;
  const growth = compound(rate, k);
  return amount * growth - (payment * (growth - 1)) / rate;
}

// A run books contracts at a few dozen (rate, term) pairs — APR by product and tier, less subvention or
// loyalty discounts, over the cycles' terms — so the deterministic pow (~120 ns) is remembered per pair
// in a small direct-mapped table: the same bits, computed once per pair and thread.
const COMPOUND_SLOTS = 256;
const compoundRate = new Float64Array(COMPOUND_SLOTS).fill(NaN);
const compoundMonths = new Int32Array(COMPOUND_SLOTS);
const compoundValue = new Float64Array(COMPOUND_SLOTS);

/** (1 + rate)^months: the growth of one € at `rate` per month over a whole number of `months`. */
function compound(rate: number, months: number): number {
  const slot = (Math.imul(lowWord(rate) ^ highWord(rate), 0x9e3779b1) ^ months) & (COMPOUND_SLOTS - 1);
  if (compoundRate[slot] === rate && compoundMonths[slot] === months) return compoundValue[slot]!;
  const value = pow(1 + rate, months);
  compoundRate[slot] = rate;
  compoundMonths[slot] = months;
  compoundValue[slot] = value;
  return value;
}
