import type { Finding } from '@mch/core';
import { type Deflated, type ZipEntry, deflatePieces, zipArchive } from '@mch/core';
import { type Relationship, type WorkbookPackage, ZipArchive, dirOf, readPackage, readRels, readSharedStrings, relsOf, resolve, unescapeOoxml } from '@mch/core/xlsx';
import { type CellNote, claimedBlocks, mergedCommentsPart, mergedNotesDrawing, newCommentsPart, newNotesDrawing } from './comments-edit';
import { type Found, attr, decodeXml, elements, escapeXml, findElement, retag, withAttr } from './ooxml-text';
import { emptyWorkbook } from './skeleton';
import { NotAnnotatable, StylesEdit, styleOf } from './styles-edit';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = {
  worksheet: `${REL}/worksheet`,
  comments: `${REL}/comments`,
  vmlDrawing: `${REL}/vmlDrawing`,
};
const CONTENT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

/** A mark on one cell: the worst severity found there and the note saying what. */
export interface CellMark {
  severity: Finding['severity'];
  note: string;
}

/** A sheet added to the copy: its XML in pieces, made when the copy is written (the listing may be long). */
export interface AddedSheet {
  name: string;
  pieces: (styles: { bold: number; title: number }) => Iterable<Uint8Array>;
}

/**
 * A copy of a workbook with cells marked, notes on them and sheets added, edited in its parts'
 * text: every part it does not change is carried over as the archive stores it, so the country's
 * formats, merged cells, validations, drawings and everything else mch never reads stay as they
 * were. Throws Unreadable (the archive or its package is broken) or NotAnnotatable (a part lacks
 * what the feedback edits) from open and mark; the caller then lists the findings instead.
 */
export class WorkbookCopy {
  /** the parts edited, by name in lower case: written as this text; every other part is copied as stored */
  private readonly texts = new Map<string, string>();
  /** the parts read and not (yet) edited */
  private readonly read = new Map<string, string>();
  private readonly added: { name: string; content: string | (() => Promise<Deflated>) }[] = [];
  private readonly cells = new Map<string, Map<string, { attrs: string; inner: string | undefined }>>();
  private shared?: string[];
  private styles?: StylesEdit;
  private noteParts = 0;

  private constructor(
    private readonly zip: ZipArchive,
    private readonly pkg: WorkbookPackage,
  ) {}

  static open(bytes: Uint8Array): WorkbookCopy {
    const zip = ZipArchive.open(bytes);
    const pkg = readPackage(zip);
    if (!pkg.styles) throw new NotAnnotatable('the workbook has no styles part');
    if (!zip.has('[Content_Types].xml')) throw new NotAnnotatable('the archive has no [Content_Types].xml');
    return new WorkbookCopy(zip, pkg);
  }

  /** A workbook of mch's own without sheets (emptyWorkbook), to add sheets to. */
  static empty(releaseDate: string): WorkbookCopy {
    const zip = ZipArchive.open(emptyWorkbook(releaseDate));
    return new WorkbookCopy(zip, { workbook: 'xl/workbook.xml', sheets: [], styles: 'xl/styles.xml', date1904: false, unused: [] });
  }

  get sheetNames(): string[] {
    return this.pkg.sheets.map((s) => s.name);
  }

  /** The cell's value as the workbook holds it (a number's digits, a text, a formula's last result); '' for none. */
  originalValue(sheet: string, ref: string): string {
    const part = this.worksheetPart(sheet);
    const cell = part ? this.cellsOf(part).get(ref.toUpperCase()) : undefined;
    if (!cell?.inner) return '';
    const type = attr(cell.attrs, 't');
    if (type === 'inlineStr') return unescapeOoxml(decodeXml(textRuns(findElement(cell.inner, 'is')?.inner ?? '')));
    const v = findElement(cell.inner, 'v')?.inner;
    if (v === undefined) return '';
    const value = decodeXml(v);
    if (type === 's') {
      this.shared ??= this.pkg.sharedStrings ? readSharedStrings(this.zip, this.pkg.sharedStrings, 2_000_000) : [];
      return this.shared[Number(value)] ?? '';
    }
    if (type === 'b') return value === '1' ? 'TRUE' : 'FALSE';
    return type === 'str' || type === 'e' ? unescapeOoxml(value) : value;
  }

