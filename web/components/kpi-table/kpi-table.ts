import { LitElement, html, nothing } from 'lit';
import { counted, renderResult, scenarioTitle } from '../../../engine/index.ts';
import type { MonteCarloResult } from '../../../engine/index.ts';
import { download, fileSlug } from '../../lib/download.ts';
import { scenarioColour } from '../../lib/palette.ts';
import { shared } from '../../styles/shared.ts';
import { TONE_WORDS, kpiRows, type DeltaCell, type KpiRow, type ValueCell } from './kpi-rows.ts';
import { styles } from './styles.ts';

const ARROWS = { up: '▲', down: '▼', none: '' } as const;

/**
 * Narrower than this the columns would squeeze their numbers onto several lines: the table scrolls
 * sideways instead (its KPI labels stay in view), so every column stays reachable from 1024 px down.
 */
function tableMinWidth(challengers: number): number {
  return 220 + 120 + challengers * (120 + 160 + 76);
}

/**
 * Every KPI side by side: each scenario's mean with its forecast interval (p05–p95) and simulation error
 * (95% CI of the mean) and, for each challenger, the paired change against the baseline with the same two
 * intervals and P(better), coloured by whether it is good news.
 * The text of every number is the CLI's (`cyclecast compare --format table`).
 */
export class KpiTable extends LitElement {
  static override styles = [shared, styles];
  static override properties = { result: { attribute: false } };

  declare result: MonteCarloResult | undefined;

  override render() {
    const result = this.result;
    if (!result) return nothing;
    const rows = kpiRows(result);
    const [baseline, ...challengers] = result.scenarios;
    const columns = 2 + challengers.length * 3;
    const groups = [...new Set(rows.map((r) => r.group))];
    return html`<div class="head">
        <h3 id="kpi-heading">Key figures</h3>
        <p class="muted how">
          Mean over ${counted(result.scenarios[0]?.summary.iterations ?? 0, 'iteration')}. Underneath, the
          <strong>forecast</strong> interval: the range of 9 in 10 simulated futures (p05–p95, from uncertain
          assumptions, customers and luck); below it, smaller, the <strong>simulation error</strong>: the 95%
          confidence interval of the mean, which more iterations narrow.
          ${
            challengers.length > 0
              ? html`Changes are challenger minus baseline on the same customers and luck:
                  <span class="favourable">better</span> (green) and
                  <span class="unfavourable">worse</span> (red) when the 95% CI excludes zero and the change
                  is material; <span class="immaterial">immaterial</span> (grey) when it is real but below the
                  materiality threshold; grey without a word when it cannot be told from zero. P(better) is
                  the share of iterations in which the challenger did
                  better.${
                    challengers.length > 1
                      ? ` With ${challengers.length} challengers the changes' forecast intervals hold for all of them at once (Bonferroni).`
                      : ''
                  }`
              : nothing
          }
        </p>
        <button class="small" id="export-kpi-csv" @click=${this.exportCsv}>Table as CSV</button>
      </div>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="kpi-heading">
        <table aria-labelledby="kpi-heading" style=${`min-width: ${tableMinWidth(challengers.length)}px`}>
          <colgroup>
            <col class="label-col" />
            <col class="value-col" />
            ${challengers.map(
              () =>
                html`<col class="value-col" />
                  <col class="delta-col" />
                  <col class="p-col" />`,
            )}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" rowspan="2" class="kpi-head">KPI</th>
              <th scope="col" rowspan="2" class="scenario-head">
                ${this.swatch(0)}${baseline ? scenarioTitle(this.result!, baseline.name) : ''}<span
                  class="role"
                  >baseline</span
                >
              </th>
              ${challengers.map(
                (c, i) =>
                  html`<th scope="colgroup" colspan="3" class="scenario-head challenger">
                    ${this.swatch(i + 1)}${scenarioTitle(this.result!, c.name)}<span class="role"
                      >challenger</span
                    >
                  </th>`,
              )}
            </tr>
            <tr>
              ${challengers.map(
                () =>
                  html`<th scope="col" class="sub">Value</th>
                    <th scope="col" class="sub">Change vs baseline</th>
                    <th scope="col" class="sub">P(better)</th>`,
              )}
            </tr>
          </thead>
          ${groups.map(
            (group) =>
              html`<tbody>
                <tr class="group">
                  <th scope="rowgroup" colspan=${columns}>${group}</th>
                </tr>
                ${rows.filter((r) => r.group === group).map((row) => this.row(row))}
              </tbody>`,
          )}
        </table>
      </div>`;
  }

