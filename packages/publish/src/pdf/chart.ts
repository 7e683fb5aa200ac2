import type { PublicMirrorRow } from '../quality-summary';

const BAR_WIDTH = 240;
const ROWS = 25;

/**
 * A bar per country pair of the latest year: log2 of the mirror ratio I / E around 1, with the
 * band of 0.5 to 2 drawn as lines, so over- and under-reporting read left and right.
 */
export function mirrorChart(
  rows: readonly PublicMirrorRow[],
  label: (m: PublicMirrorRow) => string,
  caption: string,
  ratioText: (ratio: number) => string = (r) => r.toFixed(2),
): Record<string, unknown>[] {
  const usable = rows.filter((m) => m.sex === '_T' && m.ratio !== null && m.ratio > 0);
  if (!usable.length) return [];
  const year = Math.max(...usable.map((m) => m.time_period));
  const shown = usable
    .filter((m) => m.time_period === year)
    .sort((a, b) => Math.abs(Math.log2(b.ratio!)) - Math.abs(Math.log2(a.ratio!)) || (a.receiving < b.receiving ? -1 : a.receiving > b.receiving ? 1 : 0) || (a.sending < b.sending ? -1 : a.sending > b.sending ? 1 : 0))
    .slice(0, ROWS);
  const scale = BAR_WIDTH / 2 / 4; // log2 from -4 to 4
  const centre = BAR_WIDTH / 2;
  const body = shown.map((m) => {
    const x = Math.max(-4, Math.min(4, Math.log2(m.ratio!))) * scale;
    return [
      { text: label(m), fontSize: 7 },
      { text: ratioText(m.ratio!), fontSize: 7, alignment: 'right' },
      {
        canvas: [
          { type: 'line', x1: centre - scale, y1: 0, x2: centre - scale, y2: 9, lineWidth: 0.3, lineColor: '#999999' },
          { type: 'line', x1: centre + scale, y1: 0, x2: centre + scale, y2: 9, lineWidth: 0.3, lineColor: '#999999' },
          { type: 'rect', x: x < 0 ? centre + x : centre, y: 1, w: Math.max(0.5, Math.abs(x)), h: 7, color: m.flagged ? '#b2182b' : '#2166ac' },
          { type: 'line', x1: centre, y1: 0, x2: centre, y2: 9, lineWidth: 0.6 },
        ],
      },
    ];
  });
  return [
    { text: `${caption} (${year})`, bold: true, margin: [0, 6, 0, 2] },
    { table: { widths: ['*', 30, BAR_WIDTH], body }, layout: 'noBorders' },
  ];
}
