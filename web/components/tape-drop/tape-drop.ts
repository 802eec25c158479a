import { LitElement, html, nothing } from 'lit';
import { FileDropController } from '../../controllers/file-drop-controller.ts';
import type { TapeState } from '../../controllers/tape-controller.ts';
import { shared } from '../../styles/shared.ts';
import { styles } from './styles.ts';
import { tapeStatusText } from './tape-status.ts';

/**
 * "Your book": where a contract tape is dropped or picked (CSV or .csv.gz, up to about 2 million
 * contracts). Shows the tape's state: reading, its contracts when the next runs will use it, or each
 * problem at its row and column. Emits `cc-tape-file` with the file and `cc-tape-clear`; the tape is
 * read by the TapeController, in this page only.
 */
export class TapeDrop extends LitElement {
  static override styles = [shared, styles];
  static override properties = {
    state: { attribute: false },
    /** The file name of the tape the shown results were run on, when it is not loaded (after a reload). */
    previous: {},
    disabled: { type: Boolean },
  };

  declare state: TapeState;
  declare previous: string | undefined;
  declare disabled: boolean;
  private readonly drop = new FileDropController(this, (file) => {
    if (!this.disabled) this.emit('cc-tape-file', { file });
  });

  constructor() {
    super();
    this.state = { status: 'none', lines: [] };
    this.disabled = false;
  }

  override render() {
    const s = this.state;
    return html`<section
      class="tape ${this.drop.dragging ? 'dragging' : ''}"
      aria-labelledby="tape-heading"
      @dragover=${this.drop.over}
      @dragleave=${this.drop.leave}
      @drop=${this.drop.drop}
    >
      <div class="row">
        <strong id="tape-heading">Your book</strong>
        <label class="button">
          <input
            id="tape-file"
            type="file"
            accept=".csv,.gz,text/csv"
            ?disabled=${this.disabled}
            @change=${this.drop.pick}
          />
          Choose a contract tape…
        </label>
        ${
          s.status === 'ready' || s.status === 'invalid'
            ? html`<button id="tape-clear" ?disabled=${this.disabled} @click=${this.onClear}>
                Use the scenarios' portfolio
              </button>`
            : nothing
        }
      </div>
      <p id="tape-status" class="muted" data-status=${s.status} role="status">
        ${tapeStatusText(this.state, this.previous)}
      </p>
      ${
        s.status === 'invalid'
          ? html`<ul class="problems" id="tape-problems" aria-label="Problems in the tape">
              ${s.lines.map((line) => html`<li>${line}</li>`)}
            </ul>`
          : nothing
      }
    </section>`;
  }

  private onClear() {
    this.emit('cc-tape-clear', {});
  }

  private emit(type: string, detail: object) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('cc-tape-drop', TapeDrop);

declare global {
  interface HTMLElementTagNameMap {
    'cc-tape-drop': TapeDrop;
  }
}
