import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../../engine/policy/catalogue/index.ts';
import { compileRuleSet, frameFromFacts } from '../../../engine/policy/compile/index.ts';
import { createReferenceEngine } from '../../../engine/policy/reference.ts';
import type {
  Condition,
  ParameterDecl,
  Rule,
  RuleSet,
  TopCondition,
} from '../../../engine/policy/rule-set.ts';
import { SAMPLE_FACTS } from './helpers.ts';

/** Strings that would do harm if any of them reached generated source text. */
const HOSTILE = [
  '"',
  "'",
  '`',
  '\\',
  'a\nb',
  'line\u2028separator',
  '</script><script>globalThis.__cyclecastPwned = 1</script>',
  '${(globalThis.__cyclecastPwned = 1)}',
  '"); process.exit(1); ("',
  "'); globalThis.__cyclecastPwned = 1; ('",
  '*/ globalThis.__cyclecastPwned = 1; /*',
  'n[0]) || (true',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

/**
 * The template alphabet of generated source: our identifiers, integers, operators and
 * punctuation. No quote, backquote, backslash or `$` can appear, so no string literal can either.
 */
const IDENTIFIERS = new Set([
  'var',
  'return',
  'function',
  'if',
  'else',
  'for',
  'true',
  'false',
  'fire',
  'first',
  'num',
  'ref',
  'indexOf',
  'length',
]);
// f frame, o out, m count, n/r frame arrays, k/d/g tables, N/I validators, a/b/i/v in list scans
for (const name of ['f', 'o', 'm', 'n', 'r', 'k', 'd', 'g', 'N', 'I', 'a', 'b', 'i', 'v'])
  IDENTIFIERS.add(name);
/** Table bindings k/d/g, frame reads n/r, shared results c, list masks m and their scans s: letter and index. */
const NUMBERED = /^[kdgnrcms]\d+$/;

function expectTemplateAlphabet(source: string): void {
  expect(source).toMatch(/^[\w\s{}()[\];,.:?=!<>&|+-]*$/);
  for (const word of source.match(/[A-Za-z_]\w*/g) ?? []) {
    if (!IDENTIFIERS.has(word) && !NUMBERED.test(word))
      throw new Error(`unexpected identifier ${word} in source`);
  }
}

async function expectSameAsReference(
  ruleSet: RuleSet,
  factObjects: Record<string, unknown>[],
): Promise<void> {
  const policy = compileRuleSet(ruleSet);
  expectTemplateAlphabet(policy.source);
  const reference = createReferenceEngine(ruleSet);
  for (const facts of factObjects) {
    const built = frameFromFacts(policy, facts);
    if ('error' in built) throw new Error(built.error);
    const out = new Int32Array(policy.rules.length);
    const compiled = Array.from(
      out.subarray(0, policy.fire(built.frame, out)),
      (i) => policy.rules[i]!.event,
    );
    const expected = await reference.run(facts);
    // one priority throughout, so json-rules-engine's order is its own: compare as multisets
    const sorted = (events: readonly unknown[]) => events.map((e) => JSON.stringify(e)).sort();
    expect(sorted(compiled)).toEqual(sorted(expected));
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('hostile names and values are data', () => {
  // Object.fromEntries makes own keys, as JSON.parse does (`obj['__proto__'] = …` would not).
  const parameters = Object.fromEntries(
    HOSTILE.map((text): [string, ParameterDecl] => [
      text,
      { type: 'enum', values: [text, 'plain'], default: text },
    ]),
  );
  const conditions = Object.fromEntries(
    HOSTILE.map((text): [string, TopCondition] => [
      text,
      { any: [{ fact: text, operator: 'equal', value: text }] },
    ]),
  );
  const rules: Rule[] = [];
  HOSTILE.forEach((text, i) => {
    rules.push({
      name: text,
      conditions: {
        all: [
          { condition: text },
          { fact: 'region', operator: 'notIn', value: [text, `${text}${text}`] },
          { fact: text, operator: 'in', value: [text] },
        ],
      },
      event: { type: text, params: { channel: text, offer: `${i}${text}` } },
    });
  });
  rules.push({
    name: 'literal',
    conditions: {
      any: HOSTILE.map((text): Condition => ({ fact: 'region', operator: 'equal', value: text })),
    },
    event: { type: 'literal' },
  });
  const ruleSet: RuleSet = {
    kind: 'engagement',
    name: '"); process.exit(1); ("',
    description: '</script>',
    hitPolicy: 'collect',
    parameters,
    conditions,
    rules,
  };

  it('compiles to source in the template alphabet only, naming none of them', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const { source } = compileRuleSet(ruleSet);
    expectTemplateAlphabet(source);
    for (const text of [
      'process',
      'exit',
      '__proto__',
      'constructor',
      'toString',
      'script',
      'globalThis',
      '${',
    ]) {
      expect(source).not.toContain(text);
    }
    expect(exit).not.toHaveBeenCalled();
    expect(Object.hasOwn(globalThis, '__cyclecastPwned')).toBe(false);
  });

  it('evaluates like json-rules-engine, with parameters set by default and by the facts', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const flipped = Object.fromEntries(HOSTILE.slice(0, 8).map((text) => [text, 'plain']));
    await expectSameAsReference(ruleSet, [
      { ...SAMPLE_FACTS.engagement },
      { ...SAMPLE_FACTS.engagement, ...flipped },
      { ...SAMPLE_FACTS.engagement, region: 'south' },
    ]);
    const policy = compileRuleSet(ruleSet);
    const built = frameFromFacts(policy, SAMPLE_FACTS.engagement);
    if ('error' in built) throw new Error(built.error);
    const out = new Int32Array(policy.rules.length);
    expect(policy.fire(built.frame, out)).toBe(HOSTILE.length);
    expect(exit).not.toHaveBeenCalled();
    expect(Object.hasOwn(globalThis, '__cyclecastPwned')).toBe(false);
  });

  it('keeps event params named like Object.prototype members as own data, polluting nothing', () => {
    const parsed = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": "c", "toString": "t", "channel": "sms"}',
    ) as Record<string, string>;
    const policy = compileRuleSet({
      ...ruleSet,
      rules: [{ name: 'r', conditions: { all: [] }, event: { type: 'contact', params: parsed } }],
    });
    const params = policy.rules[0]!.event.params!;
    // json-rules-engine's clone() drops these keys from the events it emits; the compiled policy keeps the data.
    expect(Object.keys(params)).toEqual(['__proto__', 'constructor', 'toString', 'channel']);
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('random strings anywhere in a rule set stay data', async () => {
    const factNames = new Set(catalogue('engagement').facts.map((f) => f.name));
    const text = fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
    );
    const names = fc.uniqueArray(
      text.filter((t) => !factNames.has(t)),
      { minLength: 3, maxLength: 3 },
    );
    await fc.assert(
      fc.asyncProperty(names, text, text, async ([parameter, condition, ruleName], literal, eventText) => {
        const randomSet: RuleSet = {
          kind: 'engagement',
          name: ruleName!,
          description: literal,
          hitPolicy: 'first',
          parameters: { [parameter!]: { type: 'enum', values: [literal, eventText], default: literal } },
          conditions: { [condition!]: { all: [{ fact: parameter!, operator: 'equal', value: literal }] } },
          rules: [
            {
              name: ruleName!,
              conditions: {
                any: [{ condition: condition! }, { fact: 'region', operator: 'in', value: [literal] }],
              },
              event: { type: eventText, params: { channel: literal } },
            },
            {
              name: `${ruleName!} 2`,
              conditions: {
                not: { fact: parameter!, operator: 'someValue:equal', value: [eventText, literal] },
              },
              event: { type: literal },
            },
          ],
        };
        await expectSameAsReference(randomSet, [
          { ...SAMPLE_FACTS.engagement },
          { ...SAMPLE_FACTS.engagement, [parameter!]: eventText },
        ]);
      }),
      { numRuns: 300 },
    );
    expect(Object.hasOwn(globalThis, '__cyclecastPwned')).toBe(false);
  });
});

describe('hostile strings in shared conditions and list tests are data', () => {
  // Each condition is first used where evaluation may skip it (under `not`), then where it always
  // gets, so it is computed into a local on demand; list tests with hostile members build the list
  // masks and their scans.
  const conditions = Object.fromEntries(
    HOSTILE.map((text): [string, TopCondition] => [
      text,
      {
        any: [
          { fact: 'offersMade', operator: 'doesNotContain', value: text },
          { fact: 'region', operator: 'in', value: [text, 'east'] },
        ],
      },
    ]),
  );
  const rules: Rule[] = HOSTILE.flatMap((text, i): Rule[] => [
    {
      name: `${text} lazy`,
      conditions: {
        any: [{ fact: 'cycle', operator: 'equal', value: i }, { not: { condition: text } }],
      },
      event: { type: `${text} lazy` },
    },
    {
      name: `${text} eager`,
      conditions: {
        all: [
          { condition: text },
          { fact: 'offersMade', operator: 'someFact:in', value: [text, 'extension'] },
        ],
      },
      event: { type: text },
    },
    {
      name: `${text} list`,
      conditions: {
        all: [
          { fact: 'offersMade', operator: 'everyFact:notIn', value: [text, `${text}${text}`] },
          { fact: 'offersMade', operator: 'contains', value: 'service-package' },
        ],
      },
      event: { type: `${text} list` },
    },
  ]);
  const facts = [
    { ...SAMPLE_FACTS.engagement },
    { ...SAMPLE_FACTS.engagement, offersMade: [], cycle: 3 },
    { ...SAMPLE_FACTS.engagement, offersMade: ['extension', 'service-package'], region: 'east' },
  ];

  for (const hitPolicy of ['collect', 'first'] as const) {
    it(`compile to the template alphabet and evaluate like json-rules-engine (${hitPolicy})`, async () => {
      const ruleSet: RuleSet = {
        kind: 'engagement',
        name: 'shared',
        description: '',
        hitPolicy,
        conditions,
        rules,
      };
      const { source } = compileRuleSet(ruleSet);
      expect(source).toMatch(/\bc\d+ === 0 \?/); // a lazily computed shared result
      expect(source).toMatch(/\bfunction s\d+\(a\)/); // a list scan
      await expectSameAsReference(ruleSet, facts);
      expect(Object.hasOwn(globalThis, '__cyclecastPwned')).toBe(false);
    });
  }
});
