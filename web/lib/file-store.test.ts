import { describe, expect, it } from 'vitest';
import { FileStore } from './file-store.ts';

const shipped = new Map([
  ['scenarios/baseline.json', '{"name":"baseline"}'],
  ['rules/engagement/tcm.json', 'tcm rules'],
  ['rules/leads/bdc.json', 'bdc rules'],
]);

describe('FileStore', () => {
  it('reads shipped files by path, and the workspace’s own files first', async () => {
    const store = new FileStore(shipped, new Map([['rules/leads/bdc.json', 'edited bdc']]));
    expect(await store.read('rules/engagement/tcm.json')).toBe('tcm rules');
    expect(await store.read('rules/leads/bdc.json')).toBe('edited bdc');
  });

  it('finds a rule set opened beside a scenario by its file name when the scenario’s path does not exist', async () => {
    const store = new FileStore(shipped, new Map([['uploads/my-rules.json', 'mine']]));
    expect(await store.read('rules/engagement/my-rules.json')).toBe('mine');
    expect(store.resolve('../../../rules/engagement/tcm.json')).toBe('rules/engagement/tcm.json');
    expect(store.resolve('uploads/baseline.json')).toBe('scenarios/baseline.json');
  });

  it('refuses a name two opened files share, and says what to do about a missing file', async () => {
    const store = new FileStore(
      shipped,
      new Map([
        ['uploads/a/rules.json', '1'],
        ['uploads/b/rules.json', '2'],
      ]),
    );
    expect(store.resolve('x/rules.json')).toBeUndefined();
    await expect(store.read('rules/dunning/missing.json')).rejects.toThrow(
      'open missing.json together with the scenario',
    );
  });
});
