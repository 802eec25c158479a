import type { EngagementFacts } from './facts.ts';

/** The parameter defaults of rules/engagement/tcm.json, as constants. */
export const tcmParameters = {
  contactWindowStart: 18,
  contactWindowEnd: 12,
  repeatAfterMonths: 3,
  maxContacts: 4,
  equityThreshold: 1000,
  highLoyaltyScore: 0.7,
  lowLoyaltyScore: 0.4,
  extensionMonths: 3,
} as const;

const WINDOW_START = tcmParameters.contactWindowStart;
const WINDOW_END = tcmParameters.contactWindowEnd;
const REPEAT_AFTER_MONTHS = tcmParameters.repeatAfterMonths;
const MAX_CONTACTS = tcmParameters.maxContacts;
const EQUITY_THRESHOLD = tcmParameters.equityThreshold;
const HIGH_LOYALTY = tcmParameters.highLoyaltyScore;
const LOW_LOYALTY = tcmParameters.lowLoyaltyScore;
const EXTENSION_MONTHS = tcmParameters.extensionMonths;

/**
 * rules/engagement/tcm.json written by hand: the index of the deciding rule in decision order
 * (priority descending; the file lists its rules in that order), or -1 when none fires.
 */
export function engagementTcm(f: EngagementFacts): number {
  if (f.daysPastDue > 0) return 0;
  if (f.monthsToEnd > WINDOW_START) return 1;
  if (f.contactsThisContract > 0 && f.lastContactMonthsAgo < REPEAT_AFTER_MONTHS) return 2;
  if (f.contactsThisContract >= MAX_CONTACTS) return 3;
  const offers = f.offersMade;
  if (f.loyaltyScore >= HIGH_LOYALTY && !offers.includes('loyalty-rate')) return 4;
  const inUpgradeWindow = f.monthsToEnd <= WINDOW_START && f.monthsToEnd >= WINDOW_END;
  const upgradeCandidate =
    inUpgradeWindow && f.equity >= EQUITY_THRESHOLD && !offers.includes('early-upgrade');
  if (upgradeCandidate && f.loyaltyScore < LOW_LOYALTY) return 5;
  if (upgradeCandidate) return 6;
  if (offers.includes('early-upgrade') || offers.includes('loyalty-rate')) return 7;
  if (inUpgradeWindow && f.equity < 0 && !offers.includes('service-package')) return 8;
  if (f.monthsToEnd <= EXTENSION_MONTHS && f.equity < 0 && !offers.includes('extension')) return 9;
  if (f.dealerHasBdc) return 10;
  if (f.preferredChannel === 'email' || f.preferredChannel === 'sms') return 11;
  if (f.monthsToEnd <= WINDOW_START) return 12;
  return -1;
}
