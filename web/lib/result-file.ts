import { isPlainObject } from '../../engine/index.ts';
import type { MonteCarloResult } from '../../engine/index.ts';

/**
 * The result in a file's text when it is one — what the workbench's *Full result (JSON)* and
 * `cyclecast compare --format json` write — else undefined (the file is then a scenario or a rule set).
 * Recognised by its manifest (`engine: "cyclecast"`) and the shape the results view reads.
 */
export function parseResultFile(text: string): MonteCarloResult | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value) || !isPlainObject(value.manifest)) return undefined;
  const { manifest, scenarios, comparisons } = value;
  if (manifest.engine !== 'cyclecast' || !Array.isArray(scenarios) || !Array.isArray(comparisons)) {
    return undefined;
  }
  const summarised = (s: unknown) =>
    isPlainObject(s) && isPlainObject(s.summary) && Array.isArray(s.summary.kpis);
  if (scenarios.length === 0 || !scenarios.every(summarised) || !comparisons.every(summarised))
    return undefined;
  return value as unknown as MonteCarloResult;
}

/** Whether a result covers every iteration its manifest asked for. */
export function isComplete(result: MonteCarloResult): boolean {
  return result.scenarios.every((s) => s.summary.iterations === result.manifest.iterations);
}
