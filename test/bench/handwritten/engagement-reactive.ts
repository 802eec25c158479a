import type { EngagementFacts } from './facts.ts';

/** The parameter defaults of rules/engagement/reactive.json, as constants. */
export const reactiveParameters = {
  contactWindowMonths: 3,
  repeatAfterMonths: 1,
  maxContacts: 2,
  extensionMonths: 1,
} as const;

const CONTACT_WINDOW_MONTHS = reactiveParameters.contactWindowMonths;
const REPEAT_AFTER_MONTHS = reactiveParameters.repeatAfterMonths;
const MAX_CONTACTS = reactiveParameters.maxContacts;
const EXTENSION_MONTHS = reactiveParameters.extensionMonths;

/**
 * rules/engagement/reactive.json written by hand: the index of the deciding rule in decision order
 * (priority descending; the file lists its rules in that order), or -1 when none fires.
 */
export function engagementReactive(f: EngagementFacts): number {
  if (f.monthsToEnd > CONTACT_WINDOW_MONTHS) return 0;
  if (f.contactsThisContract > 0 && f.lastContactMonthsAgo < REPEAT_AFTER_MONTHS) return 1;
  if (f.contactsThisContract >= MAX_CONTACTS) return 2;
  if (
    f.product === 'lease' &&
    f.monthsToEnd <= EXTENSION_MONTHS &&
    f.daysPastDue === 0 &&
    !f.offersMade.includes('extension')
  )
    return 3;
  if (f.dealerHasBdc) return 4;
  if (f.monthsToEnd <= CONTACT_WINDOW_MONTHS) return 5;
  return -1;
}
