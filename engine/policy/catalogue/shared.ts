import type { FactSpec } from './types.ts';

import { CREDIT_TIERS, POWERTRAINS, PRODUCTS, REGIONS, SEGMENTS } from '../../domain/lists.ts';

/** Facts shared by several kinds, so one word means one thing everywhere. */

export const cycle: FactSpec = {
  name: 'cycle',
  type: 'integer',
  unit: 'cycle',
  min: 1,
  max: 3,
  meaning:
    "the contract's place in the vehicle's life: 1 new subsidised lease, 2 used re-lease after refurbishment, 3 conventional finance",
};
export const product: FactSpec = {
  name: 'product',
  type: 'enum',
  values: PRODUCTS,
  unit: '',
  meaning: 'the financial product of the contract',
};
export const segment: FactSpec = {
  name: 'segment',
  type: 'enum',
  values: SEGMENTS,
  unit: '',
  meaning: "the customer's payment behaviour: reliable payer, occasional forgetter or habitual late payer",
};
export const creditTier: FactSpec = {
  name: 'creditTier',
  type: 'enum',
  values: CREDIT_TIERS,
  unit: '',
  meaning: "the customer's credit tier at origination (FICO ≥680 / 620–679 / <620)",
};
export const region: FactSpec = {
  name: 'region',
  type: 'enum',
  values: REGIONS,
  unit: '',
  meaning: "the region of the customer's dealer",
};
export const powertrain: FactSpec = {
  name: 'powertrain',
  type: 'enum',
  values: POWERTRAINS,
  unit: '',
  meaning: "the vehicle's powertrain",
};
export const dealerHasBdc: FactSpec = {
  name: 'dealerHasBdc',
  type: 'boolean',
  unit: '',
  meaning: "whether the customer's dealer runs a business development centre (BDC, contact centre)",
};
export const daysPastDue: FactSpec = {
  name: 'daysPastDue',
  type: 'integer',
  unit: 'days',
  min: 0,
  max: 3650,
  meaning: 'days since the oldest unpaid instalment fell due; 0 when the contract is current',
};
export const loyaltyScore: FactSpec = {
  name: 'loyaltyScore',
  type: 'number',
  unit: '0–1',
  min: 0,
  max: 1,
  meaning: "the captive's loyalty score of the customer (a noisy reading of latent loyalty)",
};
