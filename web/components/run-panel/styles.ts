import { css } from 'lit';

export const styles = css`
  .panel {
    display: grid;
    grid-template-columns: minmax(250px, 1fr) minmax(330px, 1.15fr) minmax(300px, 1.1fr);
    gap: 24px;
    align-items: start;
  }
  @media (max-width: 1100px) {
    .panel {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .panel > :last-child {
      grid-column: 1 / -1;
    }
  }
  @media (max-width: 700px) {
    .panel {
      grid-template-columns: minmax(0, 1fr);
    }
    .setting {
      grid-template-columns: 110px 80px 1fr;
    }
  }
  .panel.dragging {
    outline: 3px dashed var(--cc-accent);
    outline-offset: -6px;
    background: #f3f8ff;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 700;
    font-size: 15px;
    margin-bottom: 8px;
    padding: 0;
  }
  .field {
    display: grid;
    grid-template-columns: 100px 1fr;
    align-items: center;
    gap: 8px;
    margin-bottom: 6px;
  }
  .field select,
  .field input {
    width: 100%;
    min-width: 0;
  }
  .setting {
    display: grid;
    grid-template-columns: 128px 92px 1fr;
    align-items: center;
    gap: 8px;
    margin-bottom: 6px;
  }
  .setting input {
    width: 100%;
    text-align: right;
  }
  .help {
    margin: 0;
    font-size: 12px;
    line-height: 1.3;
  }
  .defaults {
    margin: 4px 0 0;
    font-size: 12px;
  }
  .actions {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .buttons {
    display: flex;
    gap: 8px;
  }
  .buttons .run {
    flex: 1;
    font-size: 15px;
    padding: 8px 14px;
  }
  .buttons #cancel {
    font-size: 15px;
    padding: 8px 14px;
  }
  progress {
    width: 100%;
    height: 14px;
    accent-color: var(--cc-accent);
  }
  .status {
    margin: 2px 0 0;
    height: 20px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    font-variant-numeric: tabular-nums;
    font-size: 13px;
  }
  .open {
    display: flex;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
  }
  .drop-hint {
    margin: 0;
    font-size: 12px;
  }
  .opened {
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 12px;
    max-height: 120px;
    overflow: auto;
  }
  .opened li {
    display: flex;
    gap: 6px;
    align-items: center;
    padding: 2px 0;
  }
  .opened .file {
    font-family: var(--cc-mono);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 180px;
  }
  .opened button {
    margin-left: auto;
  }
`;
