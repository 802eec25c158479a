import { CONDITIONS, DAMAGE } from '../../domain/lists.ts';
import type { KindCatalogue } from './types.ts';
import { powertrain } from './shared.ts';

/** Remarketing: what happens to a returned vehicle — refurbish into its next cycle, or wholesale. */
export const remarketing: KindCatalogue = {
  kind: 'remarketing',
  evaluated: 'when a vehicle comes back (maturity return, early upgrade or repossession)',
  facts: [
    {
      name: 'cycleEnded',
      type: 'integer',
      unit: 'cycle',
      min: 1,
      max: 3,
      meaning: 'the cycle of the contract that just ended',
    },
    {
      name: 'vehicleAgeMonths',
      type: 'integer',
      unit: 'months',
      min: 0,
      max: 240,
      meaning: "the vehicle's age since first registration",
    },
    {
      name: 'mileageKm',
      type: 'number',
      unit: 'km',
      min: 0,
      max: 1000000,
      meaning: "the vehicle's odometer reading",
    },
    {
      name: 'condition',
      type: 'enum',
      values: CONDITIONS,
      unit: '',
      meaning: "the inspector's grade of the vehicle",
    },
    {
      name: 'damage',
      type: 'list',
      values: DAMAGE,
      unit: '',
      meaning: 'the kinds of damage the inspection found',
    },
    {
      name: 'marketValue',
      type: 'number',
      unit: '€',
      min: 0,
      max: 500000,
      meaning: 'wholesale market value as returned',
    },
    {
      name: 'retailValue',
      type: 'number',
      unit: '€',
      min: 0,
      max: 500000,
      meaning: 'expected used retail value after refurbishment',
    },
    {
      name: 'refurbCostEstimate',
      type: 'number',
      unit: '€',
      min: 0,
      max: 100000,
      meaning: 'estimated reconditioning cost',
    },
    {
      name: 'serviceHistoryComplete',
      type: 'boolean',
      unit: '',
      meaning: 'whether the vehicle has a complete dealer service history',
    },
    powertrain,
  ],
  actions: [
    {
      type: 'refurbish',
      meaning: 'recondition the vehicle at the original dealer and put it in inventory for its next cycle',
      params: [
        {
          name: 'next',
          type: 'enum',
          values: ['lease-used', 'loan'],
          unit: '',
          required: true,
          meaning: 'the product of the next cycle: a used lease (cycle 2) or conventional finance (cycle 3)',
        },
      ],
    },
    { type: 'wholesale', meaning: 'sell the vehicle at auction as it is', params: [] },
  ],
};
