// The sheets mch adds to a feedback workbook, as sheet XML: a listing of a few hundred thousand
// findings is text made a piece at a time, never cell objects.

/** Longest text a cell may hold in Excel; a longer one makes the workbook unreadable to it. */
const MAX_CELL_TEXT = 32_767;

/** Characters XML 1.0 cannot hold: controls but tab, line feed and carriage return; U+FFFE and U+FFFF. */
const NOT_XML = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';
const NOT_XML_CHAR = new RegExp(`[${NOT_XML}]`, 'g');

/**
 * What a cell's text cannot carry as it is: what XML cannot hold, a carriage return (XML readers
 * turn CR LF into LF), and text that reads as OOXML's `_xHHHH_` escape; each is written as that
 * escape, as Excel does.
 */
const ESCAPED = new RegExp(`[${NOT_XML}\\r]|_(?=x[0-9A-Fa-f]{4}_)`, 'g');
/** A half of a surrogate pair without its other half: no character at all, written as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character cellText changes, or starts a change at. */
const SPECIAL = new RegExp(`[&<>_\\r\\uD800-\\uDFFF${NOT_XML}]`);

/** A cell's text as sheet XML: escaped, cut to what Excel holds (never inside a surrogate pair). */
export function cellText(text: string): string {
  // most texts hold none of it: one test, no replacing
  if (text.length <= MAX_CELL_TEXT && !SPECIAL.test(text)) return text;
  let cut = text;
  if (text.length > MAX_CELL_TEXT) {
    let end = MAX_CELL_TEXT - 1;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    cut = `${text.slice(0, end)}…`;
  }
  return cut
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(ESCAPED, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A cell note's text with what XML 1.0 cannot hold replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(NOT_XML_CHAR, '\uFFFD');
}

/** A1 column letters of the 0-based column `i`. */
function column(i: number): string {
  let n = i + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** One row of sheet XML: numbers as numbers, text inline, empty text no cell at all; each cell in format `style` where given. */
export function rowXml(r: number, values: readonly (string | number)[], style?: number): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  let out = `<row r="${r}">`;
  values.forEach((v, i) => {
    const ref = `${column(i)}${r}`;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) out += `<c r="${ref}"${s}><v>${v}</v></c>`;
    } else if (v !== '') out += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${cellText(v)}</t></is></c>`;
  });
  return `${out}</row>`;
}

/** Rows of XML gathered before they are encoded: a piece of about a megabyte. */
const PIECE_CHARS = 1 << 20;

/** How a sheet mch adds looks: its column widths, whether its first row stays in view, whether its tab is selected. */
export interface SheetLayout {
  widths: readonly number[];
  frozenHeader: boolean;
  selected: boolean;
}

/**
 * A worksheet part holding `rows` of sheet XML (made as the reader asks, in pieces of about a
 * megabyte, so a listing of a few hundred thousand findings is never whole in memory): `count`
 * of them, `width` columns wide, as its dimension says.
 */
export function* sheetXml(layout: SheetLayout, rows: Iterable<string>, width: number, count: number): Generator<Buffer> {
  const pane = layout.frozenHeader ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' : '';
  const cols = layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  yield Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<dimension ref="A1:${column(Math.max(width, 1) - 1)}${Math.max(count, 1)}"/><sheetViews><sheetView${layout.selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`,
    'utf8',
  );
  let piece = '';
  let n = 0;
  for (const row of rows) {
    piece += row;
    n++;
    if (piece.length >= PIECE_CHARS) {
      yield Buffer.from(piece, 'utf8');
      piece = '';
    }
  }
  if (n !== count) throw new Error(`the sheet has ${n} rows, not the ${count} its dimension says`);
  yield Buffer.from(`${piece}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`, 'utf8');
}
