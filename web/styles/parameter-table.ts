import { css } from 'lit';

/**
 * The table of editable values the assumptions panel and the policy parameters share: one fieldset per
 * group, one row per value with its input, unit, note and reset; a changed row stands out.
 */
export const parameterTable = css`
  :host {
    display: block;
  }
  fieldset {
    border: none;
    padding: 0;
    margin: 14px 0 0;
  }
  legend {
    font-weight: 700;
    padding: 0;
    margin-bottom: 4px;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  tr {
    border-bottom: 1px solid var(--cc-border);
  }
  th {
    text-align: left;
  }
  td {
    vertical-align: middle;
  }
  tr.changed input,
  tr.changed select {
    border-color: var(--cc-accent);
    background: #f3f8ff;
  }
  .input {
    white-space: nowrap;
  }
  .unit {
    margin-left: 6px;
    font-size: 12.5px;
  }
  .note {
    font-size: 12px;
  }
  .reset {
    width: 70px;
    text-align: right;
  }
  code {
    font-family: var(--cc-mono);
    font-size: 12px;
  }
`;
