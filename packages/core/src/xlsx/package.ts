import { quote } from './text';
import { Unreadable } from './unreadable';
import { type Attrs, scanXml } from './xml';
import type { ZipArchive } from './zip';

/** A sheet as the workbook lists it, with the part its relationship leads to. */
export interface SheetPart {
  name: string;
  hidden: boolean;
  /** the part holding its cells; chart and dialog sheets hold none */
  part: string;
  kind: 'worksheet' | 'other';
}

export interface WorkbookPackage {
  /** the workbook part ("xl/workbook.xml" as Excel writes it) */
  workbook: string;
  sheets: SheetPart[];
  sharedStrings?: string;
  styles?: string;
  date1904: boolean;
  /** worksheet-like parts no sheet of the workbook uses (a "sheet1.xml.bak"): never read, named in a warning */
  unused: string[];
}

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/**
 * Follows the package's relationships from `_rels/.rels` to the workbook and from the workbook to
 * its sheets, as Excel does: a sheet whose relationship is missing, dangling or points outside the
 * package makes the file unreadable (naming the sheet), never a workbook that silently holds nothing.
 */
export function readPackage(zip: ZipArchive): WorkbookPackage {
  const root = zip.has('_rels/.rels') ? readRels(zip, '_rels/.rels') : undefined;
  const office = root ? [...root.values()].find((r) => r.type.endsWith('/officeDocument')) : undefined;
  if (root && !office) throw new Unreadable('_rels/.rels names no workbook part', '_rels/.rels');
  const workbook = office ? resolve('_rels/.rels', '', office) : 'xl/workbook.xml';
  if (!zip.has(workbook)) throw new Unreadable(`the workbook part ${workbook} is not in the archive${otherKind(zip)}`, workbook);
  const listed = readWorkbook(zip, workbook);
  const relsName = relsOf(workbook);
  if (!zip.has(relsName)) throw new Unreadable(`${relsName} is missing, so the parts holding the sheets cannot be found`, relsName);
  const rels = readRels(zip, relsName);
  const base = dirOf(workbook);
  const sheets = listed.sheets.map((s): SheetPart => {
    const rel = rels.get(s.rid);
    const where = `sheet ${quote(s.name)}`;
    if (!rel) throw new Unreadable(`${where} has no relationship ${quote(s.rid)} in ${relsName}`, relsName);
    const part = resolve(relsName, base, rel, where);
    if (!zip.has(part)) throw new Unreadable(`${where} refers to ${part}, which is not in the archive`, relsName);
    return { name: s.name, hidden: s.hidden, part, kind: rel.type.endsWith('/worksheet') ? 'worksheet' : 'other' };
  });
  const partOf = (type: string, fallback: string) => {
    const rel = [...rels.values()].find((r) => r.type.endsWith(type));
    const part = rel ? resolve(relsName, base, rel) : fallback;
    if (rel && !zip.has(part)) throw new Unreadable(`${relsName} refers to ${part}, which is not in the archive`, relsName);
    return zip.has(part) ? part : undefined;
  };
  const used = new Set(sheets.map((s) => s.part.toLowerCase()));
  const unused = zip.names.filter((n) => /(?:^|\/)(?:worksheets|chartsheets)\/(?!_rels\/)[^/]+$/iu.test(n) && !used.has(n.toLowerCase())).sort();
  const sharedStrings = partOf('/sharedStrings', `${base ? `${base}/` : ''}sharedStrings.xml`);
  const styles = partOf('/styles', `${base ? `${base}/` : ''}styles.xml`);
  return { workbook, sheets, date1904: listed.date1904, unused, ...(sharedStrings ? { sharedStrings } : {}), ...(styles ? { styles } : {}) };
}

/** What an archive without a workbook is instead, when it says so. */
function otherKind(zip: ZipArchive): string {
  if (zip.has('content.xml') && zip.has('mimetype')) return ' (it is an OpenDocument file: save it as .xlsx)';
  if (zip.has('word/document.xml')) return ' (it is a Word document)';
  if (zip.has('ppt/presentation.xml')) return ' (it is a PowerPoint presentation)';
  return '';
}

