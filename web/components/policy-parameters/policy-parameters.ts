import { LitElement, html, nothing } from 'lit';
import type { ParameterValue, PolicyKind } from '../../../engine/index.ts';
import { parameterTable } from '../../styles/parameter-table.ts';
import { shared } from '../../styles/shared.ts';
import {
  parameterProblem,
  parameterRows,
  type ParameterRow,
  type PolicyParameterInput,
} from './parameter-rows.ts';
import { styles } from './styles.ts';

export interface ParameterChange {
  readonly kind: PolicyKind;
  readonly name: string;
  /** The new value; undefined: back to the base scenario's value. */
  readonly value: ParameterValue | undefined;
}

/**
 * The declared parameters of each policy's rule set (thresholds, windows, budgets), typed by their
 * declaration: numbers with unit and range, yes/no, or a choice. Values are checked with the engine's
 * own parameter check before they reach the scenario.
 */
export class PolicyParameters extends LitElement {
  static override styles = [shared, parameterTable, styles];
  static override properties = {
    policies: { attribute: false },
    typed: { state: true },
  };

  declare policies: readonly PolicyParameterInput[];
  declare typed: Record<string, { text: string; problem: string }>;

  constructor() {
    super();
    this.policies = [];
    this.typed = {};
  }

  override render() {
    return html`<p class="muted intro">
        Policy parameters are the constants a rule set declares for strategists to tune. The default is the
        base scenario's value; changes go into the edited scenario's <code>parameters</code> block.
      </p>
      ${this.policies.map(
        (p) =>
          html`<fieldset>
            <legend>
              ${p.kind[0]!.toUpperCase()}${p.kind.slice(1)} policy
              <span class="muted">· rule set “${p.ruleSetName}”</span>
            </legend>
            ${
              p.decls.length === 0
                ? html`<p class="muted none">This rule set declares no parameters.</p>`
                : html`<table>
                    <tbody>
                      ${parameterRows(p).map((row) => this.row(p.kind, row))}
                    </tbody>
                  </table>`
            }
          </fieldset>`,
      )}`;
  }

  private row(kind: PolicyKind, row: ParameterRow) {
    const id = `parameter-${kind}-${row.name}`;
    const key = `${kind}/${row.name}`;
    const typed = this.typed[key];
    return html`<tr class=${row.changed ? 'changed' : ''}>
      <th scope="row">
        <label for=${id}>${row.name}</label>
        <span class="description">${row.description}</span>
      </th>
      <td class="input">
        ${this.input(kind, row, id, typed?.text)}<span class="unit">${row.unitLabel}</span>
      </td>
      <td class="note" id=${`${id}-note`}>
        ${
          typed
            ? html`<span class="unfavourable">${typed.problem}</span>`
            : html`<span class="muted"
                >default ${row.defaultText}${row.rangeText ? html`<br />${row.rangeText}` : nothing}</span
              >`
        }
      </td>
      <td class="reset">
        ${
          row.changed || typed
            ? html`<button
                class="small"
                aria-label=${`Reset ${row.name} to default`}
                @click=${() => this.change(kind, row, undefined)}
              >
                Reset
              </button>`
            : nothing
        }
      </td>
    </tr>`;
  }

  private input(kind: PolicyKind, row: ParameterRow, id: string, typed: string | undefined) {
    const described = `${id}-note`;
    if (row.type === 'boolean') {
      return html`<input
        id=${id}
        type="checkbox"
        .checked=${row.value === true}
        aria-describedby=${described}
        @change=${(e: Event) => this.change(kind, row, (e.target as HTMLInputElement).checked)}
      />`;
    }
    if (row.type === 'enum') {
      return html`<select
        id=${id}
        aria-describedby=${described}
        @change=${(e: Event) => this.change(kind, row, (e.target as HTMLSelectElement).value)}
      >
        ${row.values.map((v) => html`<option value=${v} ?selected=${v === row.value}>${v}</option>`)}
      </select>`;
    }
    return html`<input
      id=${id}
      type="number"
      step=${row.type === 'integer' ? 1 : 'any'}
      min=${row.min ?? nothing}
      max=${row.max ?? nothing}
      .value=${typed ?? String(row.value)}
      aria-describedby=${described}
      @change=${(e: Event) => this.onNumber(kind, row, (e.target as HTMLInputElement).value)}
    />`;
  }

  private onNumber(kind: PolicyKind, row: ParameterRow, text: string) {
    const value = text.trim() === '' ? NaN : Number(text);
    const problem = parameterProblem(row, value);
    const key = `${kind}/${row.name}`;
    if (problem) {
      this.typed = { ...this.typed, [key]: { text, problem } };
      return;
    }
    this.change(kind, row, value);
  }

  private change(kind: PolicyKind, row: ParameterRow, value: ParameterValue | undefined) {
    const rest = { ...this.typed };
    delete rest[`${kind}/${row.name}`];
    this.typed = rest;
    const detail: ParameterChange = { kind, name: row.name, value };
    this.dispatchEvent(new CustomEvent('cc-parameter-change', { detail, bubbles: true, composed: true }));
  }
}

customElements.define('cc-policy-parameters', PolicyParameters);

declare global {
  interface HTMLElementTagNameMap {
    'cc-policy-parameters': PolicyParameters;
  }
}
