import { describe, expect, it } from 'vitest';
import type { RunState } from '../../controllers/run-controller.ts';
import { duration, progressText, settingsProblem, SETTING_FIELDS } from './run-status.ts';

const state = (s: Partial<RunState>): RunState => ({
  status: 'idle',
  completed: 0,
  total: 200,
  elapsedMs: 0,
  scenarios: [],
  complete: false,
  ...s,
});

describe('run settings', () => {
  it('accept whole numbers within the CLI’s limits and say what is expected otherwise', () => {
    expect(settingsProblem('iterations', '200')).toBeUndefined();
    expect(settingsProblem('iterations', '0')).toBe('expected a whole number from 1 to 1,000,000');
    expect(settingsProblem('iterations', '2.5')).toMatch(/^expected a whole number/);
    expect(settingsProblem('seed', '')).toMatch(/^expected a whole number from 0/);
    expect(settingsProblem('horizonMonths', '601')).toBe('expected a whole number from 1 to 600');
  });

  it('name their unit', () => {
    expect(SETTING_FIELDS.map((f) => `${f.label} (${f.unit})`)).toEqual([
      'Iterations (runs)',
      'Seed (whole number)',
      'Horizon (months)',
    ]);
  });
});

describe('progress text', () => {
  it('says where the run is, with time left once iterations finish', () => {
    expect(progressText(state({}), 2)).toBe('Ready: pick the scenarios and press Run.');
    expect(progressText(state({ status: 'running', elapsedMs: 1200 }), 2)).toBe(
      'Preparing portfolios and policies on 2 workers… 1 s',
    );
    expect(progressText(state({ status: 'running', completed: 40, elapsedMs: 10_000 }), 2)).toBe(
      '40 of 200 iterations · 10 s · about 40 s left',
    );
    expect(progressText(state({ status: 'done', completed: 200, elapsedMs: 125_000 }), 2)).toBe(
      'Finished 200 iterations in 2 min 05 s.',
    );
    expect(progressText(state({ status: 'cancelled', completed: 40 }), 2)).toBe(
      'Cancelled after 40 of 200 iterations.',
    );
  });

  it('formats durations in seconds, then minutes', () => {
    expect(duration(400)).toBe('0 s');
    expect(duration(59_400)).toBe('59 s');
    expect(duration(61_000)).toBe('1 min 01 s');
  });
});
