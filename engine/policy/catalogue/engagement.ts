import type { KindCatalogue } from './types.ts';
import { CHANNELS, OFFERS } from '../../domain/lists.ts';
import {
  creditTier,
  cycle,
  daysPastDue,
  dealerHasBdc,
  loyaltyScore,
  powertrain,
  product,
  region,
  segment,
} from './shared.ts';

/** Engagement: how and when the captive re-engages a customer before the contract ends (TCM). */
export const engagement: KindCatalogue = {
  kind: 'engagement',
  evaluated: 'every month, for each active contract',
  facts: [
    cycle,
    product,
    {
      name: 'monthsToEnd',
      type: 'integer',
      unit: 'months',
      min: 0,
      max: 96,
      meaning: 'months until the contract matures',
    },
    {
      name: 'monthsOnBook',
      type: 'integer',
      unit: 'months',
      min: 0,
      max: 96,
      meaning: 'months since the contract started',
    },
    {
      name: 'termMonths',
      type: 'integer',
      unit: 'months',
      min: 1,
      max: 96,
      meaning: 'the contractual term',
    },
    {
      name: 'equity',
      type: 'number',
      unit: '€',
      min: -50000,
      max: 50000,
      meaning:
        "the customer's equity: market value of the vehicle minus the payoff (remaining balance or residual); positive favours an early upgrade",
    },
    loyaltyScore,
    segment,
    creditTier,
    daysPastDue,
    {
      name: 'lastContactMonthsAgo',
      type: 'integer',
      unit: 'months',
      min: 0,
      max: 96,
      meaning:
        'months since the last engagement contact on this contract; equals monthsOnBook when never contacted',
    },
    {
      name: 'contactsThisContract',
      type: 'integer',
      unit: 'count',
      min: 0,
      max: 96,
      meaning: 'engagement contacts made on this contract so far',
    },
    {
      name: 'offersMade',
      type: 'list',
      values: OFFERS,
      unit: '',
      meaning: 'the offers already made to the customer on this contract',
    },
    {
      name: 'preferredChannel',
      type: 'enum',
      values: CHANNELS,
      unit: '',
      meaning: 'the channel the customer answers best',
    },
    dealerHasBdc,
    region,
    powertrain,
  ],
  actions: [
    {
      type: 'contact',
      meaning:
        "contact the customer about the contract's end, through the dealer (carried out as the dealer's discipline allows)",
      params: [
        {
          name: 'channel',
          type: 'enum',
          values: CHANNELS,
          unit: '',
          required: true,
          meaning: 'how the customer is contacted',
        },
        {
          name: 'offer',
          type: 'enum',
          values: OFFERS,
          unit: '',
          required: false,
          meaning: "what is offered; 'none' when omitted",
        },
        {
          name: 'incentive',
          type: 'number',
          unit: '€',
          min: 0,
          max: 20000,
          required: false,
          meaning: 'a one-off incentive paid if the customer renews; 0 when omitted',
        },
        {
          name: 'waivePayments',
          type: 'integer',
          unit: 'months',
          min: 0,
          max: 6,
          required: false,
          meaning: 'remaining instalments waived if the customer upgrades early; 0 when omitted',
        },
      ],
    },
    { type: 'none', meaning: 'do nothing this month', params: [] },
  ],
};
