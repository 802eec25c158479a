import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 12px;
    margin-bottom: 6px;
  }
  .status {
    margin: 0;
    font-weight: 600;
    min-height: 20px;
  }
  .editor {
    display: flex;
    border: 1px solid var(--cc-border-strong);
    border-radius: 6px;
    overflow: hidden;
    font-family: var(--cc-mono);
    font-size: 12.5px;
  }
  .gutter {
    overflow: hidden;
    background: var(--cc-bg);
    color: var(--cc-muted);
    text-align: right;
    padding: 6px 6px 6px 4px;
    min-width: 56px;
    user-select: none;
    border-right: 1px solid var(--cc-border);
  }
  .numbers div {
    height: 19px;
    line-height: 19px;
  }
  .numbers .error {
    color: var(--cc-bad);
    font-weight: 700;
  }
  .numbers .warning {
    color: #9a6700;
    font-weight: 700;
  }
  textarea {
    flex: 1;
    border: none;
    border-radius: 0;
    resize: none;
    padding: 6px 8px;
    font-family: var(--cc-mono);
    font-size: 12.5px;
    line-height: 19px;
    white-space: pre;
    overflow: auto;
    tab-size: 2;
  }
  .problems {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  .problem {
    width: 100%;
    text-align: left;
    display: grid;
    grid-template-columns: 150px 1fr auto;
    gap: 10px;
    white-space: normal;
    border-color: #f1b3aa;
    background: #fff4f2;
  }
  .warning .problem {
    border-color: #e9d28c;
    background: #fffaeb;
  }
  .where {
    font-weight: 700;
  }
  .hint {
    color: var(--cc-muted);
  }
  .pointer {
    font-family: var(--cc-mono);
    font-size: 11.5px;
    color: var(--cc-muted);
  }
`;
