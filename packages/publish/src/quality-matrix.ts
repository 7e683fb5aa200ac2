import { type MirrorClass, MIRROR_COLOURS, mirrorLegend, mirrorMatrices, ratioText } from '@mch/core';
import type { Block } from './pdf/markup';
import { escapeMarkup as esc } from './pdf/markup';
import type { PublicQualitySummary } from './quality-summary';

/** The first header cell of a matrix table: how the HTML and PDF writers know to colour it. */
export const MATRIX_HEAD = 'in ↓ out →';

/**
 * A cell's class written as a mark after its ratio, so the plain text says what the colour says
 * (and a reader who cannot tell the colours apart loses nothing).
 */
const MARK: Partial<Record<MirrorClass, string>> = { 'far-below': '▼▼', below: '▼', above: '▲', 'far-above': '▲▲', small: '·' };
const BY_MARK = new Map(Object.entries(MARK).map(([cls, m]) => [m, cls as MirrorClass]));

function classOf(text: string, self: boolean): MirrorClass {
  if (self) return 'self';
  const mark = text.split(' ').pop() ?? '';
  return BY_MARK.get(mark) ?? (text === '' || text === '–' ? 'none' : 'inside');
}

/** The mirror section of the markup: the legend, then one matrix per year, the latest first. */
export function matrixMarkup(summary: PublicQualitySummary): string[] {
  const band = summary.mirror_band ?? { band_low: 0.5, band_high: 2, min_size: 50 };
  // the reporting countries: those of the completeness matrix and every country of a mirror pair
  const countries = [...new Set([...summary.completeness.map((c) => c.ref_area), ...summary.mirror.flatMap((m) => [m.receiving, m.sending])])].sort();
  const matrices = mirrorMatrices(summary.mirror, countries, band).reverse();
  const legend = mirrorLegend(band).map((l) => `${l.en}${MARK[l.cls] ? ` (${MARK[l.cls]})` : ''}`);
  const out = [
    '## Mirror matrix: immigration ÷ emigration / Зеркальная матрица: иммиграция ÷ эмиграция',
    '',
    esc(
      `Each cell: immigration to the row country from the column country (the row country's T04), divided by emigration from the column country to the row country (the column country's T08); both sexes, each country's best type (long-term, else national definition). A pair is flagged when the ratio leaves the band ${band.band_low}–${band.band_high} and the larger flow is at least ${band.min_size} persons. Colours and marks: ${legend.join('; ')}. A pair where a figure is missing or not free for publication shows – or nothing.`,
    ),
    '',
  ];
  for (const m of matrices) {
    const flagged = m.rows.flat().filter((c) => c.row?.flagged).length;
    out.push(`### ${m.year}: ${flagged} ${flagged === 1 ? 'pair' : 'pairs'} outside the band / ${m.year}: вне диапазона ${flagged}`, '', `| ${MATRIX_HEAD} | ${m.countries.join(' | ')} |`, `|${'---|'.repeat(m.countries.length + 1)}`);
    for (const [i, row] of m.rows.entries()) {
      const cells = row.map((c) => {
        if (!c.row || c.cls === 'self') return '';
        const mark = MARK[c.cls];
        return esc(`${ratioText(c.row.ratio, c.row.immigration, c.row.emigration)}${mark ? ` ${mark}` : ''}`);
      });
      out.push(`| ${m.countries[i]} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  if (!matrices.length) out.push(esc('No pair of countries reported both immigration by previous residence and emigration by next residence.'), '');
  return out;
}

export function matrixCss(): string {
  return `table.matrix td{text-align:center;min-width:3.2em;border:1px solid #fff;font-variant-numeric:tabular-nums}${Object.entries(MIRROR_COLOURS)
    .map(([cls, c]) => `.m-${cls}{background:${c.fill};color:${c.text}}`)
    .join('')}`;
}

export function matrixHtml(b: Extract<Block, { kind: 'table' }>, html: (s: string) => string): string {
  const head = b.header.map((h) => `<th scope="col">${html(h)}</th>`).join('');
  const body = b.rows
    .map((r, i) => `<tr><th scope="row">${html(r[0] ?? '')}</th>${r.slice(1).map((c, j) => `<td class="m-${classOf(c, i === j)}">${html(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table class="matrix"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The matrix as a pdfmake table for the renderer's chart block. */
export function matrixNodes(b: Extract<Block, { kind: 'table' }>): Record<string, unknown>[] {
  const n = b.header.length;
  const cell = (text: string, cls: MirrorClass) => ({ text, fontSize: 7, alignment: 'center', fillColor: MIRROR_COLOURS[cls].fill, color: MIRROR_COLOURS[cls].text });
  return [
    {
      table: {
        headerRows: 1,
        widths: Array.from({ length: n }, () => '*'),
        body: [b.header.map((h) => ({ text: h, fontSize: 6.5, bold: true, alignment: 'center' })), ...b.rows.map((r, i) => [{ text: r[0] ?? '', fontSize: 7, bold: true }, ...r.slice(1).map((c, j) => cell(c, classOf(c, i === j)))])],
      },
      layout: { hLineColor: '#ffffff', vLineColor: '#ffffff', hLineWidth: () => 1, vLineWidth: () => 1, paddingLeft: () => 1, paddingRight: () => 1 },
      margin: [0, 2, 0, 8],
    },
  ];
}
