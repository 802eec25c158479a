import { LitElement, html, nothing } from 'lit';
import {
  KEY_ASSUMPTIONS,
  displayOf,
  displayValue,
  inputProblem,
  withUnit,
  worldValue,
  type KeyAssumption,
} from '../../lib/key-assumptions.ts';
import type { Num } from '../../../engine/index.ts';
import { getIn } from '../../lib/workspace.ts';
import { parameterTable } from '../../styles/parameter-table.ts';
import { shared } from '../../styles/shared.ts';
import { styles } from './styles.ts';

/** What a world edit says: the assumption's path and its new value (undefined: back to the default). */
export interface WorldChange {
  readonly path: readonly string[];
  readonly value: number | undefined;
}

/**
 * The key world assumptions with their units (fractions typed as percentages), each showing the base
 * scenario's value as its default, with a reset per row and for all. Out-of-range values are refused
 * with the accepted range, before they reach the scenario.
 */
export class AssumptionsPanel extends LitElement {
  static override styles = [shared, parameterTable, styles];
  static override properties = {
    baseWorld: { attribute: false },
    overrides: { attribute: false },
    typed: { state: true },
  };

  /** The world of the base scenario (defaults merged with its own `world`). */
  declare baseWorld: unknown;
  /** The draft's `world` overrides. */
  declare overrides: Readonly<Record<string, unknown>>;
  /** Text typed but not (yet) valid, by dotted path. */
  declare typed: Record<string, string>;

  constructor() {
    super();
    this.overrides = {};
    this.typed = {};
  }

  override render() {
    const sections = [...new Set(KEY_ASSUMPTIONS.map((a) => a.section))];
    const changed = KEY_ASSUMPTIONS.filter((a) => getIn(this.overrides, a.path) !== undefined).length;
    return html`<div class="top">
        <p class="muted">
          How customers and markets respond. The default is the base scenario's value; what you change is
          written into the edited scenario's <code>world</code> block. ${changed} changed.
        </p>
        <button class="small" ?disabled=${changed === 0} @click=${this.resetAll}>Reset all to default</button>
      </div>
      ${sections.map(
        (section) =>
          html`<fieldset>
            <legend>${section}</legend>
            <table>
              <tbody>
                ${KEY_ASSUMPTIONS.filter((a) => a.section === section).map((a) => this.row(a))}
              </tbody>
            </table>
          </fieldset>`,
      )}`;
  }

  private row(a: KeyAssumption) {
    const key = a.path.join('.');
    const id = `assumption-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
    const base = displayValue(a, this.baseWorld);
    const override = getIn(this.overrides, a.path);
    const current = override === undefined ? base : displayOf(a, override as Num);
    const typed = this.typed[key];
    const problem = typed === undefined ? undefined : inputProblem(a, Number(typed === '' ? NaN : typed));
    return html`<tr class=${override === undefined ? '' : 'changed'}>
      <th scope="row"><label for=${id}>${a.label}</label></th>
      <td class="input">
        <input
          id=${id}
          type="number"
          step=${a.step}
          min=${a.min ?? nothing}
          max=${a.max ?? nothing}
          .value=${typed ?? (current.value === undefined ? '' : String(current.value))}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${`${id}-note`}
          @change=${(e: Event) => this.onInput(a, (e.target as HTMLInputElement).value)}
        />
        <span class="unit">${a.displayUnit}</span>
      </td>
      <td class="note" id=${`${id}-note`}>
        ${
          problem
            ? html`<span class="unfavourable">${problem}</span>`
            : html`<span class="muted"
                >default
                ${withUnit(a, base.value)}${
                  base.distribution ? html` (mean of a ${base.distribution} distribution)` : nothing
                }</span
              >`
        }
      </td>
      <td class="reset">
        ${
          override !== undefined || typed !== undefined
            ? html`<button
                class="small"
                aria-label=${`Reset ${a.label} to default`}
                @click=${() => this.reset(a)}
              >
                Reset
              </button>`
            : nothing
        }
      </td>
    </tr>`;
  }

  private onInput(a: KeyAssumption, text: string) {
    const key = a.path.join('.');
    const value = Number(text);
    if (text.trim() === '' || inputProblem(a, value) !== undefined) {
      this.typed = { ...this.typed, [key]: text };
      return;
    }
    const rest = { ...this.typed };
    delete rest[key];
    this.typed = rest;
    this.emit({ path: a.path, value: worldValue(a, value) });
  }

  private reset(a: KeyAssumption) {
    const rest = { ...this.typed };
    delete rest[a.path.join('.')];
    this.typed = rest;
    this.emit({ path: a.path, value: undefined });
  }

  private resetAll() {
    this.typed = {};
    for (const a of KEY_ASSUMPTIONS) {
      if (getIn(this.overrides, a.path) !== undefined) this.emit({ path: a.path, value: undefined });
    }
  }

  private emit(change: WorldChange) {
    this.dispatchEvent(new CustomEvent('cc-world-change', { detail: change, bubbles: true, composed: true }));
  }
}

customElements.define('cc-assumptions-panel', AssumptionsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cc-assumptions-panel': AssumptionsPanel;
  }
}