  private swatch(index: number) {
    return html`<span class="swatch" style="background:${scenarioColour(index)}" aria-hidden="true"></span>`;
  }

  private row(row: KpiRow) {
    return html`<tr data-kpi=${row.id}>
      <th scope="row" class="label" title=${`${row.id}: ${row.meaning}`}>
        ${row.label}
        <span class="measure">${row.measure} · ${row.better} is better</span>
      </th>
      ${this.value(row.baseline, row.id, 0)}
      ${row.challengers.map(
        (c, i) => html`${this.value(c.value, row.id, i + 1)}${this.delta(c.delta, row.id, i + 1)}`,
      )}
    </tr>`;
  }

  private value(cell: ValueCell, kpi: string, scenario: number) {
    return html`<td class="value" data-kpi=${kpi} data-scenario=${scenario}>
      <span class="mean" data-field="mean">${cell.mean}</span>
      ${this.forecast(cell.forecast, 'forecast')} ${this.ci(cell, 'ci')}
    </td>`;
  }

  private delta(cell: DeltaCell | undefined, kpi: string, scenario: number) {
    if (!cell)
      return html`<td></td>
        <td></td>`;
    return html`<td
        class="delta ${cell.tone}"
        data-kpi=${kpi}
        data-scenario=${scenario}
        data-tone=${cell.tone}
        title=${cell.precise}
      >
        <span class="line"
          ><span class="arrow" aria-hidden="true">${ARROWS[cell.direction]}</span
          ><span class="mean" data-field="delta">${cell.delta}</span></span
        >
        <span class=${cell.tone === 'neutral' ? 'visually-hidden' : 'tone-word'}
          >${TONE_WORDS[cell.tone]}</span
        >
        ${this.forecast(cell.forecast, 'delta-forecast')} ${this.ci(cell, 'delta-ci')}
      </td>
      <td class="p" data-kpi=${kpi} data-scenario=${scenario}>
        <span data-field="p-better">${cell.pBetter}</span>
      </td>`;
  }

  /** The forecast interval, the cell's main range (p05–p95 of the iterations). */
  private forecast(text: string, field: string) {
    return html`<span class="forecast"
      ><span class="visually-hidden">forecast </span>${this.range(text.split(' … '), field)}</span
    >`;
  }

  /** The simulation error (95% CI of the mean), named, on a smaller line under the forecast. */
  private ci(cell: ValueCell | DeltaCell, field: string) {
    return html`<span class="ci"
      ><span class="ci-label">sim. error </span>${this.range(cell.ciEnds ?? [cell.ci], field)}</span
    >`;
  }

  /** A range whose text stays `low … high`, breakable only between its two ends. */
  private range(ends: readonly string[], field: string) {
    const [lo, hi] = ends;
    if (hi === undefined) return html`<span data-field=${field}>${lo}</span>`;
    return html`<span data-field=${field}
      ><span class="end">${lo} …</span> <span class="end">${hi}</span></span
    >`;
  }

  private exportCsv() {
    if (!this.result) return;
    const names = this.result.scenarios.map((s) => s.name).join('-vs-');
    download(`cyclecast-kpis-${fileSlug(names)}.csv`, renderResult(this.result, 'csv'), 'text/csv');
  }
}

customElements.define('cc-kpi-table', KpiTable);

declare global {
  interface HTMLElementTagNameMap {
    'cc-kpi-table': KpiTable;
  }
}
