import { css, html, LitElement, nothing } from 'lit';
import { formatValue, HEADLINE_KPI, isKpiId, KPI_IDS } from '../../../engine/index.ts';
import type { KpiId, ReadFile } from '../../../engine/index.ts';
import { sweepChart } from '../../charts/sweep.ts';
import { tornadoChart } from '../../charts/tornado.ts';
import { AnalysisController, type AnalysisState } from '../../controllers/analysis-controller.ts';
import type { RunSettingsInput } from '../../lib/workspace.ts';
import { WebWorkerPool } from '../../workers/web-worker-pool.ts';

/**
 * The "Sensitivity" and "Sweep" panels: a tornado (with break-even values) of the chosen challenger
 * against the baseline, and the baseline swept over one setting, both at the run settings on screen.
 */
export class AnalysisPanel extends LitElement {
  static override properties = {
    baseline: {},
    challenger: {},
    settings: { attribute: false },
    read: { attribute: false },
    workers: { type: Number },
    kpi: { state: true },
    param: { state: true },
    set: { state: true },
  };

  declare baseline: string;
  declare challenger: string | undefined;
  declare settings: RunSettingsInput | undefined;
  declare read: ReadFile;
  declare workers: number;
  declare kpi: KpiId;
  declare param: string;
  /** The reader's `PATH=VALUE` lines over the scenarios, as `--set` takes them. */
  declare set: string;

  private readonly analysis = new AnalysisController(this, () => new WebWorkerPool(this.workers));

  constructor() {
    super();
    this.kpi = HEADLINE_KPI;
    this.param = 'dunning.agencyDays=30..90:30';
    this.workers = 2;
    this.set = '';
  }

  override render() {
    const a = this.analysis;
    const busy = a.running;
    return html`<label
        >KPI
        <select
          id="analysis-kpi"
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            if (isKpiId(v)) this.kpi = v;
          }}
        >
          ${KPI_IDS.map((id) => html`<option value=${id} ?selected=${id === this.kpi}>${id}</option>`)}
        </select></label
      >
      <label
        >Settings over the scenarios (one PATH=VALUE a line, as <code>--set</code>; a world value may be a
        distribution)
        <textarea
          id="analysis-set"
          rows="2"
          placeholder='world.economics.fundingRate={"dist":"pert","min":0.03,"mode":0.04,"max":0.06}'
          .value=${this.set}
          @input=${(e: Event) => (this.set = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      <section aria-labelledby="sensitivity-heading">
        <h2 id="sensitivity-heading">Sensitivity</h2>
        <p class="muted">
          ${
            this.challenger
              ? html`${this.challenger} against ${this.baseline}: each distribution you give and the ten
                declared ranges most rank-correlated with the outcome held at their p10 and p90 (the rest
                screened out), everything else drawn, on the same random numbers; then where the challenger
                stops beating the baseline (break-even).`
              : 'Choose a challenger to see what its advantage over the baseline hangs on.'
          }
        </p>
        <button
          id="run-sensitivity"
          ?disabled=${busy || !this.challenger || !this.settings}
          @click=${() =>
            void a.runSensitivity({
              baseline: this.baseline,
              challenger: this.challenger!,
              settings: this.settings!,
              kpi: this.kpi,
              read: this.read,
              set: this.set.split('\n'),
            })}
        >
          Run tornado
        </button>
        ${this.progress('sensitivity', a.sensitivity)} ${this.tornado()}
      </section>
      <section aria-labelledby="sweep-heading">
        <h2 id="sweep-heading">Sweep</h2>
        <p class="muted">${this.baseline} at every value of one setting, all on the same random numbers.</p>
        <label
          >Setting and range (NAME=FROM..TO:STEP)
          <input
            id="sweep-param"
            .value=${this.param}
            @input=${(e: Event) => (this.param = (e.target as HTMLInputElement).value)}
        /></label>
        <button
          id="run-sweep"
          ?disabled=${busy || !this.settings}
          @click=${() =>
            void a.runSweep({
              scenario: this.baseline,
              param: this.param,
              settings: this.settings!,
              kpi: this.kpi,
              read: this.read,
              set: this.set.split('\n'),
            })}
        >
          Run sweep
        </button>
        ${this.progress('sweep', a.sweep)} ${this.sweepView()}
      </section>`;
  }

