import { describe, expect, it } from 'vitest';
import {
  draftChanges,
  draftNameProblem,
  draftPath,
  draftRuleSetPath,
  draftScenarioText,
  emptyWorkspace,
  getIn,
  parseWorkspace,
  setIn,
  withDraft,
  workspaceFiles,
  type Draft,
} from './workspace.ts';

const draft: Draft = {
  name: 'tcm-cheaper-funding',
  base: 'scenarios/tcm.json',
  world: { economics: { fundingRate: 0.03 } },
  parameters: { engagement: { maxContacts: 6 } },
  ruleSets: { leads: '{"kind":"leads"}' },
};

describe('drafts', () => {
  it('live next to their base and extend it by file name', () => {
    expect(draftPath(draft)).toBe('scenarios/tcm-cheaper-funding.json');
    expect(draftRuleSetPath(draft, 'leads')).toBe('scenarios/tcm-cheaper-funding.leads.json');
    const file = JSON.parse(draftScenarioText(draft, 'tcm'));
    expect(file).toMatchObject({
      $schema: './scenario.schema.json',
      name: 'tcm-cheaper-funding',
      extends: './tcm.json',
      world: { economics: { fundingRate: 0.03 } },
      parameters: { engagement: { maxContacts: 6 } },
      policies: { leads: './tcm-cheaper-funding.leads.json' },
    });
    expect(file.description).toContain('world.economics.fundingRate = 0.03');
  });

  it('list their changes in words', () => {
    expect(draftChanges(draft)).toEqual([
      'world.economics.fundingRate = 0.03',
      'engagement parameter maxContacts = 6',
      'leads rule set edited',
    ]);
  });

  it('refuse names that are not file names or that clash with a file in the folder', () => {
    expect(draftNameProblem('my scenario', 'scenarios/tcm.json', [])).toMatch(/^invalid name/);
    expect(draftNameProblem('../x', 'scenarios/tcm.json', [])).toMatch(/^invalid name/);
    expect(draftNameProblem('baseline', 'scenarios/tcm.json', ['scenarios/baseline.json'])).toBe(
      'scenarios/baseline.json already exists: choose another name',
    );
    expect(draftNameProblem('ok-1', 'scenarios/tcm.json', ['scenarios/baseline.json'])).toBeUndefined();
  });

  it('add their scenario and edited rule sets to the workspace’s files', () => {
    const ws = withDraft(
      { ...emptyWorkspace('scenarios/baseline.json'), files: { 'uploads/x.json': '{}' } },
      draft,
    );
    expect([...workspaceFiles(ws, () => 'tcm').keys()]).toEqual([
      'uploads/x.json',
      'scenarios/tcm-cheaper-funding.json',
      'scenarios/tcm-cheaper-funding.leads.json',
    ]);
  });
});

describe('setIn', () => {
  it('sets a nested value without touching the original', () => {
    const world = { economics: { fundingRate: 0.03 } };
    const next = setIn(world, ['market', 'marketShift'], -0.1);
    expect(next).toEqual({ economics: { fundingRate: 0.03 }, market: { marketShift: -0.1 } });
    expect(world).toEqual({ economics: { fundingRate: 0.03 } });
    expect(getIn(next, ['market', 'marketShift'])).toBe(-0.1);
  });

  it('removes a reset value and the objects it leaves empty', () => {
    expect(setIn({ economics: { fundingRate: 0.03 } }, ['economics', 'fundingRate'], undefined)).toEqual({});
  });

  it('refuses __proto__', () => {
    expect(() => setIn({}, ['__proto__', 'x'], 1)).toThrow('invalid key');
  });
});

describe('parseWorkspace', () => {
  it('keeps what is well formed and drops the rest', () => {
    const ws = parseWorkspace(
      JSON.parse(`{
        "version": 1,
        "files": { "uploads/a.json": "{}", "scenarios/baseline.json": "evil", "uploads/../x.json": "evil", "uploads/b.json": 3 },
        "drafts": [
          { "name": "ok", "base": "scenarios/tcm.json", "world": { "market": { "marketShift": 0.1 } },
            "parameters": { "engagement": { "maxContacts": 5, "bad": {} }, "__proto__": { "x": 1 } },
            "ruleSets": { "leads": "text", "dunning": 5 } },
          { "name": "../escape", "base": "scenarios/tcm.json" },
          { "name": "up", "base": "../etc/passwd" }
        ],
        "baseline": "scenarios/baseline.json",
        "challengers": ["a", 5, "b", "c", "d"],
        "settings": { "iterations": 0, "seed": 1, "horizonMonths": 12 }
      }`),
    );
    expect(Object.keys(ws.files)).toEqual(['uploads/a.json']);
    expect(ws.drafts).toEqual([
      {
        name: 'ok',
        base: 'scenarios/tcm.json',
        world: { market: { marketShift: 0.1 } },
        parameters: { engagement: { maxContacts: 5 } },
        ruleSets: { leads: 'text' },
      },
    ]);
    expect(ws.challengers).toEqual(['a', 'b', 'c']);
    expect(ws.settings).toBeUndefined();
  });

  it('refuses something that is not a workspace', () => {
    expect(() => parseWorkspace({ version: 2 })).toThrow(
      'invalid workspace: expected an object with "version": 1',
    );
    expect(() => parseWorkspace([])).toThrow('invalid workspace');
  });
});
