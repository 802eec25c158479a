import type { PolicyKind } from '../domain/lists.ts';

/**
 * What a report says about one scenario (made from a resolved scenario by reportScenario in
 * engine/scenario/report-scenario.ts) besides its numbers: what it is, its policies, its assumptions.
 */
export interface ReportScenario {
  readonly name: string;
  readonly description: string;
  readonly policies: readonly {
    readonly kind: PolicyKind;
    readonly name: string;
    readonly description: string;
    /** Parameters set by the scenario, `name = value`. */
    readonly parameters: readonly string[];
  }[];
  /** World assumptions that differ from the defaults: dotted path, the scenario's value, the default. */
  readonly assumptions: readonly {
    readonly path: string;
    readonly value: string;
    readonly default: string;
  }[];
}
