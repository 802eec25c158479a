import type { PolicyKind } from '../domain/lists.ts';
import { DUNNING_ACTIONS } from '../domain/lists.ts';
import { OFFERS } from '../domain/lists.ts';
import { HANDLERS } from '../domain/lists.ts';
import { CHANNELS } from '../domain/lists.ts';
import { UNDECIDED, type CompiledPolicy, type FactFrame } from '../policy/compile/index.ts';
import type { ParameterValue } from '../policy/rule-set.ts';
import { REMIND_CHANNELS } from '../world/resolve.ts';

/*
 * A compiled policy made ready for the loop: its frame, the slot index of every catalogue fact (looked
 * up once here, never by name in the loop), its rules' events decoded into typed arrays, and its
 * coverage counters. One runtime per policy kind per SimSetup; not shareable between concurrent runs.
 */

export class PolicyRuntime {
  readonly policy: CompiledPolicy;
  readonly frame: FactFrame;
  readonly num: Float64Array;
  readonly ref: unknown[];
  /** Indices into `policy.rules` of the events of the last decision, in decision order. */
  readonly fired: Int32Array;
  readonly collect: boolean;
  /** Evaluations this iteration. */
  decisions = 0;
  /** Times each rule fired this iteration (decision order). */
  readonly coverage: Float64Array;

  constructor(policy: CompiledPolicy) {
    this.policy = policy;
    this.frame = policy.newFrame();
    this.num = this.frame.num;
    this.ref = this.frame.ref;
    this.fired = new Int32Array(Math.max(1, policy.rules.length));
    this.collect = policy.hitPolicy === 'collect';
    this.coverage = new Float64Array(policy.rules.length);
  }

  reset(): void {
    this.decisions = 0;
    this.coverage.fill(0);
  }

  /**
   * Evaluates the frame as filled: under `first` at most one event, under `collect` every fired event.
   * Returns how many events are in `fired`.
   */
  decide(): number {
    if (!this.collect) return this.take(this.policy.first(this.frame));
    this.decisions++;
    const n = this.policy.fire(this.frame, this.fired);
    for (let k = 0; k < n; k++) this.coverage[this.fired[k]!]!++;
    return n;
  }

  /**
   * Takes a decision known without evaluating (a {@link SettledDecisions} entry ≥ DECIDES_NONE), with
   * the same effect as {@link decide} would have. Returns how many events are in `fired`.
   */
  take(rule: number): number {
    this.decisions++;
    if (rule < 0) return 0;
    this.fired[0] = rule;
    this.coverage[rule]!++;
    return 1;
  }

  /** The frame index of a catalogue fact (number facts in `num`, the others in `ref`). */
  slot(name: string, store: 'num' | 'ref'): number {
    const slot = this.policy.layout.slots.get(name);
    if (slot === undefined || slot.isParameter || slot.store !== store) {
      throw new Error(`internal: ${this.policy.kind} fact ${name} is not a ${store} slot of the catalogue`);
    }
    return slot.index;
  }

  /** Decodes each rule's event with `decode`; throws on an event type the simulator does not know. */
  events(known: readonly string[]): {
    type: Uint8Array;
    param: (rule: number, name: string) => ParameterValue | undefined;
  } {
    const type = new Uint8Array(this.policy.rules.length);
    this.policy.rules.forEach((rule, i) => {
      const k = known.indexOf(rule.event.type);
      if (k < 0) {
        throw new Error(
          `invalid rule set "${this.policy.name}": rule "${rule.name}" has event type "${rule.event.type}"; the events of ${this.policy.kind} rules are ${known.join(', ')}`,
        );
      }
      type[i] = k;
    });
    const param = (rule: number, name: string): ParameterValue | undefined => {
      const params = this.policy.rules[rule]!.event.params;
      return params !== undefined && Object.hasOwn(params, name) ? params[name] : undefined;
    };
    return { type, param };
  }
}

/** A table entry not yet asked for. */
const NOT_YET = -3;

/**
 * A policy's decisions by three whole-number facts (each 0…its max) while the facts in `fixed` hold,
 * where those settle it whatever the other facts are (CompiledPolicy.decideKnown): the index of the
 * deciding rule, DECIDES_NONE, or UNDECIDED where the loop must load every fact and evaluate.
 * Filled in as combinations occur (a run meets a few thousand of them), so it costs nothing up front.
 */
export class SettledDecisions {
  /** [(a · (maxB + 1) + b) · (maxC + 1) + c]; NOT_YET until asked. Fill with UNDECIDED to turn it off. */
  readonly table: Int32Array;
  private readonly sizeB: number;
  private readonly sizeC: number;
  private readonly known: Map<string, unknown>;