  private progress(id: string, state: AnalysisState) {
    if (state.status === 'idle') return nothing;
    const text =
      state.status === 'running'
        ? `Running: ${state.completed} of ${state.total || '…'} iterations`
        : state.status === 'done'
          ? 'Done.'
          : state.status === 'cancelled'
            ? 'Cancelled: the result below, if any, is from the previous run.'
            : `Failed: ${state.error}`;
    return html`<div class="status" id=${`${id}-status`} role="status">
      ${
        state.status === 'running'
          ? html`<progress
                aria-label=${`${id} progress`}
                max=${state.total || 1}
                value=${state.completed}
              ></progress
              ><button id=${`cancel-${id}`} @click=${() => this.analysis.cancel()}>Cancel</button>`
          : nothing
      }
      <span class=${state.status === 'failed' ? 'error' : ''}>${text}</span>
    </div>`;
  }

  private tornado() {
    const r = this.analysis.sensitivityResult;
    if (!r) return nothing;
    if (r.bars.length === 0) {
      return html`<p id="tornado-empty">
        No uncertain assumptions: every world value of these scenarios is a number. Give one a distribution in
        the settings box above (for example the funding rate as a PERT), then run the tornado again.
      </p>`;
    }
    const width = Math.max(480, this.clientWidth - 40);
    return html`<figure id="tornado">
        ${tornadoChart(r, width)}
        <figcaption>
          Dashed line: ${r.kpi} with every assumption drawn (${formatValue(r.base.mean, r.unit)}). ▲ better, ▼
          worse than that; a pale bar marked "(noise)" is within simulation error. ${r.iterations} iterations,
          seed ${r.seed}, ${r.runs} runs.
        </figcaption>
      </figure>
      ${
        r.breakEvens && r.breakEvens.length > 0
          ? html`<table id="break-evens">
              <caption>
                Break-even values: where ${r.scenario} stops beating ${r.baseline}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Assumption</th>
                  <th scope="col">Break-even value</th>
                  <th scope="col">Percentile</th>
                  <th scope="col">Challenger wins</th>
                </tr>
              </thead>
              <tbody>
                ${r.breakEvens.map(
                  (b) =>
                    html`<tr>
                      <th scope="row">${b.label}</th>
                      <td>
                        ${
                          b.value === null
                            ? 'does not flip within its range'
                            : `${b.value.toPrecision(3)} ± ${b.tolerance?.toPrecision(2)} ${b.unit}`
                        }
                      </td>
                      <td>${b.percentile === null ? '—' : `p${Math.round(b.percentile * 100)}`}</td>
                      <td>${b.challengerWins}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }`;
  }

  private sweepView() {
    const r = this.analysis.sweepResult;
    if (!r) return nothing;
    const width = Math.max(480, this.clientWidth - 40);
    return html`<figure id="sweep-chart">
      ${sweepChart(r, width)}
      <figcaption>
        ${r.kpi} at each value with its ${r.intervals.level * 100}% simultaneous interval
        (${r.intervals.method}). ■ the first point; ▲ better than it; ✕ worse; ● not told apart.
      </figcaption>
    </figure>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    section {
      margin-block: 1rem;
    }
    label {
      display: block;
      margin-block: 0.5rem;
    }
    .muted {
      color: #555;
    }
    .error {
      color: #b2442f;
    }
    .status {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-block: 0.5rem;
    }
    input,
    textarea {
      display: block;
      min-width: 22rem;
      width: 100%;
      max-width: 48rem;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.2rem 0.6rem;
      text-align: left;
    }
  `;
}

customElements.define('cc-analysis-panel', AnalysisPanel);
