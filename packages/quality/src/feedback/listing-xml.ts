// The rows of the "MCH findings" sheet as sheet XML, spliced into the workbook exceljs wrote with
// the header row alone: a listing of a few hundred thousand findings is text, never cell objects.

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

/** Text exceljs writes as it is (cell notes, the summary) with what XML 1.0 cannot hold replaced by U+FFFD. */
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

/** One row of sheet XML: numbers as numbers, text inline, empty text no cell at all. */
export function rowXml(r: number, values: readonly (string | number)[]): string {
  let out = `<row r="${r}">`;
  values.forEach((v, i) => {
    const ref = `${column(i)}${r}`;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) out += `<c r="${ref}"><v>${v}</v></c>`;
    } else if (v !== '') out += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${cellText(v)}</t></is></c>`;
  });
  return `${out}</row>`;
}

/** Rows of XML gathered before they are encoded: a piece of about a megabyte. */
const PIECE_CHARS = 1 << 20;

/**
 * The sheet XML exceljs wrote for the listing (its header row alone) with `rows` added below the
 * header, from row 2, and its dimension widened to them: in pieces of about a megabyte, each made
 * as the reader asks (deflatePieces), so the listing is never whole in memory.
 */
export function* withRows(sheet: Uint8Array, rows: Iterable<readonly (string | number)[]>, width: number, count: number): Generator<Buffer> {
  const xml = Buffer.from(sheet).toString('utf8');
  const end = xml.lastIndexOf('</sheetData>');
  if (end < 0) throw new Error('the listing sheet exceljs wrote has no </sheetData>');
  yield Buffer.from(xml.slice(0, end).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${column(width - 1)}${count + 1}"/>`), 'utf8');
  let piece = '';
  let r = 1;
  for (const row of rows) {
    piece += rowXml(++r, row);
    if (piece.length >= PIECE_CHARS) {
      yield Buffer.from(piece, 'utf8');
      piece = '';
    }
  }
  if (r !== count + 1) throw new Error(`the listing has ${r - 1} rows, not the ${count} its dimension says`);
  yield Buffer.from(piece + xml.slice(end), 'utf8');
}

/**
 * The archive path of the worksheet named `name`, from the workbook part and its relationships
 * as exceljs writes them (`xl/workbook.xml`, `xl/_rels/workbook.xml.rels`).
 */
export function worksheetPath(workbookXml: string, relsXml: string, name: string): string {
  const attribute = (element: string, key: string) => {
    const v = new RegExp(`\\s${key}="([^"]*)"`).exec(element)?.[1];
    return v === undefined ? undefined : decodeEntities(v);
  };
  const sheet = [...workbookXml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]).find((s) => attribute(s, 'name') === name);
  const id = sheet && attribute(sheet, 'r:id');
  const rel = id && [...relsXml.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => m[0]).find((r) => attribute(r, 'Id') === id);
  const target = rel ? attribute(rel, 'Target') : undefined;
  if (!target) throw new Error(`the workbook exceljs wrote has no sheet "${name}"`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** An XML attribute value's text: the five named entities and character references. */
function decodeEntities(v: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return v.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : named[e]!));
}
