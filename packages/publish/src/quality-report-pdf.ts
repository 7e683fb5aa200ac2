import { parseMarkup } from './pdf/markup';
import { markupToPdf } from './pdf/render';
import { MATRIX_HEAD, matrixNodes } from './quality-matrix';

/**
 * The PDF of the same markup. The matrices become coloured pdfmake tables and each country's
 * scorecard starts a page: both through the renderer's chart blocks, so the markup stays the one text.
 */
export async function qualityReportPdf(markup: string, title: string, date: string): Promise<Buffer> {
  const charts: Record<string, Record<string, unknown>[]> = {};
  const lines: string[] = [];
  let matrix: string[] = [];
  const flush = () => {
    if (!matrix.length) return;
    const name = `matrix-${letters(Object.keys(charts).filter((k) => k.startsWith('matrix-')).length)}`;
    const [block] = parseMarkup(matrix.join('\n'));
    if (block?.kind === 'table') charts[name] = matrixNodes(block);
    lines.push(`[[chart:${name}]]`);
    matrix = [];
  };
  for (const line of markup.split('\n')) {
    if (line.startsWith(`| ${MATRIX_HEAD} |`) || (matrix.length && line.startsWith('|'))) matrix.push(line);
    else {
      flush();
      const page = /^\[\[chart:(page-[a-z]+)\]\]$/.exec(line);
      if (page) charts[page[1]!] = [{ text: '', pageBreak: 'before' }];
      lines.push(line);
    }
  }
  flush();
  return markupToPdf(lines.join('\n'), { title, author: 'UNECE Statistical Division', language: 'en-GB', date, charts });
}

/** 0 → a, 25 → z, 26 → ba: chart names are letters only. */
function letters(n: number): string {
  const s = String.fromCharCode(97 + (n % 26));
  return n < 26 ? s : letters(Math.floor(n / 26)) + s;
}
