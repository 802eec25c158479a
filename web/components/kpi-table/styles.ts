import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    align-items: flex-start;
    gap: 16px;
    margin-bottom: 10px;
  }
  .head h3 {
    font-size: 18px;
    white-space: nowrap;
  }
  .how {
    margin: 0;
    flex: 1;
    font-size: 13px;
  }
  .scroll {
    overflow-x: auto;
    /* the containing block of the visually hidden words: clipped here, never widening the page */
    position: relative;
  }
  tbody th[scope='row'] {
    position: sticky;
    left: 0;
    background: white;
    z-index: 1;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
    font-variant-numeric: tabular-nums;
  }
  .label-col {
    width: 220px;
  }
  .value-col {
    width: auto;
  }
  .delta-col {
    width: auto;
  }
  .p-col {
    width: 76px;
  }
  th,
  td {
    padding: 5px 7px;
    border-bottom: 1px solid var(--cc-border);
    vertical-align: top;
  }
  thead th {
    text-align: right;
    font-size: 13px;
    border-bottom: 2px solid var(--cc-border-strong);
    background: white;
    position: sticky;
    top: 0;
  }
  thead .kpi-head {
    text-align: left;
  }
  .scenario-head {
    font-size: 14px;
  }
  .scenario-head.challenger {
    text-align: center;
    border-left: 1px solid var(--cc-border-strong);
  }
  .role {
    display: block;
    font-weight: normal;
    font-size: 11px;
    color: var(--cc-muted);
  }
  .sub {
    font-weight: 600;
    color: var(--cc-muted);
    font-size: 12px;
  }
  .swatch {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    margin-right: 6px;
  }
  .group th {
    text-align: left;
    background: var(--cc-bg);
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--cc-muted);
    padding-top: 10px;
  }
  .label {
    text-align: left;
    font-weight: 600;
  }
  .measure {
    display: block;
    font-weight: normal;
    font-size: 11px;
    color: var(--cc-muted);
  }
  td {
    text-align: right;
  }
  td .mean {
    font-weight: 600;
    font-size: 14px;
    white-space: nowrap;
  }
  td .line {
    white-space: nowrap;
  }
  td .ci {
    display: block;
    font-size: 12px;
    color: var(--cc-muted);
  }
  td .forecast {
    display: block;
    font-size: 13px;
  }
  td .ci {
    font-size: 11px;
  }
  td .end {
    white-space: nowrap;
  }
  td.delta .ci,
  td.delta .forecast {
    color: inherit;
  }
  .tone-word {
    font-size: 12px;
    font-weight: 600;
    margin-left: 4px;
  }
  tr > td.value:nth-child(3n) {
    border-left: 1px solid var(--cc-border-strong);
  }
  .arrow {
    font-size: 10px;
    margin-right: 4px;
  }
  td.p {
    color: var(--cc-muted);
  }
  @media print {
    #export-kpi-csv {
      display: none;
    }
    .scroll {
      overflow: visible;
    }
    table {
      min-width: 0 !important;
      font-size: 10px;
    }
    thead th {
      position: static;
    }
  }
`;
