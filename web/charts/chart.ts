import type { MonteCarloResult } from '../../engine/index.ts';
import { scenarioColour } from '../lib/palette.ts';

/** One plot of a chart, with the heading that says what it shows when a chart has several. */
export interface SubPlot {
  readonly heading?: string;
  readonly element: SVGSVGElement;
}

/** A swatch of a chart's legend. */
export interface LegendItem {
  readonly label: string;
  readonly colour: string;
}

/** A row of a chart's data as exported to CSV: plain numbers in their units (€, 0–1, counts). */
export type DataRow = Readonly<Record<string, string | number | null>>;

/** A chart of the results view: what it shows, how to read it, and how to draw and export it. */
export interface ChartDef {
  readonly id: string;
  readonly title: string;
  /** How to read it, in one or two sentences. */
  readonly caption: string;
  /** Height the chart area keeps while results refine, px (no layout jump). */
  readonly height: number;
  /** Whether it takes the full width of the results view. */
  readonly wide?: boolean;
  /** Legend beyond the scenarios' colours (categories, buckets). */
  legend?(result: MonteCarloResult): LegendItem[];
  data(result: MonteCarloResult): DataRow[];
  plots(result: MonteCarloResult, width: number): SubPlot[];
}

/** The scenarios' names in result order and their colours, for Plot's colour scale. */
export function scenarioScale(result: MonteCarloResult): { domain: string[]; range: string[] } {
  const domain = result.scenarios.map((s) => s.name);
  return { domain, range: domain.map((_, i) => scenarioColour(i)) };
}

/** Thousands with separators: 12,345. */
export const thousands = (x: number): string => Math.round(x).toLocaleString('en-GB');

/** Compact euros for axes: €1.2M, €350k, −€4M. */
export function euroAxis(x: number): string {
  const sign = x < 0 ? '−' : '';
  const abs = Math.abs(x);
  if (abs >= 1e9) return `${sign}€${trim(abs / 1e9)}bn`;
  if (abs >= 1e6) return `${sign}€${trim(abs / 1e6)}M`;
  if (abs >= 1e3) return `${sign}€${trim(abs / 1e3)}k`;
  return `${sign}€${trim(abs)}`;
}

/**
 * The frame of a horizontal chart with one row per scenario on a € axis (NPV spread, NPV difference,
 * profit by category): margins, row height and the € axis in one place.
 */
export function euroRowsFrame(
  width: number,
  rows: readonly string[],
  xLabel: string,
  layout: { rowHeight: number; minHeight: number; marginLeft: number } = {
    rowHeight: 48,
    minHeight: 150,
    marginLeft: 130,
  },
) {
  return {
    width,
    height: Math.max(layout.minHeight, layout.rowHeight * rows.length + 70),
    marginLeft: layout.marginLeft,
    marginRight: 30,
    marginBottom: 40,
    style: { fontSize: '12px' },
    x: {
      label: xLabel,
      tickFormat: euroAxis,
      grid: true,
      labelAnchor: 'center' as const,
      labelArrow: 'none' as const,
    },
    y: { label: null, domain: [...rows] },
  };
}

function trim(x: number): string {
  return Number(x.toFixed(1)).toString();
}

/** Plot returns an SVG element when it has no legend, title or caption, which is how the charts use it. */
export function asSvg(element: Element): SVGSVGElement {
  if (element instanceof SVGSVGElement) return element;
  const svg = element.querySelector('svg');
  if (!svg) throw new Error('the chart did not render an SVG');
  return svg;
}

/**
 * Makes `element` one image to assistive technology, named `label`: Plot's labels on its mark groups
 * are noise there, and aria-label on an element without a role is prohibited.
 */
export function asImage<E extends Element>(element: E, label: string): E {
  for (const el of element.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', label);
  return element;
}
