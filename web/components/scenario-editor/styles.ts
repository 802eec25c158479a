import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .layout {
    display: grid;
    grid-template-columns: 280px minmax(0, 1fr);
    gap: 16px;
    align-items: start;
  }
  .side h3 {
    font-size: 16px;
    margin-bottom: 8px;
  }
  .small {
    font-size: 12px;
  }
  .drafts {
    list-style: none;
    margin: 0 0 12px;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  .draft {
    width: 100%;
    text-align: left;
    display: flex;
    flex-direction: column;
    white-space: normal;
  }
  .draft.current {
    border-color: var(--cc-accent);
    background: #eef6ff;
  }
  .draft .muted {
    font-size: 12px;
  }
  .new {
    display: grid;
    gap: 4px;
    border-top: 1px solid var(--cc-border);
    padding-top: 12px;
  }
  .new h4 {
    font-size: 14px;
    margin-bottom: 4px;
  }
  .new label {
    font-size: 13px;
    font-weight: 600;
  }
  .new p {
    margin: 0 0 6px;
  }
  .main h2 {
    font-size: 20px;
  }
  .editor-head {
    display: flex;
    justify-content: space-between;
    gap: 16px;
    align-items: flex-start;
    flex-wrap: wrap;
  }
  .editor-head p {
    margin: 4px 0 0;
  }
  .actions {
    display: flex;
    gap: 6px;
    flex-wrap: wrap;
    justify-content: flex-end;
  }
  .note {
    margin: 10px 0 0;
    color: var(--cc-accent-dark);
    font-weight: 600;
  }
  .link-field {
    display: grid;
    gap: 4px;
    margin-top: 8px;
    font-size: 12px;
  }
  .link-field input {
    font-family: var(--cc-mono);
    font-size: 12px;
  }
  cc-message-box,
  .valid {
    display: block;
    margin: 12px 0 0;
  }
  .changes {
    margin-top: 10px;
    font-size: 13px;
  }
  .changes code {
    font-family: var(--cc-mono);
    font-size: 12px;
  }
  .tabs {
    margin: 16px 0 12px;
  }
  [role='tab'] {
    font-weight: 600;
    font-size: 14px;
    padding: 8px 14px;
  }
  .kinds {
    display: flex;
    gap: 6px;
    align-items: center;
    margin-bottom: 10px;
    flex-wrap: wrap;
  }
  .kinds .current {
    border-color: var(--cc-accent);
    background: #eef6ff;
    font-weight: 700;
  }
`;
