import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';
import { PDF_FONT, renderPdf } from '@mch/office';
import { type Block, parseMarkup } from './markup';

/** Renders a Handlebars template with a view: no HTML escaping (the view escapes for the markup), unknown fields are errors. */
export async function renderTemplate(path: string, view: unknown): Promise<string> {
  const source = await readFile(path, 'utf8');
  const template = Handlebars.create().compile(source, { noEscape: true, strict: true });
  return template(view);
}

export interface PdfOptions {
  title: string;
  author: string;
  language: string;
  /** the release date: the PDF's creation and modification dates, so two builds match */
  date: string;
  charts: Record<string, Record<string, unknown>[]>;
}

/** Lays out the markup with pdfmake, DejaVu Sans embedded (Cyrillic renders, text stays selectable). */
export async function markupToPdf(markup: string, options: PdfOptions): Promise<Buffer> {
  const fixed = new Date(`${options.date}T00:00:00Z`);
  const doc = {
    info: { title: options.title, author: options.author, creator: 'mch', producer: 'mch', creationDate: fixed, modDate: fixed },
    language: options.language,
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 10, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 3] },
      p: { margin: [0, 0, 0, 5] },
      th: { bold: true, fontSize: 8 },
      td: { fontSize: 8 },
    },
    // a heading never ends a page: it moves to the next page with what it introduces
    pageBreakBefore: (node: { headlineLevel?: number }, followingNodesOnPage: unknown[]) => Boolean(node.headlineLevel) && followingNodesOnPage.length < 3,
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    content: parseMarkup(markup).flatMap((b) => blockContent(b, options.charts)),
  };
  return renderPdf(doc);
}

function blockContent(block: Block, charts: PdfOptions['charts']): unknown[] {
  switch (block.kind) {
    case 'heading':
      return [{ text: block.text, style: `h${block.level}`, outline: block.level < 3, headlineLevel: block.level }];
    case 'paragraph':
      return [{ text: block.text, style: 'p' }];
    case 'list':
      return [{ ul: block.items, margin: [0, 0, 0, 5] }];
    case 'table':
      return [tableContent(block)];
    case 'chart':
      return charts[block.name] ?? [];
  }
}

/** Figures, dashes, ratios and percentages: such a column is right-aligned and as narrow as its content. */
const NUMERIC = /^(—|-|[-+]?[\d\u202f.,]+(\u00a0[%!])?)?$/;

/**
 * Numeric columns right-aligned and sized to their content (never wrapping "90.3 %"); text
 * columns with long content share the remaining width (the widest text column when none is
 * long); rows never split across pages.
 */
function tableContent(block: Extract<Block, { kind: 'table' }>): Record<string, unknown> {
  const width = block.header.length;
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const rows = block.rows.map(pad);
  const numeric = Array.from({ length: width }, (_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[i]!)));
  const longest = Array.from({ length: width }, (_, i) => Math.max(0, ...rows.map((r) => r[i]!.length)));
  const star = longest.map((n, i) => !numeric[i] && n > 24);
  // pdfmake can let a table of auto columns run past the margin: the widest text column stretches instead
  const widest = longest.reduce((best, n, i) => (!numeric[i] && (best < 0 || n > longest[best]!) ? i : best), -1);
  if (!star.some(Boolean) && widest >= 0) star[widest] = true;
  // figures and short cells ("T01–T03", "01-01", "90.3 %") never wrap; names and headers may
  const cell = (t: string, i: number, style: string) => ({ text: t, style, alignment: numeric[i] ? 'right' : 'left', noWrap: style === 'td' && (numeric[i] || t.length <= 12) });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths: star.map((s) => (s ? '*' : 'auto')),
      body: [pad(block.header).map((t, i) => cell(t, i, 'th')), ...rows.map((r) => r.map((t, i) => cell(t, i, 'td')))],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}
