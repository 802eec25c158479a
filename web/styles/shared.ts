import { css } from 'lit';

/**
 * Styles every component shares: type, buttons, inputs, focus rings. Colours come from the custom
 * properties on :root (index.html), which reach into shadow roots.
 */
export const shared = css`
  :host {
    font-family: var(--cc-font);
    color: var(--cc-text);
    font-size: 14px;
    line-height: 1.45;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  button,
  .button {
    font: inherit;
    font-size: 13px;
    border: 1px solid var(--cc-border-strong);
    background: white;
    color: var(--cc-text);
    border-radius: 6px;
    padding: 5px 12px;
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover:not(:disabled),
  .button:hover {
    background: var(--cc-hover);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  button.primary {
    background: var(--cc-accent);
    border-color: var(--cc-accent);
    color: white;
    font-weight: 600;
  }
  button.primary:hover:not(:disabled) {
    background: var(--cc-accent-dark);
  }
  button.danger {
    color: var(--cc-bad);
    border-color: var(--cc-bad);
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: var(--cc-accent);
    text-decoration: underline;
  }
  button.small {
    font-size: 12px;
    padding: 2px 8px;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    border: 1px solid var(--cc-border-strong);
    border-radius: 6px;
    padding: 5px 8px;
    background: white;
  }
  /* A select is as wide as its longest option (a scenario's title): never wider than its container. */
  select {
    max-width: 100%;
  }
  :focus-visible {
    outline: 3px solid var(--cc-focus);
    outline-offset: 1px;
  }
  .muted {
    color: var(--cc-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .card {
    background: white;
    border: 1px solid var(--cc-border);
    border-radius: 10px;
    padding: 16px 18px;
  }
  .favourable {
    color: var(--cc-good);
  }
  .unfavourable {
    color: var(--cc-bad);
  }
  .neutral,
  .immaterial {
    color: var(--cc-neutral);
  }
  /* Tabs: a row of buttons underlined by the selected one (components set their size). */
  [role='tablist'] {
    display: flex;
    gap: 4px;
    border-bottom: 1px solid var(--cc-border-strong);
  }
  [role='tab'] {
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    background: none;
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--cc-accent);
    color: var(--cc-accent-dark);
  }
`;
