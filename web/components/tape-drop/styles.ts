import { css } from 'lit';

export const styles = css`
  .tape {
    border: 1px dashed var(--border, #b8c2cc);
    border-radius: 8px;
    padding: 10px 14px;
    display: grid;
    gap: 6px;
  }
  .tape.dragging {
    border-style: solid;
    background: #eef6ff;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
    align-items: center;
  }
  .problems {
    margin: 0;
    padding-left: 18px;
    font-family: ui-monospace, monospace;
    font-size: 0.85em;
    max-height: 16em;
    overflow: auto;
    color: #8a1c0c;
  }
  input[type='file'] {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
`;
