import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { DEFAULT_RUN } from '../../../engine/index.ts';
import { RunController } from '../../controllers/run-controller.ts';
import { WorkspaceController } from '../../controllers/workspace-controller.ts';
import { SHIPPED_FILES, SHIPPED_SCENARIOS } from '../../lib/library.ts';
import type { RunSettingsInput } from '../../lib/workspace.ts';
import { shared } from '../../styles/shared.ts';
import { WebWorkerPool } from '../../workers/web-worker-pool.ts';
import '../message-box/message-box.ts';
import '../results-view/results-view.ts';
import '../run-panel/run-panel.ts';
import '../scenario-editor/scenario-editor.ts';
import { styles } from './styles.ts';

type View = 'results' | 'edit';

/**
 * The workbench: pick scenarios and run them (in Web Workers, on every core), read the results as they
 * refine, and edit scenarios. Work is kept in the browser across reloads and can be shared as a link.
 */
export class CyclecastApp extends LitElement {
  static override styles = [shared, styles];
  static override properties = {
    view: { state: true },
    baselineSettings: { state: true },
    ready: { state: true },
  };

  declare view: View;
  /** The baseline's own run settings (its `run` block), the default for the next run. */
  declare baselineSettings: RunSettingsInput | undefined;
  declare ready: boolean;
  private readonly workers = Math.max(1, navigator.hardwareConcurrency || 2);
  private settingsFor: string | undefined;

  readonly workspace = new WorkspaceController(this, {
    shipped: SHIPPED_FILES,
    shippedScenarios: SHIPPED_SCENARIOS,
    defaultChallengers: ['scenarios/tcm.json'],
    storage: safeLocalStorage(),
    location: window.location,
    clearHash: () => history.replaceState(null, '', window.location.pathname + window.location.search),
  });
  readonly run = new RunController(this, {
    executor: () => new WebWorkerPool(this.workers),
    ...chunkSizeFromUrl(),
  });

