import type { MonteCarloResult } from '../result/run.ts';
import { scenarioTitle } from '../result/scenario-title.ts';
import { HEADLINE_KPI, isKpiId, type KpiUnit } from '../result/kpis.ts';
import { findKpi, type KpiSummary, type PairedKpi } from '../result/summary.ts';
import { kpiLabel } from './kpi-labels.ts';
import {
  formatDelta,
  formatInterval,
  formatProbability,
  formatQuantileRange,
  formatValue,
} from './number.ts';
import { PROFIT_CATEGORIES, PROFIT_TOTAL, categoryContributions } from './profit-categories.ts';

/**
 * When a change is large enough to matter to a board, whatever its certainty: the one definition the
 * verdict, the workbench's tones and the report use. Significance (the 95% CI excludes zero) says a
 * change is real; materiality says it is big enough to act on. They are told apart: a change that is
 * certain but immaterial is neither good nor bad news.
 */
export const MATERIALITY = {
  /** Money KPIs (€): a change of at least this share of the baseline's headline KPI (|mean|), 0–1. */
  moneyShareOfHeadline: 0.01,
  /** Rates (0–1): a change of at least this many points (0.005 = 0.5 pp)… */
  ratePoints: 0.005,
  /** …or of this share of the baseline's rate, whichever is smaller (a 1% loss rate moving 10 bp matters). */
  rateShare: 0.1,
  /** Every other unit (counts, per vehicle): a change of at least this share of the baseline's value. */
  otherShare: 0.05,
} as const;

/** How big a change of a KPI must be to be material, in the KPI's unit (≥ 0). */
export function materialityThreshold(unit: KpiUnit, baselineMean: number, headlineMean: number): number {
  if (unit === '€') return MATERIALITY.moneyShareOfHeadline * Math.abs(headlineMean);
  if (unit === '0–1') return Math.min(MATERIALITY.ratePoints, MATERIALITY.rateShare * Math.abs(baselineMean));
  return MATERIALITY.otherShare * Math.abs(baselineMean);
}

/** The materiality rule in words, for the report and the CLI's legend. */
export const MATERIALITY_TEXT =
  `material: a change of at least ${MATERIALITY.moneyShareOfHeadline * 100}% of the baseline's ${kpiLabel(HEADLINE_KPI).label.toLowerCase()} for money, ` +
  `${MATERIALITY.ratePoints * 100} pp or ${MATERIALITY.rateShare * 100}% of the baseline's rate (the smaller) for rates, ` +
  `${MATERIALITY.otherShare * 100}% of the baseline's value otherwise`;

/** What a change is, for a reader: real (CI excludes 0) and material, real but immaterial, or not told from 0. */
export type Significance = 'better' | 'worse' | 'immaterial' | 'unclear';

/** A paired change judged: significance and materiality told apart. */
export function judgeChange(d: PairedKpi, baselineMean: number, headlineMean: number): Significance {
  if (d.allZero || !d.ci95 || d.meanDelta === null) return 'unclear';
  const [lo, hi] = d.ci95;
  if (lo <= 0 && hi >= 0) return 'unclear';
  if (Math.abs(d.meanDelta) < materialityThreshold(d.unit, baselineMean, headlineMean)) return 'immaterial';
  return lo > 0 === (d.better === 'higher') ? 'better' : 'worse';
}

/** Fewer iterations than this say nothing about the spread of futures (their p05–p95 is their range). */
const FUTURES_MIN_ITERATIONS = 20;

/** One challenger's verdict against the baseline. */
export interface Verdict {
  readonly baseline: string;
  readonly challenger: string;
  /** How the headline KPI changed. */
  readonly tone: Significance;
  /** One plain sentence (several clauses) generated from the numbers. */
  readonly text: string;
}

/** A change in % of the baseline, when the baseline is not near zero. */
function share(delta: number, base: number): string {
  if (Math.abs(base) < 1e-9) return '';
  const pct = (delta / Math.abs(base)) * 100;
  const digits = Math.abs(pct) < 1 ? 2 : 1;
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return ' (±0% of the baseline)';
  return ` (${pct > 0 ? '+' : '−'}${text}% of the baseline’s ${formatValue(base, '€')})`;
}

const listed = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * The categories of the profit bridge that drive a change (undiscounted profit): the largest moves in
 * the change's direction, and the largest against it when it offsets at least a fifth of them.
 */
function drivers(comparison: MonteCarloResult['comparisons'][number], direction: number): string {
  const moves = categoryContributions((id) => findKpi(comparison.summary.kpis, id)?.meanDelta ?? 0)
    .filter((m) => m.value !== 0)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const along = moves.filter((m) => Math.sign(m.value) === direction).slice(0, 3);
  const against = moves.find((m) => Math.sign(m.value) === -direction);
  if (along.length === 0) return '';
  // The P&L lines are signed, so a change reads as its effect on profit: "net credit losses (+€17.25M)"
  // is €17.25M less lost.
  const name = (m: (typeof moves)[number]) =>
    `${m.category.label.toLowerCase()} (${formatDelta(m.value, '€')})`;
  const sumAlong = along.reduce((s, m) => s + Math.abs(m.value), 0);
  const offset =
    against && Math.abs(against.value) >= 0.2 * sumAlong ? `, partly offset by ${name(against)}` : '';
  return `; driven by ${listed(along.map(name))} (changes of undiscounted profit)${offset}`;
}

