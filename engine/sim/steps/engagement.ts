import { OFFERS } from '../../domain/lists.ts';
import { CHANNELS, CREDIT_TIERS, POWERTRAINS, PRODUCTS, REGIONS, SEGMENTS } from '../../domain/lists.ts';
import { interpolate } from '../../world/curve.ts';
import { MAX_MONTHS_TO_END } from '../../world/resolve.ts';
import type { Sim } from '../context.ts';
import { DECISIONS } from '../../random/decisions.ts';
import { OFFER_LISTS } from '../facts.ts';
import { CAT } from '../ledger.ts';
import { UNDECIDED } from '../../policy/compile/index.ts';
import { EVENT_CONTACT } from '../policies.ts';
import { uniform } from '../../random/streams.ts';
import { contractValue } from '../valuation.ts';
import { daysPastDue } from '../state.ts';

/*
 * Step 4: every active contract before its last month gets the engagement decision. A contact is carried
 * out only as the dealer's discipline allows (BDC dealers drop fewer); when it is, its cost is booked and
 * its effect remembered on the contract: the best timing × channel effect, the offers made, the largest
 * incentive and waiver. A customer holding an early-upgrade offer upgrades this month with the world's
 * probability for their equity (plus waived instalments); upgrades end after the loop (maturity.ts).
 */

const EARLY_UPGRADE = 1 << OFFERS.indexOf('early-upgrade');

