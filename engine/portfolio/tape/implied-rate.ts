import { pow } from '../../math/index.ts';

/** Highest monthly rate searched for, 0–1: 5% a month is 80% a year, beyond any consumer contract. */
const MAX_RATE = 0.05;

/**
 * The monthly rate at which `months` instalments of `instalment` € and a final `residual` € repay
 * `balance` € today, 0–1; undefined when no rate in 0–5% a month does (the amounts do not belong to
 * one contract). A tape without a nominal rate keeps its amounts as they are: this reads the rate they
 * imply rather than pricing the contract anew. Bisection on the present value, which falls as the rate
 * rises; 60 halvings pin the rate far below a cent of interest.
 * @example impliedMonthlyRate(10_000, 299.71, 36, 0) // ≈ 0.004167 (5% a year)
 */
export function impliedMonthlyRate(
  balance: number,
  instalment: number,
  months: number,
  residual: number,
): number | undefined {
  if (months <= 0) return 0;
  const presentValue = (r: number): number => {
    if (r === 0) return instalment * months + residual;
    const discount = pow(1 + r, -months);
    return (instalment * (1 - discount)) / r + residual * discount;
  };
  // A cent of rounding per instalment is not a contradiction.
  const tolerance = 0.01 * (months + 1);
  if (presentValue(0) < balance - tolerance) return undefined;
  if (presentValue(0) <= balance) return 0;
  if (presentValue(MAX_RATE) > balance + tolerance) return undefined;
  let low = 0;
  let high = MAX_RATE;
  for (let k = 0; k < 60; k++) {
    const mid = (low + high) / 2;
    if (presentValue(mid) > balance) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
