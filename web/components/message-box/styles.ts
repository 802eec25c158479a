import { css } from 'lit';

export const styles = css`
  .box {
    display: flex;
    gap: 12px;
    align-items: flex-start;
    border-radius: 8px;
    padding: 10px 14px;
    border: 1px solid;
  }
  .error {
    background: #fff4f2;
    border-color: #f1b3aa;
  }
  .info {
    background: #eef6ff;
    border-color: #b6d4f5;
  }
  .text {
    flex: 1;
    min-width: 0;
  }
  .heading {
    margin: 0;
    font-weight: 600;
  }
  .lines {
    margin: 6px 0 0;
    padding-left: 18px;
    max-height: 180px;
    overflow: auto;
  }
  code {
    font-family: var(--cc-mono);
    font-size: 12px;
    white-space: pre-wrap;
    word-break: break-word;
  }
`;
