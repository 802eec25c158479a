import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: 1680px;
    margin: 0 auto;
    padding: 16px 20px 48px;
  }
  .top h1 {
    margin: 0;
    font-size: 24px;
  }
  .top h1 span {
    font-weight: 400;
    color: var(--cc-muted);
  }
  .top p {
    margin: 2px 0 14px;
  }
  main {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .messages {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .messages:empty {
    display: none;
  }
  .incoming {
    border: 2px solid var(--cc-accent);
  }
  .incoming h2 {
    margin: 0 0 4px;
    font-size: 17px;
  }
  .incoming .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  @media (max-width: 640px) {
    :host {
      padding: 12px 10px 32px;
    }
  }
  /* Three tabs do not fit a phone's width on one line: they wrap rather than widen the page. */
  .views {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  [role='tab'] {
    font-weight: 700;
    font-size: 15px;
    padding: 8px 16px;
  }
  /* Printing gives the results only, on A4: no run form, tabs, messages or editor. */
  @media print {
    :host {
      padding: 0;
      max-width: none;
    }
    cc-run-panel,
    .views,
    .messages,
    .incoming,
    cc-scenario-editor {
      display: none;
    }
  }
`;
