import { LitElement, html, nothing } from 'lit';
import {
  breakdownTables,
  counted,
  MATERIALITY_TEXT,
  renderResult,
  resultWorkbook,
  scenarioTitle,
  verdicts,
} from '../../../engine/index.ts';
import type { MonteCarloResult, Significance } from '../../../engine/index.ts';
import { CHARTS } from '../../charts/index.ts';
import type { ShownScenario } from '../../controllers/run-controller.ts';
import { download, fileSlug } from '../../lib/download.ts';
import { fewIterationsNote } from '../../lib/iterations.ts';
import { scenarioColour } from '../../lib/palette.ts';
import { shared } from '../../styles/shared.ts';
import '../chart-card/chart-card.ts';
import '../kpi-table/kpi-table.ts';
import { TONE_WORDS } from '../kpi-table/kpi-rows.ts';
import { headlines } from './headlines.ts';
import { styles } from './styles.ts';

/** A verdict's tone as a mark that does not rely on colour, and the colour class. */
const VERDICT_TONES: Record<Significance, { mark: string; tone: string }> = {
  better: { mark: '▲ better', tone: 'favourable' },
  worse: { mark: '▼ worse', tone: 'unfavourable' },
  immaterial: { mark: '≈ immaterial', tone: 'immaterial' },
  unclear: { mark: '? unclear', tone: 'neutral' },
};

/**
 * The results of the last run, or of the run in progress as it refines: what was compared, the
 * headline changes, the KPI table and the charts, with the full result as JSON (the CLI's output).
 */
export class ResultsView extends LitElement {
  static override styles = [shared, styles];
  static override properties = {
    result: { attribute: false },
    scenarios: { attribute: false },
    complete: { type: Boolean },
  };

  declare result: MonteCarloResult | undefined;
  declare scenarios: readonly ShownScenario[];
  declare complete: boolean;

  constructor() {
    super();
    this.scenarios = [];
    this.complete = false;
  }

  override render() {
    const result = this.result;
    if (!result) {
      return html`<div class="card empty">
        <h2>No results yet</h2>
        <p>
          Pick a baseline and up to three challengers above and press <strong>Run comparison</strong>. The
          simulation runs in this browser; results appear after the first iterations and sharpen as more
          arrive.
        </p>
      </div>`;
    }
    const m = result.manifest;
    const iterations = result.scenarios[0]?.summary.iterations ?? 0;
    // The run's planned count: a partial result is flagged by its own badge while it refines.
    const few = fewIterationsNote(this.complete ? iterations : m.iterations);
    return html`<section class="card summary" aria-labelledby="results-heading">
        <div class="summary-top">
          <div>
            <h2 id="results-heading">
              ${result.scenarios.map((s) => scenarioTitle(result, s.name)).join(' vs ')}
              ${
                this.complete
                  ? nothing
                  : html`<span class="badge" id="partial-badge"
                      >partial: ${iterations} of ${counted(m.iterations, 'iteration')}</span
                    >`
              }
            </h2>
            <p class="muted run-facts">
              ${counted(iterations, 'iteration')} · ${counted(m.horizonMonths, 'month')}
              (${(m.horizonMonths / 12).toLocaleString('en-GB', { maximumFractionDigits: 1 })} years) · seed
              ${m.seed} · engine ${m.engineVersion} · run ${m.runHash.slice(0, 12)}
            </p>
            ${few ? html`<p class="few-iterations" id="few-iterations" role="note">⚠ ${few}</p>` : nothing}
            ${yourBook(m)}
          </div>
          <div class="exports">
            <button
              id="export-json"
              @click=${this.exportJson}
              ?disabled=${!this.complete}
              title=${this.complete ? 'The full result, identical to cyclecast compare --format json' : 'Available when the run is complete'}
            >
              Full result (JSON)
            </button>
            <button
              id="export-xlsx"
              @click=${this.exportWorkbook}
              ?disabled=${!this.complete}
              title=${this.complete ? 'KPIs, breakdowns, monthly series and the manifest as sheets: identical to cyclecast compare --format xlsx' : 'Available when the run is complete'}
            >
              Excel workbook
            </button>
            <button
              id="export-report"
              @click=${this.report}
              ?disabled=${!this.complete}
              title=${this.complete ? 'One self-contained HTML file to hand over or print: the same as cyclecast report' : 'Available when the run is complete'}
            >
              Report (HTML)
            </button>
            <button id="print" @click=${() => window.print()}>Print</button>
          </div>
        </div>
        <ul class="scenarios">
          ${result.scenarios.map((s, i) => {
            const shown = this.scenarios[i];
            return html`<li>
              <span class="swatch" style="background:${scenarioColour(i)}" aria-hidden="true"></span>
              <div>
                <strong>${scenarioTitle(result, s.name)}</strong>
                <span class="muted">${i === 0 ? '(baseline)' : '(challenger)'}</span>
                ${shown?.description ? describe(shown.description) : nothing}
              </div>
            </li>`;
          })}
        </ul>
        ${this.manifest(result)}
        ${result.comparisons.length > 0 ? [this.verdict(result), this.headlineTiles(result)] : nothing}
      </section>
      <section class="card">
        <cc-kpi-table .result=${result}></cc-kpi-table>
      </section>
      ${this.breakdowns(result)}
      <div class="charts">
        ${CHARTS.map(
          (chart) =>
            html`<cc-chart-card
              class=${chart.wide ? 'wide' : ''}
              .chart=${chart}
              .result=${result}
            ></cc-chart-card>`,
        )}
      </div>`;
  }