function readWorkbook(zip: ZipArchive, part: string): { sheets: { name: string; hidden: boolean; rid: string }[]; date1904: boolean } {
  const sheets: { name: string; hidden: boolean; rid: string }[] = [];
  let date1904 = false;
  scan(zip, part, (name, a) => {
    if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    if (name !== 'sheet') return;
    if (!a.name) throw new Unreadable(`${part} lists a sheet without a name`, part);
    sheets.push({ name: a.name, hidden: a.state === 'hidden' || a.state === 'veryHidden', rid: a.id ?? '' });
  });
  if (!sheets.length) throw new Unreadable(`${part} lists no sheets`, part);
  const seen = new Set<string>();
  for (const s of sheets) {
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw new Unreadable(`two sheets are named ${quote(s.name)}`, part);
    seen.add(key);
  }
  return { sheets, date1904 };
}

/** A relationships part's entries by Id. */
export function readRels(zip: ZipArchive, part: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  scan(zip, part, (name, a) => {
    if (name !== 'Relationship' || !a.Id) return;
    out.set(a.Id, { type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
  });
  return out;
}

function scan(zip: ZipArchive, part: string, open: (name: string, a: Attrs) => void): void {
  scanXml(zip.read(part), part, { open, close() {}, text() {}, wantText: false });
}

/** The part a relationship targets, or Unreadable when it leaves the package (an external link, "../.."). */
export function resolve(relsName: string, base: string, rel: Relationship, what = relsName): string {
  const outside = () => new Unreadable(`${what} refers to ${quote(rel.target)}, outside the workbook`, relsName);
  let t = rel.target.replace(/\\/gu, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    throw outside();
  }
  if (rel.external || /^[a-z][a-z0-9+.-]*:/iu.test(t)) throw outside();
  const parts: string[] = [];
  for (const seg of (t.startsWith('/') ? t : `${base}/${t}`).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg !== '..') parts.push(seg);
    else if (!parts.pop()) throw outside();
  }
  if (!parts.length) throw outside();
  return parts.join('/');
}

export function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsOf(part: string): string {
  const dir = dirOf(part);
  return `${dir ? `${dir}/` : ''}_rels/${part.slice(dir ? dir.length + 1 : 0)}.rels`;
}

/** `_x000D_` and friends: how OOXML writes characters XML cannot hold. */
export function unescapeOoxml(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : s;
}

/** The shared strings, rich-text runs joined, phonetic guides left out; at most `max` of them. */
export function readSharedStrings(zip: ZipArchive, part: string, max: number): string[] {
  const out: string[] = [];
  let current: string[] | undefined;
  let phonetic = 0;
  const h = {
    wantText: false,
    open(name: string) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && current && !phonetic) h.wantText = true;
    },
    close(name: string) {
      if (name === 't') h.wantText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        out.push(unescapeOoxml(current.join('')));
        current = undefined;
        if (out.length > max) throw new Unreadable(`${part} holds more than ${max} strings`, part);
      }
    },
    text(t: string) {
      current?.push(t);
    },
  };
  scanXml(zip.read(part), part, h);
  return out;
}

/** What the readers need of a cell style: whether its number is a date, and its indent. */
export interface CellStyle {
  date: boolean;
  indent: number;
}

/** The cell styles (cellXfs) in order, as the cells' `s` attribute numbers them. */
export function readStyles(zip: ZipArchive, part: string): CellStyle[] {
  const formats = new Map<string, string>();
  const xfs: { numFmtId: string; indent: number }[] = [];
  let inXfs = false;
  const open = (name: string, a: Attrs) => {
    if (name === 'numFmt' && a.numFmtId) formats.set(a.numFmtId, a.formatCode ?? '');
    else if (name === 'cellXfs') inXfs = true;
    else if (name === 'xf' && inXfs) xfs.push({ numFmtId: a.numFmtId ?? '0', indent: 0 });
    else if (name === 'alignment' && inXfs && xfs.length) xfs[xfs.length - 1]!.indent = Number(a.indent) || 0;
  };
  // cellStyleXfs hold xf elements too: only those inside cellXfs number the cells' styles
  const close = (name: string) => {
    if (name === 'cellXfs') inXfs = false;
  };
  scanXml(zip.read(part), part, { open, close, text() {}, wantText: false });
  return xfs.map((x) => ({ date: isDateFormat(x.numFmtId, formats.get(x.numFmtId)), indent: x.indent }));
}

/** Excel's built-in date and time formats, and any custom format with date letters outside quotes and brackets (as exceljs decides). */
function isDateFormat(id: string, code: string | undefined): boolean {
  const n = Number(id);
  if (code === undefined) return (n >= 14 && n <= 22) || (n >= 45 && n <= 47);
  return /[ymdhMsb]/u.test(code.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, ''));
}
