/**
 * Kim and Nelson's fully sequential procedure KN (Kim & Nelson 2001, "A fully sequential procedure for
 * indifference-zone selection in simulation", ACM TOMACS 11(3)) for the alternative with the largest
 * mean. It allows common random numbers: it works on the variances of pairwise differences, which
 * common random numbers make small. With probability at least `1 − alpha`, the alternative it selects
 * is the best or within `delta` of it (normal observations; here each observation is the mean of a
 * batch of iterations, which makes them close to normal).
 *
 * Feed one observation per surviving alternative at a time (the same batch of iterations for all); it
 * eliminates alternatives as the evidence allows and ends with one, or at its own bound.
 */
export class KimNelson {
  /** h² = 2η(n0 − 1), the constant of the continuation region. */
  readonly h2: number;
  private readonly sums: number[];
  private readonly first: number[][] = [];
  /** S²_il: the first-stage variance of the difference of i and l. */
  private s2: number[][] = [];
  /** Observations taken by each survivor (all survivors have the same number). */
  observations = 0;
  /** Survivors, by index. */
  readonly alive: Set<number>;
  /** For each eliminated alternative, the observation count at which it was eliminated. */
  readonly eliminatedAt = new Map<number, number>();
  /** The most observations KN can need: max_il ⌊h² S²_il / δ²⌋ + 1 (after the first stage). */
  bound = Infinity;

  /**
   * @param k alternatives (≥ 2)
   * @param n0 first-stage observations (≥ 2)
   * @param delta indifference zone: differences smaller than this do not matter (the KPI's unit, > 0)
   * @param alpha 1 − the probability of correct selection (0–1)
   */
  constructor(
    readonly k: number,
    readonly n0: number,
    readonly delta: number,
    readonly alpha: number,
  ) {
    if (!(k >= 2 && n0 >= 2 && delta > 0 && alpha > 0 && alpha < 1)) {
      throw new RangeError(`invalid KN settings: k=${k}, n0=${n0}, delta=${delta}, alpha=${alpha}`);
    }
    const eta = 0.5 * (Math.pow((2 * alpha) / (k - 1), -2 / (n0 - 1)) - 1);
    this.h2 = 2 * eta * (n0 - 1);
    this.sums = new Array<number>(k).fill(0);
    this.alive = new Set(Array.from({ length: k }, (_, i) => i));
  }

  /** The sample mean of alternative i over its observations. */
  mean(i: number): number {
    return this.sums[i]! / (this.eliminatedAt.get(i) ?? this.observations);
  }

  /** Whether the procedure has ended: one survivor, or its bound reached. */
  get done(): boolean {
    return this.alive.size === 1 || this.observations >= this.bound;
  }

  /** The selected alternative: the survivor with the largest mean. */
  best(): number {
    return [...this.alive].reduce((a, b) => (this.mean(b) > this.mean(a) ? b : a));
  }

  /**
   * Adds one observation of every survivor (`row[i]` for alternative i; others are ignored), then
   * screens once the first stage is complete.
   */
  add(row: readonly number[]): void {
    if (this.done) throw new Error('KN has already selected');
    for (const i of this.alive) {
      if (!Number.isFinite(row[i])) throw new RangeError(`observation of alternative ${i} is ${row[i]}`);
      this.sums[i]! += row[i]!;
    }
    this.observations++;
    const r = this.observations;
    if (r <= this.n0) {
      this.first.push([...row]);
      if (r < this.n0) return;
      this.firstStage();
    }
    this.screen(r);
  }

  private firstStage(): void {
    const { k, n0 } = this;
    this.s2 = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    let worst = 0;
    for (let i = 0; i < k; i++) {
      for (let l = i + 1; l < k; l++) {
        const diffs = this.first.map((row) => row[i]! - row[l]!);
        const m = diffs.reduce((a, b) => a + b, 0) / n0;
        const s2 = diffs.reduce((a, d) => a + (d - m) ** 2, 0) / (n0 - 1);
        this.s2[i]![l] = this.s2[l]![i] = s2;
        worst = Math.max(worst, Math.floor((this.h2 * s2) / this.delta ** 2));
      }
    }
    this.bound = Math.max(n0, worst + 1);
  }

  private screen(r: number): void {
    const before = [...this.alive];
    const out: number[] = [];
    for (const i of before) {
      for (const l of before) {
        if (l === i) continue;
        const w = Math.max(0, (this.delta / (2 * r)) * ((this.h2 * this.s2[i]![l]!) / this.delta ** 2 - r));
        if (this.sums[i]! / r < this.sums[l]! / r - w) {
          out.push(i);
          break;
        }
      }
    }
    for (const i of out) {
      this.alive.delete(i);
      this.eliminatedAt.set(i, r);
    }
  }
}
