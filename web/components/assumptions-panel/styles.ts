import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .top {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 12px;
  }
  .top p {
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
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th {
    text-align: left;
    font-weight: normal;
    width: 40%;
    padding: 4px 8px 4px 0;
  }
  td {
    padding: 4px 8px 4px 0;
    vertical-align: middle;
  }
  tr {
    border-bottom: 1px solid var(--cc-border);
  }
  tr.changed th {
    font-weight: 700;
  }
  tr.changed input {
    border-color: var(--cc-accent);
    background: #f3f8ff;
  }
  .input {
    white-space: nowrap;
    width: 230px;
  }
  input {
    width: 110px;
    text-align: right;
    font-variant-numeric: tabular-nums;
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
