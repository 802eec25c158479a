import type { PolicyKind } from '../../domain/lists.ts';
import type { ParameterValue } from '../../policy/rule-set.ts';
import type { LedgerCategory, Party } from '../ledger.ts';

/*
 * What `cyclecast explain` reports about one customer (docs/design.md §5): one record per thing that happened
 * to them, in the order the simulator did it (so in month order). Plain JSON: `--format json` prints
 * the records as they are; amounts are exact € (income positive, cost negative), never rounded.
 * `contract` is the customer's own contract number, 1 for their first (the starting book's, or the one
 * they were sold); contractId is the contract's stable identity.
 */

/** A rule of a policy that fired for the customer, with the event it decided. */
export interface PolicyDecision {
  readonly policy: PolicyKind;
  readonly rule: string;
  /** The event type (the action). */
  readonly action: string;
  /** The event's parameters, as the rule file states them. */
  readonly params?: Readonly<Record<string, ParameterValue>>;
}

/** How a contract came to the customer. */
export type ContractOrigin = 'starting-book' | 'renewal' | 'early-upgrade' | 'lead-sale' | 'placement';

/** A contract of the customer: on book at the start, or started this month. */
export interface ContractRecord {
  readonly type: 'contract';
  readonly month: number;
  readonly contract: number;
  readonly contractId: number;
  readonly origin: ContractOrigin;
  /** 1–3. */
  readonly cycle: number;
  readonly product: 'lease' | 'loan';
  readonly termMonths: number;
  /** Instalments fallen due before this month. */
  readonly monthsOnBook: number;
  /** Instalment, €/month. */
  readonly payment: number;
  /** Scheduled balance, €. */
  readonly balance: number;
  /** Lease residual, €; 0 for a loan. */
  readonly balloon: number;
  readonly insured: boolean;
  readonly vehicleId: number;
  /** Price of the vehicle when new, €. */
  readonly vehicleMsrp: number;
}

/** A lead that became this customer. */
export interface LeadRecord {
  readonly type: 'lead';
  readonly month: number;
  readonly source: string;
  readonly interest: 'new' | 'used';
  /** The leads rule that routed the lead. */
  readonly decision: PolicyDecision;
  /** Who worked it (a lead routed to a full or missing BDC falls back to a salesperson). */
  readonly handler: string;
  /** First response, minutes (with the preparation delay when the rule prepares first). */
  readonly responseMinutes: number;
}

/** An instalment fell due and was not paid: a delinquency opens. */
export interface MissedRecord {
  readonly type: 'missed';
  readonly month: number;
  readonly contract: number;
  /** The unpaid instalment, €. */
  readonly instalment: number;
  /** The customer disputes the invoice rather than being unable to pay. */
  readonly dispute: boolean;
}

/** What one dunning action achieved. */
export type DunningEffect =
  | 'cured'
  | 'no effect'
  | 'plan started'
  | 'plan already running'
  | 'no plan: dispute open'
  | 'plan declined'
  | 'placed with agency'
  | 'claim paid: arrears paid by the insurer'
  | 'claim rejected: no insured event'
  | 'claim filed too late (void)'
  | 'no claim: not insured'
  | 'no claim: already filed'
  | 'no claim: waiting period'
  | 'terminated'
  | 'hold';

/** How the month ended for a delinquent contract. */
export type DunningOutcome =
  'cured' | 'plan-started' | 'plan-kept' | 'plan-broken' | 'escalated' | 'unresolved' | 'defaulted';

/** What settled a cure or a default. */
export type DunningCause =
  | 'action'
  | 'self-cure'
  | 'dispute-resolved'
  | 'agency-collected'
  | 'plan-completed'
  | 'repossessed'
  | 'written-off'
  | 'charged-off';

