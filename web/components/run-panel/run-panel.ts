import { LitElement, html, nothing } from 'lit';
import type { OpenedFileStatus } from '../../lib/opened-files.ts';
import { MAX_CHALLENGERS, type RunSettingsInput } from '../../lib/workspace.ts';
import type { RunState } from '../../controllers/run-controller.ts';
import type { ScenarioOption } from '../../controllers/workspace-controller.ts';
import { shared } from '../../styles/shared.ts';
import { progressText, settingsProblem, SETTING_FIELDS } from './run-status.ts';
import { styles } from './styles.ts';

const GROUPS: readonly [ScenarioOption['source'], string][] = [
  ['shipped', 'Shipped scenarios'],
  ['opened', 'Opened files'],
  ['edited', 'Edited in the workbench'],
];

/**
 * Where a run is set up and watched: the baseline and up to three challengers, iterations, seed and
 * horizon, Run and Cancel, the progress bar, and opening scenario and rule-set files (button or drop).
 */
export class RunPanel extends LitElement {
  static override styles = [shared, styles];
  static override properties = {
    options: { attribute: false },
    baseline: {},
    challengers: { attribute: false },
    settings: { attribute: false },
    customSettings: { type: Boolean },
    state: { attribute: false },
    workers: { type: Number },
    opened: { attribute: false },
    dragging: { state: true },
    drafts: { state: true },
  };

  declare options: readonly ScenarioOption[];
  declare baseline: string;
  declare challengers: readonly string[];
  declare settings: RunSettingsInput | undefined;
  declare customSettings: boolean;
  declare state: RunState;
  declare workers: number;
  declare opened: readonly OpenedFileStatus[];
  declare dragging: boolean;
  /** Settings as typed, including invalid ones, with the problem of each. */
  declare drafts: Partial<Record<keyof RunSettingsInput, string>>;

  constructor() {
    super();
    this.options = [];
    this.baseline = '';
    this.challengers = [];
    this.customSettings = false;
    this.workers = 2;
    this.opened = [];
    this.dragging = false;
    this.drafts = {};
  }

  private get running() {
    return this.state?.status === 'loading' || this.state?.status === 'running';
  }

  override render() {
    const state = this.state;
    const total = Math.max(1, state?.total ?? 1);
    const running = this.running;
    return html`<section
      class="card panel ${this.dragging ? 'dragging' : ''}"
      aria-label="Run setup"
      @dragover=${this.onDragOver}
      @dragleave=${() => (this.dragging = false)}
      @drop=${this.onDrop}
    >
      <fieldset class="scenarios" ?disabled=${running}>
        <legend>Scenarios to compare</legend>
        ${this.select('baseline', 'Baseline', this.baseline, false)}
        ${Array.from({ length: MAX_CHALLENGERS }, (_, i) =>
          this.select(`challenger-${i + 1}`, `Challenger ${i + 1}`, this.challengers[i] ?? '', true, i),
        )}
      </fieldset>

      <fieldset class="settings" ?disabled=${running}>
        <legend>Run settings</legend>
        ${SETTING_FIELDS.map((f) => {
          const typed = this.drafts[f.key];
          const value = typed ?? String(this.settings?.[f.key] ?? '');
          const problem = typed === undefined ? undefined : settingsProblem(f.key, typed);
          return html`<div class="setting">
            <label for=${`setting-${f.key}`}>${f.label} <span class="muted">(${f.unit})</span></label>
            <input
              id=${`setting-${f.key}`}
              name=${f.key}
              type="number"
              inputmode="numeric"
              min=${f.min}
              max=${f.max}
              step="1"
              .value=${value}
              aria-invalid=${problem ? 'true' : 'false'}
              aria-describedby=${`setting-${f.key}-help`}
              @input=${(e: Event) => this.onSetting(f.key, (e.target as HTMLInputElement).value)}
            />
            <p class="help ${problem ? 'unfavourable' : 'muted'}" id=${`setting-${f.key}-help`}>
              ${problem ?? f.help}
            </p>
          </div>`;
        })}
        <p class="muted defaults">
          ${
            this.customSettings
              ? html`Your settings.
                  <button type="button" class="link" @click=${this.resetSettings}>
                    Use the baseline's settings
                  </button>`
              : html`From the baseline's run settings.`
          }
        </p>
      </fieldset>