  /** Fills each marked cell of the sheet with its severity's colour and puts its note on it; returns how many cells. */
  mark(sheet: string, marks: ReadonlyMap<string, CellMark>): number {
    const part = this.worksheetPart(sheet);
    if (!part || !marks.size) return 0;
    const styles = this.stylesEdit();
    const xml = this.text(part);
    const found = [...cellElements(xml)].filter((c) => c.ref && marks.has(c.ref));
    let out = '';
    let at = 0;
    for (const c of found) {
      const s = styles.markedStyle(styleOf(c.found.attrs), marks.get(c.ref!)!.severity);
      out += retag(xml.slice(at, c.found.end), { ...c.found, start: c.found.start - at, end: c.found.end - at }, 'c', withAttr(c.found.attrs, 's', String(s)));
      at = c.found.end;
    }
    let edited = out + xml.slice(at);
    // a marked place the sheet holds no cell at (an empty cell): a cell of its own, with the mark's format
    const present = new Set(found.map((c) => c.ref));
    const absent = [...marks].filter(([ref]) => !present.has(ref)).map(([ref, m]) => ({ ref, at: place(ref), s: styles.markedStyle(undefined, m.severity) }));
    edited = withCells(edited, absent);
    this.edit(part, edited);
    this.cells.delete(part);
    const notes = [...marks].map(([ref, m]): CellNote => ({ ref, ...place(ref), text: m.note }));
    this.addNotes(part, notes);
    return marks.size;
  }

  /** Adds sheets after the workbook's own and opens the workbook on the first of them. */
  addSheets(sheets: readonly AddedSheet[]): void {
    const wbPart = this.pkg.workbook;
    let wb = this.text(wbPart);
    const list = findElement(wb, 'sheets');
    if (!list) throw new NotAnnotatable(`${wbPart} has no list of sheets`);
    const existing = [...elements(list.inner ?? '', 'sheet')];
    let sheetId = Math.max(0, ...existing.map((e) => Number(attr(e.attrs, 'sheetId')) || 0));
    const relsPart = relsOf(wbPart);
    const styles = { bold: this.stylesEdit().boldStyle(), title: this.stylesEdit().titleStyleIndex() };
    let entries = '';
    for (const s of sheets) {
      const part = this.freeName(`${inFolder(dirOf(wbPart), 'worksheets/sheet')}`, '.xml');
      const id = this.addRelationship(relsPart, TYPE.worksheet, relativeTarget(dirOf(wbPart), part));
      // the namespace declared on the element itself: some writers (openpyxl) declare it on each sheet, not on the root
      entries += `<${list.prefix}sheet name="${escapeXml(s.name)}" sheetId="${++sheetId}" xmlns:r="${REL}" r:id="${id}"/>`;
      this.addContentType(`<Override PartName="/${part}" ContentType="${CONTENT.worksheet}"/>`);
      this.added.push({ name: part, content: () => deflatePieces(s.pieces(styles)) });
    }
    wb = wb.slice(0, list.start) + `<${list.prefix}sheets${list.attrs}>${list.inner ?? ''}${entries}</${list.prefix}sheets>` + wb.slice(list.end);
    this.edit(wbPart, activeTab(wb, existing.length));
    // one selected sheet: the one the workbook opens on
    for (const s of this.pkg.sheets) this.unselect(s.part);
  }

  /** The copy's bytes; every entry stamped with `dosDate`. */
  async bytes(dosDate: number): Promise<Buffer> {
    if (this.styles) this.edit(this.pkg.styles!, this.styles.text());
    const entries: ZipEntry[] = [];
    for (const name of this.zip.names) {
      const text = this.texts.get(name.toLowerCase());
      if (text !== undefined) entries.push([name, text]);
      else {
        const raw = this.zip.raw(name);
        entries.push([name, raw.method === 8 ? { deflated: raw.data, crc: raw.crc, size: raw.size } : raw.data]);
      }
    }
    for (const a of this.added) entries.push([a.name, this.texts.get(a.name.toLowerCase()) ?? (typeof a.content === 'string' ? a.content : await a.content())]);
    return Buffer.from(zipArchive(entries, { dosDate }));
  }

  private stylesEdit(): StylesEdit {
    this.styles ??= new StylesEdit(this.text(this.pkg.styles!));
    return this.styles;
  }

  private worksheetPart(sheet: string): string | undefined {
    const s = this.pkg.sheets.find((x) => x.name === sheet);
    return s?.kind === 'worksheet' ? s.part : undefined;
  }