/** The month's dunning of a delinquent contract: each action the policy decided, and the outcome. */
export interface DunningRecord {
  readonly type: 'dunning';
  readonly month: number;
  readonly contract: number;
  /** The facts the rules saw. */
  readonly daysPastDue: number;
  readonly missedPayments: number;
  /** Unpaid instalments plus remaining balance, €. */
  readonly outstanding: number;
  readonly disputeOpen: boolean;
  /** In decision order; empty when no rule fired. */
  readonly actions: (PolicyDecision & { effect: DunningEffect })[];
  outcome: DunningOutcome;
  /** What cured or ended the contract (cured and defaulted only). */
  cause?: DunningCause;
  /** The rule whose action cured or terminated the contract. */
  causeRule?: string;
  /** Instalments unpaid after the month. */
  missedAfter: number;
}

/** The engagement decision of one fired rule for one contract this month. */
export interface EngagementRecord {
  readonly type: 'engagement';
  readonly month: number;
  readonly contract: number;
  readonly decision: PolicyDecision;
  readonly monthsToEnd: number;
  /** Whether the dealer carried the contact out; null for a `none` event. */
  readonly executed: boolean | null;
}

/** A month in which the customer held an early-upgrade offer and was current. */
export interface UpgradeOfferRecord {
  readonly type: 'upgrade-offer';
  readonly month: number;
  readonly contract: number;
  /** Probability of upgrading this month, 0–1 (world curve of equity plus waived instalments). */
  readonly probability: number;
  readonly upgrades: boolean;
}

/** How the vehicle left a contract that ended. */
export type VehicleEnding = 'bought-out' | 'returned' | 'paid-off' | 'traded-in';

/** A contract reached its term (or the customer upgraded early). */
export interface MaturityRecord {
  readonly type: 'maturity';
  readonly month: number;
  readonly contract: number;
  readonly early: boolean;
  /** Clean value of the vehicle minus balance, €. */
  readonly equity: number;
  /** Probability of renewing, 0–1; null for an early upgrade (the customer has decided). */
  readonly renewalProbability: number | null;
  readonly renewed: boolean;
  /** The lease was extended instead of ending (then `vehicle` is null). */
  readonly extended: boolean;
  readonly vehicle: VehicleEnding | null;
  /** Probability of buying the leased vehicle out, 0–1; null when no buy-out was on the table. */
  readonly buyOutProbability: number | null;
  /** Instalments waived on an early upgrade, €. */
  readonly waived: number;
}

/** The remarketing decision for a vehicle the customer returned (or that was repossessed). */
export interface RemarketingRecord {
  readonly type: 'remarketing';
  readonly month: number;
  readonly vehicleId: number;
  readonly cycleEnded: number;
  readonly repossessed: boolean;
  /** The rule that decided; null when no rule fired (the vehicle is wholesaled). */
  readonly decision: PolicyDecision | null;
  readonly result: 'refurbished' | 'wholesaled';
  readonly condition: string;
  readonly ageMonths: number;
  readonly mileageKm: number;
  /** As-returned wholesale value, €. */
  readonly marketValue: number;
  readonly refurbCostEstimate: number;
  /** First month the refurbished vehicle can be placed; null when wholesaled. */
  readonly readyMonth: number | null;
}

/** The customer's former vehicle left the refurbished stock. */
export interface StockRecord {
  readonly type: 'stock';
  readonly month: number;
  readonly vehicleId: number;
  readonly result: 'placed' | 'forced-wholesale';
  /** The customer it was placed with. */
  readonly newCustomerId: number | null;
  readonly daysInStock: number;
}

/** A ledger entry attributed to the customer. */
export interface LedgerRecord {
  readonly type: 'ledger';
  readonly month: number;
  readonly category: LedgerCategory;
  /** Whose entry it is. */
  readonly party: Party;
  /** 0–3 (0: no contract cycle). */
  readonly cycle: number;
  /** €, income positive, cost negative. */
  readonly amount: number;
}

export type TraceRecord =
  | ContractRecord
  | LeadRecord
  | MissedRecord
  | DunningRecord
  | EngagementRecord
  | UpgradeOfferRecord
  | MaturityRecord
  | RemarketingRecord
  | StockRecord
  | LedgerRecord;
