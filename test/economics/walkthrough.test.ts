import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BEGIN, END, replaceSection, walkthroughSection } from '../../bin/walkthrough.ts';

let section: string;
beforeAll(async () => {
  section = await walkthroughSection();
});

describe("docs/economics.md's walkthrough", () => {
  it('is what `cyclecast explain` prints today (run `npm run docs:walkthrough` when it is not)', () => {
    const doc = readFileSync('docs/economics.md', 'utf8');
    const committed = doc.slice(doc.indexOf(BEGIN), doc.indexOf(END) + END.length);
    expect(committed).toBe(section);
    expect(replaceSection(doc, section)).toBe(doc);
  });

  it('follows one vehicle through three cycles, with entries of every party', () => {
    for (const cycle of [1, 2, 3]) expect(section).toContain(`#### Cycle ${cycle}: customer `);
    for (const party of ['captive', 'dealer', 'manufacturer']) {
      expect(section).toMatch(new RegExp(`\\| [^\\n]*\\b${party} [a-zA-Z]+ c[123] [+−]€`));
    }
  });
});
