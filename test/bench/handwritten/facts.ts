/**
 * Typed fact records for the hand-written policies: one named property per catalogue fact
 * (engine/policy/catalogue), as a developer would model them without a rules engine.
 */
import type {
  CREDIT_TIERS,
  CHANNELS,
  POWERTRAINS,
  PRODUCTS,
  REGIONS,
  SEGMENTS,
} from '../../../engine/domain/lists.ts';
import type { OFFERS } from '../../../engine/domain/lists.ts';
import type { LEAD_SOURCES } from '../../../engine/domain/lists.ts';
import type { DUNNING_ACTIONS } from '../../../engine/domain/lists.ts';
import type { CONDITIONS, DAMAGE } from '../../../engine/domain/lists.ts';

type Segment = (typeof SEGMENTS)[number];
type CreditTier = (typeof CREDIT_TIERS)[number];
type Product = (typeof PRODUCTS)[number];
type Region = (typeof REGIONS)[number];
type Powertrain = (typeof POWERTRAINS)[number];
type Channel = (typeof CHANNELS)[number];

export interface EngagementFacts {
  cycle: number;
  product: Product;
  /** months */
  monthsToEnd: number;
  /** months */
  monthsOnBook: number;
  /** months */
  termMonths: number;
  /** € */
  equity: number;
  /** 0–1 */
  loyaltyScore: number;
  segment: Segment;
  creditTier: CreditTier;
  /** days */
  daysPastDue: number;
  /** months */
  lastContactMonthsAgo: number;
  contactsThisContract: number;
  offersMade: readonly (typeof OFFERS)[number][];
  preferredChannel: Channel;
  dealerHasBdc: boolean;
  region: Region;
  powertrain: Powertrain;
}

export interface LeadsFacts {
  source: (typeof LEAD_SOURCES)[number];
  /** local hour, 0–23 */
  hourOfDay: number;
  /** 1 = Monday … 7 = Sunday */
  dayOfWeek: number;
  withinOpeningHours: boolean;
  interest: 'new' | 'used';
  isExistingCustomer: boolean;
  /** 0–1 */
  leadScore: number;
  bdcAvailable: boolean;
  dealerHasBdc: boolean;
  region: Region;
}

export interface DunningFacts {
  /** days */
  daysPastDue: number;
  missedPayments: number;
  segment: Segment;
  creditTier: CreditTier;
  /** € */
  outstanding: number;
  disputeOpen: boolean;
  brokenPromises: number;
  insured: boolean;
  claimFiled: boolean;
  agencyPlaced: boolean;
  paymentPlanActive: boolean;
  actionsTaken: readonly (typeof DUNNING_ACTIONS)[number][];
  product: Product;
  cycle: number;
}

export interface RemarketingFacts {
  cycleEnded: number;
  /** months */
  vehicleAgeMonths: number;
  /** km */
  mileageKm: number;
  condition: (typeof CONDITIONS)[number];
  damage: readonly (typeof DAMAGE)[number][];
  /** € */
  marketValue: number;
  /** € */
  retailValue: number;
  /** € */
  refurbCostEstimate: number;
  serviceHistoryComplete: boolean;
  powertrain: Powertrain;
}
