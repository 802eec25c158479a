import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .intro {
    margin: 0;
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
  legend .muted {
    font-weight: normal;
  }
  .none {
    margin: 0;
    font-size: 13px;
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
    font-weight: 600;
    padding: 5px 8px 5px 0;
    width: 45%;
  }
  th label {
    font-family: var(--cc-mono);
    font-size: 13px;
  }
  .description {
    display: block;
    font-weight: normal;
    font-size: 12px;
    color: var(--cc-muted);
  }
  tr.changed input,
  tr.changed select {
    border-color: var(--cc-accent);
    background: #f3f8ff;
  }
  td {
    padding: 5px 8px 5px 0;
    vertical-align: middle;
  }
  .input {
    white-space: nowrap;
    width: 210px;
  }
  input[type='number'] {
    width: 110px;
    text-align: right;
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
