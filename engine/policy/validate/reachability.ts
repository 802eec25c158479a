import { joinPointer } from '../../json/problem.ts';
import type { ProblemReporter } from '../../json/reporter.ts';
import type { FactSpec } from '../catalogue/index.ts';
import { CATALOGUES } from '../catalogue/index.ts';
import type { RuleSet, TopCondition } from '../rule-set.ts';
import type { Atom } from './domains.ts';
import { Conjunction, negate } from './domains.ts';
import type { Formula } from './formula.ts';
import { FormulaBuilder } from './formula.ts';
import { show } from './text.ts';
import { effectivePriority } from '../compile/order.ts';

type Verdict =
  { readonly ok: true } | { readonly ok: false; readonly pointer: string; readonly reason: string };
const OK: Verdict = { ok: true };

/** Steps of analysis per rule set; beyond it (only hostile, exponentially shared conditions) no warnings. */
const BUDGET = 200_000;

class OutOfBudget extends Error {}

/** A rule that can never fire, or (hitPolicy `first`) never decide. Rules are indices into `rules`. */
export type Unreachable =
  | { readonly kind: 'never-fires'; readonly rule: number; readonly pointer: string; readonly reason: string }
  | { readonly kind: 'shadowed'; readonly rule: number; readonly by: number };

/**
 * Finds rules that can never fire (contradictory bounds on one fact within an `all`, a value outside
 * the catalogue's range) and, under hitPolicy `first`, rules that never decide
 * because a rule ahead of them fires whenever they do. Sound: it reports only what it is sure of;
 * whatever it cannot read (parameters, fact references, decorators other than `not`) proves
 * nothing. Expects a rule set without errors.
 */
export function findUnreachableRules(ruleSet: RuleSet): Unreachable[] {
  const facts = new Map<string, FactSpec>(CATALOGUES[ruleSet.kind].facts.map((f) => [f.name, f]));
  const shared = new Map<string, TopCondition>(Object.entries(ruleSet.conditions ?? {}));
  const builder = new FormulaBuilder({ facts, shared });
  let steps = 0;
  const step = () => {
    if (++steps > BUDGET) throw new OutOfBudget();
  };
  const found: Unreachable[] = [];
  try {
    const rules = ruleSet.rules.map((rule, index) => {
      const formula = builder.build(rule.conditions, joinPointer('/rules', index, 'conditions'));
      const verdict = satisfiable(formula, Conjunction.empty(), step);
      return { index, priority: effectivePriority(rule), formula, verdict };
    });
    for (const { index, verdict } of rules)
      if (!verdict.ok)
        found.push({ kind: 'never-fires', rule: index, pointer: verdict.pointer, reason: verdict.reason });
    if (ruleSet.hitPolicy !== 'first') return found;

    // json-rules-engine runs higher priorities first; among equals, the order of the file.
    const order = rules
      .filter((r) => r.verdict.ok)
      .sort((a, b) => b.priority - a.priority || a.index - b.index);
    order.forEach((later, k) => {
      const ahead = order.slice(0, k).find((earlier) => implies(later.formula, earlier.formula, step));
      if (ahead) found.push({ kind: 'shadowed', rule: later.index, by: ahead.index });
    });
    return found;
  } catch (error) {
    if (!(error instanceof OutOfBudget)) throw error;
    return [];
  }
}

/** Reports `findUnreachableRules` as warnings. */
export function checkReachability(report: ProblemReporter, ruleSet: RuleSet): void {
  for (const finding of findUnreachableRules(ruleSet)) {
    const rule = ruleSet.rules[finding.rule]!;
    if (finding.kind === 'never-fires') {
      report.warning(finding.pointer, `rule ${show(rule.name)} can never fire: ${finding.reason}`);
      continue;
    }
    const ahead = ruleSet.rules[finding.by]!;
    report.warning(
      joinPointer('/rules', finding.rule, 'name'),
      `rule ${show(rule.name)} never decides: whenever it fires, rule ${show(ahead.name)} (priority ${effectivePriority(ahead)}) fires too and decides first`,
      { hint: `hitPolicy "first"; narrow ${show(ahead.name)} or give ${show(rule.name)} a higher priority` },
    );
  }
}

