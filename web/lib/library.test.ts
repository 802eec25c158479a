import { describe, expect, it } from 'vitest';
import { SHIPPED_FILES, SHIPPED_SCENARIOS } from './library.ts';

describe('the shipped library', () => {
  it('offers every shipped scenario but those on a contract tape, which the workbench cannot read yet', () => {
    expect(SHIPPED_SCENARIOS[0]).toBe('scenarios/baseline.json');
    expect(SHIPPED_SCENARIOS).toContain('scenarios/tcm.json');
    expect(SHIPPED_FILES.has('scenarios/own-book.json')).toBe(true);
    expect(SHIPPED_SCENARIOS).not.toContain('scenarios/own-book.json');
  });
});
