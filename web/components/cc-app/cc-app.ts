import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { DEFAULT_RUN, renderReport, reportScenario, scenarioTitle } from '../../../engine/index.ts';
import type { MonteCarloResult } from '../../../engine/index.ts';
import { RunController, type ShownScenario } from '../../controllers/run-controller.ts';
import { isTapeFile, TapeController } from '../../controllers/tape-controller.ts';
import { download, fileSlug } from '../../lib/download.ts';
import { WorkspaceController } from '../../controllers/workspace-controller.ts';
import { SHIPPED_FILES, SHIPPED_SCENARIOS } from '../../lib/library.ts';
import { isCountsFile } from '../../lib/counts-file.ts';
import { parseResultFile } from '../../lib/result-file.ts';
import { ResultStore, type KeptResult } from '../../lib/result-store.ts';
import { describeWork, type IncomingChoice } from '../../lib/incoming.ts';
import type { RunSettingsInput } from '../../lib/workspace.ts';
import { shared } from '../../styles/shared.ts';
import { WebWorkerPool } from '../../workers/web-worker-pool.ts';
import '../analysis-panel/analysis-panel.ts';
import '../history-counts/history-counts.ts';
import '../message-box/message-box.ts';
import '../results-view/results-view.ts';
import '../run-panel/run-panel.ts';
import '../scenario-editor/scenario-editor.ts';
import '../tape-drop/tape-drop.ts';
import { styles } from './styles.ts';

