import { logistic, logit } from '../../world/resolve.ts';
import type { Sim } from '../context.ts';
import { DECISIONS } from '../../random/decisions.ts';
import { CAPTIVE, CAT } from '../ledger.ts';
import { addressIn, uniformAt, uniform } from '../../random/streams.ts';

/*
 * Step 2: this month's instalment falls due on every contract that started before this month and has
 * not reached its term. The scheduled balance amortises and the captive books the month's running
 * entries: customer interest on the balance; funding cost on the debt part of the exposure (balance and
 * arrears less the equity held against them); servicing cost; the capital charge (hurdle × that
 * equity: the capital ratio on the credit part, the residual capital ratio on a lease's balloon); the
 * straight-line share of the deferred subsidy and dealer commission; the captive's commission on the
 * payment-protection premium an insured customer pays the insurer. A delinquent contract past its term
 * still costs funding, servicing and capital. A current contract misses the instalment with the world's
 * miss probability for its segment and tier (times the macro stress odds of the month, and the
 * re-default odds while it is forborne). A miss opens a delinquency, possibly a dispute, possibly caused
 * by an insured event; dunning takes it from there (every delinquent contract is listed, in slot order,
 * for the dunning step). The month's start is also where the book's delinquency stock is counted: each
 * contract on book by tier and days-past-due bucket, and whether it is forborne.
 */

// V8 boxed the month's balance sum, a double local added to in the loop, as a new heap number at
// every contract-month (found with --trace-allocation-stack-interval); a typed-array cell is not.
// Steps run synchronously, so one cell serves every simulation in the thread.
// [0] the month's exposure, [1] premiums paid to the insurer, [2] forborne contracts, [3] instalments
// the insurer paid.
const SUMS = new Float64Array(4);

