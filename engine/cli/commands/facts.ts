import {
  CATALOGUES,
  DECORATORS,
  describeValue,
  didYouMean,
  OPERATORS,
  POLICY_KINDS,
} from '../../catalogue.ts';
import type { PolicyKind, TypedSpec } from '../../catalogue.ts';
import { UserError } from '../errors.ts';

/** `cyclecast facts [KIND] [--json]`: the fact and action catalogues, for people or for tools. */
export function factsCommand(kind: string | undefined, options: { json?: boolean }): string {
  const kinds = selectKinds(kind);
  if (options.json) return JSON.stringify(catalogueJson(kinds), null, 2) + '\n';
  return kinds.map(describeKind).join('\n') + '\n' + describeOperators();
}

function selectKinds(kind: string | undefined): PolicyKind[] {
  if (kind === undefined) return [...POLICY_KINDS];
  if ((POLICY_KINDS as readonly string[]).includes(kind)) return [kind as PolicyKind];
  const hint = didYouMean(kind, POLICY_KINDS);
  throw new UserError(
    `invalid policy kind ${describeValue(kind)}: expected one of ${POLICY_KINDS.join(', ')}` +
      (hint ? ` (${hint})` : ''),
  );
}

/** The machine-readable catalogue: per kind, every fact with its type and values, every action with its parameters. */
export function catalogueJson(kinds: readonly PolicyKind[] = POLICY_KINDS) {
  return {
    operators: OPERATORS,
    decorators: DECORATORS,
    kinds: Object.fromEntries(
      kinds.map((k) => {
        const c = CATALOGUES[k];
        return [
          k,
          {
            evaluated: c.evaluated,
            facts: c.facts.map(specJson),
            actions: c.actions.map((a) => ({
              type: a.type,
              meaning: a.meaning,
              params: a.params.map(specJson),
            })),
          },
        ];
      }),
    ),
  };
}

function specJson(s: TypedSpec & { required?: boolean }) {
  return {
    name: s.name,
    type: s.type,
    ...(s.values ? { values: s.values } : {}),
    ...(s.unit ? { unit: s.unit } : {}),
    ...(s.min !== undefined ? { min: s.min } : {}),
    ...(s.max !== undefined ? { max: s.max } : {}),
    ...(s.required !== undefined ? { required: s.required } : {}),
    meaning: s.meaning,
  };
}

function typeLabel(s: TypedSpec): string {
  if (s.type === 'enum') return s.values!.join(' | ');
  if (s.type === 'list') return `list of ${s.values!.join(' | ')}`;
  const range = s.min !== undefined && s.max !== undefined ? ` ${s.min}…${s.max}` : '';
  return s.type + range;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => '  ' + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

function describeKind(kind: PolicyKind): string {
  const c = CATALOGUES[kind];
  const facts = table([
    ['fact', 'type', 'unit', 'meaning'],
    ...c.facts.map((f) => [f.name, typeLabel(f), f.unit || '-', f.meaning]),
  ]);
  const actions = c.actions
    .map((a) => {
      const params = a.params.map(
        (p) =>
          `      ${p.name}${p.required ? '' : '?'}: ${typeLabel(p)}${p.unit ? ` (${p.unit})` : ''} — ${p.meaning}`,
      );
      return [`    ${a.type} — ${a.meaning}`, ...params].join('\n');
    })
    .join('\n');
  return `${kind} (evaluated ${c.evaluated})\n${facts}\n  actions:\n${actions}\n`;
}

function describeOperators(): string {
  return (
    `operators: ${OPERATORS.join(', ')}\n` +
    `decorators (prefix, chainable): ${DECORATORS.map((d) => d + ':').join(', ')}\n`
  );
}
