import { readFileSync } from 'node:fs';
import type { ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../testing/fixtures.ts';
import { STORAGE_KEY, WorkspaceController, scenarioName } from './workspace-controller.ts';

const read = (p: string) => readFileSync(`${ROOT}${p}`, 'utf8');
const SHIPPED = new Map(
  [
    'scenarios/baseline.json',
    'scenarios/tcm.json',
    'rules/engagement/reactive.json',
    'rules/engagement/tcm.json',
    'rules/leads/salesperson-prepared.json',
    'rules/dunning/uniform.json',
    'rules/remarketing/three-cycle.json',
  ].map((p) => [p, read(p)]),
);

const host = (): ReactiveControllerHost => ({
  addController: () => {},
  removeController: () => {},
  requestUpdate: () => {},
  updateComplete: Promise.resolve(true),
});

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    items,
  };
}

const file = (name: string, text: string) => ({ name, text: async () => text });

function controller(options: { storage?: ReturnType<typeof memoryStorage>; hash?: string } = {}) {
  let hash = options.hash ?? '';
  return new WorkspaceController(host(), {
    shipped: SHIPPED,
    shippedScenarios: ['scenarios/baseline.json', 'scenarios/tcm.json'],
    defaultChallengers: ['scenarios/tcm.json', 'scenarios/missing.json'],
    ...(options.storage ? { storage: options.storage } : {}),
    location: { href: `https://cyclecast.test/app/${hash}`, hash },
    clearHash: () => (hash = ''),
  });
}

