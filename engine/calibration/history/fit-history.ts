import type { ResolvedScenario } from '../../scenario/load.ts';
import { scenarioInput } from '../../scenario/input.ts';
import { generatePortfolio } from '../../portfolio/population.ts';
import { prepareScenario } from '../../sim/iteration.ts';
import { simulateHistory, type SimulatedHistory } from '../../sim/history/simulate-history.ts';
import { log } from '../../math/index.ts';
import { logistic, logit } from '../../world/resolve.ts';
import type { World } from '../../world/assumptions.ts';
import { fitParameter, roundParameter, type Fit } from '../fit.ts';
import { valueAt, withValue } from '../world-path.ts';
import type { CountRow, CountTables } from './counts.ts';
import { ALL, BASE_PERIOD, type MonthIndex } from './dimensions.ts';
import type { RateCell, RateEstimate } from './rate-estimate.ts';
import { HISTORY_KNOBS, type HistoryKnob, type RateSelection } from './world-map.ts';

/*
 * `cyclecast calibrate --history`: fits each knob of the world map (world-map.ts) so that the baseline,
 * running today's rules, shows in its own simulated history the rate the client's history shows. A
 * knob's measure is read from the simulated history exactly as the client's rate was read from theirs
 * (the same count tables, the same cells and pooling, the same calendar months), so the comparison is
 * like for like. Every evaluation runs the same iterations with the same seed (common random
 * numbers), so the measure moves only because the knob did; fitParameter finds the value.
 *
 * The rate's spread between calendar years, not its sampling interval, becomes the knob's range: the
 * fitted value's local slope (one more evaluation beside it) carries the yearly rates' low and high
 * over to the knob, and the world file gives each parameter a PERT distribution over that range.
 */

/** Counts a simulated history whose first month is the calendar month `windowStart`. */
export type HistoryCounter = (history: SimulatedHistory, windowStart: MonthIndex) => CountTables;

export interface HistoryFitSettings {
  /** Simulated histories per evaluation (iterations 0 … n − 1 of the seed), their counts summed. */
  readonly iterations: number;
  readonly seed: number;
  /** Months run before the simulated window opens, so it starts mid-contract as the client's does. */
  readonly leadMonths: number;
  /** Calendar month of the client's first month and the window's length, in months. */
  readonly windowStart: MonthIndex;
  readonly months: number;
  readonly maxEvaluations: number;
  readonly passes: number;
  /** Fit only these knobs (ids of HISTORY_KNOBS); absent: every knob. */
  readonly knobs?: readonly string[];
}

/** The client's rate a knob is fitted to, over the estimates it pools. */
export interface ObservedRate {
  readonly rate: number;
  readonly interval95: readonly [number, number];
  readonly spread?: { readonly low: number; readonly high: number };
  readonly observations: number;
  readonly events: number;
  /** The cells the rate is counted over (the estimates' own and the cells pooled into them). */
  readonly cells: readonly RateCell[];
}

export interface KnobFit {
  readonly knob: HistoryKnob;
  readonly observed: ObservedRate;
  /** The knob before the fit: the world's number, or 1 for an odds factor. */
  readonly from: number;
  readonly fit: Fit;
  /** The knob at the yearly rates' low and high, or undefined when the history has fewer than two years or the slope is flat. */
  readonly range?: { readonly low: number; readonly high: number };
}

export interface UnsupportedKnob {
  readonly knob: HistoryKnob;
  readonly why: string;
}

export interface HistoryFit {
  readonly fits: readonly KnobFit[];
  /** Knobs the history cannot support: their parameters keep the baseline's values. */
  readonly unsupported: readonly UnsupportedKnob[];
  /** The baseline's world with every fitted value in place. */
  readonly world: World;
  /** What the world file states: each fitted path's value, or a PERT distribution over its range. */
  readonly values: readonly { readonly path: string; readonly value: number | PertValue }[];
}

export interface PertValue {
  readonly dist: 'pert';
  readonly min: number;
  readonly mode: number;
  readonly max: number;
}

/** A cell matches a selection where every dimension the selection names has that value. */
function selects(cell: RateCell, select: RateSelection): boolean {
  return (
    (select.tier === undefined || cell.tier === select.tier) &&
    (select.bucket === undefined || cell.bucket === select.bucket) &&
    (select.product === undefined || cell.product === select.product)
  );
}

