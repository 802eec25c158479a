import { counted, RUN_LIMITS } from '../../../engine/index.ts';
import type { RunState } from '../../controllers/run-controller.ts';
import type { RunSettingsInput } from '../../lib/workspace.ts';

/** The run settings a person can set, with their units and limits (RUN_LIMITS, engine/sim/montecarlo/spec.ts). */
export const SETTING_FIELDS: readonly {
  readonly key: keyof RunSettingsInput;
  readonly label: string;
  readonly unit: string;
  readonly help: string;
  readonly min: number;
  readonly max: number;
}[] = [
  {
    key: 'iterations',
    label: 'Iterations',
    unit: 'runs',
    help: 'More runs, narrower confidence intervals.',
    min: RUN_LIMITS.iterations.min,
    max: RUN_LIMITS.iterations.max,
  },
  {
    key: 'seed',
    label: 'Seed',
    unit: 'whole number',
    help: 'Same seed, same customers and luck.',
    min: RUN_LIMITS.seed.min,
    max: RUN_LIMITS.seed.max,
  },
  {
    key: 'horizonMonths',
    label: 'Horizon',
    unit: 'months',
    help: '120 months is 10 years.',
    min: RUN_LIMITS.horizonMonths.min,
    max: RUN_LIMITS.horizonMonths.max,
  },
];

/**
 * Why a typed run setting cannot be used, or undefined.
 * @example settingsProblem('iterations', '0') // 'expected a whole number from 1 to 1,000,000'
 */
export function settingsProblem(key: keyof RunSettingsInput, text: string): string | undefined {
  const { min, max } = RUN_LIMITS[key];
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    return `expected a whole number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}`;
  }
  return undefined;
}

/** Seconds or minutes and seconds: '48 s', '2 min 05 s'. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** One line saying where the run is, for the line under the progress bar. */
export function progressText(state: RunState | undefined, workers: number): string {
  if (!state) return 'Ready.';
  const of = `${state.completed.toLocaleString('en-GB')} of ${counted(state.total, 'iteration')}`;
  switch (state.status) {
    case 'idle':
      return 'Ready: pick the scenarios and press Run.';
    case 'loading':
      return 'Checking the scenarios…';
    case 'running': {
      if (state.completed === 0) {
        return `Preparing portfolios and policies on ${workers} worker${workers === 1 ? '' : 's'}… ${duration(state.elapsedMs)}`;
      }
      const left = (state.elapsedMs / state.completed) * (state.total - state.completed);
      return `${of} · ${duration(state.elapsedMs)} · about ${duration(left)} left`;
    }
    case 'done':
      return `Finished ${counted(state.total, 'iteration')} in ${duration(state.elapsedMs)}.`;
    case 'cancelled':
      return `Cancelled after ${of}.`;
    case 'failed':
      return 'The run did not complete: see the message below.';
  }
}
