import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { declaredParameters, formatProblem, POLICY_KINDS } from '../../../engine/index.ts';
import type { PolicyKind, ResolvedScenario } from '../../../engine/index.ts';
import type { WorkspaceController } from '../../controllers/workspace-controller.ts';
import { download } from '../../lib/download.ts';
import {
  MAX_CHALLENGERS,
  draftChanges,
  draftNameProblem,
  draftPath,
  draftRuleSetPath,
  draftScenarioText,
  setIn,
  type Draft,
  type Workspace,
} from '../../lib/workspace.ts';
import { shared } from '../../styles/shared.ts';
import '../assumptions-panel/assumptions-panel.ts';
import type { WorldChange } from '../assumptions-panel/assumptions-panel.ts';
import '../message-box/message-box.ts';
import '../policy-parameters/policy-parameters.ts';
import type { ParameterChange } from '../policy-parameters/policy-parameters.ts';
import type { PolicyParameterInput } from '../policy-parameters/parameter-rows.ts';
import '../rule-set-editor/rule-set-editor.ts';
import type { RuleSetChange } from '../rule-set-editor/rule-set-editor.ts';
import { checkRuleSetText } from '../rule-set-editor/check.ts';
import { suggestDraftName } from './draft-name.ts';
import { styles } from './styles.ts';

type Section = 'assumptions' | 'parameters' | 'rules';

/** What the editor knows about a draft's base scenario: resolved, with its rule-set texts. */
interface BaseInfo {
  readonly path: string;
  readonly scenario?: ResolvedScenario;
  readonly problems: readonly string[];
  readonly texts: Partial<Record<PolicyKind, { file: string; text: string }>>;
}

/**
 * The Edit view: edited scenarios (drafts) made from any scenario, each with world assumptions, policy
 * parameters and rule sets to change, its validation by the engine's loader, and its ways out —
 * download as JSON, share as a URL, pick as a challenger.
 */
export class ScenarioEditor extends LitElement {
  static override styles = [shared, styles];
  static override properties = {
    workspace: { attribute: false },
    ws: { attribute: false },
    selected: { state: true },
    section: { state: true },
    kind: { state: true },
    base: { state: true },
    draftProblems: { state: true },
    newBase: { state: true },
    newName: { state: true },
    link: { state: true },
    actionNote: { state: true },
  };

  declare workspace: WorkspaceController;
  /** The workspace as of this render (a new object on every change). */
  declare ws: Workspace;
  declare selected: string | undefined;
  declare section: Section;
  declare kind: PolicyKind;
  declare base: BaseInfo | undefined;
  declare draftProblems: readonly string[] | undefined;
  declare newBase: string;
  declare newName: string;
  declare link: string | undefined;
  declare actionNote: string | undefined;
  private refreshes = 0;

  constructor() {
    super();
    this.section = 'assumptions';
    this.kind = 'engagement';
    this.newBase = '';
    this.newName = '';
  }

  private get draft(): Draft | undefined {
    return this.ws?.drafts.find((d) => d.name === this.selected) ?? this.ws?.drafts[0];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const draft = this.draft;
    if ((changed.has('ws') || changed.has('selected')) && draft) void this.refresh(draft);
  }

  private async refresh(draft: Draft) {
    const token = ++this.refreshes;
    let base = this.base;
    if (base?.path !== draft.base) {
      const { scenario, problems } = await this.workspace.load(draft.base);
      const texts: BaseInfo['texts'] = {};
      if (scenario) {
        for (const kind of POLICY_KINDS) {
          const file = scenario.policies[kind].file;
          texts[kind] = { file, text: await this.workspace.store.read(file) };
        }
      }
      base = {
        path: draft.base,
        ...(scenario ? { scenario } : {}),
        problems: problems.filter((p) => p.severity === 'error').map(formatProblem),
        texts,
      };
    }
    const outcome = await this.workspace.load(draftPath(draft));
    // A later edit started its own refresh: only the newest may write.
    if (token !== this.refreshes) return;
    this.base = base;
    this.draftProblems = outcome.problems.filter((p) => p.severity === 'error').map(formatProblem);
  }

