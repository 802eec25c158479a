import type { FactSpec } from '../catalogue/index.ts';
import { show } from './text.ts';

export type Scalar = number | string | boolean;
export type AtomOp = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne' | 'in' | 'notIn' | 'contains' | 'doesNotContain';

/**
 * A comparison of a catalogue fact with literal values, normalised (`not:lessThan` is `ge`), that
 * the reachability analysis understands. Anything else (parameters, fact references, other
 * decorators) stays opaque and is never used to conclude anything.
 */
export interface Atom {
  readonly fact: FactSpec;
  readonly op: AtomOp;
  /** One value, or several for `in` and `notIn`. */
  readonly values: readonly Scalar[];
  readonly pointer: string;
}

const NEGATION: Readonly<Record<AtomOp, AtomOp>> = {
  lt: 'ge',
  ge: 'lt',
  le: 'gt',
  gt: 'le',
  eq: 'ne',
  ne: 'eq',
  in: 'notIn',
  notIn: 'in',
  contains: 'doesNotContain',
  doesNotContain: 'contains',
};

/**
 * The atom that holds exactly when this one does not. Sound because a fact always has a value of
 * its catalogue type (a number is always number-like, a list always an array).
 */
export function negate(atom: Atom): Atom {
  return { ...atom, op: NEGATION[atom.op] };
}

const SYMBOL: Readonly<Record<AtomOp, string>> = {
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  eq: '=',
  ne: '!=',
  in: 'in',
  notIn: 'not in',
  contains: 'contains',
  doesNotContain: 'does not contain',
};

/** `monthsToEnd > 18`, `segment in ["reliable","occasional"]` */
export function atomText(atom: Atom): string {
  const value = atom.op === 'in' || atom.op === 'notIn' ? show(atom.values) : show(atom.values[0]);
  return `${atom.fact.name} ${SYMBOL[atom.op]} ${value}`;
}

type Domain =
  | {
      readonly kind: 'numeric';
      readonly lo: number;
      readonly loOpen: boolean;
      readonly hi: number;
      readonly hiOpen: boolean;
      /** The only values left, once an `equal` or `in` has narrowed the fact to a finite set. */
      readonly only: readonly number[] | undefined;
      readonly excluded: readonly number[];
    }
  | { readonly kind: 'finite'; readonly allowed: readonly Scalar[] }
  | { readonly kind: 'list'; readonly has: readonly Scalar[]; readonly hasNot: readonly Scalar[] };

function initial(fact: FactSpec): Domain {
  switch (fact.type) {
    case 'number':
    case 'integer':
      return {
        kind: 'numeric',
        lo: fact.min ?? -Infinity,
        loOpen: false,
        hi: fact.max ?? Infinity,
        hiOpen: false,
        only: undefined,
        excluded: [],
      };
    case 'boolean':
      return { kind: 'finite', allowed: [true, false] };
    case 'enum':
      return { kind: 'finite', allowed: fact.values ?? [] };
    case 'list':
      return { kind: 'list', has: [], hasNot: [] };
  }
}

function narrow(domain: Domain, atom: Atom): Domain {
  const [v] = atom.values;
  switch (domain.kind) {
    case 'numeric': {
      const n = v as number;
      switch (atom.op) {
        case 'lt':
        case 'le': {
          const open = atom.op === 'lt';
          const tighter = n < domain.hi || (n === domain.hi && open && !domain.hiOpen);
          return tighter ? { ...domain, hi: n, hiOpen: open } : domain;
        }
        case 'gt':
        case 'ge': {
          const open = atom.op === 'gt';
          const tighter = n > domain.lo || (n === domain.lo && open && !domain.loOpen);
          return tighter ? { ...domain, lo: n, loOpen: open } : domain;
        }
        case 'eq':
        case 'in': {
          const values = atom.values.filter((x): x is number => typeof x === 'number');
          return { ...domain, only: domain.only ? domain.only.filter((x) => values.includes(x)) : values };
        }
        case 'ne':
        case 'notIn':
          return { ...domain, excluded: [...domain.excluded, ...(atom.values as number[])] };
        default:
          return domain;
      }
    }
    case 'finite':
      switch (atom.op) {
        case 'eq':
        case 'in':
          return { kind: 'finite', allowed: domain.allowed.filter((x) => atom.values.includes(x)) };
        case 'ne':
        case 'notIn':
          return { kind: 'finite', allowed: domain.allowed.filter((x) => !atom.values.includes(x)) };
        default:
          return domain;
      }
    case 'list':
      if (atom.op === 'contains') return { ...domain, has: [...domain.has, v!] };
      if (atom.op === 'doesNotContain') return { ...domain, hasNot: [...domain.hasNot, v!] };
      return domain;
  }
}

