import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../testing/fixtures.ts';
import { checkRuleSetText, lineRange } from './check.ts';

const tcm = readFileSync(`${ROOT}rules/engagement/tcm.json`, 'utf8');

describe('rule-set check', () => {
  it('accepts a shipped rule set and summarises it', () => {
    const check = checkRuleSetText(tcm, 'scenarios/x.engagement.json', 'engagement');
    expect(check.ok).toBe(true);
    expect(check.summary).toMatch(/^✓ Valid engagement rule set “tcm”: \d+ rules, hit policy “first”/);
  });

  it('locates an unknown fact at its line and column, with the closest known name as a hint', () => {
    const text = tcm.replace('"monthsToEnd"', '"monthsToEndd"');
    const line = text.split('\n').findIndex((l) => l.includes('monthsToEndd')) + 1;
    const check = checkRuleSetText(text, 'x.json', 'engagement');
    expect(check.ok).toBe(false);
    const problem = check.problems.find((p) => p.message.includes('monthsToEndd'))!;
    expect(problem.line).toBe(line);
    expect(problem.column).toBe(text.split('\n')[line - 1]!.indexOf('"monthsToEndd"') + 1);
    expect(problem.hint).toContain('monthsToEnd');
    expect(check.summary).toMatch(/^✗ \d+ problems? to fix/);
  });

  it('locates a JSON syntax error', () => {
    const text = '{\n  "kind": "engagement",\n  "rules": [\n}\n';
    const check = checkRuleSetText(text, 'x.json', 'engagement');
    expect(check.ok).toBe(false);
    expect(check.problems[0]!.line).toBe(4);
  });

  it('refuses a valid rule set of another kind', () => {
    const check = checkRuleSetText(tcm, 'x.json', 'dunning');
    expect(check.ok).toBe(false);
    expect(check.problems[0]!.message).toBe(
      'invalid kind: this is the dunning policy\'s rule set, so "kind" must be "dunning", got "engagement"',
    );
  });
});

describe('lineRange', () => {
  it('finds a line’s offsets', () => {
    const text = 'ab\ncde\n\nf';
    expect(lineRange(text, 1)).toEqual([0, 2]);
    expect(lineRange(text, 2)).toEqual([3, 6]);
    expect(lineRange(text, 3)).toEqual([7, 7]);
    expect(lineRange(text, 4)).toEqual([8, 9]);
    expect(lineRange(text, 9)).toEqual([9, 9]);
  });
});
