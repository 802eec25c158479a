import path from 'node:path';
import {
  estimateRates,
  didYouMean,
  fitHistory,
  HISTORY_KNOBS,
  historyWorldFile,
  monthIndex,
  monthText,
  RATES_WITHOUT_PARAMETER,
  simulatedCounts,
} from '../../index.ts';
import type { CountTables, HistoryFit, RateEstimate } from '../../index.ts';
import { UserError } from '../errors.ts';
import { checkOutputPath, writeAtomic } from '../io.ts';
import { parseChoice, parseOverrides, parseRunSetting, parseWhole } from '../options.ts';
import { diskReader } from '../scenario-files.ts';
import { readScenario } from '../scenarios.ts';
import { readObservedCounts } from '../history/observed-counts.ts';

export interface CalibrateHistoryOptions {
  history?: string;
  events?: string;
  counts?: string;
  out?: string;
  /** Comma-separated knob ids: fit only these. */
  knobs?: string;
  iterations?: string;
  evaluations?: string;
  passes?: string;
  seed?: string;
  set?: string[];
  format?: string;
}

/** Months the simulated book runs before its window opens, so it starts mid-contract as the client's does. */
const LEAD_MONTHS = 36;

/**
 * `cyclecast calibrate [SCENARIO] --history snapshots.csv [--events events.csv] --out world.json` (or
 * `--counts counts.csv`, the history's count tables, in place of the files): estimates the history's rates, fits the world's base
 * rates so that SCENARIO (the baseline, running today's rules) reproduces them, and writes a world file
 * that extends SCENARIO (docs/calibration.md, "Calibrating from a client's history").
 */
export async function calibrateHistoryCommand(
  file: string,
  options: CalibrateHistoryOptions,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<void> {
  const format = parseChoice('--format', options.format, ['text', 'json'] as const, 'text');
  if (options.out === undefined) {
    throw new UserError(
      'calibrate --history needs --out FILE.json: the world file it writes (a scenario can extends it)',
    );
  }
  const iterations = parseWhole('--iterations', options.iterations, 1, 1000) ?? 2;
  const maxEvaluations = parseWhole('--evaluations', options.evaluations, 2, 100) ?? 8;
  const passes = parseWhole('--passes', options.passes, 0, 10) ?? 2;
  const knobs = parseKnobs(options.knobs);
  const outFile = options.out;
  await checkOutputPath('--out', outFile);
  const counts = await readObservedCounts(options);
  const window = historyWindow(counts);
  const scenario = await readScenario(file, parseOverrides(options.set));
  const seed = parseRunSetting('--seed', options.seed, 'seed') ?? scenario.run.seed;
  const estimates = estimateRates(counts);
  let fit: HistoryFit;
  try {
    fit = fitHistory(
      scenario,
      estimates,
      simulatedCounts,
      {
        iterations,
        seed,
        leadMonths: LEAD_MONTHS,
        ...window,
        maxEvaluations,
        passes,
        ...(knobs ? { knobs } : {}),
      },
      (line) => err(line + '\n'),
    );
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('invalid ')) throw new UserError(error.message);
    throw error;
  }
  const source =
    options.counts ?? [options.history, options.events].filter((f) => f !== undefined).join(' and ');
  const text = historyWorldFile({
    name: path.basename(outFile).replace(/\.json$/i, ''),
    extendsPath: relativeExtends(outFile, file),
    source: `${source} (${monthText(window.windowStart)} to ${monthText(window.windowStart + window.months - 1)})`,
    fit,
  });
  // The world file is loaded as a scenario would load it before it is written: a file that cannot be
  // extended is never left behind.
  const disk = diskReader();
  const resolved = path.resolve(outFile);
  await readScenario(outFile, [], async (p) => (path.resolve(p) === resolved ? text : disk(p)));
  await writeAtomic(outFile, text);
  out(
    format === 'json'
      ? JSON.stringify(report(fit, estimates), null, 2) + '\n'
      : historyFitText(fit, estimates),
  );
  err(`wrote ${outFile}: ${fit.values.length} world values, extends ${relativeExtends(outFile, file)}\n`);
}

/** `--knobs a,b`: knob ids of the world map, each checked. */
function parseKnobs(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const ids = text.split(',').map((id) => id.trim());
  const known = HISTORY_KNOBS.map((k) => k.id);
  for (const id of ids) {
    if (!known.includes(id)) {
      const hint = didYouMean(id, known);
      throw new UserError(
        `invalid --knobs ${JSON.stringify(text)}: unknown knob "${id}"${hint ? ` (${hint})` : ''}; the knobs are ${known.join(', ')}`,
      );
    }
  }
  return ids;
}