  override render() {
    const draft = this.draft;
    return html`<div class="layout">
      <aside class="card side" aria-label="Edited scenarios">
        <h3>Edited scenarios</h3>
        ${
          this.ws.drafts.length === 0
            ? html`<p class="muted small">None yet.</p>`
            : html`<ul class="drafts">
                ${this.ws.drafts.map(
                  (d) =>
                    html`<li>
                      <button
                        class="draft ${d === draft ? 'current' : ''}"
                        aria-pressed=${d === draft ? 'true' : 'false'}
                        @click=${() => this.select(d.name)}
                      >
                        <strong>${d.name}</strong>
                        <span class="muted"
                          >from ${this.workspace.nameOf(d.base)} · ${draftChanges(d).length} change(s)</span
                        >
                      </button>
                    </li>`,
                )}
              </ul>`
        }
        ${this.newDraftForm()}
      </aside>
      <section class="card main" aria-label="Edit scenario">
        ${draft ? this.editor(draft) : this.intro()}
      </section>
    </div>`;
  }

  private intro() {
    return html`<h2>Edit a scenario</h2>
      <p>
        Make a new scenario from any scenario: change world assumptions (prices, probabilities, costs), the
        parameters of its policies, or the rules themselves. The edited scenario runs like any other — pick it
        as a challenger — and can be downloaded as a scenario file or shared as a link.
      </p>
      <p class="muted">Start on the left: choose the scenario to start from and give the new one a name.</p>`;
  }

