import { uniform } from '../random/streams.ts';
import { sample, type Num } from './distributions.ts';

/**
 * Draws `Num`s from keyed uniforms (common random numbers) without allocating per draw: the address of
 * the current draw lives on the instance, and one uniform source, made once, reads it. A distribution
 * that needs several uniforms (beta, PERT) reads draws `firstDraw`, `firstDraw + 1`, … of its address.
 * One sampler serves one thread of work at a time (it is not re-entrant).
 * @example sampler.sample(spec.vehiclePrice, key, customer, DECISION, month) // € MSRP of a new vehicle
 */
export class KeyedSampler {
  private key = 0;
  private entity = 0;
  private decision = 0;
  private month = 0;
  private draw = 0;
  private readonly u = (): number => uniform(this.key, this.entity, this.decision, this.month, this.draw++);

  /** A value of `x` (a number is returned as is, without reading a uniform), in the unit of `x`. */
  sample(x: Num, key: number, entity: number, decision: number, month: number, firstDraw = 0): number {
    if (typeof x === 'number') return x;
    this.key = key;
    this.entity = entity;
    this.decision = decision;
    this.month = month;
    this.draw = firstDraw;
    return sample(x, this.u);
  }
}
