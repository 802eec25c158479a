import { LitElement, html } from 'lit';
import { shared } from '../../styles/shared.ts';
import { styles } from './styles.ts';

/**
 * A message for the reader — an error to fix or news of what happened — with its details (one located
 * problem per line) and a button to dismiss it. Errors are announced to screen readers at once.
 */
export class MessageBox extends LitElement {
  static override styles = [shared, styles];
  static override properties = { tone: {}, heading: {}, lines: { attribute: false } };

  declare tone: 'error' | 'info';
  declare heading: string;
  declare lines: readonly string[];

  constructor() {
    super();
    this.tone = 'info';
    this.heading = '';
    this.lines = [];
  }

  override render() {
    return html`<div class="box ${this.tone}" role=${this.tone === 'error' ? 'alert' : 'status'}>
      <div class="text">
        <p class="heading">${this.heading}</p>
        ${
          this.lines.length > 0
            ? html`<ul class="lines">
                ${this.lines.map((line) => html`<li><code>${line}</code></li>`)}
              </ul>`
            : null
        }
      </div>
      <button class="small" @click=${this.dismiss} aria-label="Dismiss this message">Dismiss</button>
    </div>`;
  }

  private dismiss() {
    this.dispatchEvent(new CustomEvent('cc-dismiss', { bubbles: true, composed: true }));
  }
}

customElements.define('cc-message-box', MessageBox);

declare global {
  interface HTMLElementTagNameMap {
    'cc-message-box': MessageBox;
  }
}