  constructor(
    private readonly policy: CompiledPolicy,
    private readonly facts: readonly [string, string, string],
    private readonly max: readonly [number, number, number],
    fixed: Readonly<Record<string, unknown>>,
  ) {
    this.sizeB = max[1] + 1;
    this.sizeC = max[2] + 1;
    this.table = new Int32Array((max[0] + 1) * this.sizeB * this.sizeC).fill(NOT_YET);
    this.known = new Map<string, unknown>(Object.entries(fixed));
  }

  /** The decision at fact values (a, b, c); UNDECIDED for values beyond the table. */
  at(a: number, b: number, c: number): number {
    if (a > this.max[0] || b > this.max[1] || c > this.max[2]) return UNDECIDED;
    const k = (a * this.sizeB + b) * this.sizeC + c;
    const decision = this.table[k]!;
    return decision !== NOT_YET ? decision : (this.table[k] = this.decide(a, b, c));
  }

  private decide(a: number, b: number, c: number): number {
    this.known.set(this.facts[0], a);
    this.known.set(this.facts[1], b);
    this.known.set(this.facts[2], c);
    return this.policy.decideKnown(this.known);
  }
}

function indexOf(values: readonly string[], value: ParameterValue | undefined, fallback: number): number {
  const i = typeof value === 'string' ? values.indexOf(value) : -1;
  return i < 0 ? fallback : i;
}

const num = (value: ParameterValue | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** Engagement events: 0 `contact`, 1 `none`. */
export class EngagementPlan {
  readonly type: Uint8Array;
  readonly channel: Uint8Array;
  readonly offer: Uint8Array;
  readonly incentive: Float64Array;
  readonly waive: Int32Array;
  constructor(rt: PolicyRuntime) {
    const { type, param } = rt.events(['contact', 'none']);
    const n = type.length;
    this.type = type;
    this.channel = new Uint8Array(n);
    this.offer = new Uint8Array(n);
    this.incentive = new Float64Array(n);
    this.waive = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.channel[i] = indexOf(CHANNELS, param(i, 'channel'), 0);
      this.offer[i] = indexOf(OFFERS, param(i, 'offer'), 0);
      this.incentive[i] = Math.max(0, num(param(i, 'incentive'), 0));
      this.waive[i] = Math.max(0, Math.round(num(param(i, 'waivePayments'), 0)));
    }
  }
}

/** Leads events: 0 `route`, 1 `discard`. */
export class LeadsPlan {
  readonly type: Uint8Array;
  /** Index into HANDLERS. */
  readonly handler: Uint8Array;
  readonly responseMinutes: Float64Array;
  readonly maxAttempts: Int32Array;
  readonly prepareFirst: Uint8Array;
  constructor(rt: PolicyRuntime) {
    const { type, param } = rt.events(['route', 'discard']);
    const n = type.length;
    this.type = type;
    this.handler = new Uint8Array(n);
    this.responseMinutes = new Float64Array(n);
    this.maxAttempts = new Int32Array(n);
    this.prepareFirst = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      this.handler[i] = indexOf(HANDLERS, param(i, 'handler'), 0);
      this.responseMinutes[i] = Math.max(0, num(param(i, 'responseMinutes'), 0));
      this.maxAttempts[i] = Math.max(1, Math.round(num(param(i, 'maxAttempts'), 1)));
      this.prepareFirst[i] = param(i, 'prepareFirst') === true ? 1 : 0;
    }
  }
}

/** Dunning events: index into DUNNING_ACTIONS. */
export class DunningPlan {
  readonly action: Uint8Array;
  /** Index into REMIND_CHANNELS (reminders). */
  readonly channel: Uint8Array;
  /** Payment-plan months. */
  readonly months: Int32Array;
  constructor(rt: PolicyRuntime) {
    const { type, param } = rt.events(DUNNING_ACTIONS);
    const n = type.length;
    this.action = type;
    this.channel = new Uint8Array(n);
    this.months = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.channel[i] = indexOf(REMIND_CHANNELS, param(i, 'channel'), 0);
      this.months[i] = Math.max(1, Math.round(num(param(i, 'months'), 3)));
    }
  }
}

/** Remarketing events: 0 `wholesale`, 1 `refurbish`. */
export class RemarketingPlan {
  readonly type: Uint8Array;
  /** PRODUCTS index of the next contract: 0 lease (`lease-used`), 1 loan. */
  readonly next: Uint8Array;
  constructor(rt: PolicyRuntime) {
    const { type, param } = rt.events(['wholesale', 'refurbish']);
    const n = type.length;
    this.type = type;
    this.next = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.next[i] = param(i, 'next') === 'loan' ? 1 : 0;
  }
}

export const EVENT_CONTACT = 0;
export const EVENT_ROUTE = 0;
export const EVENT_REFURBISH = 1;

/** The compiled policies a run needs, one per kind. */
export type Policies = Readonly<Record<PolicyKind, CompiledPolicy>>;
