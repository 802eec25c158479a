/**
 * The report's charts as plain SVG text (no DOM, no network): a fan chart of a monthly series and a
 * profit bridge. Same data as the workbench's Observable Plot charts, drawn simply enough to print.
 */

export const SCENARIO_COLOURS = ['#4e5b6a', '#0b72b9', '#d55e00', '#aa4499'] as const;

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Round, evenly spaced axis ticks over [lo, hi]. */
function ticks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

export interface FanSeries {
  readonly name: string;
  readonly p05: readonly (number | null)[];
  readonly p25: readonly (number | null)[];
  readonly p50: readonly (number | null)[];
  readonly p75: readonly (number | null)[];
  readonly p95: readonly (number | null)[];
}

/**
 * A fan chart: per scenario, its median line over the months with the p25–p75 and p05–p95 bands.
 * `format` writes a tick label.
 */
export function fanChartSvg(
  title: string,
  series: readonly FanSeries[],
  format: (x: number) => string,
): string {
  const width = 720;
  const height = 260;
  const m = { left: 70, right: 16, top: 24, bottom: 34 };
  const months = Math.max(...series.map((s) => s.p50.length), 1);
  const values = series.flatMap((s) => [...s.p05, ...s.p95]).filter((v): v is number => v !== null);
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values, lo + 1);
  const x = (i: number) => m.left + (i / Math.max(1, months - 1)) * (width - m.left - m.right);
  const y = (v: number) => height - m.bottom - ((v - lo) / (hi - lo)) * (height - m.top - m.bottom);
  const line = (vals: readonly (number | null)[]) =>
    vals.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`])).join(' ');
  const band = (a: readonly (number | null)[], b: readonly (number | null)[]) => {
    const upper = line(b);
    const lower = a
      .map((v, i) => [v, i] as const)
      .reverse()
      .flatMap(([v, i]) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`]))
      .join(' ');
    return `${upper} ${lower}`;
  };
  const yTicks = ticks(lo, hi);
  const xTicks = ticks(0, months - 1, 6).filter((t) => Number.isInteger(t));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    ...yTicks.map(
      (t) =>
        `<line x1="${m.left}" x2="${width - m.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#e1e4e8"/>` +
        `<text x="${m.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11">${esc(format(t))}</text>`,
    ),
    ...xTicks.map(
      (t) =>
        `<text x="${x(t).toFixed(1)}" y="${height - m.bottom + 16}" text-anchor="middle" font-size="11">${t}</text>`,
    ),
    `<text x="${(width / 2).toFixed(0)}" y="${height - 4}" text-anchor="middle" font-size="11">month</text>`,
    ...series.flatMap((s, i) => {
      const colour = SCENARIO_COLOURS[i % SCENARIO_COLOURS.length];
      return [
        `<polygon points="${band(s.p05, s.p95)}" fill="${colour}" fill-opacity="0.12"/>`,
        `<polygon points="${band(s.p25, s.p75)}" fill="${colour}" fill-opacity="0.22"/>`,
        `<polyline points="${line(s.p50)}" fill="none" stroke="${colour}" stroke-width="2"/>`,
      ];
    }),
    ...series.map(
      (s, i) =>
        `<text x="${m.left + 8 + i * 150}" y="${m.top - 8}" font-size="12" fill="${SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]}" font-weight="700">■ ${esc(s.name)}</text>`,
    ),
    '</svg>',
  ];
  return parts.join('\n');
}

export interface BridgeStep {
  readonly label: string;
  /** € change (a total: the level itself). */
  readonly value: number;
  readonly total: boolean;
}

/** A horizontal waterfall: each step a bar from the running total; totals from zero. */
export function bridgeSvg(
  title: string,
  steps: readonly BridgeStep[],
  format: (x: number) => string,
): string {
  const row = 24;
  const m = { left: 290, right: 110, top: 8, bottom: 26 };
  const width = 760;
  const height = m.top + m.bottom + row * steps.length;
  let running = 0;
  const bars = steps.map((s) => {
    const from = s.total ? 0 : running;
    const to = s.total ? s.value : running + s.value;
    running = to;
    return { ...s, from, to };
  });
  const all = bars.flatMap((b) => [b.from, b.to]);
  const lo = Math.min(0, ...all);
  const hi = Math.max(0, ...all);
  const x = (v: number) => m.left + ((v - lo) / (hi - lo || 1)) * (width - m.left - m.right);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<line x1="${x(0).toFixed(1)}" x2="${x(0).toFixed(1)}" y1="${m.top}" y2="${height - m.bottom}" stroke="#1f2328"/>`,
    ...bars.map((b, i) => {
      const top = m.top + i * row + 4;
      const left = Math.min(x(b.from), x(b.to));
      const w = Math.max(1, Math.abs(x(b.to) - x(b.from)));
      const fill = b.total ? '#4e5b6a' : b.value >= 0 ? '#1a7f37' : '#b42318';
      const mark = b.total ? '' : b.value >= 0 ? '▲ ' : '▼ ';
      return (
        `<text x="${m.left - 8}" y="${top + 12}" text-anchor="end" font-size="11">${esc(b.label)}</text>` +
        `<rect x="${left.toFixed(1)}" y="${top}" width="${w.toFixed(1)}" height="${row - 8}" fill="${fill}"/>` +
        `<text x="${(Math.max(x(b.from), x(b.to)) + 4).toFixed(1)}" y="${top + 12}" font-size="11">${mark}${esc(format(b.value))}</text>`
      );
    }),
    '</svg>',
  ];
  return parts.join('\n');
}