/**
 * Whether the formula can hold together with `given`. `not` is taken to be satisfiable (proving
 * otherwise would need the negation of a whole tree); an `any` is unsatisfiable only if each of its
 * conditions is.
 */
function satisfiable(formula: Formula, given: Conjunction, step: () => void): Verdict {
  step();
  switch (formula.kind) {
    case 'opaque':
      return OK;
    case 'not':
      // Only the plainest negation is analysed: `not` of an empty list, which json-rules-engine holds true.
      return formula.item.kind === 'all' && formula.item.items.length === 0
        ? {
            ok: false,
            pointer: formula.pointer,
            reason: 'it negates an empty condition list, which always holds',
          }
        : OK;
    case 'comparison':
      return formula.atom ? add(given, formula.atom) : OK;
    case 'all': {
      const { atoms, others } = flatten(formula, step);
      let conjunction = given;
      for (const atom of atoms) {
        const next = conjunction.with(atom);
        if (next.unsatisfiable())
          return { ok: false, pointer: atom.pointer, reason: conjunction.explain(atom) };
        conjunction = next;
      }
      for (const other of others) {
        const verdict = satisfiable(other, conjunction, step);
        if (!verdict.ok) return verdict;
      }
      return OK;
    }
    case 'any': {
      const verdicts = formula.items.map((item) => satisfiable(item, given, step));
      if (verdicts.some((v) => v.ok)) return OK;
      if (verdicts.length === 1) return verdicts[0]!;
      return { ok: false, pointer: formula.pointer, reason: 'none of the conditions of its "any" can hold' };
    }
  }
}

function add(given: Conjunction, atom: Atom): Verdict {
  const next = given.with(atom);
  return next.unsatisfiable() ? { ok: false, pointer: atom.pointer, reason: given.explain(atom) } : OK;
}

/** The atoms an `all` requires directly or through nested `all`s, and the conditions it also requires. */
function flatten(
  formula: Formula,
  step: () => void,
): { atoms: Atom[]; comparisons: Formula[]; others: Formula[] } {
  const atoms: Atom[] = [];
  const comparisons: Formula[] = [];
  const others: Formula[] = [];
  const visit = (f: Formula) => {
    step();
    if (f.kind === 'all') f.items.forEach(visit);
    else if (f.kind === 'comparison') {
      comparisons.push(f);
      if (f.atom) atoms.push(f.atom);
    } else others.push(f);
  };
  visit(formula);
  return { atoms, comparisons, others };
}

/**
 * Whether `b` holding guarantees `a` holds. `b` is read as the conjunction of what it requires
 * directly (an `any` at its root: each alternative must imply `a`); `a` must follow from it atom by
 * atom, or be literally one of `b`'s comparisons.
 */
function implies(b: Formula, a: Formula, step: () => void): boolean {
  step();
  if (b.kind === 'any') return b.items.every((item) => implies(item, a, step));
  const { atoms, comparisons } = flatten(b, step);
  const given = atoms.reduce((c, atom) => c.with(atom), Conjunction.empty());
  return entails(given, comparisons, a, step);
}

function entails(given: Conjunction, comparisons: readonly Formula[], a: Formula, step: () => void): boolean {
  step();
  switch (a.kind) {
    case 'opaque':
    case 'not':
      return false;
    case 'all':
      return a.items.every((item) => entails(given, comparisons, item, step));
    case 'any':
      return a.items.some((item) => entails(given, comparisons, item, step));
    case 'comparison':
      if (comparisons.some((c) => c.kind === 'comparison' && sameComparison(c.comparison, a.comparison)))
        return true;
      return a.atom !== undefined && given.with(negate(a.atom)).unsatisfiable();
  }
}

function sameComparison(
  x: { fact: string; operator: string; value: unknown },
  y: { fact: string; operator: string; value: unknown },
): boolean {
  return (
    x.fact === y.fact && x.operator === y.operator && JSON.stringify(x.value) === JSON.stringify(y.value)
  );
}
