import type { PolicyKind } from '../domain/lists.ts';
import { checkCoverage } from './iteration-check.ts';
import { readArray, readCount, readObject } from './json-read.ts';
import type { Fail } from './json-read.ts';
import type { CoverageSummary } from '../result/summary.ts';

/**
 * Decisions and per-rule firings of one policy, summed over iterations. Counts are whole numbers
 * below 2^53, so the sums are exact in any order.
 */
export class CoverageTally {
  decisions = 0;
  /** Per rule, in the compiled policy's decision order; sized by the first result unless names were given. */
  private fired: number[] | null;

  /** @param names rule names in decision order (null entries for unnamed rules), or null if unknown */
  constructor(
    readonly kind: PolicyKind,
    private names: readonly (string | null)[] | null,
  ) {
    this.fired = names === null ? null : names.map(() => 0);
  }

  /** Throws an IterationResultError when one iteration's coverage does not fit this policy. */
  check(iteration: number, decisions: number, fired: Float64Array): void {
    checkCoverage(iteration, this.kind, decisions, fired, this.fired?.length ?? null);
  }

  /** Adds one iteration's coverage (checked with `check` first). */
  add(decisions: number, fired: Float64Array): void {
    this.decisions += decisions;
    const sums = (this.fired ??= Array.from(fired, () => 0));
    fired.forEach((x, i) => (sums[i] = sums[i]! + x));
  }

  /** Why `other` cannot be merged into this tally, or null when it can. */
  mergeConflict(other: CoverageTally): string | null {
    if (this.fired === null || other.fired === null) return null;
    if (this.fired.length !== other.fired.length) {
      return `cannot merge coverage of ${this.kind} with ${this.fired.length} and ${other.fired.length} rules`;
    }
    if (
      this.names !== null &&
      other.names !== null &&
      this.names.join('\u0000') !== other.names.join('\u0000')
    ) {
      return `cannot merge coverage of ${this.kind} from different rule sets`;
    }
    return null;
  }

  /** Adds `other` (check `mergeConflict` first). */
  merge(other: CoverageTally): void {
    if (other.fired !== null) {
      this.names ??= other.names;
      const sums = (this.fired ??= other.fired.map(() => 0));
      other.fired.forEach((x, i) => (sums[i] = sums[i]! + x));
    }
    this.decisions += other.decisions;
  }

  summary(): CoverageSummary {
    return {
      kind: this.kind,
      decisions: this.decisions,
      rules: (this.fired ?? []).map((fired, index) => ({
        index,
        name: this.names?.[index] ?? null,
        fired,
        share: this.decisions === 0 ? null : fired / this.decisions,
      })),
    };
  }

  toJSON(): CoverageJson {
    return { kind: this.kind, decisions: this.decisions, names: this.names, fired: this.fired };
  }

  static fromJSON(json: unknown, kind: PolicyKind, path: string, fail: Fail): CoverageTally {
    const o = readObject(json, path, fail);
    if (o.kind !== kind) fail(`${path}.kind`, `expected "${kind}"`);
    let names: (string | null)[] | null = null;
    if (o.names !== null) {
      names = readArray(o.names, `${path}.names`, fail).map((name, i) => {
        if (name !== null && typeof name !== 'string')
          fail(`${path}.names[${i}]`, 'expected a string or null');
        return name as string | null;
      });
    }
    const tally = new CoverageTally(kind, names);
    tally.decisions = readCount(o.decisions, `${path}.decisions`, fail);
    if (o.fired !== null) {
      const fired = readArray(o.fired, `${path}.fired`, fail, names?.length);
      tally.fired = fired.map((x, i) => readCount(x, `${path}.fired[${i}]`, fail));
    } else if (names !== null) {
      fail(`${path}.fired`, 'expected an array of counts');
    }
    return tally;
  }
}

export interface CoverageJson {
  kind: PolicyKind;
  decisions: number;
  names: readonly (string | null)[] | null;
  fired: number[] | null;
}
