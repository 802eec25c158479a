import { describe, expect, it } from 'vitest';
import { keepBoth } from './incoming.ts';
import { emptyWorkspace, type Draft } from './workspace.ts';

const draft = (name: string, base: string, maxContacts: number): Draft => ({
  name,
  base,
  world: {},
  parameters: { engagement: { maxContacts } },
  ruleSets: {},
});

describe('keepBoth', () => {
  it('adds a shared workspace beside the reader’s, moving clashing files together and renaming clashing drafts', () => {
    const local = {
      ...emptyWorkspace('scenarios/baseline.json'),
      files: { 'uploads/s.json': 'mine', 'uploads/r.json': 'rules' },
      drafts: [draft('d', 'scenarios/baseline.json', 5)],
      challengers: ['uploads/s.json'],
    };
    const incoming = {
      ...emptyWorkspace('scenarios/tcm.json'),
      files: { 'uploads/s.json': 'theirs', 'uploads/r.json': 'rules' },
      drafts: [
        draft('d', 'scenarios/baseline.json', 2),
        draft('e', 'uploads/s.json', 3),
        draft('f', 'scenarios/d.json', 4),
      ],
    };
    const both = keepBoth(local, incoming);
    expect(both.files).toEqual({
      'uploads/s.json': 'mine',
      'uploads/r.json': 'rules',
      'uploads/shared/s.json': 'theirs',
      'uploads/shared/r.json': 'rules',
    });
    expect(both.drafts.map((d) => `${d.name}<${d.base}`)).toEqual([
      'd<scenarios/baseline.json',
      'd-shared<scenarios/baseline.json',
      'e<uploads/shared/s.json',
      'f<scenarios/d-shared.json',
    ]);
    expect(both.baseline).toBe('scenarios/baseline.json');
    expect(both.challengers).toEqual(['uploads/s.json']);
  });

  it('adds nothing twice', () => {
    const local = {
      ...emptyWorkspace('scenarios/baseline.json'),
      drafts: [draft('d', 'scenarios/baseline.json', 5)],
    };
    expect(keepBoth(local, local)).toEqual(local);
  });
});
