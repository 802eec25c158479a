import type { LeadsFacts } from './facts.ts';

/** The parameter defaults of rules/leads/salesperson-prepared.json, as constants. */
export const salespersonPreparedParameters = { minThirdPartyScore: 0.1 } as const;

const MIN_THIRD_PARTY_SCORE = salespersonPreparedParameters.minThirdPartyScore;

/**
 * rules/leads/salesperson-prepared.json written by hand: the index of the deciding rule in decision
 * order (priority descending; the file lists its rules in that order), or -1 when none fires.
 */
export function leadsSalespersonPrepared(f: LeadsFacts): number {
  if (f.source === 'third-party' && f.leadScore < MIN_THIRD_PARTY_SCORE) return 0;
  if (f.source === 'phone' || f.source === 'chat') return 1;
  if (f.source === 'lost-sale') return 2;
  if (f.source === 'data-mining') return 3;
  if (!f.withinOpeningHours) return 4;
  if (f.isExistingCustomer) return 5;
  return 6;
}