type View = 'results' | 'analysis' | 'edit';

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
  readonly tape = new TapeController(this);
  readonly run = new RunController(this, {
    executor: () => new WebWorkerPool(this.workers),
    ...chunkSizeFromUrl(),
    onComplete: (result, scenarios) => void this.keepResult(result, scenarios, 'run'),
  });
  /** The last runs' results, kept in IndexedDB across reloads. */
  private readonly results = new ResultStore();

  constructor() {
    super();
    this.view = 'results';
    this.ready = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.workspace.init().then(() => (this.ready = true));
    void this.restoreResult();
    window.addEventListener('pagehide', this.keep);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.keep);
  }

  private readonly keep = () => this.workspace.flush();

  /** Shows the most recent kept result, as it was left before the reload. */
  private async restoreResult(): Promise<void> {
    const [last] = await this.results.list();
    if (last && !this.run.state.result) this.run.show(last.result, last.scenarios);
  }

  private async keepResult(
    result: MonteCarloResult,
    scenarios: readonly ShownScenario[],
    source: KeptResult['source'],
  ): Promise<void> {
    const kept = await this.results.keep({
      id: result.manifest.runHash,
      keptAt: Date.now(),
      source,
      result,
      scenarios,
    });
    if (!kept) {
      this.workspace.notice = {
        tone: 'info',
        title: 'This browser refused to keep the results (IndexedDB): export them as JSON to keep them.',
        lines: [],
      };
      this.requestUpdate();
    }
  }

  /**
   * Opens dropped or chosen files: result files (an exported *Full result (JSON)*) open in the results
   * view with their manifest; the others are scenarios and rule sets for the workspace.
   */
  private async openFiles(files: readonly File[]): Promise<void> {
    const others: { name: string; webkitRelativePath?: string; text(): Promise<string> }[] = [];
    for (const file of files) {
      // A contract tape is read here and kept in memory only: never opened into the stored workspace.
      if (isTapeFile(file.name)) {
        if (await isCountsFile(file)) {
          this.workspace.notice = {
            tone: 'info',
            title: `${file.name} holds count tables, not a contract tape: drop it on “Your book’s history” below the results.`,
            lines: [],
          };
          continue;
        }
        void this.tape.read(file);
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        others.push(file);
        continue;
      }
      const result = parseResultFile(text);
      if (!result) {
        others.push({ name: file.name, webkitRelativePath: file.webkitRelativePath, text: async () => text });
        continue;
      }
      const scenarios = result.scenarios.map((s) => ({
        path: '',
        name: s.name,
        title: scenarioTitle(result, s.name),
        description: '',
      }));
      const shown = this.run.show(result, scenarios, {
        tone: 'info',
        title: `Opened the result in ${file.name}: ${result.scenarios.map((s) => scenarioTitle(result, s.name)).join(' vs ')}, seed ${result.manifest.seed}, engine ${result.manifest.engineVersion}.`,
        lines: [],
      });
      if (shown) {
        this.view = 'results';
        void this.keepResult(result, scenarios, 'file');
      } else {
        this.workspace.notice = {
          tone: 'error',
          title: `${file.name} is a result: open it again when the run in progress is over.`,
          lines: [],
        };
      }
    }
    if (others.length > 0) await this.workspace.openFiles(others);
  }

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
          @cc-run=${() => this.start()}
          @cc-cancel=${() => this.run.cancel()}
          @cc-open-files=${(e: CustomEvent<{ files: File[] }>) => void this.openFiles(e.detail.files)}
          @cc-remove-file=${(e: CustomEvent<{ path: string }>) => void this.workspace.removeFile(e.detail.path)}
        ></cc-run-panel>
        <cc-tape-drop
          .state=${this.tape.state}
          .previous=${state.result?.manifest.scenarios[0]?.tape?.file}
          ?disabled=${this.run.running}
          @cc-tape-file=${(e: CustomEvent<{ file: File }>) => void this.tape.read(e.detail.file)}
          @cc-tape-clear=${() => this.tape.clear()}
        ></cc-tape-drop>
        ${this.workspace.incoming ? this.incomingChoice() : nothing}
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
              ['analysis', 'Sensitivity & sweep'],
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
                  @cc-report=${() => void this.downloadReport()}
                  @cc-compare-pair=${(e: CustomEvent<{ baseline: string; challenger: string }>) =>
                    this.start([e.detail.baseline, e.detail.challenger])}
                  .result=${state.result}
                  .scenarios=${state.scenarios}
                  .complete=${state.complete}
                ></cc-results-view>`
              : this.view === 'analysis'
                ? html`<cc-analysis-panel
                    .baseline=${ws.baseline}
                    .challenger=${ws.challengers[0]}
                    .settings=${this.settings}
                    .read=${this.workspace.store.read}
                    .workers=${this.workers}
                  ></cc-analysis-panel>`
                : html`<cc-scenario-editor .workspace=${this.workspace} .ws=${ws}></cc-scenario-editor>`
          }
        </div>
        <cc-history-counts></cc-history-counts>
      </main>`;
  }

  /**
   * Downloads the report of the result on screen, with each scenario's description, policies and
   * assumptions when the scenarios behind it are known here (not for a result file opened on its own).
   */
  private async downloadReport(): Promise<void> {
    const { result, scenarios } = this.run.state;
    if (!result) return;
    const loaded = await Promise.all(
      scenarios.map((s) => (s.path ? this.workspace.load(s.path) : Promise.resolve(undefined))),
    );
    const resolved = loaded.map((o) => o?.scenario);
    const known = resolved.every((s) => s !== undefined) && resolved.length === result.scenarios.length;
    const html = renderReport({
      result,
      ...(known ? { scenarios: resolved.map((s) => reportScenario(s!)) } : {}),
      generatedAt: new Date().toISOString(),
    });
    const names = result.scenarios.map((s) => s.name).join('-vs-');
    download(`cyclecast-report-${fileSlug(names)}.html`, html, 'text/html');
  }

  /** A shared workspace waiting beside the reader's own: theirs to keep, add or drop. */
  private incomingChoice() {
    const incoming = this.workspace.incoming!;
    return html`<section class="card incoming" id="incoming" role="region" aria-labelledby="incoming-heading">
      <h2 id="incoming-heading">A shared workspace arrived: ${describeWork(incoming)}</h2>
      <p>
        Your own work (${describeWork(this.workspace.ws)}) is unchanged and still kept in this browser. What
        should happen to the shared one?
      </p>
      <div class="choices">
        <button class="primary" id="incoming-both" @click=${() => this.resolveIncoming('both')}>
          Keep both
        </button>
        <button id="incoming-replace" @click=${() => this.resolveIncoming('replace')}>
          Replace mine with the shared one
        </button>
        <button id="incoming-discard" @click=${() => this.resolveIncoming('discard')}>
          Discard the shared one
        </button>
      </div>
    </section>`;
  }

  private resolveIncoming(choice: IncomingChoice) {
    void this.workspace.resolveIncoming(choice);
  }

  /** Runs the picked scenarios, or `paths` (baseline first) without changing what is picked. */
  private start = (paths?: readonly string[]) => {
    const settings = this.settings;
    if (!settings) return;
    this.workspace.dismissNotice();
    this.view = 'results';
    const ws = this.workspace.ws;
    void this.run.start({
      paths: paths ?? [ws.baseline, ...ws.challengers],
      settings,
      read: this.workspace.store.read,
      ...(this.tape.loaded ? { tape: this.tape.loaded } : {}),
    });
  };

  private onViewKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const order: View[] = ['results', 'analysis', 'edit'];
    const step = e.key === 'ArrowRight' ? 1 : order.length - 1;
    this.view = order[(order.indexOf(this.view) + step) % order.length]!;
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
