// Writes a flat OpenDocument spreadsheet (.fods) by hand, so LibreOffice, not exceljs, makes the
// xlsx and xls fixtures from it: a second writer the reader is tested against.

/** A cell: text, a number, or a number with its display, formula, number format, comment or span. */
export type FodsCell = null | string | number | { n: number; text?: string; formula?: string; grouped?: boolean; comment?: string; span?: number };

export interface FodsRow {
  cells: FodsCell[];
  hidden?: boolean;
}

export interface FodsSheet {
  name: string;
  rows: FodsRow[];
  /** 0-based columns to hide */
  hiddenColumns?: number[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellXml(c: FodsCell): string {
  if (c === null) return '<table:table-cell/>';
  if (typeof c === 'string') return `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`;
  if (typeof c === 'number') return `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>`;
  const attrs = [
    'office:value-type="float"',
    `office:value="${c.n}"`,
    c.formula ? `table:formula="${esc(c.formula)}"` : '',
    c.grouped ? 'table:style-name="grouped"' : '',
    c.span ? `table:number-columns-spanned="${c.span}"` : '',
  ].filter(Boolean);
  const note = c.comment ? `<office:annotation><dc:creator>NSO</dc:creator><text:p>${esc(c.comment)}</text:p></office:annotation>` : '';
  const covered = c.span ? `<table:covered-table-cell table:number-columns-repeated="${c.span - 1}"/>` : '';
  return `<table:table-cell ${attrs.join(' ')}>${note}<text:p>${esc(c.text ?? String(c.n))}</text:p></table:table-cell>${covered}`;
}

function sheetXml(s: FodsSheet): string {
  const width = Math.max(1, ...s.rows.map((r) => r.cells.length));
  const cols = Array.from({ length: width }, (_, i) => (s.hiddenColumns?.includes(i) ? '<table:table-column table:visibility="collapse"/>' : '<table:table-column/>')).join('');
  const rows = s.rows.map((r) => `<table:table-row${r.hidden ? ' table:visibility="collapse"' : ''}>${r.cells.map(cellXml).join('') || '<table:table-cell/>'}</table:table-row>`).join('\n');
  return `<table:table table:name="${esc(s.name)}">${cols}\n${rows}\n</table:table>`;
}

export function fods(sheets: FodsSheet[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:number-style style:name="N1"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<style:style style:name="grouped" style:family="table-cell" style:data-style-name="N1"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
${sheets.map(sheetXml).join('\n')}
</office:spreadsheet></office:body></office:document>
`;
}
