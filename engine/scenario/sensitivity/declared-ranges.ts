import { iterationKey, normalQuantile } from '../../random/streams.ts';
import { cdf } from '../../world/distributions.ts';
import {
  scalarAt,
  scoreAt,
  UNCERTAIN_ASSUMPTIONS,
  UncertainWorld,
  valueWith,
  type UncertainAssumption as Declared,
} from '../../world/uncertainty.ts';
import { clause, type AssumptionSource, type UncertainAssumption } from './assumptions.ts';

/** The standard normal, whose scores the declared distributions are monotone transforms of. */
const STANDARD_NORMAL = { dist: 'normal', mean: 0, sd: 1 } as const;

/** Scores at which a search over an assumption's declared distribution stops: its p0.1 and p99.9. */
const SEARCH_SCORE = 3.090232306167813;

/**
 * The world's declared ranges (engine/world/uncertainty.ts) as the sensitivity analysis moves them,
 * when the run draws them (`run.uncertainty`): each assumption a scenario leaves at its default, as the
 * one number its draw moves (a number's value, a table's factor, a curve's largest multiplier).
 */
export const DECLARED_RANGES: AssumptionSource = {
  find: (world) => {
    const uncertain = new UncertainWorld(world);
    return UNCERTAIN_ASSUMPTIONS.filter((a) => uncertain.draws(a)).map(asSensitivity);
  },
  drawn: (world, seed, iteration, record) => {
    const uncertain = new UncertainWorld(world);
    uncertain.draw(iterationKey(seed, iteration));
    UNCERTAIN_ASSUMPTIONS.forEach((a, i) => {
      if (uncertain.draws(a)) record(a.path, scalarAt(a, uncertain.scoreOf(i)));
    });
  },
};

function asSensitivity(a: Declared): UncertainAssumption {
  const shape = a.field.shape;
  const what =
    shape.kind === 'table'
      ? ' (factor on every entry)'
      : shape.kind === 'curve'
        ? ' (largest multiplier)'
        : '';
  const label = (a.field.edit?.[''] ?? clause(a.field.description)) + what;
  return {
    path: a.path,
    label,
    unit: shape.kind === 'num' ? shape.unit : shape.kind === 'table' ? 'factor' : 'odds multiplier',
    distribution: { range: a.range, quantiles: 'p5–p95', downturn: a.downturn },
    searchRange: [scalarAt(a, -SEARCH_SCORE), scalarAt(a, SEARCH_SCORE)],
    quantile: (p) => scalarAt(a, normalQuantile(p)),
    cdf: (value) => cdf(STANDARD_NORMAL, scoreAt(a, value)),
    held: (value) => valueWith(a, value),
  };
}
