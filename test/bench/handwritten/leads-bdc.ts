import type { LeadsFacts } from './facts.ts';

/** The parameter defaults of rules/leads/bdc.json, as constants. */
export const bdcParameters = { dataMiningMinScore: 0.3, openingHour: 8, bdcClosingHour: 21 } as const;

const DATA_MINING_MIN_SCORE = bdcParameters.dataMiningMinScore;
const OPENING_HOUR = bdcParameters.openingHour;
const BDC_CLOSING_HOUR = bdcParameters.bdcClosingHour;

/**
 * rules/leads/bdc.json written by hand: the index of the deciding rule in decision order
 * (priority descending; the file lists its rules in that order), or -1 when none fires.
 */
export function leadsBdc(f: LeadsFacts): number {
  const source = f.source;
  if (source === 'data-mining' && f.leadScore < DATA_MINING_MIN_SCORE) return 0;
  const inbound = source === 'phone' || source === 'chat';
  if (f.dealerHasBdc && f.bdcAvailable) {
    if (inbound) return 1;
    if (source === 'lost-sale') return 2;
    if (source === 'data-mining') return 3;
    if (f.hourOfDay < OPENING_HOUR || f.hourOfDay >= BDC_CLOSING_HOUR) return 4;
    return 5;
  }
  if (inbound) return 6;
  if (source === 'lost-sale' || source === 'data-mining') return 7;
  if (!f.withinOpeningHours) return 8;
  return 9;
}