export function paymentsStep(sim: Sim, t: number): void {
  const C = sim.contracts;
  const w = sim.w;
  const ledger = sim.ledger;
  const counters = sim.counters;
  const active = C.active;
  const startMonth = C.startMonth;
  const monthsOnBook = C.monthsOnBook;
  const term = C.term;
  const balance = C.balance;
  const rate = C.rate;
  const payment = C.payment;
  const missed = C.missed;
  const cycle = C.cycle;
  const insured = C.insured;
  const missStream = C.missStream;
  const lastDue = C.lastDueMonth;
  const segment = C.segment;
  const tier = C.tier;
  const dealer = C.dealer;
  const fund = w.fundingMonthly;
  const premiumRate = w.insurancePremiumMonthly;
  const insuranceCommission = w.insuranceCommissionShare;
  const forborneUntil = C.forborneUntil;
  const coveredUntil = C.coveredUntil;
  const forborneOdds = w.forborneMissLogOdds;
  const delinquentSince = C.delinquentSince;
  const contractMonths = counters.contractMonths;
  const balanceByTier = counters.balanceMonthsByTier;
  const bucketMonths = counters.bucketMonths;
  const miss = w.missProbability;
  const stress = sim.stressLogOdds[t]!;
  const subsidyCat = CAT.subsidy;
  const commissionCat = CAT.dealerCommission;
  const subsidyDeferred = C.subsidyDeferred;
  const commissionDeferred = C.commissionDeferred;
  const balloon = C.balloon;
  const capitalRatio = w.capitalRatio;
  const residualCapitalRatio = w.residualCapitalRatio;
  const hurdle = w.hurdleMonthly;
  const servicing = 0 - w.servicingCostPerMonth;
  const premium = CAT.insurancePremiums;
  const delinquent = sim.delinquent;
  const trace = sim.trace;
  const customerId = C.customerId;
  delinquent.clear();
  const sums = SUMS;
  sums.fill(0);

  for (let i = 0, end = C.end; i < end; i++) {
    if (active[i] === 0 || startMonth[i]! >= t) continue;
    const bal = balance[i]!;
    const m = monthsOnBook[i]!;
    const exposure = bal + missed[i]! * payment[i]!;
    sums[0]! += exposure;
    const s = segment[i]!;
    const g = tier[i]!;
    contractMonths[g]!++;
    balanceByTier[g]! += exposure;
    if (missed[i] === 0) bucketMonths[g * 4]!++;
    else {
      const behind = t - 1 - delinquentSince[i]!;
      bucketMonths[g * 4 + (behind < 0 ? 0 : behind > 3 ? 3 : behind)]!++;
    }
    const forborne = forborneUntil[i]! > t;
    if (forborne) sums[2]!++;
    const d = dealer[i]!;
    const k = cycle[i]!;
    const held = balloon[i]! < bal ? balloon[i]! : bal;
    const equity = capitalRatio * (exposure - held) + residualCapitalRatio * held;
    const funding = (equity - exposure) * fund;
    const capital = 0 - equity * hurdle;
    // Past its term only a delinquent contract stays on book: nothing more falls due.
    if (m >= term[i]!) {
      if (missed[i]! > 0) {
        ledger.bookContractMonth(k, s, g, d, 0, funding, servicing, capital);
        if (trace !== null && customerId[i] === trace.customerId) {
          trace.instalmentDue(sim, i, t, [0, funding, servicing, capital], 0, 0, 0);
        }
        delinquent.push(i);
      }
      continue;
    }
    const r = rate[i]!;
    const interest = bal * r;
    ledger.bookContractMonth(k, s, g, d, interest, funding, servicing, capital);
    const left = term[i]! - m;
    const sd = subsidyDeferred[i]!;
    const subsidyShare = sd / left;
    if (sd !== 0) {
      ledger.book(subsidyCat, CAPTIVE, k, subsidyShare, s, g, d);
      subsidyDeferred[i] = left === 1 ? 0 : sd - subsidyShare;
    }
    const cd = commissionDeferred[i]!;
    const commissionShare = cd / left;
    if (cd !== 0) {
      ledger.book(commissionCat, CAPTIVE, k, commissionShare, s, g, d);
      commissionDeferred[i] = left === 1 ? 0 : cd - commissionShare;
    }
    if (trace !== null && customerId[i] === trace.customerId) {
      trace.instalmentDue(
        sim,
        i,
        t,
        [interest, funding, servicing, capital],
        insured[i] === 1 ? insuranceCommission * premiumRate * bal : 0,
        subsidyShare,
        commissionShare,
      );
    }
    balance[i] = bal * (1 + r) - payment[i]!;
    monthsOnBook[i] = m + 1;
    lastDue[i] = t;
    if (insured[i] === 1 && premiumRate !== 0) {
      // The customer pays the insurer; the captive, its distributor, earns the commission.
      const paid = premiumRate * bal;
      sums[1]! += paid;
      if (insuranceCommission !== 0) ledger.book(premium, CAPTIVE, k, insuranceCommission * paid, s, g, d);
    }
    if (coveredUntil[i]! > t && missed[i] === 0) {
      // A paid claim's benefit months: the insurer pays the instalment.
      sums[3]! += payment[i]!;
    } else if (missed[i] === 0) {
      let p = miss[s * 3 + g]!;
      const odds = forborne ? stress + forborneOdds : stress;
      if (odds !== 0) p = withStress(p, odds);
      if (uniformAt(addressIn(missStream[i]!, t), 0) < p) {
        openDelinquency(sim, i, t);
        counters.episodes++;
        delinquent.push(i);
        if (trace !== null) trace.missed(sim, i, t);
      }
    } else delinquent.push(i);
  }
  counters.balanceMonths += sums[0]!;
  counters.insurancePremiums += sums[1]!;
  counters.forborneMonths += sums[2]!;
  counters.insuranceClaims += sums[3]!;
}

function openDelinquency(sim: Sim, i: number, t: number): void {
  const C = sim.contracts;
  C.clearDelinquency(i);
  C.missed[i] = 1;
  C.delinquentSince[i] = t;
  C.dispute[i] = uniform(sim.key, C.id[i]!, DECISIONS.paymentDispute, t) < sim.w.disputeShare ? 1 : 0;
  // Drawn for every contract, insured or not, so that insuring one does not move anyone else's luck.
  const event = uniform(sim.key, C.id[i]!, DECISIONS.insuredEvent, t) < sim.w.insuredEventShare;
  C.insuredEvent[i] = event && C.dispute[i] === 0 ? 1 : 0;
}

function withStress(p: number, stress: number): number {
  return logistic(logit(p) + stress);
}