function isEmpty(domain: Domain, fact: FactSpec): boolean {
  switch (domain.kind) {
    case 'finite':
      return domain.allowed.length === 0;
    case 'list':
      return (
        domain.has.some((x) => domain.hasNot.includes(x)) ||
        domain.has.some((x) => typeof x !== 'string' || !(fact.values ?? []).includes(x))
      );
    case 'numeric': {
      const integer = fact.type === 'integer';
      const inRange = (x: number) =>
        (domain.loOpen ? x > domain.lo : x >= domain.lo) && (domain.hiOpen ? x < domain.hi : x <= domain.hi);
      const admissible = (x: number) =>
        inRange(x) && (!integer || Number.isInteger(x)) && !domain.excluded.includes(x);
      if (domain.only) return !domain.only.some(admissible);
      if (integer) {
        const lo = domain.loOpen ? Math.floor(domain.lo) + 1 : Math.ceil(domain.lo);
        const hi = domain.hiOpen ? Math.ceil(domain.hi) - 1 : Math.floor(domain.hi);
        if (lo > hi) return true;
        // Finitely many integers left: empty if every one is excluded.
        if (hi - lo + 1 > domain.excluded.length) return false;
        for (let x = lo; x <= hi; x++) if (!domain.excluded.includes(x)) return false;
        return true;
      }
      if (domain.lo > domain.hi) return true;
      if (domain.lo === domain.hi)
        return domain.loOpen || domain.hiOpen || domain.excluded.includes(domain.lo);
      return false;
    }
  }
}

/**
 * A conjunction of atoms, kept per fact as the set of values the fact can still take. Immutable:
 * `with` returns a new conjunction, so alternatives can branch from a shared prefix.
 */
export class Conjunction {
  private constructor(
    private readonly domains: ReadonlyMap<string, Domain>,
    private readonly atoms: ReadonlyMap<string, readonly Atom[]>,
  ) {}

  static empty(): Conjunction {
    return new Conjunction(new Map(), new Map());
  }

  /** The conjunction with one more atom. */
  with(atom: Atom): Conjunction {
    const name = atom.fact.name;
    const domains = new Map(this.domains);
    domains.set(name, narrow(this.domains.get(name) ?? initial(atom.fact), atom));
    const atoms = new Map(this.atoms);
    atoms.set(name, [...(this.atoms.get(name) ?? []), atom]);
    return new Conjunction(domains, atoms);
  }

  /** Whether no value of the facts satisfies every atom. */
  unsatisfiable(): boolean {
    for (const [name, domain] of this.domains)
      if (isEmpty(domain, this.atoms.get(name)![0]!.fact)) return true;
    return false;
  }

  /**
   * Why adding `atom` made the conjunction unsatisfiable, naming as few atoms as possible:
   * `monthsToEnd > 18 and monthsToEnd < 12 cannot both hold`.
   */
  explain(atom: Atom): string {
    const fact = atom.fact;
    if (Conjunction.empty().with(atom).unsatisfiable()) return `${atomText(atom)}, but ${rangeText(fact)}`;
    const earlier = this.atoms.get(fact.name) ?? [];
    const pair = earlier.find((e) => Conjunction.empty().with(e).with(atom).unsatisfiable());
    if (pair) return `${atomText(pair)} and ${atomText(atom)} cannot both hold`;
    return `${[...earlier, atom].map(atomText).join(', ')} cannot all hold`;
  }
}

function rangeText(fact: FactSpec): string {
  switch (fact.type) {
    case 'number':
    case 'integer': {
      const what = fact.type === 'integer' ? 'an integer' : 'a number';
      if (fact.min !== undefined && fact.max !== undefined)
        return `${fact.name} is ${what} from ${fact.min} to ${fact.max}`;
      if (fact.min !== undefined) return `${fact.name} is ${what} of at least ${fact.min}`;
      if (fact.max !== undefined) return `${fact.name} is ${what} of at most ${fact.max}`;
      return `${fact.name} is ${what}`;
    }
    case 'boolean':
      return `${fact.name} is true or false`;
    default:
      return `${fact.name} takes ${(fact.values ?? []).join(', ')}`;
  }
}
