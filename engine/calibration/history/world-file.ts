import type { HistoryFit } from './fit-history.ts';
import { RATES_WITHOUT_PARAMETER } from './world-map.ts';

/*
 * The world file `cyclecast calibrate --history` writes: a scenario that extends the baseline it was
 * fitted on and states only the fitted world values, so another scenario can `extends` it (and swap
 * its policies) or it runs as it is. Its description says where the values came from and lists what
 * the history could not support, and the rates that no parameter takes, kept at the baseline's values.
 */

export interface WorldFileInput {
  readonly name: string;
  /** The baseline, relative to the world file's folder (a scenario's `extends`). */
  readonly extendsPath: string;
  /** The history's files as given, and its months. */
  readonly source: string;
  readonly fit: HistoryFit;
}

/** The world file's JSON text (two-space indent, a final newline). */
export function historyWorldFile({ name, extendsPath, source, fit }: WorldFileInput): string {
  const world: Record<string, unknown> = {};
  for (const { path, value } of fit.values) {
    const keys = path.split('.');
    let node = world;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  const kept = fit.unsupported.map((u) => `${u.knob.id} (${u.knob.paths.join(', ')}): ${u.why}`);
  const none = RATES_WITHOUT_PARAMETER.map(
    (r) =>
      `${r.rate}${Object.values(r.select).length > 0 ? ` ${Object.values(r.select).join(' ')}` : ''}: ${r.why}`,
  );
  const description = [
    `World calibrated from the history ${source} by cyclecast calibrate --history: base rates fitted so that the baseline, running today's rules, reproduces the history's rates; each range is the rates' spread between calendar years.`,
    kept.length > 0
      ? `Kept at the baseline's values, the history cannot support them: ${kept.join('; ')}.`
      : '',
    `Rates with no parameter of their own: ${none.join('; ')}.`,
  ]
    .filter((s) => s !== '')
    .join(' ');
  return JSON.stringify({ name, description, extends: extendsPath, world }, null, 2) + '\n';
}
