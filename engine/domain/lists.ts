/**
 * The domain's enumerations, one definition each, so one word means one thing everywhere: the world's
 * assumptions, the portfolio, the policy catalogue, the simulator, the statistics and the workbench
 * all index their tables by these lists (the position of a value is its index in typed arrays).
 */

/** The four policy kinds. Each is one rule set evaluated at its own moment of the monthly step. */
export const POLICY_KINDS = ['engagement', 'leads', 'dunning', 'remarketing'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

// Customers and their contracts.
export const SEGMENTS = ['reliable', 'occasional', 'habitual-late'] as const;
export const CREDIT_TIERS = ['prime', 'near-prime', 'subprime'] as const;
export const PRODUCTS = ['lease', 'loan'] as const;
export const REGIONS = ['north', 'south', 'east', 'west', 'central'] as const;
export const POWERTRAINS = ['ice', 'hybrid', 'ev'] as const;
export const CHANNELS = ['phone', 'email', 'sms', 'letter', 'dealer-visit'] as const;

/** Engagement: what a retention contact offers. */
export const OFFERS = ['none', 'early-upgrade', 'loyalty-rate', 'service-package', 'extension'] as const;

/** Leads: where a lead comes from and who works it. */
export const LEAD_SOURCES = ['web-form', 'phone', 'chat', 'third-party', 'lost-sale', 'data-mining'] as const;
export const HANDLERS = ['salesperson', 'bdc'] as const;

/** Dunning: what the captive can do about a delinquent contract. */
export const DUNNING_ACTIONS = [
  'remind',
  'call',
  'payment-plan',
  'dispute-review',
  'collection-agency',
  'insurance-claim',
  'repossess',
  'write-off',
  'hold',
] as const;

/** Remarketing: inspection grades and damage kinds of a returned vehicle. */
export const CONDITIONS = ['excellent', 'good', 'fair', 'poor'] as const;
export const DAMAGE = ['body', 'interior', 'mechanical', 'tyres', 'glass'] as const;
