import { css } from 'lit';

/** What the policy parameters add to the shared parameter table (web/styles/parameter-table.ts). */
export const styles = css`
  .intro {
    margin: 0;
  }
  legend .muted {
    font-weight: normal;
  }
  .none {
    margin: 0;
    font-size: 13px;
  }
  th {
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
  td {
    padding: 5px 8px 5px 0;
  }
  .input {
    width: 210px;
  }
  input[type='number'] {
    width: 110px;
    text-align: right;
  }
`;
