import type { LegendItem } from '../charts/chart.ts';

const NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface ExportPart {
  readonly heading?: string;
  readonly svg: SVGSVGElement;
}

function text(content: string, x: number, y: number, size: number, weight = 'normal'): SVGTextElement {
  const t = document.createElementNS(NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('font-size', String(size));
  t.setAttribute('font-weight', weight);
  t.setAttribute('fill', '#111');
  t.textContent = content;
  return t;
}

/**
 * One standalone SVG of a chart for a slide or a report: title, caption, legend, then each plot with
 * its heading, stacked, and a footer with the run's facts (`facts`: scenarios, seed, iterations, date,
 * engine version) so a picture pasted into a deck still says where it came from.
 */
export function composeSvg(
  title: string,
  caption: string,
  legend: readonly LegendItem[],
  parts: readonly ExportPart[],
  facts = '',
): SVGSVGElement {
  const width = Math.max(480, ...parts.map((p) => Number(p.svg.getAttribute('width')) || p.svg.clientWidth));
  const root = document.createElementNS(NS, 'svg');
  root.setAttribute('xmlns', NS);
  root.setAttribute('font-family', FONT);
  let y = 24;
  root.append(text(title, 8, y, 16, 'bold'));
  y += 18;
  for (const line of wrap(caption, Math.floor((width - 16) / 5.8))) {
    root.append(text(line, 8, y, 11));
    y += 14;
  }
  let x = 8;
  for (const item of legend) {
    const w = 22 + item.label.length * 6.2;
    if (x + w > width) {
      x = 8;
      y += 16;
    }
    const swatch = document.createElementNS(NS, 'rect');
    for (const [k, v] of Object.entries({ x, y: y - 9, width: 12, height: 12, fill: item.colour })) {
      swatch.setAttribute(k, String(v));
    }
    root.append(swatch, text(item.label, x + 16, y + 1, 11));
    x += w;
  }
  y += 12;
  for (const part of parts) {
    if (part.heading) {
      y += 16;
      root.append(text(part.heading, 8, y, 13, 'bold'));
      y += 4;
    }
    const copy = part.svg.cloneNode(true) as SVGSVGElement;
    const height = Number(part.svg.getAttribute('height')) || part.svg.clientHeight;
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(Number(part.svg.getAttribute('width')) || part.svg.clientWidth));
    copy.setAttribute('height', String(height));
    root.append(copy);
    y += height + 4;
  }
  for (const line of facts ? wrap(facts, Math.floor((width - 16) / 5.4)) : []) {
    y += 14;
    const t = text(line, 8, y, 10);
    t.setAttribute('fill', '#555');
    t.setAttribute('class', 'run-facts');
    root.append(t);
  }
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(y + 8));
  root.setAttribute('viewBox', `0 0 ${width} ${y + 8}`);
  const background = document.createElementNS(NS, 'rect');
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: 'white' }))
    background.setAttribute(k, v);
  root.prepend(background);
  return root;
}

/** Words in lines of at most `columns` characters. */
export function wrap(words: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words.split(/\s+/)) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The SVG as a file's text. */
export function svgText(svg: SVGSVGElement): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
}

/** The SVG drawn on a canvas at `scale` × its size, as a PNG. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
