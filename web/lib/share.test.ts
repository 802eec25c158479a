import { describe, expect, it } from 'vitest';
import { decodeWorkspace, encodeWorkspace, hashPayload, shareUrl } from './share.ts';
import { emptyWorkspace, type Workspace } from './workspace.ts';

const ws: Workspace = {
  ...emptyWorkspace('scenarios/baseline.json'),
  challengers: ['scenarios/tcm.json'],
  drafts: [
    {
      name: 'tcm-recession',
      base: 'scenarios/tcm.json',
      world: { market: { marketShift: -0.08 } },
      parameters: {},
      ruleSets: { engagement: '{\n  "kind": "engagement"\n}'.repeat(50) },
    },
  ],
  settings: { iterations: 50, seed: 7, horizonMonths: 60 },
};

describe('share links', () => {
  it('carry a workspace through the URL hash, compressed and URL-safe', async () => {
    const url = await shareUrl('https://example.test/workbench/#old', ws);
    expect(url).toMatch(/^https:\/\/example\.test\/workbench\/#w=[A-Za-z0-9_-]+$/);
    const payload = hashPayload(new URL(url).hash)!;
    expect(payload.length).toBeLessThan(JSON.stringify(ws).length / 3);
    expect(await decodeWorkspace(payload)).toEqual(ws);
  });

  it('say so when a link is damaged', async () => {
    const payload = await encodeWorkspace(ws);
    await expect(decodeWorkspace(payload.slice(0, 20))).rejects.toThrow('invalid share link');
    await expect(decodeWorkspace('%%%')).rejects.toThrow('invalid share link');
  });

  it('finds no workspace in an ordinary hash', () => {
    expect(hashPayload('#results')).toBeUndefined();
    expect(hashPayload('')).toBeUndefined();
  });
});
