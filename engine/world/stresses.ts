import type { World } from './assumptions.ts';

/** The named stresses a run may choose: 'none', or a year whose downturn it replays. */
export const STRESSES = ['none', '2008', '2020'] as const;
export type StressName = (typeof STRESSES)[number];

/**
 * A named stress (docs/calibration.md, "Named stresses"): the economic factor pinned at a downturn, in
 * standard-normal units (+2 = a downturn seen about once in forty years), and the used-price crash of
 * that year scheduled at `shockMonth`, a fall of `shockSize` (fraction of value) of which 90 % is
 * regained after `recoveryMonths`.
 */
export interface Stress {
  readonly economy: number;
  readonly shockMonth: number;
  readonly shockSize: number;
  readonly recoveryMonths: number;
}

/** calibration E: Used-price index 2008 shock (−10.5 % in two months, regained in 7) and 2020 shock (−11.8 % in a month, regained in about 2). */
export const STRESS: Readonly<Record<Exclude<StressName, 'none'>, Stress>> = {
  '2008': { economy: 2, shockMonth: 12, shockSize: -0.105, recoveryMonths: 7 },
  '2020': { economy: 1, shockMonth: 12, shockSize: -0.118, recoveryMonths: 2 },
};

/**
 * `world` under stress `name`: the scheduled crash of that year replaces the scenario's own (a copy;
 * `world` is not changed). The economic factor is pinned by the run (UncertainWorld).
 */
export function stressedWorld(world: World, name: StressName): World {
  if (name === 'none') return world;
  const s = STRESS[name];
  const market = world.market;
  return {
    ...world,
    market: {
      ...market,
      priceIndex: {
        ...market.priceIndex,
        shockMonth: s.shockMonth,
        shockSize: s.shockSize,
        jumpRecoveryMonths: s.recoveryMonths,
      },
    },
  };
}