/** The client's rate for `knob`, or why the history cannot support it. */
export function observedRate(knob: HistoryKnob, estimates: readonly RateEstimate[]): ObservedRate | string {
  const own = estimates.filter((e) => e.id === knob.rate && selects(e.cell, knob.select));
  if (own.length === 0) return 'no observations in the history';
  if (own.some((e) => !e.supported)) return 'too few events, even pooled with its neighbours';
  // A knob of one tier (or bucket, or product) cannot take a rate pooled with other tiers' contracts.
  const foreign = own.some((e) => e.pooled.some((p) => !selects(p.cell, knob.select)));
  if (foreign) return 'too few events on its own: the estimate pools it with other cells';
  let observations = 0;
  let events = 0;
  let low = 0;
  let high = 0;
  let spreadLow = 0;
  let spreadHigh = 0;
  let spread = true;
  for (const e of own) {
    observations += e.observations;
    events += e.events;
    low += e.observations * e.interval95[0];
    high += e.observations * e.interval95[1];
    if (e.periodSpread === undefined) spread = false;
    else {
      spreadLow += e.observations * e.periodSpread.low;
      spreadHigh += e.observations * e.periodSpread.high;
    }
  }
  if (!(observations > 0) || !(events > 0)) return 'no events in the history';
  const rate = events / observations;
  return {
    rate,
    interval95: [low / observations, high / observations],
    ...(spread ? { spread: { low: spreadLow / observations, high: spreadHigh / observations } } : {}),
    observations,
    events,
    cells: own.flatMap((e) => [e.cell, ...e.pooled.map((p) => p.cell)]),
  };
}

/** events / exposure over the base-period rows of `tables` in any of `cells`, or NaN without exposure. */
export function rateIn(tables: readonly CountTables[], rate: string, cells: readonly RateCell[]): number {
  let exposure = 0;
  let events = 0;
  const inCell = (row: CountRow, cell: RateCell): boolean =>
    (cell.product === ALL || row.product === cell.product) &&
    (cell.tier === ALL || row.tier === cell.tier) &&
    (cell.bucket === ALL || row.bucket === cell.bucket) &&
    (cell.band === ALL || row.band === cell.band);
  for (const table of tables) {
    for (const row of table.rows) {
      if (row.rate !== rate || row.period !== BASE_PERIOD) continue;
      if (!cells.some((cell) => inCell(row, cell))) continue;
      exposure += row.exposure;
      events += row.events;
    }
  }
  return exposure > 0 ? events / exposure : NaN;
}

/** `world` with `knob` at `x`; an odds factor scales the odds of each path's value in `base`. */
export function withKnob(world: World, base: World, knob: HistoryKnob, x: number): World {
  let next = world;
  for (const path of knob.paths) next = withValue(next, path, knobValue(base, knob, path, x));
  return next;
}

function knobValue(base: World, knob: HistoryKnob, path: string, x: number): number {
  if (knob.kind === 'value') return x;
  const p = valueAt(base, path) as number;
  return roundParameter(logistic(logit(p) + log(x)));
}

/**
 * Fits every knob of HISTORY_KNOBS that `estimates` support on `scenario` (see the module comment).
 * `progress` hears each knob as it is fitted. Throws `invalid …` when the baseline gives a knob's
 * parameter as a distribution (the fit needs a number to move).
 */
