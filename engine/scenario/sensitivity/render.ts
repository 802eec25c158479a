import { cut } from '../../json/describe.ts';
import { kpiLabel } from '../../report/kpi-labels.ts';
import { formatDelta, formatInterval, formatValue } from '../../report/number.ts';
import {
  renderCsv,
  renderMarkdownTable,
  renderTextTable,
  type Format,
  type RawCell,
} from '../../report/render.ts';
import type { Table } from '../../report/tables.ts';
import { ENGINE_VERSION } from '../../version.ts';
import type { SensitivityResult, TornadoBar } from './analysis.ts';
import type { BreakEven } from './break-even.ts';

export const SENSITIVITY_FORMAT = 'cyclecast.sensitivity';

/** Characters of an assumption's label in the tables (CSV and JSON carry it whole). */
const LABEL_WIDTH = 60;
/** Characters of the tornado's text bars. */
const BAR_WIDTH = 24;

/**
 * A sensitivity analysis in one of the CLI's formats: `json` is the whole result; `csv` one row per bar
 * and per break-even value (told apart by `section`); `table` and `md` the tornado and break-even
 * tables with the settings and the method above them.
 */
export function renderSensitivity(result: SensitivityResult, format: Format): string {
  switch (format) {
    case 'json':
      return (
        JSON.stringify(
          { format: SENSITIVITY_FORMAT, version: 1, engineVersion: ENGINE_VERSION, ...result },
          null,
          2,
        ) + '\n'
      );
    case 'csv':
      return renderCsv(sensitivityRows(result));
    case 'md':
      return [
        preface(result)
          .map((line) => `- ${line}`)
          .join('\n') + '\n',
        ...sensitivityTables(result, (bar) => `\`${bar}\``).map(renderMarkdownTable),
      ].join('\n');
    case 'table':
      return [
        preface(result)
          .map((line) => `• ${line}`)
          .join('\n') + '\n',
        ...sensitivityTables(result, (bar) => bar).map(renderTextTable),
      ].join('\n');
  }
}

/** What the outcome is, e.g. "NPV (captive), tcm − baseline". */
function outcomeName(result: SensitivityResult): string {
  const name = kpiLabel(result.kpi).label;
  return result.baseline === undefined
    ? `${name} of ${result.scenario}`
    : `${name}, ${result.scenario} − ${result.baseline}`;
}

/** The lines above the tables: the outcome, the settings, the method. */
function preface(result: SensitivityResult): string[] {
  const delta = result.baseline !== undefined;
  const value = (x: number) => (delta ? formatDelta(x, result.unit) : formatValue(x, result.unit));
  const noise = result.bars.filter((b) => b.withinSimulationError).length;
  return [
    `Outcome: ${outcomeName(result)} (${result.kpi}, ${result.better} is better); with every assumption drawn ${value(result.base.mean)}, 95% CI of the mean ${formatInterval(result.base.ci95, result.unit, delta)}`,
    `${result.iterations} iterations, seed ${result.seed}, horizon ${result.horizonMonths} months, ${result.runs} runs on the same random numbers${result.overrides.length > 0 ? `; --set ${result.overrides.join(' --set ')}` : ''}`,
    result.bars.length === 0 && result.screened.length > 0
      ? `No assumption held: --top ${result.top} holds no declared range and the scenario gives no distribution`
      : result.bars.length === 0
        ? 'No uncertain assumptions: every world value of the scenario is a number and the run draws no declared range (run.uncertainty is off; give one a distribution, e.g. --set \'world.economics.fundingRate={"dist":"pert","min":0.03,"mode":0.04,"max":0.06}\')'
        : `Each bar holds one assumption at its p${pct(result.bars[0]!.low.p)} and p${pct(result.bars[0]!.high.p)} with every other assumption drawn as usual; swing = outcome at p${pct(result.bars[0]!.high.p)} − at p${pct(result.bars[0]!.low.p)}, paired iteration by iteration; ${noise === 0 ? 'no bar is' : `${noise} bar${noise === 1 ? ' is' : 's are'}`} within simulation error (the swing's 95% CI includes 0, marked ≈0)`,
    `Global measure (ρ): ${result.globalMethod}`,
    ...(result.screened.length === 0
      ? []
      : [
          `Screened out by rank correlation: ${result.screened.length} declared range${result.screened.length === 1 ? '' : 's'} with |ρ| below the top ${result.top} (drawn in every run, not held; --top all holds every one): ${result.screened.map((s) => `${s.label} ${s.rankCorrelation === null ? '–' : signed(s.rankCorrelation)}`).join('; ')}`,
        ]),
  ];
}