  private newDraftForm() {
    const options = this.workspace.scenarioOptions();
    const base = this.newBase || this.ws.baseline;
    // The file's stem, not its title: a draft's name is an identifier (file names, CSV).
    const stem = base.replace(/^.*\//, '').replace(/\.json$/, '');
    const name = this.newName || suggestDraftName(stem, base, this.existingPaths());
    const problem = draftNameProblem(name, base, this.existingPaths());
    return html`<form class="new" @submit=${(e: Event) => this.create(e, base, name)}>
      <h4>New edited scenario</h4>
      <label for="new-base">Start from</label>
      <select
        id="new-base"
        .value=${base}
        @change=${(e: Event) => (this.newBase = (e.target as HTMLSelectElement).value)}
      >
        ${options.map((o) => html`<option value=${o.path} ?selected=${o.path === base}>${o.name}</option>`)}
      </select>
      <label for="new-name">Name</label>
      <input
        id="new-name"
        .value=${name}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby="new-name-help"
        @input=${(e: Event) => (this.newName = (e.target as HTMLInputElement).value)}
      />
      <p id="new-name-help" class="small ${problem ? 'unfavourable' : 'muted'}">
        ${problem ?? 'Letters, digits and dashes; it becomes the file name.'}
      </p>
      <button class="primary" type="submit" ?disabled=${problem !== undefined}>Create edited scenario</button>
    </form>`;
  }

  private editor(draft: Draft) {
    const changes = draftChanges(draft);
    const problems = this.draftProblems ?? [];
    const path = draftPath(draft);
    const isChallenger = this.ws.challengers.includes(path) || this.ws.baseline === path;
    const edited = POLICY_KINDS.filter((k) => draft.ruleSets[k] !== undefined);
    return html`<header class="editor-head">
        <div>
          <h2 id="draft-heading">${draft.name}</h2>
          <p class="muted">
            Extends <strong>${this.workspace.nameOf(draft.base)}</strong> (${draft.base}) ·
            ${changes.length === 0 ? 'no changes yet' : `${changes.length} change${changes.length === 1 ? '' : 's'}`}
          </p>
        </div>
        <div class="actions">
          <button @click=${() => this.downloadScenario(draft)}>Download scenario (JSON)</button>
          <button ?disabled=${edited.length === 0} @click=${() => this.downloadRuleSets(draft)}>
            Download edited rule sets${edited.length ? ` (${edited.length})` : ''}
          </button>
          <button @click=${this.share}>Copy share link</button>
          <button
            ?disabled=${isChallenger || this.ws.challengers.length >= MAX_CHALLENGERS}
            @click=${() => this.useAsChallenger(path)}
          >
            ${isChallenger ? 'Selected for the next run' : 'Compare as challenger'}
          </button>
          <button class="danger" @click=${() => this.deleteDraft(draft)}>Delete</button>
        </div>
      </header>
      ${this.actionNote ? html`<p class="note" role="status">${this.actionNote}</p>` : nothing}
      ${
        this.link
          ? html`<label class="link-field"
              >Share link (opens this workspace, with your edited scenarios and opened files)
              <input
                readonly
                .value=${this.link}
                @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
            /></label>`
          : nothing
      }
      ${
        problems.length > 0
          ? html`<cc-message-box
              tone="error"
              heading="This scenario cannot run until these problems are fixed:"
              .lines=${problems}
              @cc-dismiss=${() => (this.draftProblems = [])}
            ></cc-message-box>`
          : this.draftProblems
            ? html`<p class="valid favourable" role="status">
                ✓ Valid scenario: it loads and runs like a file on disk.
              </p>`
            : nothing
      }
      ${
        changes.length > 0
          ? html`<details class="changes">
              <summary>What changed (${changes.length})</summary>
              <ul>
                ${changes.map((c) => html`<li><code>${c}</code></li>`)}
              </ul>
            </details>`
          : nothing
      }
      <div class="tabs" role="tablist" aria-label="What to edit">
        ${(
          [
            ['assumptions', 'World assumptions'],
            ['parameters', 'Policy parameters'],
            ['rules', 'Rule sets'],
          ] as const
        ).map(
          ([id, label]) =>
            html`<button
              role="tab"
              id=${`tab-${id}`}
              aria-selected=${this.section === id ? 'true' : 'false'}
              aria-controls="section"
              tabindex=${this.section === id ? 0 : -1}
              @click=${() => (this.section = id)}
              @keydown=${this.onTabKey}
            >
              ${label}
            </button>`,
        )}
      </div>
      <div id="section" role="tabpanel" aria-labelledby=${`tab-${this.section}`}>
        ${
          this.base?.path !== draft.base
            ? html`<p class="muted">Loading ${draft.base}…</p>`
            : !this.base.scenario
              ? html`<cc-message-box
                  tone="error"
                  heading=${`The scenario it extends, ${draft.base}, is not valid:`}
                  .lines=${this.base.problems}
                ></cc-message-box>`
              : this.sectionBody(draft, this.base)
        }
      </div>`;
  }

  private sectionBody(draft: Draft, base: BaseInfo) {
    const scenario = base.scenario!;
    switch (this.section) {
      case 'assumptions':
        return html`<cc-assumptions-panel
          .baseWorld=${scenario.world}
          .overrides=${draft.world}
          @cc-world-change=${(e: CustomEvent<WorldChange>) => this.onWorld(e.detail)}
        ></cc-assumptions-panel>`;
      case 'parameters':
        return html`<cc-policy-parameters
          .policies=${this.parameterInputs(draft, base)}
          @cc-parameter-change=${(e: CustomEvent<ParameterChange>) => this.onParameter(e.detail)}
        ></cc-policy-parameters>`;
      case 'rules': {
        const kind = this.kind;
        const original = base.texts[kind]?.text ?? '';
        return html`<div class="kinds" role="group" aria-label="Policy">
            ${POLICY_KINDS.map(
              (k) =>
                html`<button
                  class="small ${k === kind ? 'current' : ''}"
                  aria-pressed=${k === kind ? 'true' : 'false'}
                  @click=${() => (this.kind = k)}
                >
                  ${k}${draft.ruleSets[k] !== undefined ? ' (edited)' : ''}
                </button>`,
            )}
            <span class="muted small">based on ${base.texts[kind]?.file ?? ''}</span>
          </div>
          <cc-rule-set-editor
            .kind=${kind}
            .file=${draftRuleSetPath(draft, kind)}
            .original=${original}
            .text=${draft.ruleSets[kind] ?? original}
            @cc-rule-set-change=${(e: CustomEvent<RuleSetChange>) => this.onRuleSet(e.detail)}
          ></cc-rule-set-editor>`;
      }
    }
  }

  private parameterInputs(draft: Draft, base: BaseInfo): PolicyParameterInput[] {
    const scenario = base.scenario!;
    return POLICY_KINDS.map((kind) => {
      const edited = draft.ruleSets[kind];
      let ruleSet = scenario.policies[kind].ruleSet;
      if (edited !== undefined) {
        const check = checkRuleSetText(edited, draftRuleSetPath(draft, kind), kind);
        if (check.ok && check.ruleSet) ruleSet = check.ruleSet;
      }
      return {
        kind,
        ruleSetName: ruleSet.name,
        decls: [...declaredParameters(ruleSet)],
        // A base override of a parameter the edited rule set no longer declares is dropped from view.
        baseValues: scenario.parameters[kind],
        overrides: draft.parameters[kind] ?? {},
      };
    });
  }

  private current(): Draft | undefined {
    const draft = this.draft;
    return draft ? this.workspace.ws.drafts.find((d) => d.name === draft.name) : undefined;
  }

  private onWorld(change: WorldChange) {
    const draft = this.current();
    if (draft) this.workspace.saveDraft({ ...draft, world: setIn(draft.world, change.path, change.value) });
  }

  private onParameter(change: ParameterChange) {
    const draft = this.current();
    if (!draft) return;
    const values = { ...(draft.parameters[change.kind] ?? {}) };
    if (change.value === undefined) delete values[change.name];
    else values[change.name] = change.value;
    const parameters = { ...draft.parameters, [change.kind]: values };
    if (Object.keys(values).length === 0) delete parameters[change.kind];
    this.workspace.saveDraft({ ...draft, parameters });
  }

  private onRuleSet(change: RuleSetChange) {
    const draft = this.current();
    if (!draft) return;
    const ruleSets = { ...draft.ruleSets };
    if (change.text === undefined) delete ruleSets[change.kind];
    else ruleSets[change.kind] = change.text;
    this.workspace.saveDraft({ ...draft, ruleSets });
  }

  private existingPaths(): string[] {
    return [
      ...this.workspace.scenarioOptions().map((o) => o.path),
      ...Object.keys(this.ws.files),
      ...this.ws.drafts.flatMap((d) => POLICY_KINDS.map((k) => draftRuleSetPath(d, k))),
    ];
  }

  private create(e: Event, base: string, name: string) {
    e.preventDefault();
    if (draftNameProblem(name, base, this.existingPaths())) return;
    this.workspace.saveDraft({ name, base, world: {}, parameters: {}, ruleSets: {} });
    this.selected = name;
    this.newName = '';
    this.section = 'assumptions';
    this.link = undefined;
    this.actionNote = `Created ${name} from ${this.workspace.nameOf(base)}.`;
  }

  private select(name: string) {
    this.selected = name;
    this.link = undefined;
    this.actionNote = undefined;
  }

  private downloadScenario(draft: Draft) {
    const name = draftPath(draft).replace(/^.*\//, '');
    download(name, draftScenarioText(draft, this.workspace.nameOf(draft.base)), 'application/json');
    const edited = POLICY_KINDS.filter((k) => draft.ruleSets[k] !== undefined);
    this.actionNote = `Downloaded ${name}. Save it next to ${draft.base.replace(/^.*\//, '')}${edited.length ? ', together with the edited rule sets' : ''}: it names them by relative path.`;
  }

  private downloadRuleSets(draft: Draft) {
    for (const kind of POLICY_KINDS) {
      const text = draft.ruleSets[kind];
      if (text !== undefined)
        download(draftRuleSetPath(draft, kind).replace(/^.*\//, ''), text, 'application/json');
    }
  }

  private async share() {
    this.link = await this.workspace.shareLink();
    try {
      await navigator.clipboard.writeText(this.link);
      this.actionNote = 'Share link copied to the clipboard.';
    } catch {
      this.actionNote = 'Copy the share link below.';
    }
  }

  private useAsChallenger(path: string) {
    this.workspace.update((ws) => ({
      ...ws,
      challengers: [...ws.challengers, path].slice(0, MAX_CHALLENGERS),
    }));
    this.actionNote = `${this.draft?.name} will run as a challenger against ${this.workspace.nameOf(this.ws.baseline)}: press Run in the panel above.`;
  }

  private deleteDraft(draft: Draft) {
    if (!confirm(`Delete the edited scenario ${draft.name}? This cannot be undone.`)) return;
    this.workspace.deleteDraft(draft);
    this.selected = undefined;
    this.actionNote = undefined;
    this.link = undefined;
  }

  private onTabKey(e: KeyboardEvent) {
    const order: Section[] = ['assumptions', 'parameters', 'rules'];
    const i = order.indexOf(this.section);
    const next =
      e.key === 'ArrowRight' ? order[(i + 1) % 3] : e.key === 'ArrowLeft' ? order[(i + 2) % 3] : undefined;
    if (!next) return;
    e.preventDefault();
    this.section = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }
}

customElements.define('cc-scenario-editor', ScenarioEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cc-scenario-editor': ScenarioEditor;
  }
}
