/*
 * The engine's small public entry: the policy kinds' fact and action catalogues, the operators, and the
 * helpers that describe a user's value in a message. Commands that only read catalogues (`cyclecast
 * facts`) and the CLI's input/output import this instead of engine/index.ts, because an ES module entry
 * that re-exports every part loads every part: this one loads none of the simulator.
 */
export { POLICY_KINDS } from './domain/lists.ts';
export type { PolicyKind } from './domain/lists.ts';
export { cut, describeValue } from './json/describe.ts';
export { didYouMean } from './json/suggest.ts';
export { CATALOGUES } from './policy/catalogue/index.ts';
export type { TypedSpec } from './policy/catalogue/index.ts';
export { DECORATORS, OPERATORS } from './policy/operators.ts';