describe('WorkspaceController', () => {
  it('starts with the shipped baseline and the default challengers that exist', async () => {
    const ws = controller();
    await ws.init();
    expect(ws.ws.baseline).toBe('scenarios/baseline.json');
    expect(ws.ws.challengers).toEqual(['scenarios/tcm.json']);
    expect(ws.scenarioOptions().map((o) => `${o.source}:${o.name}`)).toEqual([
      "shipped:Baseline: today's practice",
      'shipped:Trade cycle management',
    ]);
  });

  it('checks opened files, reports each problem with its line, and picks a valid scenario as challenger', async () => {
    const ws = controller();
    await ws.init();
    ws.update((w) => ({ ...w, challengers: [] }));
    const rules = read('rules/engagement/tcm.json').replace('"monthsToEnd"', '"monthsToEnd2"');
    await ws.openFiles([
      file(
        'good.json',
        JSON.stringify({
          name: 'good',
          extends: '../scenarios/baseline.json',
          policies: { engagement: '../rules/engagement/tcm.json' },
        }),
      ),
      file(
        'bad.json',
        JSON.stringify({
          name: 'bad',
          extends: '../scenarios/baseline.json',
          policies: { engagement: './bad-rules.json' },
        }),
      ),
      file('bad-rules.json', rules),
      file('notes.json', '{"hello": 1}'),
    ]);
    const statuses = Object.fromEntries(
      [...ws.statuses].map(([p, s]) => [
        p,
        [s.kind, s.problems.filter((x) => x.severity === 'error').length > 0],
      ]),
    );
    expect(statuses).toEqual({
      'uploads/good.json': ['scenario', false],
      'uploads/bad.json': ['scenario', true],
      'uploads/bad-rules.json': ['rule-set', true],
      'uploads/notes.json': ['unreadable', true],
    });
    expect(ws.ws.challengers).toEqual(['uploads/good.json']);
    expect(ws.notice!.tone).toBe('error');
    const line = rules.split('\n').findIndex((l) => l.includes('monthsToEnd2')) + 1;
    expect(ws.notice!.lines.some((l) => l.startsWith(`uploads/bad-rules.json:${line}:`))).toBe(true);
    expect(
      ws.notice!.lines.some((l) => l.includes('uploads/notes.json:1:1') && l.includes('expected a rule set')),
    ).toBe(true);
    expect((await ws.load('uploads/good.json')).scenario!.policies.engagement.ruleSet.name).toBe('tcm');
  });

  it('keeps work across a reload', async () => {
    const storage = memoryStorage();
    const first = controller({ storage });
    await first.init();
    first.saveDraft({
      name: 'cheap-funding',
      base: 'scenarios/tcm.json',
      world: { economics: { fundingRate: 0.03 } },
      parameters: {},
      ruleSets: {},
    });
    first.update((w) => ({
      ...w,
      challengers: ['scenarios/cheap-funding.json'],
      settings: { iterations: 50, seed: 9, horizonMonths: 60 },
    }));
    first.flush();
    expect(storage.items.has(STORAGE_KEY)).toBe(true);
    const second = controller({ storage });
    await second.init();
    expect(second.ws).toEqual(first.ws);
    const { scenario } = await second.load('scenarios/cheap-funding.json');
    expect(scenario!.world.economics.fundingRate).toBe(0.03);
  });

  it('opens a shared link in another browser and forgets the hash', async () => {
    const mine = controller();
    await mine.init();
    mine.saveDraft({
      name: 'shared',
      base: 'scenarios/baseline.json',
      world: {},
      parameters: { engagement: { maxContacts: 2 } },
      ruleSets: {},
    });
    const link = await mine.shareLink();
    const theirs = controller({ hash: new URL(link).hash, storage: memoryStorage() });
    await theirs.init();
    expect(theirs.ws.drafts).toEqual(mine.ws.drafts);
    expect(theirs.notice!.title).toMatch(/^Opened a shared workspace: 1 edited scenario/);
  });

  it('holds a shared link beside the reader’s own work until they choose, and never writes over it', async () => {
    const draft = (name: string, maxContacts: number) => ({
      name,
      base: 'scenarios/baseline.json',
      world: {},
      parameters: { engagement: { maxContacts } },
      ruleSets: {},
    });
    const sender = controller();
    await sender.init();
    sender.saveDraft(draft('mine', 2));
    const link = await sender.shareLink();

    const storage = memoryStorage();
    const own = controller({ storage });
    await own.init();
    own.saveDraft(draft('mine', 5));
    own.flush();
    const saved = storage.items.get(STORAGE_KEY);

    const reader = (choice?: 'both' | 'replace' | 'discard') => async () => {
      const ws = controller({ hash: new URL(link).hash, storage });
      await ws.init();
      expect(ws.incoming!.drafts.map((d) => d.parameters)).toEqual([{ engagement: { maxContacts: 2 } }]);
      expect(ws.ws.drafts.map((d) => d.name)).toEqual(['mine']);
      ws.flush(); // leaving the page before choosing changes nothing kept
      expect(storage.items.get(STORAGE_KEY)).toBe(saved);
      if (choice) await ws.resolveIncoming(choice);
      return ws;
    };
    await reader()();
    const both = await reader('both')();
    expect(both.ws.drafts.map((d) => d.name)).toEqual(['mine', 'mine-shared']);
    expect(JSON.parse(storage.items.get(STORAGE_KEY)!).drafts).toHaveLength(2);
    storage.setItem(STORAGE_KEY, saved!);
    const replaced = await reader('replace')();
    expect(replaced.ws.drafts.map((d) => d.parameters.engagement)).toEqual([{ maxContacts: 2 }]);
    expect(storage.items.get(`${STORAGE_KEY}.replaced`)).toBe(saved);
    storage.setItem(STORAGE_KEY, saved!);
    const discarded = await reader('discard')();
    expect(discarded.ws.drafts.map((d) => d.parameters.engagement)).toEqual([{ maxContacts: 5 }]);
    expect(storage.items.get(STORAGE_KEY)).toBe(saved);
  });

  it('says so when a shared link is damaged, and starts afresh', async () => {
    const ws = controller({ hash: '#w=AAAA' });
    await ws.init();
    expect(ws.notice).toMatchObject({ tone: 'error', title: expect.stringMatching(/^invalid share link/) });
    expect(ws.ws.baseline).toBe('scenarios/baseline.json');
  });

  it('names a scenario by its title, else its name, else its file', () => {
    expect(scenarioName('x/tcm.json', '{"name":"TCM"}')).toBe('TCM');
    expect(scenarioName('x/tcm.json', 'not json')).toBe('tcm');
    expect(scenarioName('x/tcm.json', '{"name":"tcm","title":"Trade cycle management"}')).toBe(
      'Trade cycle management',
    );
  });
});
