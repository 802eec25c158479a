import type { ParameterValue } from '../rule-set.ts';
import { describeValue } from '../../json/describe.ts';
import { checkValue } from '../check-value.ts';
import { emptyFrame } from './layout.ts';
import { suggest } from '../../json/suggest.ts';
import type { CompiledPolicy, FactFrame, FactLayout, Slot } from './types.ts';

/** Stores a value in its slot: numbers as raw doubles, everything else as the JS value itself. */
export function writeSlot(frame: FactFrame, slot: Slot, value: unknown): void {
  if (slot.store === 'num') frame.num[slot.index] = value as number;
  else frame.ref[slot.index] = value;
}

/** A new frame of `layout` with every parameter slot set to its resolved value. */
export function parameterFrame(
  layout: FactLayout,
  parameters: ReadonlyMap<string, ParameterValue>,
): FactFrame {
  const frame = emptyFrame(layout);
  for (const [name, value] of parameters) {
    const slot = layout.slots.get(name);
    if (slot !== undefined) writeSlot(frame, slot, value);
  }
  return frame;
}

/**
 * Builds a frame from a JSON object of facts (the slow path of `cyclecast rules eval` and tests).
 * Every fact the rules read must be present with its catalogue type; parameters keep the policy's
 * values unless the object sets them, and are then checked against their declaration.
 * @example frameFromFacts(policy, { cycle: 1, monthsToEnd: 14, … }) // { frame }
 * @example frameFromFacts(policy, { monthToEnd: 14 }) // { error: 'unknown fact monthToEnd (did you mean "monthsToEnd"?); …' }
 */
export function frameFromFacts(
  policy: CompiledPolicy,
  facts: Readonly<Record<string, unknown>>,
): { frame: FactFrame } | { error: string } {
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    return { error: `invalid facts: expected a JSON object of facts, got ${describeValue(facts)}` };
  }
  const { layout } = policy;
  const frame = policy.newFrame();
  const errors: string[] = [];
  for (const [name, value] of Object.entries(facts)) {
    const slot = layout.slots.get(name);
    if (slot === undefined) {
      errors.push(unknownFact(policy, name));
      continue;
    }
    const problem = checkValue(slot.spec, value, slot.isParameter);
    if (problem !== undefined) {
      errors.push(`invalid ${slot.isParameter ? 'parameter' : 'fact'} ${name}: ${problem}`);
      continue;
    }
    writeSlot(frame, slot, Array.isArray(value) ? listCopy(value) : value);
  }
  for (const name of policy.referenced) {
    if (layout.slots.get(name)?.isParameter === true || Object.hasOwn(facts, name)) continue;
    errors.push(`missing fact ${name}`);
  }
  return errors.length === 0 ? { frame } : { error: errors.join('; ') };
}

function unknownFact(policy: CompiledPolicy, name: string): string {
  const near = suggest(name, policy.layout.slots.keys(), { limit: 1 })[0];
  const hint = near === undefined ? '' : ` (did you mean "${near}"?)`;
  return `unknown fact ${name}: ${policy.kind} rule set "${policy.name}" has no such fact or parameter${hint}`;
}

/**
 * A copy of a list value (holes read as undefined, as a spread would) that V8 keeps in its one
 * generic packed elements kind even when empty (`[]` would start as small integers), so the
 * evaluator's list scans see one kind of array from every frame built here.
 */
function listCopy(list: readonly unknown[]): unknown[] {
  const copy: unknown[] = [undefined];
  copy.pop();
  for (let i = 0; i < list.length; i++) copy.push(list[i]);
  return copy;
}
