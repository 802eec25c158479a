import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { PolicyKind } from '../../../engine/index.ts';
import { shared } from '../../styles/shared.ts';
import { checkRuleSetText, lineRange, type RuleSetCheck } from './check.ts';
import { styles } from './styles.ts';

export interface RuleSetChange {
  readonly kind: PolicyKind;
  /** The edited text; undefined: back to the base scenario's rule set. */
  readonly text: string | undefined;
}

const LINE_HEIGHT = 19;

/**
 * A JSON editor for one policy's rule set with live validation: every problem the CLI's validator
 * finds (`cyclecast validate`) is listed with its line and column, marked in the gutter, and one click
 * (or Enter) away from the place in the text.
 */
export class RuleSetEditor extends LitElement {
  static override styles = [shared, styles];
  static override properties = {
    kind: {},
    file: {},
    text: {},
    original: {},
    check: { state: true },
  };

  declare kind: PolicyKind;
  /** The path problems are reported against (the edited rule set's file). */
  declare file: string;
  declare text: string;
  /** The base scenario's rule-set text, for revert. */
  declare original: string;
  declare check: RuleSetCheck | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.text = '';
    this.original = '';
    this.file = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text') || changed.has('kind') || changed.has('file')) {
      this.check = checkRuleSetText(this.text, this.file, this.kind);
    }
  }

  override render() {
    const check = this.check;
    const lines = this.text.split('\n').length;
    const marked = new Map<number, string>();
    for (const p of check?.problems ?? []) if (!marked.has(p.line)) marked.set(p.line, p.severity);
    const edited = this.text !== this.original;
    return html`<div class="bar">
        <p class="status ${check?.ok ? 'favourable' : 'unfavourable'}" role="status" id="rule-status">
          ${check?.summary ?? ''}
        </p>
        <button class="small" ?disabled=${!edited} @click=${this.revert}>Revert to the base rule set</button>
      </div>
      <div class="editor">
        <div class="gutter" aria-hidden="true" style="height:${Math.min(lines, 28) * LINE_HEIGHT + 12}px">
          <div class="numbers">
            ${Array.from({ length: lines }, (_, i) => {
              const severity = marked.get(i + 1);
              return html`<div class=${severity ?? ''}>${severity ? '●' : ''}${i + 1}</div>`;
            })}
          </div>
        </div>
        <textarea
          id="rule-text"
          spellcheck="false"
          wrap="off"
          aria-label=${`${this.kind} rule set, JSON`}
          aria-describedby="rule-status rule-problems"
          aria-invalid=${check?.ok ? 'false' : 'true'}
          style="height:${Math.min(lines, 28) * LINE_HEIGHT + 12}px"
          .value=${this.text}
          @input=${this.onInput}
          @scroll=${this.onScroll}
        ></textarea>
      </div>
      <ol class="problems" id="rule-problems" aria-label="Problems in this rule set">
        ${(check?.problems ?? []).map(
          (p) =>
            html`<li class=${p.severity}>
              <button class="problem" @click=${() => this.goTo(p.line, p.column)}>
                <span class="where">Line ${p.line}, column ${p.column}</span>
                <span class="message"
                  >${p.severity === 'warning' ? 'warning: ' : nothing}${p.message}${
                    p.hint ? html` <span class="hint">(${p.hint})</span>` : nothing
                  }</span
                >
                <code class="pointer">${p.pointer || '/'}</code>
              </button>
            </li>`,
        )}
      </ol>`;
  }

  private onInput(e: Event) {
    const text = (e.target as HTMLTextAreaElement).value;
    this.text = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emit(text), 300);
  }

  private onScroll(e: Event) {
    const numbers = this.renderRoot.querySelector<HTMLElement>('.numbers');
    if (numbers) numbers.style.transform = `translateY(${-(e.target as HTMLTextAreaElement).scrollTop}px)`;
  }

  private goTo(line: number, column: number) {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    if (!area) return;
    const [start, end] = lineRange(this.text, line);
    area.focus();
    area.setSelectionRange(Math.min(start + column - 1, end), end);
    area.scrollTop = Math.max(0, (line - 4) * LINE_HEIGHT);
  }

  private revert() {
    clearTimeout(this.timer);
    this.text = this.original;
    this.emit(undefined);
  }

  private emit(text: string | undefined) {
    const detail: RuleSetChange = { kind: this.kind, text: text === this.original ? undefined : text };
    this.dispatchEvent(new CustomEvent('cc-rule-set-change', { detail, bubbles: true, composed: true }));
  }
}

customElements.define('cc-rule-set-editor', RuleSetEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cc-rule-set-editor': RuleSetEditor;
  }
}
