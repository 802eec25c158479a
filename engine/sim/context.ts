import { LEAD_SOURCES } from '../domain/lists.ts';
import { CHANNELS, CREDIT_TIERS } from '../domain/lists.ts';
import { segmentGivenTier } from '../portfolio/joint-mix.ts';
import type { NewVehicleDraw, Population, PortfolioSpec } from '../portfolio/index.ts';
import type { World } from '../world/assumptions.ts';
import type { Num } from '../world/distributions.ts';
import { KeyedSampler } from '../world/keyed-sampler.ts';
import type { ResolvedWorld } from '../world/resolve.ts';
import { SERIES } from '../result/iteration.ts';
import { Counters } from './counters.ts';
import { CureChances } from './cure-chances.ts';
import {
  dunningSlots,
  engagementSlots,
  leadsSlots,
  reads,
  remarketingSlots,
  type DunningSlots,
  type EngagementSlots,
  type LeadsSlots,
  type RemarketingSlots,
} from './facts.ts';
import { CAPTIVE, Ledger } from './ledger.ts';
import {
  DunningPlan,
  EngagementPlan,
  LeadsPlan,
  PolicyRuntime,
  RemarketingPlan,
  SettledDecisions,
  type Policies,
} from './policies.ts';
import type { LeadStream } from './lead-stream.ts';
import type { Trace } from './trace/trace.ts';
import type { HistoryTap } from './history-tap.ts';
import {
  allocateState,
  SlotList,
  type ContractTable,
  type CustomerTable,
  type VehicleTable,
} from './state.ts';

/**
 * Everything the monthly steps read and write for one setup: the tables, the policies ready for the
 * loop, the ledger and counters, and the world of the current iteration. Allocated once per SimSetup
 * and reset per iteration; one run at a time (a worker holds its own setup).
 */
/** Contacts on one contract that the settled engagement decisions cover (more: evaluated in full). */
const SETTLED_CONTACTS = 15;

export class Sim {
  readonly population: Population;
  readonly portfolio: PortfolioSpec;
  readonly world: World;
  readonly horizon: number;
  /**
   * Months after the horizon in which the book still held then runs off with no new business: the
   * longest term plus two years for extensions, dunning and remarketing to finish.
   */
  readonly runOffMonths: number;
  readonly dealers: number;

  // the current iteration
  key = 0;
  /** Set by runIteration before the first step. */
  w!: ResolvedWorld;

  readonly contracts: ContractTable;
  readonly vehicles: VehicleTable;
  readonly customers: CustomerTable;
  readonly ledger: Ledger;
  readonly counters = new Counters();
  /** The customer being followed (`cyclecast explain`); null in every ordinary run. */
  trace: Trace | null = null;
  /**
   * The leads this setup shares with the run's other setups of equal leads inputs, or null when it
   * shares them with none (engine/sim/lead-stream.ts); set by the Monte Carlo run that prepares it.
   */
  leadStream: LeadStream | null = null;
  /** Whether this iteration replays the shared leads (another setup drew them) rather than drawing them. */
  replayingLeads = false;
  /** The simulated history being recorded (`portfolio export --history`); null in every ordinary run. */
  history: HistoryTap | null = null;

  readonly engagement: PolicyRuntime;
  readonly engagementPlan: EngagementPlan;
  readonly engagementSlots: EngagementSlots;
  readonly engagementReads: Readonly<Record<keyof EngagementSlots, boolean>>;
  /**
   * The engagement decision of a current contract (0 days past due) by months to end, contacts so far
   * and months since the last, where those settle it (a rule index or DECIDES_NONE), else UNDECIDED:
   * far from the end a rule set typically waits, inside the window it waits for a response or stops at
   * a contact budget, and then the loop loads no facts.
   */
  readonly engagementSettled: SettledDecisions;
  readonly leads: PolicyRuntime;
  readonly leadsPlan: LeadsPlan;
  readonly leadsSlots: LeadsSlots;
  /** Per leads rule and source: the first call's contact probability this iteration, 0–1 (prepareLeads). */
  readonly leadFirstContact: Float64Array;
  /** Per leads rule: the appointment log-odds before the lead's source and score this iteration (prepareLeads). */
  readonly leadAppointmentLogit: Float64Array;
  readonly dunning: PolicyRuntime;
  readonly dunningPlan: DunningPlan;
  readonly dunningSlots: DunningSlots;
  /** The dunning step's cure probabilities, computed once per iteration (engine/sim/cure-chances.ts). */
  readonly cureChances = new CureChances();
  readonly remarketing: PolicyRuntime;
  readonly remarketingPlan: RemarketingPlan;
  readonly remarketingSlots: RemarketingSlots;

