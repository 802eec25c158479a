import { LitElement, html, nothing } from 'lit';
import {
  DIST_PARAMS,
  KEY_ASSUMPTIONS,
  displayOf,
  displayValue,
  distFromText,
  distText,
  inputProblem,
  startingDist,
  withUnit,
  worldValue,
  type DistText,
  type KeyAssumption,
} from '../../lib/key-assumptions.ts';
import { DIST_NAMES, isDist } from '../../../engine/index.ts';
import type { DistName, Num } from '../../../engine/index.ts';
import { getIn } from '../../lib/workspace.ts';
import { parameterTable } from '../../styles/parameter-table.ts';
import { shared } from '../../styles/shared.ts';
import { styles } from './styles.ts';

/** What a world edit says: the assumption's path and its new value (undefined: back to the default). */
export interface WorldChange {
  readonly path: readonly string[];
  /** A number, or a distribution drawn once per iteration, in the world's units (fractions, €). */
  readonly value: Num | undefined;
}

/** A distribution being typed: its name, the fields' text and why it cannot be used yet. */
interface DistDraft {
  readonly dist: DistName;
  readonly text: DistText;
  readonly problem?: string;
}

/**
 * The key world assumptions with their units (fractions typed as percentages), each showing the base
 * scenario's value as its default, with a reset per row and for all. Each can be a fixed value or a
 * distribution (type and parameters, drawn once per iteration). Out-of-range values and impossible
 * distributions are refused, as the scenario file's check would refuse them, before they reach the scenario.
 */
export class AssumptionsPanel extends LitElement {
  static override styles = [shared, parameterTable, styles];
  static override properties = {
    baseWorld: { attribute: false },
    overrides: { attribute: false },
    typed: { state: true },
    distTyped: { state: true },
  };

  /** The world of the base scenario (defaults merged with its own `world`). */
  declare baseWorld: unknown;
  /** The draft's `world` overrides. */
  declare overrides: Readonly<Record<string, unknown>>;
  /** Text typed but not (yet) valid, by dotted path. */
  declare typed: Record<string, string>;
  /** Distributions typed but not (yet) valid, by dotted path. */
  declare distTyped: Record<string, DistDraft>;

  constructor() {
    super();
    this.overrides = {};
    this.typed = {};
    this.distTyped = {};
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
    const override = getIn(this.overrides, a.path) as Num | undefined;
    const current = override === undefined ? base : displayOf(a, override);
    const raw = override ?? (getIn(this.baseWorld, a.path) as Num | undefined);
    const draft = this.distTyped[key];
    const kind = draft?.dist ?? (raw !== undefined && isDist(raw) ? raw.dist : 'fixed');
    const typed = this.typed[key];
    const problem =
      kind !== 'fixed'
        ? draft?.problem
        : typed === undefined
          ? undefined
          : inputProblem(a, Number(typed === '' ? NaN : typed));
    return html`<tr class=${override === undefined ? '' : 'changed'}>
      <th scope="row"><label for=${kind === 'fixed' ? id : `${id}-kind`}>${a.label}</label></th>
      <td class="input">
        <select
          id=${`${id}-kind`}
          class="kind"
          aria-label=${`${a.label}: fixed value or distribution`}
          @change=${(e: Event) => this.onKind(a, (e.target as HTMLSelectElement).value)}
        >
          <option value="fixed" ?selected=${kind === 'fixed'}>fixed</option>
          ${DIST_NAMES.map((name) => html`<option value=${name} ?selected=${kind === name}>${name}</option>`)}
        </select>
        ${
          kind === 'fixed'
            ? html`<input
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
                <span class="unit">${a.displayUnit}</span>`
            : this.distFields(
                a,
                id,
                kind,
                draft?.text ?? (raw !== undefined && isDist(raw) ? distText(a, raw) : {}),
                problem,
              )
        }
      </td>
      <td class="note" id=${`${id}-note`}>
        ${
          problem
            ? html`<span class="unfavourable">${problem}</span>`
            : html`<span class="muted"
                >${
                  kind !== 'fixed' && current.value !== undefined
                    ? html`mean ${withUnit(a, Number(current.value.toPrecision(4)))}; `
                    : nothing
                }default
                ${withUnit(a, base.value)}${
                  base.distribution ? html` (mean of a ${base.distribution} distribution)` : nothing
                }</span
              >`
        }
      </td>
      <td class="reset">
        ${
          override !== undefined || typed !== undefined || draft !== undefined
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

  /** One labelled field per parameter of distribution `kind`, in the value's display unit where it has one. */
  private distFields(
    a: KeyAssumption,
    id: string,
    kind: DistName,
    text: DistText,
    problem: string | undefined,
  ) {
    return html`<span class="dist" role="group" aria-label=${`${a.label}: ${kind} distribution`}>
      ${DIST_PARAMS[kind].map(
        (p) =>
          html`<label class="param"
            >${p.key}${p.optional ? ' (optional)' : ''}
            <input
              id=${`${id}-${p.key}`}
              type="number"
              step=${p.scaled ? a.step : 0.1}
              .value=${text[p.key] ?? ''}
              aria-invalid=${problem ? 'true' : 'false'}
              aria-describedby=${`${id}-note`}
              @change=${(e: Event) =>
                this.applyDist(a, kind, { ...text, [p.key]: (e.target as HTMLInputElement).value })}
            />${p.scaled ? html`<span class="unit">${a.displayUnit}</span>` : nothing}</label
          >`,
      )}
    </span>`;
  }

  /** A new kind for a row: back to a fixed value (the current mean), or a distribution to start from. */
  private onKind(a: KeyAssumption, kind: string) {
    const key = a.path.join('.');
    const override = getIn(this.overrides, a.path) as Num | undefined;
    const raw = override ?? (getIn(this.baseWorld, a.path) as Num | undefined);
    const mean = displayOf(a, raw).value ?? a.min ?? 0;
    if (kind === 'fixed') {
      this.distTyped = without(this.distTyped, key);
      this.emit({ path: a.path, value: worldValue(a, mean) });
      return;
    }
    const name = kind as DistName;
    const text =
      raw !== undefined && isDist(raw) && raw.dist === name ? distText(a, raw) : startingDist(a, name, mean);
    this.applyDist(a, name, text);
  }

  /** Uses typed parameters when the file's check accepts them; otherwise keeps them with the problem. */
  private applyDist(a: KeyAssumption, name: DistName, text: DistText) {
    const key = a.path.join('.');
    const checked = distFromText(a, name, text);
    if (checked.problem !== undefined) {
      this.distTyped = { ...this.distTyped, [key]: { dist: name, text, problem: checked.problem } };
      return;
    }
    this.distTyped = without(this.distTyped, key);
    this.typed = without(this.typed, key);
    this.emit({ path: a.path, value: checked.dist });
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
    this.typed = without(this.typed, a.path.join('.'));
    this.distTyped = without(this.distTyped, a.path.join('.'));
    this.emit({ path: a.path, value: undefined });
  }

  private resetAll() {
    this.typed = {};
    this.distTyped = {};
    for (const a of KEY_ASSUMPTIONS) {
      if (getIn(this.overrides, a.path) !== undefined) this.emit({ path: a.path, value: undefined });
    }
  }

  private emit(change: WorldChange) {
    this.dispatchEvent(new CustomEvent('cc-world-change', { detail: change, bubbles: true, composed: true }));
  }
}

/** `record` without `key`. */
function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const rest = { ...record };
  delete rest[key];
  return rest;
}

customElements.define('cc-assumptions-panel', AssumptionsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cc-assumptions-panel': AssumptionsPanel;
  }
}