function pct(p: number): string {
  return String(Math.round(p * 1000) / 10);
}

/** The tornado table and, for a comparison, the break-even table. `bar` wraps a text bar for its format. */
export function sensitivityTables(result: SensitivityResult, bar: (text: string) => string): Table[] {
  const delta = result.baseline !== undefined;
  const value = (x: number) => (delta ? formatDelta(x, result.unit) : formatValue(x, result.unit));
  const [lo, hi] = scaleOf(result);
  const tables: Table[] = [
    {
      title: `Tornado: ${outcomeName(result)}`,
      header: [
        'Assumption',
        `Low (p${pct(result.bars[0]?.low.p ?? 0.1)})`,
        'Outcome',
        `High (p${pct(result.bars[0]?.high.p ?? 0.9)})`,
        'Outcome',
        'Swing',
        'Swing 95% CI',
        'ρ',
        'Bar (low ░ high █)',
      ],
      rows: result.bars.map((b) => [
        cut(b.label, LABEL_WIDTH),
        formatAssumption(b.low.value, b.unit),
        value(b.low.mean),
        formatAssumption(b.high.value, b.unit),
        value(b.high.mean),
        `${formatDelta(b.swing, result.unit)}${b.withinSimulationError ? ' ≈0' : ''}`,
        formatInterval(b.swingCi95, result.unit, true),
        b.rankCorrelation === null ? '–' : signed(b.rankCorrelation),
        bar(textBar(b, result.base.mean, lo, hi)),
      ]),
    },
  ];
  if (result.breakEvens) {
    tables.push({
      title: `Break-even values: where ${result.scenario} stops beating ${result.baseline} on ${kpiLabel(result.kpi).label}`,
      header: ['Assumption', 'Range searched', 'Break-even value', 'Percentile', `${result.scenario} better`],
      rows: result.breakEvens.map((b) => [
        cut(b.label, LABEL_WIDTH),
        `${formatAssumption(b.range[0], b.unit)} … ${formatAssumption(b.range[1], b.unit)}`,
        b.value === null
          ? 'does not flip within its range'
          : `${formatAssumption(b.value, b.unit)} ± ${formatAssumption(b.tolerance!, b.unit)}`,
        b.percentile === null ? '–' : `p${pct(b.percentile)}`,
        betterText(b),
      ]),
    });
  }
  return tables;
}

function betterText(b: BreakEven): string {
  switch (b.challengerWins) {
    case 'throughout':
      return 'throughout the range';
    case 'nowhere':
      return 'nowhere in the range';
    case 'below':
      return 'below the value';
    case 'above':
      return 'above the value';
  }
}

function signed(x: number): string {
  const text = x.toFixed(2);
  return x > 0 ? `+${text}` : text.replace('-', '−');
}

/** The outcome axis every bar is drawn on: from the lowest to the highest outcome of any bar and the base. */
function scaleOf(result: SensitivityResult): [number, number] {
  const xs = result.bars.flatMap((b) => [b.low.mean, b.high.mean]).concat(result.base.mean);
  const finite = xs.filter(Number.isFinite);
  return finite.length === 0 ? [0, 0] : [Math.min(...finite), Math.max(...finite)];
}

/**
 * A text bar from the outcome at the low quantile (░) to that at the high (█) on the shared axis, with
 * `|` at the base outcome: a tornado laid on its side, one line per assumption.
 */