/** KPIs other than the headline that worsen materially and significantly, the largest first. */
/** A perspective's profit or P&L line (`network.pnl.fundingCost`, `group.profit.total`, …). */
const PROFIT_OR_LINE = /^(?:[a-z]+\.)?(?:profit|pnl)\./;

function tradeOffs(result: MonteCarloResult, index: number, headlineMean: number): string {
  const baseline = result.scenarios[0]!.summary.kpis;
  const categories = new Set<string>([PROFIT_TOTAL, ...PROFIT_CATEGORIES.map((c) => c.key)]);
  const worse = result.comparisons[index]!.summary.kpis.flatMap((d) => {
    if (d.id === HEADLINE_KPI || d.meanDelta === null) return [];
    const base = isKpiId(d.id) ? findKpi(baseline, d.id) : undefined;
    if (!base || base.mean === null) return [];
    if (judgeChange(d, base.mean, headlineMean) !== 'worse') return [];
    const threshold = materialityThreshold(d.unit, base.mean, headlineMean);
    return [{ d, base, weight: threshold > 0 ? Math.abs(d.meanDelta) / threshold : Infinity }];
  });
  // Profit and its P&L lines, in every perspective, are the drivers, not trade-offs of their own;
  // rates and volumes are.
  const shown = worse
    .filter((w) => !(w.d.unit === '€' && (categories.has(w.d.id) || PROFIT_OR_LINE.test(w.d.id))))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3);
  if (shown.length === 0) return '';
  const words = shown.map(
    ({ d }) => `${kpiLabel(d.id).label.toLowerCase()} ${formatDelta(d.meanDelta, d.unit)}`,
  );
  return `. Material trade-off${shown.length === 1 ? '' : 's'}: ${listed(words)}`;
}

/**
 * Credit losses in € and the loss rate can move apart (a larger book loses more euros at a lower
 * rate): said in so many words when they do.
 */
function mixedSignal(result: MonteCarloResult, index: number): string {
  const kpis = result.comparisons[index]!.summary.kpis;
  // pnl.creditLoss is signed (a loss is negative): losses in € rise when it falls.
  const euros = findKpi(kpis, 'pnl.creditLoss');
  const rate = findKpi(kpis, 'credit.lossRate');
  const real = (d: PairedKpi | undefined): d is PairedKpi & { meanDelta: number; ci95: [number, number] } =>
    !!d && d.meanDelta !== null && !!d.ci95 && (d.ci95[0] > 0 || d.ci95[1] < 0);
  if (!real(euros) || !real(rate) || Math.sign(-euros.meanDelta) === Math.sign(rate.meanDelta)) return '';
  const up = euros.meanDelta < 0;
  return ` Credit losses ${up ? 'rise' : 'fall'} in € (${formatDelta(-euros.meanDelta, '€')}) while the loss rate ${up ? 'falls' : 'rises'} (${formatDelta(rate.meanDelta, rate.unit)}): the financed book is ${up ? 'larger' : 'smaller'}.`;
}

/**
 * One sentence per challenger saying whether it beats the baseline on the headline KPI, by how much
 * (€ and % of the baseline), how sure that is (95% CI of the mean change, the range of the change in
 * 9 of 10 simulated futures, P(better)), what drives it (the profit bridge) and any material trade-off.
 */
export function verdicts(result: MonteCarloResult): Verdict[] {
  const baseline = result.scenarios[0];
  if (!baseline) return [];
  const base = findKpi<KpiSummary>(baseline.summary.kpis, HEADLINE_KPI);
  const label = kpiLabel(HEADLINE_KPI).label.toLowerCase();
  return result.comparisons.flatMap((comparison, index) => {
    const d = findKpi(comparison.summary.kpis, HEADLINE_KPI);
    if (!base || base.mean === null || !d || d.meanDelta === null) return [];
    const tone = judgeChange(d, base.mean, base.mean);
    const by = `${formatDelta(d.meanDelta, d.unit)}${share(d.meanDelta, base.mean)}`;
    const sure =
      `simulation error: 95% CI ${formatInterval(d.ci95, d.unit, true)}` +
      (d.p05 !== null && d.p95 !== null && d.n >= FUTURES_MIN_ITERATIONS
        ? `; forecast: in 9 of 10 simulated futures ${formatQuantileRange(d.p05, d.p95, d.unit, true)}`
        : '') +
      `; P(better) ${formatProbability(d.pBetter)}`;
    const who = scenarioTitle(result, comparison.challenger);
    const against = scenarioTitle(result, comparison.baseline);
    const direction = Math.sign(d.meanDelta);
    const lead = {
      better: `${who} beats ${against} on ${label} by ${by}`,
      worse: `${who} falls short of ${against} on ${label} by ${by}`,
      immaterial: `${who} changes ${label} against ${against} by ${by}: a real but immaterial change`,
      unclear: d.allZero
        ? `${who} leaves ${label} exactly as ${against} has it`
        : `${who} cannot be told apart from ${against} on ${label}: ${by}`,
    }[tone];
    const why = tone === 'better' || tone === 'worse' ? drivers(comparison, direction) : '';
    const text = `${lead} [${sure}]${why}${tradeOffs(result, index, base.mean)}.${mixedSignal(result, index)}`;
    return [{ baseline: comparison.baseline, challenger: comparison.challenger, tone, text }];
  });
}