export function fitHistory(
  scenario: ResolvedScenario,
  estimates: readonly RateEstimate[],
  count: HistoryCounter,
  settings: HistoryFitSettings,
  progress: (line: string) => void = () => {},
): HistoryFit {
  const base = scenario.world;
  const targets: { knob: HistoryKnob; observed: ObservedRate }[] = [];
  const unsupported: UnsupportedKnob[] = [];
  for (const knob of HISTORY_KNOBS) {
    if (settings.knobs !== undefined && !settings.knobs.includes(knob.id)) continue;
    for (const path of knob.paths) {
      if (typeof valueAt(base, path) !== 'number') {
        throw new Error(
          `invalid ${scenario.file}: it gives "${path}" as a distribution; calibrate --history fits a number (knob "${knob.id}")`,
        );
      }
    }
    const observed = observedRate(knob, estimates);
    if (typeof observed === 'string') unsupported.push({ knob, why: observed });
    else targets.push({ knob, observed });
  }

  const population = generatePortfolio(scenario.portfolio, settings.seed);
  const simulate = (world: World): CountTables[] => {
    const setup = prepareScenario(
      scenarioInput({ ...scenario, world }),
      settings.leadMonths + settings.months + 1,
      settings.seed,
      population,
    );
    return Array.from({ length: settings.iterations }, (_, k) =>
      count(
        simulateHistory(setup, { leadMonths: settings.leadMonths, months: settings.months }, k),
        settings.windowStart,
      ),
    );
  };

  let world = base;
  const values = targets.map(({ knob }) =>
    knob.kind === 'value' ? (valueAt(base, knob.paths[0]!) as number) : 1,
  );
  const fits: Fit[] = values.map((value) => ({ value, achieved: NaN, evaluations: 0, status: 'not fitted' }));
  for (let pass = 1; pass <= settings.passes; pass++) {
    targets.forEach(({ knob, observed }, k) => {
      const before = values[k]!;
      const at = world;
      const half = (observed.interval95[1] - observed.interval95[0]) / 2;
      const fit = fitParameter(
        (x) => rateIn(simulate(withKnob(at, base, knob, x)), knob.rate, observed.cells),
        observed.rate,
        knob.bracket,
        Math.max(half / 4, 1e-6),
        settings.maxEvaluations,
      );
      world = withKnob(world, base, knob, fit.value);
      values[k] = fit.value;
      fits[k] = { ...fit, evaluations: fit.evaluations + fits[k]!.evaluations };
      progress(`pass ${pass}, ${knob.id}: ${before} → ${fit.value} (${fit.status}, ${fit.evaluations} runs)`);
    });
  }

  const fitted = simulate(world);
  const results: KnobFit[] = targets.map(({ knob, observed }, k) => {
    const fit = { ...fits[k]!, achieved: rateIn(fitted, knob.rate, observed.cells) };
    const range = settings.passes === 0 ? undefined : knobRange(knob, observed, fit, world, base, simulate);
    return {
      knob,
      observed,
      from: knob.kind === 'value' ? (valueAt(base, knob.paths[0]!) as number) : 1,
      fit,
      ...(range ? { range } : {}),
    };
  });
  return { fits: results, unsupported, world, values: worldValues(results, base) };
}

/**
 * The knob at the observed rate's yearly low and high: the fitted value moved along the measure's
 * slope there (one more evaluation beside it), kept inside the bracket.
 */
function knobRange(
  knob: HistoryKnob,
  observed: ObservedRate,
  fit: Fit,
  world: World,
  base: World,
  simulate: (world: World) => CountTables[],
): { low: number; high: number } | undefined {
  const spread = observed.spread;
  if (spread === undefined || !Number.isFinite(fit.achieved)) return undefined;
  const [lo, hi] = knob.bracket;
  // A small step, so the slope is the local one; a tenth of the value, or a hundredth of the bracket near 0.
  const step = Math.max(Math.abs(fit.value) / 10, (hi - lo) / 100);
  const beside = roundParameter(fit.value + step <= hi ? fit.value + step : fit.value - step);
  const measured = rateIn(simulate(withKnob(world, base, knob, beside)), knob.rate, observed.cells);
  const slope = (measured - fit.achieved) / (beside - fit.value);
  if (!Number.isFinite(slope) || slope === 0) return undefined;
  const clamp = (x: number): number => roundParameter(Math.min(hi, Math.max(lo, x)));
  const a = clamp(fit.value + (Math.min(spread.low, observed.rate) - observed.rate) / slope);
  const b = clamp(fit.value + (Math.max(spread.high, observed.rate) - observed.rate) / slope);
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  return low < fit.value && fit.value < high ? { low, high } : undefined;
}

/** Each fitted path's value for the world file: a PERT over the knob's range where it has one. */
function worldValues(fits: readonly KnobFit[], base: World): { path: string; value: number | PertValue }[] {
  const out: { path: string; value: number | PertValue }[] = [];
  for (const { knob, fit, range } of fits) {
    if (fit.status === 'not fitted') continue;
    for (const path of knob.paths) {
      const mode = knobValue(base, knob, path, fit.value);
      if (range === undefined) {
        out.push({ path, value: mode });
        continue;
      }
      const a = knobValue(base, knob, path, range.low);
      const b = knobValue(base, knob, path, range.high);
      out.push({ path, value: { dist: 'pert', min: Math.min(a, b), mode, max: Math.max(a, b) } });
    }
  }
  return out;
}
