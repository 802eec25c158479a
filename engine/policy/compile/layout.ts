import { catalogue, type TypedSpec } from '../catalogue/index.ts';
import { type PolicyKind } from '../../domain/lists.ts';
import { parameterSpec } from '../parameters.ts';
import type { ParameterDecl } from '../rule-set.ts';
import type { FactLayout, Slot } from './types.ts';

/**
 * The frame layout of a rule set of `kind` declaring `parameters`. Catalogue facts come first,
 * in catalogue order, so the simulator can fill a fact's slot without knowing the rule set.
 * Throws when a parameter is named like a catalogue fact (the rule set could not tell them apart).
 */
export function buildLayout(kind: PolicyKind, parameters: ReadonlyMap<string, ParameterDecl>): FactLayout {
  const slots = new Map<string, Slot>();
  let numCount = 0;
  let refCount = 0;
  const add = (spec: TypedSpec, isParameter: boolean): void => {
    const store = spec.type === 'number' || spec.type === 'integer' ? 'num' : 'ref';
    const index = store === 'num' ? numCount++ : refCount++;
    slots.set(spec.name, Object.freeze({ index, store, spec, isParameter }));
  };
  for (const fact of catalogue(kind).facts) add(fact, false);
  for (const [name, decl] of parameters) {
    if (slots.has(name))
      throw new Error(`invalid parameter ${name}: the ${kind} catalogue already has a fact of this name`);
    add(parameterSpec(name, decl), true);
  }
  return Object.freeze({ kind, slots, numCount, refCount });
}

/** The slot-wise "zero" frame of a layout; `ref` is a packed array so V8 keeps one elements kind. */
export function emptyFrame(layout: FactLayout): { num: Float64Array; ref: unknown[] } {
  const ref: unknown[] = [];
  for (let i = 0; i < layout.refCount; i++) ref.push(undefined);
  return { num: new Float64Array(layout.numCount), ref };
}
