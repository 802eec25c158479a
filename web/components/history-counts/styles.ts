import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    margin-top: 24px;
  }
  .counts.dragging {
    outline: 3px dashed var(--cc-accent);
    outline-offset: -6px;
    background: #f3f8ff;
  }
  .open {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 12px;
    margin: 12px 0;
  }
  .problems h3 {
    font-size: 16px;
    color: var(--cc-bad);
  }
  .problems ol {
    padding-left: 22px;
  }
  .problems li {
    margin: 4px 0;
  }
  .where {
    font-weight: 600;
    margin-right: 6px;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    font-size: 13px;
  }
  caption {
    text-align: left;
    margin-bottom: 6px;
  }
  th,
  td {
    padding: 5px 7px;
    border-bottom: 1px solid var(--cc-border);
    vertical-align: top;
    text-align: left;
  }
  thead th {
    border-bottom: 2px solid var(--cc-border-strong);
  }
  td.num {
    text-align: right;
    white-space: nowrap;
  }
  tr.kept td,
  tr.kept th {
    color: var(--cc-muted);
  }
`;