  private cellsOf(part: string): Map<string, { attrs: string; inner: string | undefined }> {
    let map = this.cells.get(part);
    if (!map) {
      map = new Map();
      for (const c of cellElements(this.text(part))) if (c.ref && !map.has(c.ref)) map.set(c.ref, { attrs: c.found.attrs, inner: c.found.inner });
      this.cells.set(part, map);
    }
    return map;
  }

  /** Part names are case-insensitive (OPC): a relationship may name "Sheet1.xml" for the entry "sheet1.xml". */
  private edit(part: string, text: string): void {
    this.texts.set(part.toLowerCase(), text);
  }

  /** A part's text as edited so far, or as the archive holds it. */
  private text(part: string): string {
    let t = this.texts.get(part.toLowerCase()) ?? this.read.get(part.toLowerCase());
    if (t === undefined) {
      t = Buffer.from(this.zip.read(part)).toString('utf8');
      this.read.set(part.toLowerCase(), t);
    }
    return t;
  }

  private exists(part: string): boolean {
    return this.zip.has(part) || this.added.some((a) => a.name.toLowerCase() === part.toLowerCase());
  }

  /**
   * `<base><n><ext>` for the first n from 1 the package does not hold: the names Excel gives
   * such parts (xl/worksheets/sheet3.xml, xl/comments1.xml, xl/drawings/vmlDrawing1.vml), which
   * some readers (exceljs) look for by name.
   */
  private freeName(base: string, ext: string): string {
    for (let i = 1; ; i++) if (!this.exists(`${base}${i}${ext}`)) return `${base}${i}${ext}`;
  }

  /** The sheet's notes: in its comments part and its drawing part, each the sheet's own where it has one, else a new one. */
  private addNotes(sheetPart: string, notes: CellNote[]): void {
    const relsPart = relsOf(sheetPart);
    const rels = this.relsOf(relsPart);
    const target = (rel: Relationship | undefined) => (rel ? resolve(relsPart, dirOf(sheetPart), rel) : undefined);
    const comments = target([...rels.values()].find((r) => r.type.endsWith('/comments')));
    if (comments && this.exists(comments)) this.edit(comments, mergedCommentsPart(this.text(comments), notes));
    else {
      const part = this.freeName(inFolder(dirOf(this.pkg.workbook), 'comments'), '.xml');
      this.added.push({ name: part, content: newCommentsPart(notes) });
      this.addRelationship(relsPart, TYPE.comments, relativeTarget(dirOf(sheetPart), part));
      this.addContentType(`<Override PartName="/${part}" ContentType="${CONTENT.comments}"/>`);
    }
    const sheet = this.text(sheetPart);
    const legacy = findElement(sheet, 'legacyDrawing', sheet.search(/<\/(?:[A-Za-z_][\w.-]*:)?sheetData>/));
    if (legacy) {
      const drawing = target(rels.get(attr(legacy.attrs, 'id') ?? ''));
      if (!drawing || !this.exists(drawing)) throw new NotAnnotatable(`${sheetPart} names a drawing part the package does not hold`);
      this.edit(drawing, mergedNotesDrawing(this.text(drawing), notes));
      return;
    }
    const block = Math.max(0, ...this.zip.names.filter((n) => /\.vml$/i.test(n)).flatMap((n) => claimedBlocks(this.text(n)))) + ++this.noteParts;
    const part = this.freeName(inFolder(dirOf(this.pkg.workbook), 'drawings/vmlDrawing'), '.vml');
    this.added.push({ name: part, content: newNotesDrawing(notes, block) });
    const id = this.addRelationship(relsPart, TYPE.vmlDrawing, relativeTarget(dirOf(sheetPart), part));
    if (!this.hasDefault('vml')) this.addContentType(`<Default Extension="vml" ContentType="${CONTENT.vml}"/>`);
    this.edit(sheetPart, withLegacyDrawing(sheet, id));
  }

  private relsOf(relsPart: string): Map<string, Relationship> {
    if (!this.exists(relsPart)) return new Map();
    if (!this.texts.has(relsPart.toLowerCase())) return readRels(this.zip, relsPart);
    const out = new Map<string, Relationship>();
    for (const r of elements(this.text(relsPart), 'Relationship')) {
      const id = attr(r.attrs, 'Id');
      if (id) out.set(id, { type: attr(r.attrs, 'Type') ?? '', target: attr(r.attrs, 'Target') ?? '', external: attr(r.attrs, 'TargetMode') === 'External' });
    }
    return out;
  }

