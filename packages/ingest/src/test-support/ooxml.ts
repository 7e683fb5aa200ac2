// Writes an xlsx by hand, part by part (sheet XML zipped), so the reader is tested against a file no
// spreadsheet library wrote: shared and inline strings, cached formulas, styles, panes, hidden rows.
import { zipOf } from './zip';

/**
 * text → shared string; {inline} → inline string; number; {f, v?} formula with or without cached
 * result; {n, fmt} styled number; {xml} a cell written as given, `$REF` standing for its address.
 */
export type XmlCell = null | string | number | { inline: string } | { f: string; v?: number } | { n: number; fmt: 'grouped' } | { xml: string };

export interface XmlSheet {
  name: string;
  rows: XmlCell[][];
  merges?: string[];
  /** 1-based */
  hiddenRows?: number[];
  /** 1-based */
  hiddenColumns?: number[];
  /** frozen pane: top-left cell of the scrolling part */
  frozenAt?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function ref(row: number, col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
}

function cellXml(c: XmlCell, at: string, strings: string[]): string {
  if (c === null) return '';
  if (typeof c === 'string') {
    if (!strings.includes(c)) strings.push(c);
    return `<c r="${at}" t="s"><v>${strings.indexOf(c)}</v></c>`;
  }
  if (typeof c === 'number') return `<c r="${at}"><v>${c}</v></c>`;
  if ('xml' in c) return c.xml.replaceAll('$REF', at);
  if ('inline' in c) return `<c r="${at}" t="inlineStr"><is><t xml:space="preserve">${esc(c.inline)}</t></is></c>`;
  if ('f' in c) return `<c r="${at}"><f>${esc(c.f)}</f>${c.v === undefined ? '' : `<v>${c.v}</v>`}</c>`;
  return `<c r="${at}" s="1"><v>${c.n}</v></c>`;
}

/** The XML of one worksheet; its text cells go into `strings` (the shared strings). */
export function sheetXml(s: XmlSheet, strings: string[]): string {
  const [, col = 'A', row = '1'] = /^([A-Z]+)(\d+)$/.exec(s.frozenAt ?? 'A1') ?? [];
  const xSplit = col.charCodeAt(0) - 65;
  const ySplit = Number(row) - 1;
  const pane = s.frozenAt ? `<pane xSplit="${xSplit}" ySplit="${ySplit}" topLeftCell="${s.frozenAt}" activePane="bottomRight" state="frozen"/>` : '';
  const cols = (s.hiddenColumns ?? []).map((c) => `<col min="${c}" max="${c}" width="9" hidden="1" customWidth="1"/>`).join('');
  const rows = s.rows
    .map((cells, i) => {
      const r = i + 1;
      const body = cells.map((c, j) => cellXml(c, ref(r, j + 1), strings)).join('');
      return body || s.hiddenRows?.includes(r) ? `<row r="${r}"${s.hiddenRows?.includes(r) ? ' hidden="1"' : ''}>${body}</row>` : '';
    })
    .join('');
  const merges = s.merges?.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export function ooxmlWorkbook(sheets: XmlSheet[]): Uint8Array {
  const strings: string[] = [];
  const xml = sheets.map((s) => sheetXml(s, strings));
  return zipOf(...workbookParts(sheets.map((s, i) => ({ name: s.name, xml: xml[i]! })), strings));
}

/** One sheet T04 of the given sheet XML in a minimal package: for hostile sheet XML. */
export function oneSheet(xml: string, strings: string[] = []): Uint8Array {
  return zipOf(...workbookParts([{ name: 'T04', xml }], strings));
}

/** Every part of a minimal workbook around the given sheet XML, as [name, content] to edit before zipping. */
export function workbookParts(sheets: { name: string; xml: string }[], strings: string[] = []): [string, string][] {
  const sheetParts = sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, s.xml] as [string, string]);
  const ns = 'http://schemas.openxmlformats.org';
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${ns}/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${ns}/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  return [['[Content_Types].xml', types], ['_rels/.rels', rels], ['xl/workbook.xml', workbook], ['xl/_rels/workbook.xml.rels', wbRels], ...sheetParts, ['xl/sharedStrings.xml', shared], ['xl/styles.xml', STYLES]];
}