/**
 * The history's first month and its length in months: as the counter saw them, or, for a counts file
 * (which does not say), the whole calendar years its rows count.
 */
function historyWindow(counts: CountTables): { windowStart: number; months: number } {
  if (counts.coverage !== undefined) {
    const from = monthIndex(counts.coverage.from)!;
    return { windowStart: from, months: monthIndex(counts.coverage.to)! - from + 1 };
  }
  const years = counts.rows.filter((r) => /^\d{4}$/.test(r.period)).map((r) => Number(r.period));
  if (years.length === 0) {
    throw new UserError(
      'invalid counts: no calendar year has counts, so the months the history covers are unknown',
    );
  }
  const first = Math.min(...years);
  return { windowStart: first * 12, months: (Math.max(...years) - first + 1) * 12 };
}

/** `scenario` as the world file's `extends`: relative to the world file's folder, with forward slashes. */
function relativeExtends(outFile: string, scenario: string): string {
  const relative = path
    .relative(path.dirname(path.resolve(outFile)), path.resolve(scenario))
    .split(path.sep)
    .join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function report(fit: HistoryFit, estimates: readonly RateEstimate[]) {
  return {
    fitted: fit.fits.map((f) => ({
      knob: f.knob.id,
      rate: f.knob.rate,
      select: f.knob.select,
      parameters: f.knob.paths,
      kind: f.knob.kind,
      observed: {
        rate: f.observed.rate,
        interval95: f.observed.interval95,
        spread: f.observed.spread ?? null,
        observations: f.observed.observations,
        events: f.observed.events,
      },
      from: f.from,
      fitted: f.fit.value,
      achieved: f.fit.achieved,
      status: f.fit.status,
      evaluations: f.fit.evaluations,
      range: f.range ?? null,
    })),
    notSupported: fit.unsupported.map((u) => ({ knob: u.knob.id, parameters: u.knob.paths, why: u.why })),
    withoutParameter: RATES_WITHOUT_PARAMETER.map((r) => ({
      rate: r.rate,
      select: r.select,
      why: r.why,
      estimates: estimates.filter(
        (e) => e.id === r.rate && Object.entries(r.select).every(([k, v]) => e.cell[k as 'tier'] === v),
      ).length,
    })),
    world: Object.fromEntries(fit.values.map((v) => [v.path, v.value])),
  };
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : '—');

/** One line per knob (observed, fitted, achieved, range), then what was kept and why. */
export function historyFitText(fit: HistoryFit, estimates: readonly RateEstimate[]): string {
  const head = [
    'knob',
    'rate',
    'history (95% CI; yearly spread)',
    'from → fitted',
    'achieved',
    'range',
    'fit',
  ];
  const rows = fit.fits.map((f) => {
    const o = f.observed;
    const spread = o.spread ? `; ${pct(o.spread.low)} … ${pct(o.spread.high)}` : '';
    return [
      f.knob.id,
      `${f.knob.rate} ${Object.values(f.knob.select).join(' ')}`.trim(),
      `${pct(o.rate)} (${pct(o.interval95[0])} … ${pct(o.interval95[1])}${spread})`,
      `${f.from} → ${f.fit.value}`,
      pct(f.fit.achieved),
      f.range ? `${f.range.low} … ${f.range.high}` : 'none',
      `${f.fit.status}, ${f.fit.evaluations} runs`,
    ];
  });
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((x, k) => x.padEnd(widths[k]!))
      .join('  ')
      .trimEnd();
  const lines = [
    `Calibration from history: ${estimates.length} rates estimated, ${fit.fits.length} knob${fit.fits.length === 1 ? '' : 's'} fitted on the baseline running today's rules`,
    '',
    line(head),
    ...rows.map(line),
    '',
    ...fit.fits.map((f) => `${f.knob.id}: ${f.knob.paths.join(', ')} (${f.knob.kind}) — ${f.knob.why}`),
  ];
  if (fit.unsupported.length > 0) {
    lines.push('', 'Kept at the baseline’s values (the history cannot support them):');
    for (const u of fit.unsupported) lines.push(`  ${u.knob.id} (${u.knob.paths.join(', ')}): ${u.why}`);
  }
  lines.push('', 'Rates with no parameter of their own (estimated, not written):');
  for (const r of RATES_WITHOUT_PARAMETER) {
    lines.push(`  ${r.rate} ${Object.values(r.select).join(' ')}`.trimEnd() + `: ${r.why}`);
  }
  return lines.join('\n') + '\n';
}
