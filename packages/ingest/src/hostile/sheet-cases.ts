// Hostile cells, merges, headers and labels inside an otherwise good questionnaire (T04, 60 value cells).
import { VALUE_CELLS as V, baseSheet, questionnaireParts, zipParts } from './base';
import { cellXml, file, withSheetXml } from './make';
import type { HostileFile, Rand } from './types';

/** Formula, CSV-injection, markup and bidi payloads, put into every kind of cell. */
export const PAYLOADS = [
  '=HYPERLINK("http://evil.example","Georgia") <script>alert(1)</script>',
  '=1+2',
  '+cmd|\' /C calc\'!A0',
  '@SUM(A1:A9)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u202eaigroeG',
  'Georgia\u0007',
];

const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
const inline = (s: string) => `<c r="$REF" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;

export function sheetCases(r: Rand): HostileFile[] {
  const out: HostileFile[] = [];
  const read = (valueCells: number, more: { rejections?: number; warning?: string } = {}) => ({ outcome: 'read' as const, valueCells, ...more });
  const refused = (place?: string) => ({ outcome: 'refused' as const, ...(place ? { place } : {}) });
  const cell = (what: string, xml: string, expect: ReturnType<typeof read> | ReturnType<typeof refused>) =>
    out.push(file('cell-xml', what, 'xlsx', withSheetXml(r, (x) => cellXml(x, 'C7', xml.replaceAll('$REF', 'C7'))), expect));

  // the same workbook written in ways a reader must all take
  out.push(file('valid', 'cells without references', 'xlsx', withSheetXml(r, positional), read(V, { rejections: 0 })));
  out.push(file('valid', 'namespace prefixes', 'xlsx', withSheetXml(r, (x) => x.replace(/<(\/?)([a-zA-Z]\w*)/gu, '<$1x:$2').replace('<x:worksheet xmlns=', '<x:worksheet xmlns:x=')), read(V, { rejections: 0 })));
  out.push(file('valid', 'a line break inside every tag', 'xlsx', withSheetXml(r, (x) => x.replace(/<c /gu, '<c\n\t').replace(/<row /gu, "<row\r\n ").replace(/r="([A-Z]+\d+)"/gu, "r='$1'")), read(V, { rejections: 0 })));
  out.push(file('valid', 'rows and cells in reverse order', 'xlsx', withSheetXml(r, reverseRows), read(V, { rejections: 0 })));
  out.push(file('valid', 'sheet part in UTF-16', 'xlsx', withSheetXml(r, (x) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x, 'utf16le')])), read(V, { rejections: 0 })));
  out.push(file('valid', 'comments and processing instructions', 'xlsx', withSheetXml(r, (x) => x.replace(/<row /gu, '<!-- a row --><?mso x?><row ')), read(V, { rejections: 0 })));
  out.push(file('valid', 'lower-case references', 'xlsx', withSheetXml(r, (x) => x.replace(/r="([A-Z]+)(\d+)"/gu, (_, c: string, n: string) => `r="${c.toLowerCase()}${n}"`)), read(V, { rejections: 0 })));

  // value cells whose XML says other than a number
  cell('hex in a number cell', '<c r="$REF"><v>0x1A</v></c>', read(V, { rejections: 1 }));
  cell('ISO date in a number cell', '<c r="$REF"><v>2012-03-04</v></c>', read(V, { rejections: 1 }));
  cell('1e999 in a number cell', '<c r="$REF"><v>1e999</v></c>', read(V, { rejections: 1 }));
  cell('NaN in a number cell', '<c r="$REF"><v>NaN</v></c>', read(V, { rejections: 1 }));
  cell('a date cell', '<c r="$REF" t="d"><v>2012-03-04T00:00:00</v></c>', read(V, { rejections: 1 }));
  cell('a boolean cell', '<c r="$REF" t="b"><v>1</v></c>', read(V, { rejections: 1 }));
  cell('an error cell', '<c r="$REF" t="e"><v>#DIV/0!</v></c>', read(V, { rejections: 1 }));
  // an unknown type is read as the text it holds: "12" is a number written as text
  cell('an unknown cell type', '<c r="$REF" t="zz"><v>12</v></c>', read(V, { rejections: 0 }));
  cell('a formula without its result', '<c r="$REF"><f>D7+E7</f></c>', read(V, { rejections: 1 }));
  cell('a formula with an empty result', '<c r="$REF"><f>D7+E7</f><v/></c>', read(V, { rejections: 1 }));
  cell('an empty v', '<c r="$REF"><v/></c>', read(V - 1, { rejections: 0 }));
  cell('an empty shared string index', '<c r="$REF" t="s"><v></v></c>', read(V - 1, { rejections: 0 }));
  cell('a negative number', '<c r="$REF"><v>-5</v></c>', read(V, { rejections: 1 }));
  cell('a number as inline text', '<c r="$REF" t="inlineStr"><is><t>1 234</t></is></c>', read(V, { rejections: 0 }));
  cell('rich inline text', '<c r="$REF" t="inlineStr"><is><r><t>12</t></r><r><t>34</t></r><rPh><t>x</t></rPh></is></c>', read(V, { rejections: 0 }));
  cell('blanks only', '<c r="$REF" t="inlineStr"><is><t>   </t></is></c>', read(V - 1, { rejections: 0 }));
  cell('a shared string that does not exist', '<c r="$REF" t="s"><v>999</v></c>', refused('T04!C7'));
  cell('a shared string index that is no number', '<c r="$REF" t="s"><v>abc</v></c>', refused('T04!C7'));
  cell('a cell at row 0', '<c r="C0"><v>1</v></c>', refused('T04!C0'));
  cell('a cell beyond the last column', '<c r="XFE7"><v>1</v></c>', refused('T04!XFE7'));
  cell('a cell beyond the last row', '<c r="C1048577"><v>1</v></c>', refused('T04!C1048577'));
  cell('two cells at one place', '<c r="$REF"><v>1</v></c><c r="$REF"><v>2</v></c>', refused('T04!C7'));
  out.push(file('cell-xml', 'a row numbered 0', 'xlsx', withSheetXml(r, (x) => x.replace('<row r="7"', '<row r="0"')), refused('T04!row 0')));
  out.push(file('cell-xml', 'a row number that is no number', 'xlsx', withSheetXml(r, (x) => x.replace('<row r="7"', '<row r="seven"')), refused('T04')));
  out.push(file('cell-xml', 'a cell in a row of another number', 'xlsx', withSheetXml(r, (x) => x.replace('<row r="7"', '<row r="99"')), read(V, { rejections: 0 })));
  out.push(file('cell-xml', 'an attribute named __proto__', 'xlsx', withSheetXml(r, (x) => x.replace(/<c r=/gu, '<c __proto__="x" constructor="y" r=')), read(V, { rejections: 0 })));

  // merged ranges over values: the value Excel hides is refused, not lost
  const merged = (what: string, ranges: string[], expect: ReturnType<typeof read> | ReturnType<typeof refused>) =>
    out.push(file('merged-cells', what, 'xlsx', withSheetXml(r, (x) => x, (s) => ({ ...s, merges: [...s.merges, ...ranges] })), expect));
  merged('two value cells merged', ['C7:D7'], read(V, { rejections: 1 }));
  merged('a block of six merged', ['C7:E8'], read(V, { rejections: 5 }));
  merged('corners given the wrong way round', ['D7:C7'], read(V, { rejections: 1 }));
  merged('a label merged over a value', ['A7:B7'], read(V, { rejections: 1 }));
  merged('a single cell merged', ['C7:C7'], read(V, { rejections: 0 }));
  merged('overlapping merges in the header', ['C3:E3'], read(V));
  merged('a merge that is no range', ['ZZZZ1:A1'], refused('T04'));
  merged('a merge over the whole sheet', ['A1:XFD1048576'], refused('T04'));

  // header years that cannot be read: the figures under them are refused, never read under another year
  const header = (what: string, xml: string, expect: ReturnType<typeof read>) =>
    out.push(file('header', what, 'xlsx', withSheetXml(r, (x) => cellXml(x, 'B3', xml.replaceAll('$REF', 'B3'))), expect));
  header('a year written =2011', inline('=2011'), read(V, { rejections: 30 }));
  header('a year of 1e308', '<c r="$REF"><v>1e308</v></c>', read(V, { rejections: 30 }));
  header('a year in hex', '<c r="$REF"><v>0x7DB</v></c>', read(V, { rejections: 30 }));
  header('a year as a date', '<c r="$REF" t="d"><v>2011-01-01</v></c>', read(V, { rejections: 30 }));
  header('a year as HTML', inline('<b>2011</b>'), read(V, { rejections: 30 }));
  header('a year computed by a formula', '<c r="$REF" t="str"><f>"20"&amp;"11"</f><v>2011</v></c>', read(V, { rejections: 0 }));
  header('a year of 20110', '<c r="$REF"><v>20110</v></c>', read(V, { rejections: 30 }));
  out.push(file('header', 'a sex label written =Men', 'xlsx', withSheetXml(r, (x) => cellXml(x, 'C4', inline('=Men').replaceAll('$REF', 'C4'))), read(V, { rejections: 10 })));
  out.push(file('header', 'a sex label in markup', 'xlsx', withSheetXml(r, (x) => cellXml(x, 'C4', inline('<i>Men</i>').replaceAll('$REF', 'C4'))), read(V, { rejections: 10 })));
  out.push(
    file(
      'header',
      'a share column beside the values',
      'xlsx',
      withSheetXml(r, (x) => x, (s) => ({ ...s, rows: s.rows.map((row, i) => (i === 3 ? [...row, 'Share, %'] : i >= 5 && i < 15 ? [...row, 10] : row)) })),
      read(V, { warning: 'not value columns' }),
    ),
  );

  // labels: anything beyond a name is refused (or, for a formula, named in a warning)
  for (const p of PAYLOADS) out.push(file('injection', `label ${p}`, 'xlsx', withSheetXml(r, (x) => cellXml(x, 'A8', inline(p).replaceAll('$REF', 'A8'))), read(V, { rejections: 6 })));
  for (const p of PAYLOADS) out.push(file('injection', `value ${p}`, 'xlsx', withSheetXml(r, (x) => cellXml(x, 'C7', inline(p).replaceAll('$REF', 'C7'))), read(V, { rejections: 1 })));
  for (const p of PAYLOADS) out.push(file('injection', `title ${p}`, 'xlsx', withSheetXml(r, (x) => x, (s) => ({ ...s, rows: [[{ inline: p }], ...s.rows.slice(1)] })), read(V, { rejections: 0 })));
  for (const p of PAYLOADS) out.push(file('injection', `note ${p}`, 'xlsx', withSheetXml(r, (x) => x, (s) => ({ ...s, rows: [...s.rows.slice(0, -1), [{ inline: `Note: ${p}` }]] })), read(V, { rejections: 0 })));
  for (const p of PAYLOADS) {
    out.push(file('injection', `cover ${p}`, 'xlsx', () => zipParts(questionnaireParts(baseSheet(r), { cover: [['Country', { inline: p }]] })), read(V, { rejections: 0, warning: 'not recognised' })));
  }
  out.push(
    file(
      'injection',
      'label computed by HYPERLINK',
      'xlsx',
      withSheetXml(r, (x) => cellXml(x, 'A8', '<c r="A8" t="str"><f>HYPERLINK("javascript:alert(1)","Georgia")</f><v>Georgia</v></c>')),
      read(V, { rejections: 0, warning: 'labels computed by formulas' }),
    ),
  );
  out.push(file('injection', 'value computed by a DDE formula', 'xlsx', withSheetXml(r, (x) => cellXml(x, 'C7', "<c r=\"C7\"><f>cmd|' /C calc'!A0</f><v>5</v></c>")), read(V, { rejections: 0 })));
  out.push(file('injection', 'sheet name with markup', 'xlsx', () => zipParts(questionnaireParts(baseSheet(r), { sheetName: 'T04<script>x</script>' })), read(V, { rejections: 0 })));

  // workbooks without a questionnaire sheet
  // a sheet named by no table is read by its title «Table 4. …» (with a warning); without such a title it is refused (below)
  out.push(file('no-questionnaire', 'one sheet named Sheet1, titled Table 4', 'xlsx', () => zipParts(questionnaireParts(baseSheet(r), { sheetName: 'Sheet1' })), read(V, { rejections: 0 })));
  out.push(file('no-questionnaire', 'a sheet of a table not in the set', 'xlsx', () => zipParts(questionnaireParts(baseSheet(r), { sheetName: 'T99' })), refused()));
  out.push(file('no-questionnaire', 'sheet name is a formula, titled Table 4', 'xlsx', () => zipParts(questionnaireParts(baseSheet(r), { sheetName: '=HYPERLINK("x")' })), read(V, { rejections: 0 })));
  out.push(file('no-questionnaire', 'cover of another country', 'xlsx', () => zipParts(questionnaireParts(baseSheet(r), { cover: [['Country', 'Kazakhstan']] })), refused('Cover!B1')));

  // sizes: far corners, wide rows
  out.push(file('million-rows', 'a cell in the last row and column', 'xlsx', withSheetXml(r, (x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>end</t></is></c></row></sheetData>')), read(V, { rejections: 0 })));
  out.push(file('million-rows', 'a figure in a column without a header', 'xlsx', withSheetXml(r, (x) => x.replace('<c r="G6">', '<c r="XFD6"><v>5</v></c><c r="G6">')), read(V + 1, { rejections: 1 })));

  // split years name no calendar year: their figures are refused, never read under the first year (kept last: the cases above keep their bytes)
  header('a split year 2011/12', inline('2011/12'), read(V, { rejections: 30 }));
  header('a split year 2011-2012 with a footnote', inline('2011-2012 1)'), read(V, { rejections: 30 }));
  const untitled = (name: string) => {
    const sheet = baseSheet(r);
    return () => zipParts(questionnaireParts({ ...sheet, rows: [['Immigrants by country of previous residence'], ...sheet.rows.slice(1)] }, { sheetName: name }));
  };
  out.push(file('no-questionnaire', 'one sheet named Sheet1, no table in its title', 'xlsx', untitled('Sheet1'), refused()));
  out.push(file('no-questionnaire', 'sheet name is a formula, no table in its title', 'xlsx', untitled('=HYPERLINK("x")'), refused()));
  return out;
}

function reverseRows(xml: string): string {
  const rows = [...xml.matchAll(/<row [^>]*>.*?<\/row>/gu)].map((m) => m[0]);
  const reversed = rows.map((row) => {
    const open = /^<row [^>]*>/u.exec(row)![0];
    const cells = [...row.matchAll(/<c [^>]*>.*?<\/c>/gu)].map((m) => m[0]).reverse();
    return `${open}${cells.join('')}</row>`;
  });
  return xml.replace(/<sheetData>.*<\/sheetData>/su, `<sheetData>${reversed.reverse().join('')}</sheetData>`);
}

/** Cells of the data rows (6–15, no gaps) without their r attribute: placed one after another. */
function positional(xml: string): string {
  return xml.replace(/<row r="(\d+)"[^>]*>.*?<\/row>/gu, (row, n: string) => (Number(n) >= 6 && Number(n) <= 15 ? row.replace(/<c r="[A-Z]+\d+"/gu, '<c') : row));
}
