import { dunning } from './dunning.ts';
import { engagement } from './engagement.ts';
import { leads } from './leads.ts';
import { remarketing } from './remarketing.ts';
import type { ActionSpec, FactSpec, KindCatalogue } from './types.ts';
import type { PolicyKind } from '../../domain/lists.ts';

export * from './types.ts';

/**
 * The fact and action catalogues: the single source of the rule-set schema, validation,
 * `cyclecast facts`, the docs and the UI.
 */
export const CATALOGUES: Readonly<Record<PolicyKind, KindCatalogue>> = {
  engagement,
  leads,
  dunning,
  remarketing,
};

export function catalogue(kind: PolicyKind): KindCatalogue {
  return CATALOGUES[kind];
}

/** The fact of `kind` named `name`, or undefined (own names only: `constructor` is not a fact). */
export function findFact(kind: PolicyKind, name: string): FactSpec | undefined {
  return CATALOGUES[kind].facts.find((f) => f.name === name);
}

export function findAction(kind: PolicyKind, type: string): ActionSpec | undefined {
  return CATALOGUES[kind].actions.find((a) => a.type === type);
}
