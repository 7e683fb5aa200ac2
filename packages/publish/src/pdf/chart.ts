import type { MirrorViewRow } from './mirror-view';
import { KEEP_TOGETHER } from './render';

/** Width of the plotting area, in points. */
const PLOT_WIDTH = 250;
/** Height of one bar's row, in points (the grid lines of consecutive rows join up). */
const ROW_HEIGHT = 12;
const BAR_HEIGHT = 8;
/** The scale reaches at most 2^±6 (1/64 to 64); a ratio beyond it is drawn to the edge with an arrowhead. */
const MAX_POWER = 6;
/** Rows of a chart that still fits on one A4 page with its caption, scale and legend. */
const WHOLE_ON_A_PAGE = 45;

/** One colour, one meaning: a bar is red when its ratio lies outside the band, blue when inside. */
export const COLOUR = { outside: '#b2182b', inside: '#2166ac', band: '#e6e6e6', grid: '#bdbdbd', parity: '#000000' } as const;

export interface MirrorChartText {
  /** the chart's title */
  caption: string;
  /** under the axis: what it measures */
  axis: string;
  /** legend entries */
  outside: string;
  inside: string;
  band: string;
  parity: string;
  /** a bar's label: "Armenia ← Georgia" */
  label: (row: MirrorViewRow) => string;
}

/** The log2 range the scale spans either side of 1: at least the band and ±2, enough for the largest ratio. */
export function chartRange(rows: readonly MirrorViewRow[], band: { low: number; high: number }): number {
  const logs = rows.map((r) => Math.abs(Math.log2(r.value))).filter(Number.isFinite);
  const needed = Math.max(2, Math.abs(Math.log2(band.low)), Math.abs(Math.log2(band.high)), ...logs);
  return Math.min(MAX_POWER, Math.ceil(needed));
}

/** "1/4", "1/2", "1", "2", "4": the tick labels of a power-of-two scale. */
export function tickLabel(power: number): string {
  return power >= 0 ? String(2 ** power) : `1/${2 ** -power}`;
}

/**
 * The chart of the mirror table: one bar per row of the table, in the table's order, and nothing
 * else. Bars start at 1 (both countries report the same flow) and run along a log2 scale with
 * labelled ticks at every power of two; the band is shaded; the legend says what each colour
 * means. Text stays text (selectable), the bars are vector graphics.
 */
export function mirrorChart(rows: readonly MirrorViewRow[], band: { low: number; high: number }, text: MirrorChartText): Record<string, unknown>[] {
  if (!rows.length) return [];
  const range = chartRange(rows, band);
  const unit = PLOT_WIDTH / (2 * range + 1);
  const x = (log: number) => (log + range + 0.5) * unit;
  const powers = Array.from({ length: 2 * range + 1 }, (_, i) => i - range);
  const grid = (height: number) => [
    { type: 'rect', x: x(Math.log2(band.low)), y: 0, w: x(Math.log2(band.high)) - x(Math.log2(band.low)), h: height, color: COLOUR.band },
    ...powers.map((p) => ({ type: 'line', x1: x(p), y1: 0, x2: x(p), y2: height, lineWidth: 0.3, lineColor: COLOUR.grid })),
    { type: 'line', x1: x(0), y1: 0, x2: x(0), y2: height, lineWidth: 0.8, lineColor: COLOUR.parity },
  ];
  const ticks = () => ({ columns: powers.map((p) => ({ width: unit, text: tickLabel(p), fontSize: 6, alignment: 'center' })), columnGap: 0, margin: [0, 1, 0, 1] });
  const bar = (r: MirrorViewRow) => {
    const log = r.value > 0 ? Math.log2(r.value) : Number.NEGATIVE_INFINITY;
    const clipped = Math.max(-range - 0.35, Math.min(range + 0.35, log));
    const from = Math.min(x(0), x(clipped));
    const to = Math.max(x(0), x(clipped));
    const colour = r.inside ? COLOUR.inside : COLOUR.outside;
    const y = (ROW_HEIGHT - BAR_HEIGHT) / 2;
    const shapes: Record<string, unknown>[] = [...grid(ROW_HEIGHT), { type: 'rect', x: from, y, w: Math.max(0.8, to - from), h: BAR_HEIGHT, color: colour }];
    if (clipped !== log) {
      // beyond the scale: a chevron at the edge says the bar goes on (lines, not a polyline,
      // whose points pdfmake moves in place and loses when it lays a page out again)
      const end = x(clipped);
      const tip = end + (log > 0 ? 4 : -4);
      const mid = y + BAR_HEIGHT / 2;
      for (const [y1, y2] of [[y, mid], [y + BAR_HEIGHT, mid]] as const) shapes.push({ type: 'line', x1: end, y1, x2: tip, y2, lineWidth: 1.2, lineColor: colour });
    }
    return [
      { text: text.label(r), fontSize: 7, lineHeight: 1, margin: [0, 2, 0, 0] },
      { text: r.ratio, fontSize: 7, lineHeight: 1, alignment: 'right', margin: [0, 2, 0, 0] },
      { canvas: shapes, width: PLOT_WIDTH },
    ];
  };
  const axis = {
    stack: [
      {
        canvas: [
          { type: 'line', x1: x(-range), y1: 0, x2: x(range), y2: 0, lineWidth: 0.6 },
          ...powers.map((p) => ({ type: 'line', x1: x(p), y1: 0, x2: x(p), y2: 3, lineWidth: 0.6 })),
        ],
      },
      ticks(),
      { text: text.axis, fontSize: 7, alignment: 'center' },
    ],
  };
  const layout = {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: (i: number) => (i === 2 ? 0 : 2),
    paddingRight: (i: number) => (i === 2 ? 0 : 4),
    paddingTop: () => 0,
    paddingBottom: () => 0,
  };
  const swatch = (colour: string) => ({ canvas: [{ type: 'rect', x: 0, y: 1, w: 10, h: 7, color: colour }], width: 12 });
  const line = { canvas: [{ type: 'line', x1: 5, y1: 0, x2: 5, y2: 9, lineWidth: 0.8, lineColor: COLOUR.parity }], width: 12 };
  const entry = (mark: Record<string, unknown>, label: string) => ({ columns: [mark, { text: label, fontSize: 7 }], columnGap: 3, margin: [0, 1, 0, 1] });
  const legend = [
    ...(rows.some((r) => !r.inside) ? [entry(swatch(COLOUR.outside), text.outside)] : []),
    ...(rows.some((r) => r.inside) ? [entry(swatch(COLOUR.inside), text.inside)] : []),
    entry(swatch(COLOUR.band), text.band),
    entry(line, text.parity),
  ];
  const chart = {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: ['*', 28, PLOT_WIDTH],
      body: [['', '', ticks()], ...rows.map(bar), ['', '', axis]],
    },
    layout,
  };
  // a chart that fits on a page stays whole with its caption and legend; a longer one runs on,
  // its scale repeated at the top of every page
  const block: Record<string, unknown> = { stack: [{ text: text.caption, bold: true, margin: [0, 6, 0, 3] }, chart, { stack: legend, margin: [0, 4, 0, 8] }] };
  if (rows.length <= WHOLE_ON_A_PAGE) block.id = KEEP_TOGETHER;
  return [block];
}
