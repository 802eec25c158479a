import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EVENT_COLUMNS,
  HISTORY_EVENTS,
  SNAPSHOT_COLUMNS,
} from '../../../engine/calibration/history/columns.ts';
import { HISTORY_RATE_IDS, UNUSUAL_PERIODS } from '../../../engine/calibration/history/dimensions.ts';
import { ROOT } from '../../cli/run-cli.ts';

const doc = readFileSync(path.join(ROOT, 'docs/history.md'), 'utf8');
/** The first cells of the table rows of the section under `heading`. */
function firstCells(heading: string): string[] {
  const section = doc.slice(doc.indexOf(heading)).split(/\n#{2,3} /)[0]!;
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

describe('docs/history.md', () => {
  it('lists exactly the declared columns, events, rates and unusual periods', () => {
    expect(firstCells('### snapshots.csv')).toEqual(SNAPSHOT_COLUMNS.map((c) => c.name));
    const events = firstCells('### events.csv');
    expect(events).toEqual([...EVENT_COLUMNS.map((c) => c.name), ...HISTORY_EVENTS]);
    expect(new Set(firstCells('## What is counted'))).toEqual(new Set(HISTORY_RATE_IDS));
    expect(firstCells('### Unusual periods')).toEqual(UNUSUAL_PERIODS.map((u) => u.id));
    for (const u of UNUSUAL_PERIODS) expect(doc).toContain(`| \`${u.id}\` | ${u.from} … ${u.to} |`);
  });
});
