import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';
import { PDF_FONT, renderPdf } from '@mch/office';
import { type Block, parseMarkup } from './markup';
import { columnLayout } from './table-layout';

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
    pageBreakBefore: headingEndsPage,
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    content: withoutTrailingMargin(documentContent(parseMarkup(markup), options.charts)),
  };
  return renderPdf(doc);
}

/** The last block's bottom margin can spill onto a page of its own when the block fills the page: drop it. */
function withoutTrailingMargin(content: unknown[]): unknown[] {
  const last = content[content.length - 1] as { margin?: number[] } | undefined;
  if (last?.margin) last.margin = [last.margin[0] ?? 0, last.margin[1] ?? 0, last.margin[2] ?? 0, 0];
  return content;
}

/** What pdfmake 0.3 tells `pageBreakBefore` about a node and the page it starts on. */
interface NodeInfo {
  id?: string;
  headlineLevel?: number;
  startPosition?: { verticalRatio?: number };
  /** the pages the node is laid out on */
  pageNumbers?: number[];
}

/**
 * The id of a block that fits on a page and must not be split (a chart with its caption and
 * legend): it starts the next page when it would run over the end of this one. (pdfmake's own
 * `unbreakable` loses a table with repeated header rows when it moves it.)
 */
export const KEEP_TOGETHER = 'keep-together';

/** A block already this close to the top of its page gains nothing from a new page. */
const TOP_OF_PAGE = 0.05;

/** A heading this far down a page keeps too little of what it introduces: it starts the next page instead. */
const HEADING_LOW_ON_PAGE = 0.9;

/**
 * A heading never ends a page: it moves to the next page with what it introduces when nothing
 * follows it on its page or it starts in the last tenth of the page. A block kept together that
 * runs over the end of its page starts the next one. (pdfmake 0.3 passes an object of getters,
 * not the list of following nodes older versions passed.)
 */
export function headingEndsPage(node: NodeInfo, context: { getFollowingNodesOnPage: () => unknown[] }): boolean {
  if (node.id === KEEP_TOGETHER) return (node.pageNumbers?.length ?? 1) > 1 && (node.startPosition?.verticalRatio ?? 0) > TOP_OF_PAGE;
  if (!node.headlineLevel) return false;
  return context.getFollowingNodesOnPage().length === 0 || (node.startPosition?.verticalRatio ?? 0) > HEADING_LOW_ON_PAGE;
}

/** A first paragraph this short (some six lines) goes to the next page with its heading rather than be split from it. */
const SHORT_PARAGRAPH = 600;

/** A list this short (a third of a page) goes to the next page whole with its heading rather than be split from it. */
const SHORT_LIST = 1800;

/**
 * The blocks as pdfmake content. Headings followed by a short paragraph or a short list are one
 * unbreakable stack: pdfmake moves it whole to the next page when it does not fit, within the same layout
 * pass. Any other heading is moved by `headingEndsPage`, and each heading it moves costs pdfmake
 * a layout of the whole document again (the English notes took 7): most headings of the notes
 * open with a short paragraph.
 */
function documentContent(blocks: readonly Block[], charts: PdfOptions['charts']): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < blocks.length; i++) {
    let j = i;
    while (blocks[j]?.kind === 'heading') j++;
    const first = blocks[j];
    if (j > i && first?.kind === 'list' && isShort(first)) {
      // a country's section of the notes: its heading and its short list of facts move together
      out.push({ stack: blocks.slice(i, j + 1).flatMap((b) => blockContent(b, charts, false)), unbreakable: true });
      i = j;
    } else if (j > i && first?.kind === 'paragraph' && first.text.length <= SHORT_PARAGRAPH) {
      // "## 10. Accessibility … what it is for:" before a short list or table: all of it one stack
      const whole = introduces(first, blocks[j + 1]) && isShort(blocks[j + 1]!) ? j + 1 : j;
      const stack = { stack: blocks.slice(i, whole + 1).flatMap((b) => blockContent(b, charts, false, true)), unbreakable: true };
      // before a longer one, the stack stays with what it introduces
      out.push(whole === j && introduces(first, blocks[j + 1]) ? { ...stack, headlineLevel: INTRODUCTION } : stack);
      i = whole;
    } else if (introduces(blocks[i]!, blocks[i + 1]) && isShort(blocks[i + 1]!)) {
      // "The codes used in this release:" and its short table move together
      out.push({ stack: [blocks[i]!, blocks[i + 1]!].flatMap((b) => blockContent(b, charts, false, true)), unbreakable: true });
      i++;
    } else if (introduces(blocks[i]!, blocks[i + 1])) {
      // "… used in this release:" stays with its table or list, as a heading does
      out.push({ ...blockContent(blocks[i]!, charts)[0]!, headlineLevel: INTRODUCTION });
    } else out.push(...blockContent(blocks[i]!, charts));
  }
  return out;
}

/** The headline level headingEndsPage is given for a paragraph that introduces the table or list after it. */
const INTRODUCTION = 4;

function introduces(block: Block, next: Block | undefined): boolean {
  return block.kind === 'paragraph' && block.text.trimEnd().endsWith(':') && (next?.kind === 'table' || next?.kind === 'list');
}

/** A list or table short enough (a third of a page) to go to the next page whole with what introduces it. */
function isShort(block: Block): boolean {
  if (block.kind === 'list') return block.items.reduce((n, t) => n + t.length, 0) <= SHORT_LIST;
  return block.kind === 'table' && block.rows.length <= SHORT_TABLE_ROWS;
}

const SHORT_TABLE_ROWS = 16;

/**
 * `movable`: a heading headingEndsPage may move (one not kept with its paragraph already).
 * `whole`: a table inside an unbreakable stack, which never spans pages, so it repeats no header
 * row (pdfmake loses a table with repeated header rows when it moves an unbreakable stack).
 */
function blockContent(block: Block, charts: PdfOptions['charts'], movable = true, whole = false): unknown[] {
  switch (block.kind) {
    case 'heading':
      return [{ text: block.text, style: `h${block.level}`, outline: block.level < 3, ...(movable ? { headlineLevel: block.level } : {}) }];
    case 'paragraph':
      return [{ text: block.text, style: 'p' }];
    case 'list':
      return [{ ul: block.items, margin: [0, 0, 0, 5] }];
    case 'table':
      return [tableContent(block, whole)];
    case 'chart':
      return charts[block.name] ?? [];
  }
}

/** A table of the markup: widths from `columnLayout`, figures right-aligned, rows never split across pages. */
function tableContent(block: Extract<Block, { kind: 'table' }>, whole = false): Record<string, unknown> {
  const width = block.header.length;
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const header = pad(block.header);
  const rows = block.rows.map(pad);
  const { numeric, widths, keepWhole } = columnLayout(header, rows);
  const cell = (t: string, i: number, style: string) => ({ text: t, style, alignment: numeric[i] ? 'right' : 'left', noWrap: style === 'td' && keepWhole(t, i) });
  return {
    table: {
      ...(whole ? {} : { headerRows: 1, keepWithHeaderRows: 1 }),
      dontBreakRows: true,
      widths,
      body: [header.map((t, i) => cell(t, i, 'th')), ...rows.map((r) => r.map((t, i) => cell(t, i, 'td')))],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}