export function engagementStep(sim: Sim, t: number): void {
  const C = sim.contracts;
  const w = sim.w;
  const key = sim.key;
  const rt = sim.engagement;
  const f = sim.engagementSlots;
  const r = sim.engagementReads;
  const readsEquity = r.equity;
  const plan = sim.engagementPlan;
  const num = rt.num;
  const ref = rt.ref;
  const fired = rt.fired;
  // Slot indices and the facts the rules read, in locals for the loop.
  const sCycle = f.cycle;
  const sToEnd = f.monthsToEnd;
  const sOnBook = f.monthsOnBook;
  const sTerm = f.termMonths;
  const sEquity = f.equity;
  const sScore = f.loyaltyScore;
  const sDpd = f.daysPastDue;
  const sLastContact = f.lastContactMonthsAgo;
  const sContacts = f.contactsThisContract;
  const sProduct = f.product;
  const sSegment = f.segment;
  const sTier = f.creditTier;
  const sOffers = f.offersMade;
  const sChannel = f.preferredChannel;
  const sBdc = f.dealerHasBdc;
  const sRegion = f.region;
  const sPowertrain = f.powertrain;
  const rProduct = r.product;
  const rSegment = r.segment;
  const rTier = r.creditTier;
  const rOffers = r.offersMade;
  const rChannel = r.preferredChannel;
  const rBdc = r.dealerHasBdc;
  const rRegion = r.region;
  const rPowertrain = r.powertrain;
  const active = C.active;
  const startMonth = C.startMonth;
  const monthsOnBook = C.monthsOnBook;
  const term = C.term;
  const customer = C.customer;
  const cycle = C.cycle;
  const product = C.product;
  const balance = C.balance;
  const payment = C.payment;
  const missed = C.missed;
  const delinquentSince = C.delinquentSince;
  const lastContact = C.lastContactMonth;
  const contacts = C.contacts;
  const offersMade = C.offersMade;
  const best = C.bestContactLogOdds;
  const incentive = C.incentive;
  const waive = C.waiveMonths;
  const segment = C.segment;
  const tier = C.tier;
  const score = C.loyaltyScore;
  const channel = C.channel;
  const dealerOf = C.dealer;
  const customerId = C.customerId;
  const powertrain = C.powertrain;
  const timing = w.timingLogOdds;
  const channelWeight = w.channelWeight;
  const preferredBonus = w.preferredChannelBonus;
  const contactCost = w.contactCost;
  const execute = sim.executeProbability;
  const hasBdc = sim.dealerHasBdc;
  const regionOf = sim.dealerRegion;
  const upgradeCurve = w.earlyUpgradeByEquity;
  const pType = plan.type;
  const pChannel = plan.channel;
  const pOffer = plan.offer;
  const pIncentive = plan.incentive;
  const pWaive = plan.waive;
  const trace = sim.trace;
  // Followed runs (explain) load every fact, so the trace sees each decision as evaluated; results are
  // the same either way (tested).
  const settled = trace === null ? sim.engagementSettled : null;

  for (let i = 0, end = C.end; i < end; i++) {
    if (active[i] === 0 || startMonth[i]! >= t) continue;
    const m = monthsOnBook[i]!;
    const toEnd = term[i]! - m;
    if (toEnd < 1) continue;
    const d = dealerOf[i]!;
    const behind = missed[i]!;
    const lastMonth = lastContact[i]!;
    const monthsSinceContact = lastMonth < 0 ? m : t - lastMonth;
    const decided =
      behind === 0 && settled !== null ? settled.at(toEnd, contacts[i]!, monthsSinceContact) : UNDECIDED;
    let equity = 0;
    let n: number;
    if (decided !== UNDECIDED) n = rt.take(decided);
    else {
      if (readsEquity) equity = contractValue(sim, i, t) - balance[i]!;
      num[sCycle] = cycle[i]!;
      num[sToEnd] = toEnd;
      num[sOnBook] = m;
      num[sTerm] = term[i]!;
      num[sEquity] = equity;
      num[sScore] = score[i]!;
      num[sDpd] = behind > 0 ? daysPastDue(t - delinquentSince[i]!) : 0;
      num[sLastContact] = monthsSinceContact;
      num[sContacts] = contacts[i]!;
      if (rProduct) ref[sProduct] = PRODUCTS[product[i]!];
      if (rSegment) ref[sSegment] = SEGMENTS[segment[i]!];
      if (rTier) ref[sTier] = CREDIT_TIERS[tier[i]!];
      if (rOffers) ref[sOffers] = OFFER_LISTS[offersMade[i]!];
      if (rChannel) ref[sChannel] = CHANNELS[channel[i]!];
      if (rBdc) ref[sBdc] = hasBdc[d] === 1;
      if (rRegion) ref[sRegion] = REGIONS[regionOf[d]!];
      if (rPowertrain) ref[sPowertrain] = POWERTRAINS[powertrain[i]!];
      n = rt.decide();
    }

    for (let k = 0; k < n; k++) {
      const rule = fired[k]!;
      if (pType[rule] !== EVENT_CONTACT) {
        if (trace !== null && customerId[i] === trace.customerId) trace.engagement(sim, i, t, rule, null);
        continue;
      }
      const executed = uniform(key, customerId[i]!, DECISIONS.engagementExecuted, t, k) < execute[d]!;
      if (trace !== null && customerId[i] === trace.customerId) trace.engagement(sim, i, t, rule, executed);
      if (!executed) continue;
      const ch = pChannel[rule]!;
      sim.book(CAT.engagementCosts, cycle[i]!, -contactCost[ch]!, customer[i]!);
      let effect = timing[toEnd < MAX_MONTHS_TO_END ? toEnd : MAX_MONTHS_TO_END]! * channelWeight[ch]!;
      if (ch === channel[i]) effect *= preferredBonus;
      if (contacts[i] === 0 || effect > best[i]!) best[i] = effect;
      contacts[i]!++;
      lastContact[i] = t;
      offersMade[i]! |= 1 << pOffer[rule]!;
      if (pIncentive[rule]! > incentive[i]!) incentive[i] = pIncentive[rule]!;
      if (pWaive[rule]! > waive[i]!) waive[i] = pWaive[rule]!;
    }

    if ((offersMade[i]! & EARLY_UPGRADE) !== 0 && behind === 0) {
      let waived = waive[i]!;
      if (waived > toEnd) waived = toEnd;
      const value = readsEquity && decided === UNDECIDED ? equity : contractValue(sim, i, t) - balance[i]!;
      const p = interpolate(upgradeCurve, value + waived * payment[i]!);
      const upgrades = p > 0 && uniform(key, customerId[i]!, DECISIONS.earlyUpgrade, t) < p;
      if (upgrades) sim.upgrading.push(i);
      if (trace !== null && customerId[i] === trace.customerId) trace.upgradeOffer(sim, i, t, p, upgrades);
    }
  }
}
