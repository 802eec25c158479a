import type { LeadsFacts } from './facts.ts';

/** The parameter defaults of rules/leads/speed-to-lead.json, as constants. */
export const speedToLeadParameters = { openingHour: 8 } as const;

const OPENING_HOUR = speedToLeadParameters.openingHour;
const SATURDAY = 6;
const SUNDAY = 7;

/**
 * rules/leads/speed-to-lead.json written by hand: the index of the deciding rule in decision order
 * (priority descending; the file lists its rules in that order), or -1 when none fires.
 */
export function leadsSpeedToLead(f: LeadsFacts): number {
  if (f.source === 'phone' || f.source === 'chat') return 0;
  if (f.source === 'lost-sale') return 1;
  if (f.source === 'data-mining') return 2;
  if (!f.withinOpeningHours) {
    if (f.dayOfWeek === SUNDAY || (f.dayOfWeek === SATURDAY && f.hourOfDay >= OPENING_HOUR)) return 3;
    if (f.hourOfDay < OPENING_HOUR) return 4;
    return 5;
  }
  // Only web-form and third-party leads are left here.
  return 6;
}
