import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .empty {
    min-height: 200px;
  }
  .empty h2 {
    font-size: 20px;
    margin-bottom: 6px;
  }
  .summary-top {
    display: flex;
    justify-content: space-between;
    gap: 16px;
    align-items: flex-start;
  }
  h2 {
    font-size: 22px;
  }
  .badge {
    display: inline-block;
    vertical-align: middle;
    font-size: 12px;
    font-weight: 600;
    background: #fff3cd;
    color: #7a5a00;
    border: 1px solid #f0d58c;
    border-radius: 999px;
    padding: 1px 10px;
    margin-left: 8px;
  }
  .few-iterations {
    margin: 4px 0 0;
    font-size: 13px;
    color: #7a5a00;
  }
  .few {
    font-weight: 600;
    color: #7a5a00;
  }
  .verdicts {
    margin: 12px 0 4px;
  }
  .verdicts h3 {
    font-size: 16px;
    margin: 0 0 4px;
  }
  .verdict {
    margin: 0 0 6px;
    line-height: 1.45;
    max-width: 110ch;
  }
  .verdict-tone {
    font-weight: 700;
    margin-right: 4px;
    white-space: nowrap;
  }
  .breakdowns h3 {
    font-size: 18px;
    margin: 0;
  }
  .breakdowns summary {
    cursor: pointer;
    font-weight: 600;
    margin: 6px 0;
  }
  .breakdowns .scroll {
    overflow-x: auto;
    max-height: 420px;
    overflow-y: auto;
  }
  .breakdowns table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    font-size: 13px;
  }
  .breakdowns th,
  .breakdowns td {
    padding: 3px 10px;
    border-bottom: 1px solid var(--cc-border);
    text-align: right;
    white-space: nowrap;
  }
  .breakdowns th[scope='row'],
  .breakdowns thead th:first-child {
    text-align: left;
  }
  .pair {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-top: 8px;
    font-size: 13px;
  }
  .materiality {
    font-size: 12px;
    margin: 0;
  }
  .tone-word {
    font-size: 12px;
    font-weight: 600;
  }
  .manifest {
    margin: 8px 0 0;
    font-size: 13px;
  }
  .manifest dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 6px 0 0;
  }
  .manifest dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .manifest ul {
    margin: 2px 0 0;
    padding-left: 18px;
  }
  .run-facts {
    margin: 4px 0 0;
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .scenarios {
    list-style: none;
    padding: 0;
    margin: 12px 0 0;
    display: grid;
    gap: 6px;
  }
  .scenarios li {
    display: flex;
    gap: 8px;
    align-items: baseline;
  }
  .swatch {
    flex-shrink: 0;
    display: inline-block;
    width: 12px;
    height: 12px;
    border-radius: 2px;
    transform: translateY(1px);
  }
  .description {
    font-size: 13px;
    color: var(--cc-muted);
    max-width: 120ch;
  }
  .description summary {
    cursor: pointer;
  }
  .description p {
    margin: 4px 0 0;
  }
  .headlines {
    display: grid;
    grid-template-columns: repeat(4, minmax(0, 1fr));
    gap: 12px;
    margin-top: 14px;
  }
  .tile {
    border: 1px solid var(--cc-border);
    border-radius: 8px;
    padding: 10px 12px;
    background: var(--cc-bg);
  }
  .tile p {
    margin: 0;
  }
  .tile-label {
    font-weight: 700;
    font-size: 13px;
    margin-bottom: 4px !important;
  }
  .tile-base {
    font-size: 13px;
  }
  .tile-change {
    font-size: 14px;
    margin-top: 4px !important;
    font-variant-numeric: tabular-nums;
  }
  .tile-change .muted {
    font-size: 13px;
  }
  .tile-ci,
  .tile-voi {
    display: block;
    font-size: 12px;
  }
  .tile-sim {
    display: block;
    font-size: 11px;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 16px;
  }
  .charts .wide {
    grid-column: 1 / -1;
  }
  @media (max-width: 1100px) {
    .headlines {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .charts {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (max-width: 640px) {
    .summary-top {
      flex-wrap: wrap;
    }
    .headlines {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media print {
    .exports,
    .materiality {
      display: none;
    }
    .charts {
      grid-template-columns: minmax(0, 1fr);
    }
    .headlines {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .tile,
    .verdict,
    cc-chart-card {
      break-inside: avoid;
    }
  }
`;
