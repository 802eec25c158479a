/**
 * The hand-written equivalents of the shipped rule sets, with the file each one mirrors: the
 * "what a developer would write" contender of the benchmark, and checked against json-rules-engine
 * by test/bench/handwritten.test.ts.
 */
import type { PolicyKind } from '../../../engine/domain/lists.ts';
import type { ParameterValue } from '../../../engine/policy/rule-set.ts';
import { dunningSegmented, segmentedParameters } from './dunning-segmented.ts';
import { dunningUniform, uniformParameters } from './dunning-uniform.ts';
import { engagementReactive, reactiveParameters } from './engagement-reactive.ts';
import { engagementTcm, tcmParameters } from './engagement-tcm.ts';
import type { DunningFacts, EngagementFacts, LeadsFacts, RemarketingFacts } from './facts.ts';
import { bdcParameters, leadsBdc } from './leads-bdc.ts';
import { leadsSalespersonPrepared, salespersonPreparedParameters } from './leads-salesperson-prepared.ts';
import { leadsSpeedToLead, speedToLeadParameters } from './leads-speed-to-lead.ts';
import { remarketingThreeCycle, threeCycleParameters } from './remarketing-three-cycle.ts';
import {
  remarketingWholesaleAtReturn,
  wholesaleAtReturnParameters,
} from './remarketing-wholesale-at-return.ts';

export type { DunningFacts, EngagementFacts, LeadsFacts, RemarketingFacts } from './facts.ts';

export interface FactsByKind {
  engagement: EngagementFacts;
  leads: LeadsFacts;
  dunning: DunningFacts;
  remarketing: RemarketingFacts;
}

interface Common<K extends PolicyKind> {
  readonly kind: K;
  readonly name: string;
  /** The rule-set file it mirrors, relative to the repository root. */
  readonly file: string;
  /** The parameter values baked in as constants (the rule set's defaults). */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
}

/** A `first` rule set: returns the index of the deciding rule in decision order, or -1. */
export interface HandwrittenFirst<K extends PolicyKind> extends Common<K> {
  readonly hitPolicy: 'first';
  readonly first: (facts: FactsByKind[K]) => number;
}

/** A `collect` rule set: writes every fired index (decision order) into `out`, returns the count. */
export interface HandwrittenCollect<K extends PolicyKind> extends Common<K> {
  readonly hitPolicy: 'collect';
  readonly fire: (facts: FactsByKind[K], out: Int32Array) => number;
}

export type HandwrittenPolicy = {
  [K in PolicyKind]: HandwrittenFirst<K> | HandwrittenCollect<K>;
}[PolicyKind];

export const HANDWRITTEN: readonly HandwrittenPolicy[] = [
  {
    kind: 'engagement',
    name: 'reactive',
    file: 'rules/engagement/reactive.json',
    parameters: reactiveParameters,
    hitPolicy: 'first',
    first: engagementReactive,
  },
  {
    kind: 'engagement',
    name: 'tcm',
    file: 'rules/engagement/tcm.json',
    parameters: tcmParameters,
    hitPolicy: 'first',
    first: engagementTcm,
  },
  {
    kind: 'leads',
    name: 'salesperson-prepared',
    file: 'rules/leads/salesperson-prepared.json',
    parameters: salespersonPreparedParameters,
    hitPolicy: 'first',
    first: leadsSalespersonPrepared,
  },
  {
    kind: 'leads',
    name: 'speed-to-lead',
    file: 'rules/leads/speed-to-lead.json',
    parameters: speedToLeadParameters,
    hitPolicy: 'first',
    first: leadsSpeedToLead,
  },
  {
    kind: 'leads',
    name: 'bdc',
    file: 'rules/leads/bdc.json',
    parameters: bdcParameters,
    hitPolicy: 'first',
    first: leadsBdc,
  },
  {
    kind: 'dunning',
    name: 'uniform',
    file: 'rules/dunning/uniform.json',
    parameters: uniformParameters,
    hitPolicy: 'first',
    first: dunningUniform,
  },
  {
    kind: 'dunning',
    name: 'segmented',
    file: 'rules/dunning/segmented.json',
    parameters: segmentedParameters,
    hitPolicy: 'collect',
    fire: dunningSegmented,
  },
  {
    kind: 'remarketing',
    name: 'three-cycle',
    file: 'rules/remarketing/three-cycle.json',
    parameters: threeCycleParameters,
    hitPolicy: 'first',
    first: remarketingThreeCycle,
  },
  {
    kind: 'remarketing',
    name: 'wholesale-at-return',
    file: 'rules/remarketing/wholesale-at-return.json',
    parameters: wholesaleAtReturnParameters,
    hitPolicy: 'first',
    first: remarketingWholesaleAtReturn,
  },
];