      <div class="actions">
        <div class="buttons">
          <button
            class="primary run"
            id="run"
            ?disabled=${running || !this.baseline || this.hasInvalidSettings()}
            @click=${() => this.emit('cc-run')}
          >
            ${this.challengers.length > 0 ? 'Run comparison' : 'Run baseline'}
          </button>
          <button id="cancel" class="danger" ?disabled=${!running} @click=${() => this.emit('cc-cancel')}>
            Cancel
          </button>
        </div>
        <div class="progress" aria-live="polite">
          <progress
            id="progress"
            max=${total}
            .value=${state && state.status !== 'idle' ? Math.min(state.completed, total) : 0}
            aria-label="Iterations finished"
          ></progress>
          <p class="status" id="run-status" data-status=${state?.status ?? 'idle'}>
            ${progressText(state, this.workers)}
          </p>
        </div>
        <div class="open">
          <button type="button" id="open-button" @click=${this.chooseFiles}>Open scenario files…</button>
          <input
            id="open-files"
            hidden
            type="file"
            accept=".json,application/json"
            multiple
            aria-label="Scenario and rule-set files to open"
            @change=${this.onFiles}
          />
          <p class="muted drop-hint">or drop a scenario with its rule-set files here</p>
        </div>
        ${this.opened.length > 0 ? this.openedList() : nothing}
      </div>
    </section>`;
  }

  private select(id: string, label: string, value: string, optional: boolean, index = -1) {
    const taken = new Set([this.baseline, ...this.challengers.filter((_, i) => i !== index)]);
    const usable = this.options.filter((o) => o.path === value || !taken.has(o.path));
    return html`<label class="field">
      <span>${label}</span>
      <select
        id=${id}
        name=${id}
        .value=${value}
        @change=${(e: Event) => this.onSelect(index, (e.target as HTMLSelectElement).value)}
      >
        ${optional ? html`<option value="" ?selected=${value === ''}>— none —</option>` : nothing}
        ${GROUPS.map(([source, heading]) => {
          const group = usable.filter((o) => o.source === source);
          return group.length === 0
            ? nothing
            : html`<optgroup label=${heading}>
                ${group.map((o) => html`<option value=${o.path} ?selected=${o.path === value}>${o.name}</option>`)}
              </optgroup>`;
        })}
      </select>
    </label>`;
  }

  private openedList() {
    return html`<ul class="opened" aria-label="Opened files">
      ${this.opened.map((s) => {
        const errors = s.problems.filter((p) => p.severity === 'error').length;
        return html`<li>
          <span class=${errors ? 'unfavourable' : 'favourable'} aria-hidden="true"
            >${errors ? '✗' : '✓'}</span
          >
          <span class="file" title=${s.path}>${s.path.replace(/^uploads\//, '')}</span>
          <span class="muted"
            >${s.kind === 'rule-set' ? 'rule set' : s.kind === 'scenario' ? 'scenario' : 'not usable'}${errors ? `, ${errors} problem${errors === 1 ? '' : 's'}` : ''}</span
          >
          <button
            class="small"
            aria-label=${`Remove ${s.path}`}
            @click=${() => this.emit('cc-remove-file', { path: s.path })}
          >
            Remove
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private onSelect(index: number, value: string) {
    let baseline = this.baseline;
    let challengers = [...this.challengers];
    if (index < 0) {
      baseline = value;
      challengers = challengers.filter((c) => c !== value);
    } else {
      challengers[index] = value;
      challengers = challengers.filter((c) => c !== '');
    }
    this.emit('cc-select', { baseline, challengers });
  }

  private onSetting(key: keyof RunSettingsInput, text: string) {
    this.drafts = { ...this.drafts, [key]: text };
    if (this.hasInvalidSettings() || !this.settings) return;
    const settings = { ...this.settings };
    for (const [k, v] of Object.entries(this.drafts)) settings[k as keyof RunSettingsInput] = Number(v);
    this.emit('cc-settings', { settings });
  }

  private hasInvalidSettings(): boolean {
    return Object.entries(this.drafts).some(
      ([k, v]) => settingsProblem(k as keyof RunSettingsInput, v) !== undefined,
    );
  }

  private resetSettings() {
    this.drafts = {};
    this.emit('cc-settings', { settings: undefined });
  }

  private onDragOver(e: DragEvent) {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    this.dragging = true;
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.dragging = false;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length > 0) this.emit('cc-open-files', { files });
  }

  private chooseFiles() {
    this.renderRoot.querySelector<HTMLInputElement>('#open-files')?.click();
  }

  private onFiles(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) this.emit('cc-open-files', { files });
  }

  private emit(type: string, detail: unknown = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('cc-run-panel', RunPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cc-run-panel': RunPanel;
  }
}
