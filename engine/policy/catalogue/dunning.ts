import { DUNNING_ACTIONS } from '../../domain/lists.ts';
import type { KindCatalogue } from './types.ts';
import { creditTier, cycle, daysPastDue, product, segment } from './shared.ts';

/** Dunning: what the captive does about a delinquent contract this month (order-to-cash). */
export const dunning: KindCatalogue = {
  kind: 'dunning',
  evaluated: 'every month, for each delinquent contract',
  facts: [
    daysPastDue,
    {
      name: 'missedPayments',
      type: 'integer',
      unit: 'count',
      min: 0,
      max: 96,
      meaning: 'instalments currently unpaid',
    },
    segment,
    creditTier,
    {
      name: 'outstanding',
      type: 'number',
      unit: '€',
      min: 0,
      max: 500000,
      meaning: 'the exposure at risk: the unpaid instalments plus the remaining balance',
    },
    {
      name: 'disputeOpen',
      type: 'boolean',
      unit: '',
      meaning: 'whether the customer disputes the amount (a dispute, not inability to pay)',
    },
    {
      name: 'brokenPromises',
      type: 'integer',
      unit: 'count',
      min: 0,
      max: 96,
      meaning: 'payment promises or plans the customer has broken in this delinquency',
    },
    {
      name: 'insured',
      type: 'boolean',
      unit: '',
      meaning: 'whether the contract is covered by payment protection (retail credit insurance)',
    },
    {
      name: 'claimFiled',
      type: 'boolean',
      unit: '',
      meaning: 'whether a payment-protection claim has been filed for this delinquency',
    },
    {
      name: 'agencyPlaced',
      type: 'boolean',
      unit: '',
      meaning: 'whether the debt is placed with a collection agency',
    },
    {
      name: 'paymentPlanActive',
      type: 'boolean',
      unit: '',
      meaning: 'whether a payment plan is running',
    },
    {
      name: 'actionsTaken',
      type: 'list',
      values: DUNNING_ACTIONS,
      unit: '',
      meaning: 'the dunning actions already taken in this delinquency',
    },
    product,
    cycle,
  ],
  actions: [
    {
      type: 'remind',
      meaning: 'send a structured payment reminder',
      params: [
        {
          name: 'channel',
          type: 'enum',
          values: ['sms', 'email', 'letter', 'phone'],
          unit: '',
          required: true,
          meaning: 'how the reminder is sent',
        },
      ],
    },
    { type: 'call', meaning: 'a collector calls the customer', params: [] },
    {
      type: 'payment-plan',
      meaning: 'offer a payment plan that spreads the arrears',
      params: [
        {
          name: 'months',
          type: 'integer',
          unit: 'months',
          min: 1,
          max: 12,
          required: false,
          meaning: 'months over which the arrears are spread; 3 when omitted',
        },
      ],
    },
    { type: 'dispute-review', meaning: 'review the disputed amount before any escalation', params: [] },
    {
      type: 'collection-agency',
      meaning: 'place the debt with a collection agency (contingency fee)',
      params: [],
    },
    {
      type: 'insurance-claim',
      meaning:
        'claim under the payment protection: pays the arrears and a year of instalments only when an insured event (death, disability, unemployment) caused the delinquency, and nothing outside the claim window',
      params: [],
    },
    { type: 'repossess', meaning: 'terminate the contract and repossess the vehicle', params: [] },
    {
      type: 'write-off',
      meaning: 'terminate the contract and write off the exposure without repossession',
      params: [],
    },
    { type: 'hold', meaning: 'take no action this month', params: [] },
  ],
};
