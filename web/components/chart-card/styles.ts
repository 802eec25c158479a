import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-width: 0;
  }
  figure {
    margin: 0;
    height: 100%;
  }
  .top {
    display: flex;
    gap: 12px;
    justify-content: space-between;
    align-items: flex-start;
  }
  h3 {
    font-size: 16px;
  }
  figcaption {
    font-size: 12.5px;
    margin-top: 2px;
    max-width: 80ch;
  }
  .exports {
    display: flex;
    gap: 4px;
    flex-shrink: 0;
  }
  .legend {
    list-style: none;
    padding: 0;
    margin: 8px 0 4px;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-size: 12px;
  }
  .legend li {
    display: flex;
    align-items: center;
  }
  .legend .category {
    color: var(--cc-muted);
  }
  .swatch {
    display: inline-block;
    width: 11px;
    height: 11px;
    border-radius: 2px;
    margin-right: 5px;
  }
  .plots {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
  }
  .plot h4 {
    font-size: 13px;
    margin: 6px 0 2px;
  }
  svg {
    display: block;
    overflow: visible;
  }
  @media print {
    .exports {
      display: none;
    }
  }
`;
