import { HANDLERS, LEAD_SOURCES } from '../../domain/lists.ts';
import type { KindCatalogue } from './types.ts';
import { dealerHasBdc, region } from './shared.ts';

/** Leads: who works an arriving lead, how fast and how persistently (speed to lead, BDC). */
export const leads: KindCatalogue = {
  kind: 'leads',
  evaluated: 'for each arriving lead',
  facts: [
    {
      name: 'source',
      type: 'enum',
      values: LEAD_SOURCES,
      unit: '',
      meaning:
        'where the lead comes from: a web enquiry, an inbound call or chat, a bought lead, a lost-sale quote to call back, or an in-market customer found by data mining',
    },
    {
      name: 'hourOfDay',
      type: 'integer',
      unit: 'hour',
      min: 0,
      max: 23,
      meaning: 'local hour the lead arrived',
    },
    {
      name: 'dayOfWeek',
      type: 'integer',
      unit: 'day',
      min: 1,
      max: 7,
      meaning: 'day the lead arrived, 1 = Monday … 7 = Sunday',
    },
    {
      name: 'withinOpeningHours',
      type: 'boolean',
      unit: '',
      meaning: 'whether the lead arrived while the showroom was open',
    },
    {
      name: 'interest',
      type: 'enum',
      values: ['new', 'used'],
      unit: '',
      meaning: 'whether the lead asks about a new or a used vehicle',
    },
    {
      name: 'isExistingCustomer',
      type: 'boolean',
      unit: '',
      meaning: 'whether the lead is a customer of the captive already',
    },
    {
      name: 'leadScore',
      type: 'number',
      unit: '0–1',
      min: 0,
      max: 1,
      meaning: 'the estimated purchase propensity of the lead',
    },
    {
      name: 'bdcAvailable',
      type: 'boolean',
      unit: '',
      meaning: "whether the dealer's BDC has capacity left this month",
    },
    dealerHasBdc,
    region,
  ],
  actions: [
    {
      type: 'route',
      meaning: 'hand the lead to a handler with a response-time target and an attempt budget',
      params: [
        {
          name: 'handler',
          type: 'enum',
          values: HANDLERS,
          unit: '',
          required: true,
          meaning: 'who works the lead',
        },
        {
          name: 'responseMinutes',
          type: 'number',
          unit: 'minutes',
          min: 0,
          max: 10080,
          required: true,
          meaning: 'target time from arrival to the first call',
        },
        {
          name: 'maxAttempts',
          type: 'integer',
          unit: 'calls',
          min: 1,
          max: 10,
          required: true,
          meaning: 'call attempts the policy asks for before giving up',
        },
        {
          name: 'prepareFirst',
          type: 'boolean',
          unit: '',
          required: false,
          meaning:
            'whether the handler prepares (quote, stock check) before the first call; false when omitted',
        },
      ],
    },
    { type: 'discard', meaning: 'do not work the lead', params: [] },
  ],
};
