import type { MonteCarloResult } from '../result/run.ts';
import { HEADLINE_KPI, type KpiId } from '../result/kpis.ts';
import { scenarioTitle } from '../result/scenario-title.ts';
import { findKpi } from '../result/summary.ts';
import { breakdownTables } from './breakdowns.ts';
import { bridgeSvg, fanChartSvg, SCENARIO_COLOURS } from './html-charts.ts';
import { HEADLINE_KPIS, KPI_LABELS, kpiLabel } from './kpi-labels.ts';
import {
  counted,
  formatDelta,
  formatInterval,
  formatProbability,
  formatQuantile,
  formatValue,
} from './number.ts';
import { categoryContributions, PROFIT_TOTAL } from './profit-categories.ts';
import type { ReportScenario } from './report-scenario.ts';
import { judgeChange, MATERIALITY_TEXT, verdicts, type Significance } from './verdict.ts';

/** Everything a report is made of: the result, and (when known) what each scenario is. */
export interface ReportInput {
  readonly result: MonteCarloResult;
  /** One per scenario of the result, in its order; absent when only the result is known. */
  readonly scenarios?: readonly ReportScenario[];
  /** When the report was made (ISO 8601). */
  readonly generatedAt: string;
}

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TONE_WORDS: Record<Significance, string> = {
  better: '▲ better',
  worse: '▼ worse',
  immaterial: '≈ immaterial',
  unclear: '',
};

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1f2328; margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 2px solid #c4cad1; padding-bottom: 4px; } h3 { font-size: 15px; margin: 16px 0 6px; }
.muted { color: #59636e; } .facts { margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; margin: 6px 0 10px; }
th, td { border-bottom: 1px solid #e1e4e8; padding: 4px 6px; text-align: right; vertical-align: top; }
td { white-space: nowrap; } th:first-child, td:first-child { text-align: left; } tbody th { font-weight: 600; } tbody th .muted { font-weight: 400; font-size: 12px; } thead th { border-bottom: 2px solid #c4cad1; }
.better { color: #1a7f37; } .worse { color: #b42318; } .immaterial, .unclear { color: #59636e; }
.verdict { margin: 0 0 8px; } .tone { font-weight: 700; white-space: nowrap; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; }
.tile { border: 1px solid #e1e4e8; border-radius: 8px; padding: 8px 10px; background: #f6f8fa; }
.tile p { margin: 0; } .ci { font-size: 12px; }
svg { width: 100%; height: auto; font-family: inherit; } .scroll { overflow-x: auto; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; }
@media print { body { padding: 0; font-size: 11px; } .scroll { overflow: visible; } .scroll table { font-size: 8.5px; } td { white-space: normal; } h2 { break-after: avoid; } table, svg, .tile, .verdict { break-inside: avoid; } .tiles { grid-template-columns: repeat(2, 1fr); } }
@page { size: A4; margin: 14mm; }
`;

/** A section of the report. */
const section = (id: string, title: string, body: string) =>
  `<section id="${id}">\n<h2>${esc(title)}</h2>\n${body}\n</section>`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${header.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`,
    )
    .join('\n')}</tbody></table>`;
}

function verdictSection(result: MonteCarloResult): string {
  const all = verdicts(result);
  if (all.length === 0) return '';
  return section(
    'verdict',
    'Verdict',
    all
      .map(
        (v) =>
          `<p class="verdict" data-challenger="${esc(v.challenger)}"><span class="tone ${v.tone}">${TONE_WORDS[v.tone] || '? unclear'}</span> ${esc(v.text)}</p>`,
      )
      .join('\n') + `<p class="muted">${esc(MATERIALITY_TEXT)}.</p>`,
  );
}

/** The paired change of KPI `id` for challenger `c` (0-based), judged. */
function change(result: MonteCarloResult, c: number, id: KpiId) {
  const d = findKpi(result.comparisons[c]!.summary.kpis, id);
  const base = findKpi(result.scenarios[0]!.summary.kpis, id);
  const headline = findKpi(result.scenarios[0]!.summary.kpis, HEADLINE_KPI)?.mean ?? 0;
  if (!d || !base) return undefined;
  return { d, tone: judgeChange(d, base.mean ?? 0, headline) };
}

function tiles(result: MonteCarloResult): string {
  const baseline = result.scenarios[0]!;
  const body = HEADLINE_KPIS.flatMap((id) => {
    const k = findKpi(baseline.summary.kpis, id);
    if (!k) return [];
    const changes = result.comparisons.map((comparison, c) => {
      const x = change(result, c, id)!;
      return `<p class="${x.tone}">${esc(scenarioTitle(result, comparison.challenger))}: <strong>${formatDelta(x.d.meanDelta, x.d.unit)}</strong> ${TONE_WORDS[x.tone]}<br><span class="ci">95% CI ${formatInterval(x.d.ci95, x.d.unit, true)} · P(better) ${formatProbability(x.d.pBetter)}</span></p>`;
    });
    return [
      `<div class="tile" data-kpi="${id}"><p><strong>${esc(kpiLabel(id).label)}</strong></p><p>${esc(scenarioTitle(result, baseline.name))}: ${formatValue(k.mean, k.unit)}</p>${changes.join('')}</div>`,
    ];
  });
  return section('headlines', 'Headline figures', `<div class="tiles">${body.join('\n')}</div>`);
}

function kpiTable(result: MonteCarloResult): string {
  const [baseline, ...challengers] = result.scenarios;
  const header = [
    'KPI',
    `${esc(scenarioTitle(result, baseline!.name))} (baseline)`,
    ...challengers.flatMap((s) => [esc(scenarioTitle(result, s.name)), `change, 95% CI`, 'P(better)']),
  ];
  const rows = KPI_LABELS.flatMap((label) => {
    const k = findKpi(baseline!.summary.kpis, label.id);
    if (!k) return [];
    return [
      [
        `${esc(label.label)}<br><span class="muted">${esc(label.measure)}</span>`,
        `${formatValue(k.mean, k.unit)}<br><span class="ci">${formatInterval(k.ci95, k.unit)}</span>`,
        ...challengers.flatMap((s, c) => {
          const v = findKpi(s.summary.kpis, label.id)!;
          const x = change(result, c, label.id)!;
          return [
            formatValue(v.mean, v.unit),
            `<span class="${x.tone}" data-kpi="${label.id}" data-challenger="${c + 1}">${formatDelta(x.d.meanDelta, x.d.unit)} ${TONE_WORDS[x.tone]}</span><br><span class="ci">${formatInterval(x.d.ci95, x.d.unit, true)}</span>`,
            formatProbability(x.d.pBetter),
          ];
        }),
      ],
    ];
  });
  return section(
    'kpis',
    'Key figures',
    `<p class="muted">Mean over iterations with its 95% confidence interval; changes are paired (same customers, same luck).</p><div class="scroll">${table(header, rows)}</div>`,
  );
}

function bridge(result: MonteCarloResult): string {
  if (result.comparisons.length === 0) return '';
  const baseline = result.scenarios[0]!;
  const baseTotal = findKpi(baseline.summary.kpis, PROFIT_TOTAL)?.mean ?? 0;
  const charts = result.comparisons.map((comparison) => {
    const moves = categoryContributions((id) => findKpi(comparison.summary.kpis, id)?.meanDelta ?? 0);
    const end = baseTotal + moves.reduce((s, m) => s + m.value, 0);
    const steps = [
      { label: `${scenarioTitle(result, baseline.name)} profit`, value: baseTotal, total: true },
      ...moves.map((m) => ({ label: m.category.label, value: m.value, total: false })),
      { label: `${scenarioTitle(result, comparison.challenger)} profit`, value: end, total: true },
    ];
    const title = `Profit bridge: ${scenarioTitle(result, baseline.name)} to ${scenarioTitle(result, comparison.challenger)} (undiscounted, € over the horizon)`;
    return `<h3>${esc(title)}</h3>\n${bridgeSvg(title, steps, (v) => formatValue(v, '€'))}`;
  });
  return section('bridge', 'Profit bridge', charts.join('\n'));
}

function fans(result: MonteCarloResult): string {
  const charts = [
    { id: 'retention.rolling12', title: '12-month rolling retention', unit: '0–1' },
    { id: 'activeContracts.cycle1', title: 'Active contracts, cycle 1 (new leases)', unit: 'count' },
    { id: 'cashFlow', title: 'Net cash flow per month', unit: '€' },
  ].flatMap(({ id, title, unit }) => {
    const series = result.scenarios.flatMap((s) => {
      const found = s.summary.series.find((x) => x.id === id);
      return found ? [{ name: scenarioTitle(result, s.name), ...found }] : [];
    });
    if (series.length === 0) return [];
    const full = `${title}: median, p25–p75 and p05–p95 over iterations`;
    return [`<h3>${esc(full)}</h3>\n${fanChartSvg(full, series, (v) => formatValue(v, unit))}`];
  });
  return charts.length === 0 ? '' : section('fans', 'Over the horizon', charts.join('\n'));
}

function breakdowns(result: MonteCarloResult): string {
  const tables = breakdownTables(result);
  if (tables.length === 0) return '';
  return section(
    'breakdowns',
    'Breakdowns',
    tables
      .map(
        (t) =>
          `<h3>${esc(t.title)}</h3>${table(
            t.header.map(esc),
            t.rows.map((r) => r.map(esc)),
          )}`,
      )
      .join('\n'),
  );
}

function scenarios(input: ReportInput): string {
  const list = input.scenarios;
  if (!list)
    return section(
      'scenarios',
      'Scenarios',
      '<p class="muted">Only the result file was known: descriptions, policies and assumptions are not in it.</p>',
    );
  const parts = list.map((s, i) => {
    const policies = table(
      ['policy', 'rule set', 'what it does', 'parameters set'],
      s.policies.map((p) => [
        esc(p.kind),
        esc(p.name),
        esc(p.description),
        esc(p.parameters.join('; ') || '–'),
      ]),
    );
    const assumptions =
      s.assumptions.length === 0
        ? '<p class="muted">Every world assumption at its default.</p>'
        : table(
            ['assumption (differs from the default)', 'value', 'default'],
            s.assumptions.map((a) => [
              `<code>${esc(a.path)}</code>`,
              `<code>${esc(a.value)}</code>`,
              `<code>${esc(a.default)}</code>`,
            ]),
          );
    return `<h3><span class="swatch" style="background:${SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]}"></span>${esc(scenarioTitle(input.result, s.name))} ${i === 0 ? '(baseline)' : '(challenger)'}</h3><p>${esc(s.description)}</p>${policies}${assumptions}`;
  });
  return section('scenarios', 'Scenarios', parts.join('\n'));
}

function manifest(result: MonteCarloResult): string {
  const m = result.manifest;
  const rows = [
    ['Engine', `${esc(m.engine)} ${esc(m.engineVersion)}`],
    ['Seed', String(m.seed)],
    ['Iterations', counted(m.iterations, 'iteration')],
    ['Horizon', counted(m.horizonMonths, 'month')],
    ['Chunk size', String(m.chunkSize)],
    ['Run hash', `<code>${esc(m.runHash)}</code>`],
    ...m.scenarios.map((s) => [
      `Scenario ${esc(s.title ?? s.name)}${s.title === undefined ? '' : ` (<code>${esc(s.name)}</code>)`}`,
      `<code>${esc(s.hash)}</code><br>${Object.entries(s.ruleSets)
        .map(([kind, r]) => `${esc(kind)}: ${esc(r.name)} <code>${esc(r.hash)}</code>`)
        .join('<br>')}`,
    ]),
  ];
  return section(
    'manifest',
    'Manifest',
    table(['', ''], rows).replace('<thead><tr><th scope="col"></th><th scope="col"></th></tr></thead>', ''),
  );
}

/**
 * The report a board can keep: one self-contained HTML file (inline CSS and SVG, nothing fetched) with
 * the verdict, the headline figures, the KPI table with plain labels, the profit bridge, fan charts,
 * breakdowns, each scenario's description, policies and assumptions differing from the defaults, and
 * the manifest. `cyclecast report` and the workbench's *Report* button write the same file.
 */
export function renderReport(input: ReportInput): string {
  const { result } = input;
  const names = result.scenarios.map((s) => scenarioTitle(result, s.name));
  const iterations = result.scenarios[0]?.summary.iterations ?? 0;
  const title = `Cyclecast report: ${names.join(' vs ')}`;
  const p50 = findKpi(result.scenarios[0]?.summary.kpis ?? [], HEADLINE_KPI);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cyclecast ${esc(result.manifest.engineVersion)}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="muted facts">${counted(iterations, 'iteration')} · ${counted(result.manifest.horizonMonths, 'month')} · seed ${result.manifest.seed} · engine ${esc(result.manifest.engineVersion)} · run ${esc(result.manifest.runHash.slice(0, 12))} · made ${esc(input.generatedAt)}${p50 ? ` · baseline ${esc(kpiLabel(HEADLINE_KPI).label.toLowerCase())} median ${formatQuantile(p50.p50, p50.unit)}` : ''}</p>
</header>
<main>
${verdictSection(result)}
${tiles(result)}
${kpiTable(result)}
${bridge(result)}
${fans(result)}
${breakdowns(result)}
${scenarios(input)}
${manifest(result)}
</main>
</body>
</html>
`;
}
