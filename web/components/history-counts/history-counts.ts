import { LitElement, html, nothing } from 'lit';
import {
  counted,
  estimateRates,
  MAX_COUNTS_BYTES,
  readCountsBytes,
  type CountsReadResult,
  type CountTables,
  type Problem,
} from '../../../engine/index.ts';
import { FileDropController } from '../../controllers/file-drop-controller.ts';
import { shared } from '../../styles/shared.ts';
import { contractsAtLeast, rateRows, yearsCovered, type RateRow } from './rate-rows.ts';
import { styles } from './styles.ts';

/** Fewer events than this over a cell's base periods and it is pooled, then kept at default (as the CLI). */
const MIN_EVENTS = 20;

/** What was read from the file given, shown until another is given or it is forgotten. */
type Reading =
  | { readonly file: string; readonly problems: readonly Problem[]; readonly problemCount: number }
  | { readonly file: string; readonly counts: CountTables; readonly rows: readonly RateRow[] };

/**
 * Calibration from the book's history, in the page: a `counts.csv` (the count tables `cyclecast history
 * count` or the warehouse query writes, docs/history.md) is dropped or chosen, read here by the engine's
 * own reader, and its problems listed at their row and column or its rates shown. The file stays in
 * this element's memory: it is never sent anywhere, and never part of the saved workspace.
 */
export class HistoryCounts extends LitElement {
  static override styles = [shared, styles];
  static override properties = {
    reading: { state: true },
  };

  declare reading: Reading | undefined;
  private readonly drop = new FileDropController(this, (file) => void this.read(file));

  override render() {
    return html`<section
      class="card counts ${this.drop.dragging ? 'dragging' : ''}"
      role="region"
      aria-labelledby="counts-heading"
      @dragover=${this.drop.over}
      @dragleave=${this.drop.leave}
      @drop=${this.drop.drop}
    >
      <h2 id="counts-heading">Your book’s history</h2>
      <p class="muted">
        Give the count tables of your history (<code>counts.csv</code>, from
        <code>cyclecast history count</code> or the warehouse query): the rates they support are shown here.
        The file is read in this page only: nothing is sent anywhere, and it is not kept with your work.
      </p>
      <div class="open">
        <button type="button" id="counts-button" @click=${this.choose}>Choose counts.csv…</button>
        <input
          id="counts-file"
          hidden
          type="file"
          accept=".csv,text/csv"
          aria-label="Count tables of your history (counts.csv)"
          @change=${this.drop.pick}
        />
        <span class="muted">or drop it here</span>
        ${
          this.reading
            ? html`<button type="button" id="counts-forget" @click=${() => (this.reading = undefined)}>
                Forget this file
              </button>`
            : nothing
        }
      </div>
      <div aria-live="polite">${this.reading ? this.result(this.reading) : nothing}</div>
    </section>`;
  }

  private result(reading: Reading) {
    if (!('counts' in reading)) {
      const more = reading.problemCount - reading.problems.length;
      return html`<div class="problems" id="counts-problems">
        <h3>${reading.file}: ${counted(reading.problemCount, 'problem')}, so no rates are shown</h3>
        <ol>
          ${reading.problems.map(
            (p) =>
              html`<li>
                <span class="where"
                  >row ${p.line}, column ${p.column}${p.pointer ? ` (${p.pointer})` : ''}</span
                >
                ${p.message}${p.hint ? ` (${p.hint})` : ''}
              </li>`,
          )}
        </ol>
        ${more > 0 ? html`<p>… and ${counted(more, 'more problem')}.</p>` : nothing}
      </div>`;
    }
    const years = yearsCovered(reading.counts);
    return html`<div id="counts-rates">
      <p class="summary">
        <strong>${reading.file}</strong>: a history of at least
        ${counted(contractsAtLeast(reading.counts), 'contract')}${years ? `, counted ${years}` : ''},
        ${counted(reading.counts.rows.length, 'count row')}.
      </p>
      <div class="scroll">
        <table>
          <caption>
            Rates estimated from your book’s history: 95% intervals clustered by contract; a rate with fewer
            than ${MIN_EVENTS} events is pooled with its neighbours, then kept at the world’s default.
          </caption>
          <thead>
            <tr>
              <th scope="col">Rate</th>
              <th scope="col">Cell</th>
              <th scope="col">Rate (monthly unless stated)</th>
              <th scope="col">95% interval</th>
              <th scope="col">Spread between years</th>
              <th scope="col">Observations</th>
              <th scope="col">Use</th>
              <th scope="col">Unusual periods left out</th>
            </tr>
          </thead>
          <tbody>
            ${reading.rows.map(
              (r) =>
                html`<tr class=${r.supported ? 'supported' : 'kept'}>
                  <th scope="row">${r.rate}</th>
                  <td>${r.cell}</td>
                  <td class="num">${r.value}</td>
                  <td class="num">${r.interval}</td>
                  <td class="num">${r.spread}</td>
                  <td>${r.observations}</td>
                  <td>${r.status}</td>
                  <td>${r.unusual}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  /** Reads the file given, in memory: the engine's counts reader, then its rates. */
  private async read(file: File): Promise<void> {
    let read: CountsReadResult;
    if (file.size > MAX_COUNTS_BYTES) read = readCountsBytes(new Uint8Array(MAX_COUNTS_BYTES + 1), file.name);
    else read = readCountsBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    this.reading =
      read.counts === undefined
        ? { file: file.name, problems: read.problems, problemCount: read.problemCount }
        : {
            file: file.name,
            counts: read.counts,
            rows: rateRows(estimateRates(read.counts, { minEvents: MIN_EVENTS }), MIN_EVENTS),
          };
  }

  private choose() {
    this.renderRoot.querySelector<HTMLInputElement>('#counts-file')?.click();
  }
}

customElements.define('cc-history-counts', HistoryCounts);
