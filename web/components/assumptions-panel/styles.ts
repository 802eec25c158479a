import { css } from 'lit';

/** What the assumptions panel adds to the shared parameter table (web/styles/parameter-table.ts). */
export const styles = css`
  .top {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 12px;
  }
  .top p {
    margin: 0;
  }
  th {
    font-weight: normal;
    width: 40%;
    padding: 4px 8px 4px 0;
  }
  td {
    padding: 4px 8px 4px 0;
  }
  tr.changed th {
    font-weight: 700;
  }
  .input {
    width: 340px;
  }
  select.kind {
    margin-right: 6px;
  }
  /* A distribution's parameters go on the lines below its type, two or three to a line. */
  .dist {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    margin-top: 4px;
  }
  .param {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: 13px;
  }
  .param input {
    width: 76px;
  }
  input {
    width: 110px;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;