  constructor() {
    super();
    this.view = 'results';
    this.ready = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.workspace.init().then(() => (this.ready = true));
    window.addEventListener('pagehide', this.keep);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.keep);
  }

  private readonly keep = () => this.workspace.flush();

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const baseline = this.workspace.ws.baseline;
    if (this.ready && this.settingsFor !== baseline) {
      this.settingsFor = baseline;
      void this.workspace.load(baseline).then(({ scenario }) => {
        if (this.workspace.ws.baseline !== baseline) return;
        if (scenario) void this.warmUp(baseline);
        this.baselineSettings = scenario
          ? {
              iterations: scenario.run.iterations,
              seed: scenario.run.seed,
              horizonMonths: scenario.run.horizonMonths,
            }
          : { ...DEFAULT_RUN };
      });
    }
  }

  /** Warms the workers on the baseline and the challengers picked now: what the next run most likely is. */
  private async warmUp(baseline: string): Promise<void> {
    const outcomes = await Promise.all(
      [baseline, ...this.workspace.ws.challengers].map((path) => this.workspace.load(path)),
    );
    const scenarios = outcomes.flatMap((o) => (o.scenario ? [o.scenario] : []));
    if (scenarios.length > 0) this.run.warmUpOn(scenarios);
  }

  private get settings(): RunSettingsInput | undefined {
    return this.workspace.ws.settings ?? this.baselineSettings;
  }

  override render() {
    const ws = this.workspace.ws;
    const state = this.run.state;
    const notice = this.workspace.notice;
    return html`<header class="top">
        <div>
          <h1>Cyclecast <span>policy workbench</span></h1>
          <p class="muted">
            Compare engagement, lead, dunning and remarketing policies on a simulated portfolio: retention,
            profit and credit losses over the horizon, with 95% confidence intervals.
          </p>
        </div>
      </header>
      <main>
        <cc-run-panel
          .options=${this.workspace.scenarioOptions()}
          .baseline=${ws.baseline}
          .challengers=${ws.challengers}
          .settings=${this.settings}
          .customSettings=${ws.settings !== undefined}
          .state=${state}
          .workers=${this.workers}
          .opened=${[...this.workspace.statuses.values()]}
          @cc-select=${(e: CustomEvent<{ baseline: string; challengers: string[] }>) =>
            this.workspace.update((w) => ({ ...w, ...e.detail }))}
          @cc-settings=${(e: CustomEvent<{ settings: RunSettingsInput | undefined }>) =>
            this.workspace.update((w) => {
              const { settings: _, ...rest } = w;
              return e.detail.settings ? { ...rest, settings: e.detail.settings } : rest;
            })}
          @cc-run=${this.start}
          @cc-cancel=${() => this.run.cancel()}
          @cc-open-files=${(e: CustomEvent<{ files: File[] }>) => void this.workspace.openFiles(e.detail.files)}
          @cc-remove-file=${(e: CustomEvent<{ path: string }>) => void this.workspace.removeFile(e.detail.path)}
        ></cc-run-panel>
        <div class="messages">
          ${
            state.message
              ? html`<cc-message-box
                  id="run-message"
                  tone=${state.message.tone}
                  .heading=${state.message.title}
                  .lines=${state.message.lines}
                  @cc-dismiss=${() => this.run.dismissMessage()}
                ></cc-message-box>`
              : nothing
          }
          ${
            notice
              ? html`<cc-message-box
                  id="workspace-message"
                  tone=${notice.tone}
                  .heading=${notice.title}
                  .lines=${notice.lines}
                  @cc-dismiss=${() => this.workspace.dismissNotice()}
                ></cc-message-box>`
              : nothing
          }
        </div>
        <nav class="views" role="tablist" aria-label="Views">
          ${(
            [
              ['results', 'Results'],
              ['edit', `Edit scenarios${ws.drafts.length ? ` (${ws.drafts.length})` : ''}`],
            ] as const
          ).map(
            ([id, label]) =>
              html`<button
                role="tab"
                id=${`view-${id}`}
                aria-selected=${this.view === id ? 'true' : 'false'}
                aria-controls="view"
                tabindex=${this.view === id ? 0 : -1}
                @click=${() => (this.view = id)}
                @keydown=${this.onViewKey}
              >
                ${label}
              </button>`,
          )}
        </nav>
        <div id="view" role="tabpanel" aria-labelledby=${`view-${this.view}`}>
          ${
            this.view === 'results'
              ? html`<cc-results-view
                  .result=${state.result}
                  .scenarios=${state.scenarios}
                  .complete=${state.complete}
                ></cc-results-view>`
              : html`<cc-scenario-editor .workspace=${this.workspace} .ws=${ws}></cc-scenario-editor>`
          }
        </div>
      </main>`;
  }

  private start = () => {
    const settings = this.settings;
    if (!settings) return;
    this.workspace.dismissNotice();
    this.view = 'results';
    const ws = this.workspace.ws;
    void this.run.start({
      paths: [ws.baseline, ...ws.challengers],
      settings,
      read: this.workspace.store.read,
    });
  };

  private onViewKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    this.view = this.view === 'results' ? 'edit' : 'results';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#view-${this.view}`)?.focus(),
    );
  }
}

/**
 * `?chunk=N` sets the iterations per chunk (1–1000), for measuring; without it, runs use the CLI's chunk
 * size and the exported JSON carries the CLI's manifest.
 */
function chunkSizeFromUrl(): { chunkSize?: number } {
  const value = Number(new URLSearchParams(window.location.search).get('chunk'));
  return Number.isInteger(value) && value >= 1 && value <= 1000 ? { chunkSize: value } : {};
}

/** localStorage, or nothing where the browser refuses it (private modes, sandboxed frames). */
function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

customElements.define('cc-app', CyclecastApp);

declare global {
  interface HTMLElementTagNameMap {
    'cc-app': CyclecastApp;
  }
}