  /**
   * Results by cycle, segment, credit tier, region and dealer: the tables the CLI prints, one per
   * dimension, opened on request (the dealers' table is long).
   */
  private breakdowns(result: MonteCarloResult) {
    const tables = breakdownTables(result);
    if (tables.length === 0) return nothing;
    const few = fewIterationsNote(result.scenarios[0]?.summary.iterations ?? 0);
    return html`<section class="card breakdowns" id="breakdowns" aria-labelledby="breakdowns-heading">
      <h3 id="breakdowns-heading">Breakdowns</h3>
      <p class="muted">
        Means per iteration by group, with the 95% CI of the baseline's profit. A challenger's profit change
        is paired: challenger minus baseline in the same iterations, with its 95% CI and the share of
        iterations in which the challenger did better for the group. The chart
        <em>Profit by cycle, segment, credit tier, region and dealer</em> below shows the same changes, one
        panel per dimension.
      </p>
      ${few ? html`<p class="few-iterations" role="note">⚠ ${few}</p>` : nothing}
      ${tables.map(
        (t, i) =>
          html`<details ?open=${i === 0}>
            <summary>${t.title}</summary>
            <div class="scroll" tabindex="0" role="region" aria-label=${t.title}>
              <table>
                <thead>
                  <tr>
                    ${t.header.map((h) => html`<th scope="col">${h}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${t.rows.map(
                    (r) =>
                      html`<tr>
                        ${r.map((c, j) => (j === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </details>`,
      )}
    </section>`;
  }

  /** The run's manifest: what anyone needs to reproduce it and check its inputs. */
  private manifest(result: MonteCarloResult) {
    const m = result.manifest;
    return html`<details class="manifest" id="manifest">
      <summary>
        Manifest: seed ${m.seed}, ${counted(m.iterations, 'iteration')}, engine ${m.engineVersion}
      </summary>
      <dl>
        <dt>Run hash</dt>
        <dd><code>${m.runHash}</code></dd>
        <dt>Chunk size</dt>
        <dd>${m.chunkSize} iterations</dd>
        ${m.scenarios.map(
          (s) =>
            html`<dt>${s.title ?? s.name}</dt>
              <dd>
                <code>${s.hash}</code>
                <ul>
                  ${Object.entries(s.ruleSets).map(
                    ([kind, r]) => html`<li>${kind}: ${r.name} <code>${r.hash}</code></li>`,
                  )}
                </ul>
              </dd>`,
        )}
      </dl>
    </details>`;
  }

  /** One sentence per challenger: who wins on the headline KPI, by how much, how sure, why, at what cost. */
  private verdict(result: MonteCarloResult) {
    return html`<section class="verdicts" id="verdict" aria-labelledby="verdict-heading">
      <h3 id="verdict-heading">Verdict</h3>
      ${verdicts(result).map(
        (v) =>
          html`<p class="verdict" data-challenger=${v.challenger} data-tone=${v.tone}>
            <span class="verdict-tone ${VERDICT_TONES[v.tone].tone}">${VERDICT_TONES[v.tone].mark}</span>
            ${v.text}
          </p>`,
      )}
      <p class="muted materiality">${MATERIALITY_TEXT[0]!.toUpperCase()}${MATERIALITY_TEXT.slice(1)}.</p>
      ${this.pairForm()}
    </section>`;
  }

  /**
   * Challengers compared with each other, on request: a paired run of one against the other (the
   * second as baseline), leaving the picked scenarios as they are.
   */
  private pairForm() {
    const known = this.scenarios.slice(1).filter((s) => s.path);
    if (known.length < 2 || !this.complete) return nothing;
    const options = (selected: number) =>
      known.map(
        (s, i) => html`<option value=${s.path} ?selected=${i === selected}>${s.title ?? s.name}</option>`,
      );
    return html`<form class="pair" @submit=${this.comparePair}>
      <label for="pair-challenger">Compare challenger</label>
      <select id="pair-challenger">
        ${options(0)}
      </select>
      <label for="pair-baseline">with</label>
      <select id="pair-baseline">
        ${options(1)}
      </select>
      <button type="submit" id="pair-run">Run this comparison</button>
    </form>`;
  }

  private comparePair(e: Event) {
    e.preventDefault();
    const value = (id: string) => this.renderRoot.querySelector<HTMLSelectElement>(`#${id}`)!.value;
    const [challenger, baseline] = [value('pair-challenger'), value('pair-baseline')];
    if (challenger === baseline) return;
    this.dispatchEvent(
      new CustomEvent('cc-compare-pair', { detail: { baseline, challenger }, bubbles: true, composed: true }),
    );
  }

  private headlineTiles(result: MonteCarloResult) {
    const n = result.scenarios[0]?.summary.iterations ?? 0;
    const few = fewIterationsNote(n);
    return html`<div class="headlines" aria-label="Headline changes against the baseline">
      ${headlines(result).map(
        (h) =>
          html`<div class="tile">
            <p class="tile-label">${h.label}</p>
            <p class="tile-base"><span class="muted">${h.baselineName}:</span> ${h.baseline}</p>
            ${h.changes.map(
              (c) =>
                html`<p class="tile-change ${c.tone}">
                  <span class="muted">${c.name}:</span> <strong>${c.delta}</strong>
                  ${c.tone === 'neutral' ? nothing : html`<span class="tone-word">${TONE_WORDS[c.tone]}</span>`}
                  <span class="tile-ci" data-field="tile-forecast"
                    >9 in 10 futures: ${c.forecast} · P(better) ${c.pBetter}</span
                  >
                  <span class="tile-sim muted" data-field="tile-ci"
                    >simulation error:
                    ${c.ci}${few ? html` · <span class="few">n = ${n}, few</span>` : nothing}</span
                  >
                  ${
                    c.valueOfInformation === undefined
                      ? nothing
                      : html`<span class="tile-voi" data-field="tile-voi"
                          >Value of perfect information: ${c.valueOfInformation}
                          <span class="muted"
                            >(what knowing the assumptions before deciding would be worth)</span
                          ></span
                        >`
                  }
                </p>`,
            )}
          </div>`,
      )}
    </div>`;
  }

  /** Asks the app for the report: it knows the scenarios behind the result (descriptions, policies). */
  private report() {
    this.dispatchEvent(new CustomEvent('cc-report', { bubbles: true, composed: true }));
  }

  /** The workbook of `--format xlsx` (default perspective), built here: exceljs loads on the first click. */
  private async exportWorkbook() {
    if (!this.result) return;
    const names = this.result.scenarios.map((s) => s.name).join('-vs-');
    const bytes = await resultWorkbook(this.result, 'captive');
    download(
      `cyclecast-${fileSlug(names)}.xlsx`,
      new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
  }

  private exportJson() {
    if (!this.result) return;
    const names = this.result.scenarios.map((s) => s.name).join('-vs-');
    download(`cyclecast-${fileSlug(names)}.json`, renderResult(this.result, 'json'), 'application/json');
  }
}

/** A scenario's description: its first sentence, opening to the whole text (never cut off). */
function describe(description: string) {
  const first = /^.*?\.(\s|$)/.exec(description)?.[0]?.trim() ?? description;
  if (first === description.trim()) return html`<p class="description">${description}</p>`;
  return html`<details class="description">
    <summary>${first}</summary>
    <p>${description.slice(first.length).trim()}</p>
  </details>`;
}

customElements.define('cc-results-view', ResultsView);

declare global {
  interface HTMLElementTagNameMap {
    'cc-results-view': ResultsView;
  }
}

/** "Your book: N contracts": the results of a run on a contract tape say whose book it was, and its size. */
function yourBook(m: MonteCarloResult['manifest']) {
  const tape = m.scenarios[0]?.tape;
  if (!tape) return nothing;
  const excluded = tape.excluded ? `; ${counted(tape.excluded.rows, 'invalid row')} left out` : '';
  return html`<p class="your-book" id="your-book">
    Your book: ${counted(tape.contracts, 'contract')} of ${counted(tape.customers, 'customer')} at
    ${counted(tape.dealers, 'dealer')}, as of ${tape.asOf} (${tape.file}${excluded}); ${tape.drawn.length}
    attributes it does not give drawn each iteration.
  </p>`;
}