  /** Delinquent contracts this month, in slot order (listed by the payments step for dunning). */
  readonly delinquent = new SlotList(256);
  /** Contracts that mature this month (slots). */
  readonly maturing = new SlotList(256);
  /** Contracts whose customer upgrades early this month. */
  readonly upgrading = new SlotList(64);
  /** Vehicles back this month, waiting for the remarketing decision. */
  readonly returned = new SlotList(256);
  /** Vehicles in reconditioning or inventory. */
  readonly stock = new SlotList(256);

  // dealers
  readonly dealerRegion: Uint8Array;
  readonly dealerHasBdc: Uint8Array;
  /** Probability that the dealer carries out an engagement contact (this iteration). */
  readonly executeProbability: Float64Array;
  /** Log of the dealer-discipline renewal multiplier (this iteration). */
  readonly disciplineLogOdds: Float64Array;
  /** BDC leads taken this month per dealer. */
  readonly bdcUsed: Int32Array;
  /** Log of the stress multiplier on miss odds, per month (this iteration). */
  readonly stressLogOdds: Float64Array;
  /** The used-price index by month of the horizon and run-off, a multiplier of value (engine/sim/price-index.ts). */
  readonly priceIndex: Float64Array;

  // portfolio mixes for new customers
  /** Segment weights given the tier: [tier] in SEGMENTS order (engine/portfolio/joint-mix.ts). */
  readonly segmentByTier: readonly Float64Array[];
  readonly tierWeights: Float64Array;
  readonly channelWeights: Float64Array;
  /** Term by cycle − 1, months. */
  readonly termByCycle: Int32Array;

  // outputs
  /** `series[s * horizon + month]` in SERIES order. */
  readonly series: Float64Array;
  readonly endedByMonth: Float64Array;
  readonly retainedByMonth: Float64Array;
  /** Ended and retained contracts per breakdown group: [group · 2 + 0 ended | 1 retained]. */
  readonly retentionBySegment = new Float64Array(3 * 2);
  readonly retentionByTier = new Float64Array(3 * 2);
  readonly retentionByRegion = new Float64Array(5 * 2);
  readonly retentionByDealer: Float64Array;

  constructor(
    population: Population,
    portfolio: PortfolioSpec,
    world: World,
    policies: Policies,
    horizon: number,
  ) {
    this.population = population;
    this.portfolio = portfolio;
    this.world = world;
    this.horizon = horizon;
    this.dealers = population.dealers.count;
    const state = allocateState(population.contracts.count);
    this.contracts = state.contracts;
    this.vehicles = state.vehicles;
    this.customers = state.customers;
    this.runOffMonths =
      Math.max(portfolio.termMonths.cycle1, portfolio.termMonths.cycle2, portfolio.termMonths.cycle3) + 24;
    this.ledger = new Ledger(horizon + this.runOffMonths, this.dealers);

    this.engagement = new PolicyRuntime(policies.engagement);
    this.engagementPlan = new EngagementPlan(this.engagement);
    this.engagementSlots = engagementSlots(this.engagement);
    this.engagementReads = reads(this.engagement, this.engagementSlots);
    this.leads = new PolicyRuntime(policies.leads);
    this.leadsPlan = new LeadsPlan(this.leads);
    this.leadsSlots = leadsSlots(this.leads);
    this.leadFirstContact = new Float64Array(this.leadsPlan.type.length * LEAD_SOURCES.length);
    this.leadAppointmentLogit = new Float64Array(this.leadsPlan.type.length);
    this.dunning = new PolicyRuntime(policies.dunning);
    this.dunningPlan = new DunningPlan(this.dunning);
    this.dunningSlots = dunningSlots(this.dunning);
    this.remarketing = new PolicyRuntime(policies.remarketing);
    this.remarketingPlan = new RemarketingPlan(this.remarketing);
    this.remarketingSlots = remarketingSlots(this.remarketing);

    this.dealerRegion = population.dealers.region;
    this.dealerHasBdc = population.dealers.hasBdc;
    this.executeProbability = new Float64Array(this.dealers);
    this.disciplineLogOdds = new Float64Array(this.dealers);
    this.bdcUsed = new Int32Array(this.dealers);
    this.stressLogOdds = new Float64Array(horizon + this.runOffMonths);
    this.priceIndex = new Float64Array(horizon + this.runOffMonths);

    const weights = (mix: Readonly<Record<string, number>>, values: readonly string[]) =>
      Float64Array.from(values, (v) => (Object.hasOwn(mix, v) ? mix[v]! : 0));
    this.segmentByTier = segmentGivenTier(portfolio);
    this.tierWeights = weights(portfolio.creditMix, CREDIT_TIERS);
    this.channelWeights = weights(portfolio.preferredChannelMix, CHANNELS);
    this.termByCycle = Int32Array.of(
      portfolio.termMonths.cycle1,
      portfolio.termMonths.cycle2,
      portfolio.termMonths.cycle3,
    );

    const longestTerm = Math.max(...this.termByCycle);
    this.engagementSettled = new SettledDecisions(
      policies.engagement,
      ['monthsToEnd', 'contactsThisContract', 'lastContactMonthsAgo'],
      [longestTerm, SETTLED_CONTACTS, longestTerm],
      { daysPastDue: 0 },
    );

    this.series = new Float64Array(SERIES.length * horizon);
    this.endedByMonth = new Float64Array(horizon);
    this.retainedByMonth = new Float64Array(horizon);
    this.retentionByDealer = new Float64Array(this.dealers * 2);
  }

