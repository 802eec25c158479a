import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/index.ts';
import { FileStore } from '../../lib/file-store.ts';
import { emptyWorkspace, workspaceFiles, withDraft, type Draft } from '../../lib/workspace.ts';
import { ROOT } from '../../testing/fixtures.ts';
import { suggestDraftName } from './draft-name.ts';

const shipped = new Map(
  [
    'scenarios/baseline.json',
    'scenarios/tcm.json',
    'rules/engagement/reactive.json',
    'rules/engagement/tcm.json',
    'rules/leads/salesperson-prepared.json',
    'rules/leads/speed-to-lead.json',
    'rules/dunning/uniform.json',
    'rules/remarketing/three-cycle.json',
  ].map((p) => [p, readFileSync(`${ROOT}${p}`, 'utf8')]),
);

function store(draft: Draft) {
  const ws = withDraft(emptyWorkspace('scenarios/baseline.json'), draft);
  return new FileStore(
    shipped,
    workspaceFiles(ws, () => 'tcm'),
  );
}

describe('edited scenarios', () => {
  it('load through the engine’s loader with every edit in force', async () => {
    const speed = shipped.get('rules/leads/speed-to-lead.json')!;
    const draft: Draft = {
      name: 'tcm-edited',
      base: 'scenarios/tcm.json',
      world: { economics: { fundingRate: 0.05 } },
      parameters: { engagement: { maxContacts: 6 } },
      ruleSets: { leads: speed },
    };
    const { scenario, problems } = await loadScenario('scenarios/tcm-edited.json', store(draft).read);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(scenario!.name).toBe('tcm-edited');
    expect(scenario!.world.economics.fundingRate).toBe(0.05);
    expect(scenario!.parameters.engagement).toEqual({ maxContacts: 6 });
    expect(scenario!.policies.engagement.ruleSet.name).toBe('tcm');
    expect(scenario!.policies.leads).toMatchObject({ file: 'scenarios/tcm-edited.leads.json' });
    expect(scenario!.policies.leads.ruleSet.name).toBe('speed-to-lead');
  });

  it('report an edit the engine refuses, located in the edited file', async () => {
    const draft: Draft = {
      name: 'broken',
      base: 'scenarios/tcm.json',
      world: { economics: { fundingRate: 3 } },
      parameters: { engagement: { maxContacts: 0 } },
      ruleSets: { dunning: '{ "kind": "dunning", ' },
    };
    const { scenario, problems } = await loadScenario('scenarios/broken.json', store(draft).read);
    expect(scenario).toBeUndefined();
    const messages = problems.map((p) => `${p.file}: ${p.message}`).join('\n');
    expect(messages).toContain('scenarios/broken.json: invalid world.economics.fundingRate');
    expect(messages).toContain('scenarios/broken.dunning.json');
  });
});

describe('suggestDraftName', () => {
  it('suggests a free file name from the base’s name', () => {
    expect(suggestDraftName('tcm', 'scenarios/tcm.json', [])).toBe('tcm-edited');
    expect(suggestDraftName('tcm', 'scenarios/tcm.json', ['scenarios/tcm-edited.json'])).toBe('tcm-edited-2');
    expect(suggestDraftName('My scenario!', 'uploads/x.json', [])).toBe('My-scenario-edited');
  });
});