function textBar(b: TornadoBar, base: number, lo: number, hi: number): string {
  const at = (x: number) =>
    hi > lo && Number.isFinite(x) ? Math.round(((x - lo) / (hi - lo)) * (BAR_WIDTH - 1)) : 0;
  const cells = new Array<string>(BAR_WIDTH).fill(' ');
  const [l, h] = [at(b.low.mean), at(b.high.mean)];
  const centre = at(base);
  const lowSide = (i: number) => i !== centre && i >= Math.min(l, centre) && i <= Math.max(l, centre);
  for (let i = Math.min(l, h); i <= Math.max(l, h); i++) cells[i] = lowSide(i) ? '░' : '█';
  if (cells[centre] === ' ') cells[centre] = '|';
  return cells.join('');
}

/**
 * An assumption's value for people in its own unit: € amounts as money, fractions and 0–1 values as
 * percentages (with the rest of the unit, e.g. "4.2% per year"), anything else with 4 significant digits.
 * @example formatAssumption(0.042, 'fraction per year') // '4.2% per year'
 */
export function formatAssumption(value: number, unit: string): string {
  if (!Number.isFinite(value)) return formatValue(value, unit);
  if (unit.startsWith('€')) return `${formatValue(value, '€')}${unit.slice(1)}`;
  if (unit === '0–1') return formatValue(value, '0–1');
  if (unit.startsWith('fraction')) return `${formatValue(value, '0–1')}${unit.slice('fraction'.length)}`;
  return `${Number(value.toPrecision(4))} ${unit}`;
}

/** One CSV row per bar and per break-even value, in the same columns (`section` tells them apart). */
export function sensitivityRows(result: SensitivityResult): RawCell[][] {
  const header = [
    'section',
    'rank',
    'path',
    'label',
    'unit',
    'distribution',
    'outcome_kpi',
    'low_p',
    'low_value',
    'low_mean',
    'low_ci95_lo',
    'low_ci95_hi',
    'high_p',
    'high_value',
    'high_mean',
    'high_ci95_lo',
    'high_ci95_hi',
    'swing',
    'swing_ci95_lo',
    'swing_ci95_hi',
    'within_simulation_error',
    'rank_correlation',
    'range_lo',
    'range_hi',
    'break_even',
    'break_even_tolerance',
    'break_even_percentile',
    'challenger_better',
  ];
  const outcome =
    result.baseline === undefined ? result.kpi : `${result.kpi} (${result.scenario} − ${result.baseline})`;
  const empty = (n: number): RawCell[] => new Array<RawCell>(n).fill(null);
  const bars = result.bars.map((b, i): RawCell[] => [
    'tornado',
    i + 1,
    b.path,
    b.label,
    b.unit,
    distText(b.distribution),
    outcome,
    b.low.p,
    b.low.value,
    b.low.mean,
    b.low.ci95?.[0] ?? null,
    b.low.ci95?.[1] ?? null,
    b.high.p,
    b.high.value,
    b.high.mean,
    b.high.ci95?.[0] ?? null,
    b.high.ci95?.[1] ?? null,
    b.swing,
    b.swingCi95?.[0] ?? null,
    b.swingCi95?.[1] ?? null,
    b.withinSimulationError ? 'true' : 'false',
    b.rankCorrelation,
    ...empty(6),
  ]);
  const screened = result.screened.map((s, i): RawCell[] => [
    'screened',
    i + 1,
    s.path,
    s.label,
    s.unit,
    distText(s.distribution),
    outcome,
    ...empty(14),
    s.rankCorrelation,
    ...empty(6),
  ]);
  const breakEvens = (result.breakEvens ?? []).map((b, i): RawCell[] => [
    'break-even',
    i + 1,
    b.path,
    b.label,
    b.unit,
    distText([...result.bars, ...result.screened].find((bar) => bar.path === b.path)!.distribution),
    outcome,
    ...empty(15),
    b.range[0],
    b.range[1],
    b.value,
    b.tolerance,
    b.percentile,
    b.challengerWins,
  ]);
  return [header, ...bars, ...screened, ...breakEvens];
}

/** A distribution as compact JSON, e.g. {"dist":"pert","min":0.03,"mode":0.04,"max":0.06}. */
function distText(d: unknown): string {
  return JSON.stringify(d);
}