  /** Adds a relationship to a relationships part (made if the package has none) and returns its Id. */
  private addRelationship(relsPart: string, type: string, target: string): string {
    const known = this.relsOf(relsPart);
    let id = 'rIdMch1';
    for (let i = 2; known.has(id); i++) id = `rIdMch${i}`;
    const entry = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
    if (!this.exists(relsPart)) {
      this.added.push({ name: relsPart, content: '' });
      this.edit(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entry}</Relationships>`);
    } else this.edit(relsPart, insertBeforeClose(this.text(relsPart), 'Relationships', entry));
    return id;
  }

  private addContentType(entry: string): void {
    this.edit('[Content_Types].xml', insertBeforeClose(this.text('[Content_Types].xml'), 'Types', entry));
  }

  private hasDefault(ext: string): boolean {
    return [...elements(this.text('[Content_Types].xml'), 'Default')].some((d) => attr(d.attrs, 'Extension')?.toLowerCase() === ext);
  }

  /** The sheet's tab (a worksheet's or a chartsheet's) no longer selected (the workbook opens on the summary, and two selected tabs would group the sheets). */
  private unselect(part: string): void {
    const xml = this.text(part);
    if (!xml.includes('tabSelected')) return;
    const views = findElement(xml, 'sheetViews');
    if (!views?.inner) return;
    const inner = views.inner.replace(/(<(?:[A-Za-z_][\w.-]*:)?(?:sheetView|chartsheetView)\b[^>]*?)\s+tabSelected\s*=\s*(?:"[^"]*"|'[^']*')/g, '$1');
    this.edit(part, xml.slice(0, views.start) + `<${views.prefix}sheetViews${views.attrs}>${inner}</${views.prefix}sheetViews>` + xml.slice(views.end));
  }
}

/** A path inside the folder `dir` ('' for the package's root). */
const inFolder = (dir: string, path: string) => (dir ? `${dir}/${path}` : path);

/** A relationship's target for `part`, relative to the folder of the part the relationship is of (as Excel writes them). */
function relativeTarget(fromDir: string, part: string): string {
  const from = fromDir ? fromDir.split('/') : [];
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The text of an inline string's runs, phonetic guides left out. */
function textRuns(inner: string): string {
  const withoutPhonetic = inner.replace(/<((?:[A-Za-z_][\w.-]*:)?rPh)\b[\s\S]*?<\/\1>/g, '');
  return [...elements(withoutPhonetic, 't')].map((t) => t.inner ?? '').join('');
}

/** Every `<c>` element of a sheet's XML, with its reference (upper case) where it has one. */
function* cellElements(xml: string): Generator<{ ref: string | undefined; found: Found }> {
  for (const found of elements(xml, 'c')) yield { ref: attr(found.attrs, 'r')?.toUpperCase(), found };
}

/** The 0-based row and column of an A1 reference Excel can hold (column A to XFD, row 1 to 1 048 576); undefined for any other text. */
export function cellPlace(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Za-z]{1,3})([1-9]\d{0,6})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return col <= 16_384 && row <= 1_048_576 ? { row: row - 1, col: col - 1 } : undefined;
}

/** cellPlace of a reference that must be one. */
function place(ref: string): { row: number; col: number } {
  const at = cellPlace(ref);
  if (!at) throw new NotAnnotatable(`"${ref}" is no cell reference`);
  return at;
}

/** An empty cell to add at `ref` (0-based `at`), in format `s`. */
interface NewCell {
  ref: string;
  at: { row: number; col: number };
  s: number;
}

/**
 * The sheet's XML with an empty cell for each of `cells`, each in its row (made where the sheet
 * has none) in column order, as the schema asks, in one pass over the sheet's rows. A sheet with a
 * row without a reference, or a row with a cell without one, is left as it is there: where they lie
 * cannot be told without counting, and the note still marks the place.
 */
function withCells(xml: string, cells: readonly NewCell[]): string {
  if (!cells.length) return xml;
  const data = findElement(xml, 'sheetData');
  if (!data) return xml;
  const p = data.prefix;
  const inner = data.inner ?? '';
  const rows = [...elements(inner, 'row')];
  if (rows.some((r) => attr(r.attrs, 'r') === undefined)) return xml;
  const cellXml = (c: NewCell) => `<${p}c r="${c.ref}" s="${c.s}"/>`;
  const byRow = new Map<number, NewCell[]>();
  for (const c of [...cells].sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col)) {
    const list = byRow.get(c.at.row + 1);
    if (list) list.push(c);
    else byRow.set(c.at.row + 1, [c]);
  }
  const present = new Set(rows.map((r) => Number(attr(r.attrs, 'r'))));
  // rows the sheet lacks, in order, each going before the first row (in the file's order) numbered after it
  const missing = [...byRow.keys()].filter((n) => !present.has(n));
  const rowXml = (n: number) => `<${p}row r="${n}">${byRow.get(n)!.map(cellXml).join('')}</${p}row>`;
  let m = 0;
  let edited = '';
  let from = 0;
  for (const row of rows) {
    const rowNo = Number(attr(row.attrs, 'r'));
    let before = '';
    for (; m < missing.length && missing[m]! < rowNo; m++) before += rowXml(missing[m]!);
    const adding = byRow.get(rowNo);
    edited += inner.slice(from, row.start) + before;
    from = row.start;
    if (!adding) continue;
    const body = row.inner ?? '';
    const existing = [...elements(body, 'c')].map((c) => ({ c, ref: attr(c.attrs, 'r') }));
    if (existing.some((c) => c.ref === undefined)) continue;
    // each new cell before the first cell (in the file's order) in a column after it
    let k = 0;
    let rowBody = '';
    let at = 0;
    for (const { c, ref } of existing) {
      const col = place(ref!.toUpperCase()).col;
      let cut = '';
      for (; k < adding.length && adding[k]!.at.col < col; k++) cut += cellXml(adding[k]!);
      rowBody += body.slice(at, c.start) + cut;
      at = c.start;
    }
    rowBody += body.slice(at) + adding.slice(k).map(cellXml).join('');
    edited += `<${row.prefix}row${row.attrs}>${rowBody}</${row.prefix}row>`;
    from = row.end;
  }
  edited += inner.slice(from);
  for (; m < missing.length; m++) edited += rowXml(missing[m]!);
  return `${xml.slice(0, data.start)}<${p}sheetData${data.attrs}>${edited}</${p}sheetData>${xml.slice(data.end)}`;
}

/** `entry` inserted before the closing tag of the part's root element `local`. */
function insertBeforeClose(xml: string, local: string, entry: string): string {
  const m = new RegExp(`</((?:[A-Za-z_][\\w.-]*:)?)${local}>\\s*$`).exec(xml);
  if (!m) throw new NotAnnotatable(`a part has no closing </${local}>`);
  return xml.slice(0, m.index) + entry + xml.slice(m.index);
}

/**
 * The workbook part opening on the sheet at `index`: its first view's activeTab (a view made
 * where it has none). The first visible sheet shown in the tab bar stays as it was.
 */
function activeTab(wb: string, index: number): string {
  const view = findElement(wb, 'workbookView');
  if (view) return retag(wb, view, 'workbookView', withAttr(view.attrs, 'activeTab', String(index)));
  const sheets = findElement(wb, 'sheets')!;
  return `${wb.slice(0, sheets.start)}<${sheets.prefix}bookViews><${sheets.prefix}workbookView activeTab="${index}"/></${sheets.prefix}bookViews>${wb.slice(sheets.start)}`;
}

/**
 * The sheet's XML with a legacyDrawing element naming relationship `id`, where the schema puts it
 * (after drawing, before legacyDrawingHF, pictures, controls, tables and extensions), with the
 * prefix the sheet gives the relationships namespace, or declaring it where the sheet does not.
 */
function withLegacyDrawing(xml: string, rid: string): string {
  const data = xml.search(/<\/(?:[A-Za-z_][\w.-]*:)?sheetData>|<(?:[A-Za-z_][\w.-]*:)?sheetData\s*\/>/);
  if (data < 0) throw new NotAnnotatable('the sheet has no sheetData');
  const root = /<((?:[A-Za-z_][\w.-]*:)?)worksheet\b[^>]*>/.exec(xml);
  const prefix = root?.[1] ?? '';
  const declared = root && new RegExp(`\\sxmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${REL}["']`).exec(root[0])?.[1];
  const id = declared ? `${declared}:id="${rid}"` : `xmlns:r="${REL}" r:id="${rid}"`;
  const after = /<(?:(?:[A-Za-z_][\w.-]*:)?(?:legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|mc:AlternateContent\b)|<\/(?:[A-Za-z_][\w.-]*:)?worksheet>/g;
  after.lastIndex = data;
  const m = after.exec(xml);
  if (!m) throw new NotAnnotatable('the sheet has no closing </worksheet>');
  return `${xml.slice(0, m.index)}<${prefix}legacyDrawing ${id}/>${xml.slice(m.index)}`;
}

export { NotAnnotatable };