  /** Clears everything an iteration writes. */
  reset(): void {
    this.contracts.reset();
    this.vehicles.reset();
    this.customers.reset();
    this.ledger.reset();
    this.counters.reset();
    this.engagement.reset();
    this.leads.reset();
    this.dunning.reset();
    this.cureChances.reset();
    this.remarketing.reset();
    this.delinquent.clear();
    this.maturing.clear();
    this.upgrading.clear();
    this.returned.clear();
    this.stock.clear();
    this.series.fill(0);
    this.endedByMonth.fill(0);
    this.retainedByMonth.fill(0);
    this.retentionBySegment.fill(0);
    this.retentionByTier.fill(0);
    this.retentionByRegion.fill(0);
    this.retentionByDealer.fill(0);
  }

  /** Books a captive's ledger entry attributed to customer slot `customer` (−1 for none) and its dealer. */
  book(category: number, cycle: number, amount: number, customer: number): void {
    this.bookFor(category, CAPTIVE, cycle, amount, customer);
  }

  /** Books `party`'s ledger entry attributed to customer slot `customer` (−1 for none) and its dealer. */
  bookFor(category: number, party: number, cycle: number, amount: number, customer: number): void {
    if (customer < 0) {
      this.ledger.book(category, party, cycle, amount, -1, -1, -1);
      return;
    }
    const K = this.customers;
    this.ledger.book(
      category,
      party,
      cycle,
      amount,
      K.segment[customer]!,
      K.tier[customer]!,
      K.dealer[customer]!,
    );
    if (this.trace !== null && K.id[customer] === this.trace.customerId) {
      this.trace.booked(this, category, cycle, amount, party);
    }
  }

  /** Books `amount` € paid by `from` to `to`: an entry on each side. */
  bookTransfer(
    category: number,
    from: number,
    to: number,
    cycle: number,
    amount: number,
    customer: number,
  ): void {
    if (amount === 0) return;
    this.bookFor(category, to, cycle, amount, customer);
    this.bookFor(category, from, cycle, 0 - amount, customer);
  }

  /** Books a cost or income split between the parties by `shares` (PARTIES order, summing to 1). */
  bookShared(category: number, shares: Float64Array, cycle: number, amount: number, customer: number): void {
    for (let p = 0; p < 3; p++) {
      const share = shares[p]!;
      if (share !== 0) this.bookFor(category, p, cycle, share * amount, customer);
    }
  }

  /** Books a cost attributed only to a dealer (lead and BDC costs), split by `shares` between the parties. */
  bookDealer(category: number, shares: Float64Array, amount: number, dealer: number): void {
    for (let p = 0; p < 3; p++) {
      const share = shares[p]!;
      if (share !== 0) this.ledger.book(category, p, 0, share * amount, -1, -1, dealer);
    }
  }

  /** Draws of distributions inside the steps, without allocating per draw. */
  readonly sampler = new KeyedSampler();
  /** The new vehicle being sold (reused by every sale). */
  readonly newVehicleDraw: NewVehicleDraw = { msrp: 0, powertrain: 0, kmPerYear: 0 };

  /** Samples `x` from draws `firstDraw`, `firstDraw + 1`, … of (entity, decision, month) of this iteration. */
  sample(x: Num, entity: number, decision: number, month: number, firstDraw: number): number {
    return this.sampler.sample(x, this.key, entity, decision, month, firstDraw);
  }
}
