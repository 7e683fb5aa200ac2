import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ZipEntry, zipArchive } from '@mch/core';
import { ZipArchive } from '@mch/core/xlsx';
import { describe, expect, it } from 'vitest';
import { rowXml, sheetXml } from './listing-xml';
import { NotAnnotatable } from './styles-edit';
import { WorkbookCopy } from './workbook-copy';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const STYLES = (p: string) =>
  `<${p}styleSheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${MAIN}"><${p}numFmts count="1"><${p}numFmt numFmtId="164" formatCode="# ##0"/></${p}numFmts><${p}fonts count="1"><${p}font><${p}sz val="10"/><${p}name val="Arial"/></${p}font></${p}fonts><${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills><${p}borders count="1"><${p}border/></${p}borders><${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs><${p}cellXfs count="2"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${p}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></${p}cellXfs></${p}styleSheet>`;

interface Fixture {
  /** the main namespace's prefix with its colon ('x:'), or '' */
  prefix?: string;
  sheetData: string;
  /** more of the sheet after its data, and more entries (the sheet's relationships, comments, drawings) */
  afterData?: string;
  extra?: ZipEntry[];
  sheetRels?: string;
  /** the workbook relationship's target of the sheet (part names are case-insensitive) */
  sheetTarget?: string;
}

/** A workbook of one sheet "T05", as a national office's tool may write it. */
function workbook(f: Fixture): Uint8Array {
  const p = f.prefix ?? '';
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const entries: ZipEntry[] = [
    [
      '[Content_Types].xml',
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ],
    ['_rels/.rels', `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<${p}workbook ${ns} xmlns:r="${REL}"><${p}bookViews><${p}workbookView activeTab="0"/></${p}bookViews><${p}sheets><${p}sheet name="T05" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="${f.sheetTarget ?? 'worksheets/sheet1.xml'}"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES(p)],
    ['xl/sharedStrings.xml', `<${p}sst ${ns} count="2"><${p}si><${p}t>Всего</${p}t></${p}si><${p}si><${p}r><${p}t>Ar</${p}t></${p}r><${p}r><${p}t>menia</${p}t></${p}r></${p}si></${p}sst>`],
    [
      'xl/worksheets/sheet1.xml',
      `<${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetViews><${p}sheetView tabSelected="1" workbookViewId="0"/></${p}sheetViews><${p}sheetData>${f.sheetData}</${p}sheetData>${f.afterData ?? ''}</${p}worksheet>`,
    ],
    ['xl/media/image1.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5])],
    ...(f.sheetRels ? [['xl/worksheets/_rels/sheet1.xml.rels', `<Relationships xmlns="${PKG}">${f.sheetRels}</Relationships>`] as ZipEntry] : []),
    ...(f.extra ?? []),
  ];
  return zipArchive(entries);
}

const CELLS = (p = '') =>
  `<${p}row r="5"><${p}c r="A5" t="s"><${p}v>0</${p}v></${p}c><${p}c r="B5" t="s"><${p}v>1</${p}v></${p}c><${p}c r="C5" s="1"><${p}v>5210</${p}v></${p}c><${p}c r="D5" t="inlineStr"><${p}is><${p}t>2 400</${p}t></${p}is></${p}c><${p}c r="E5" t="str"><${p}f>C5-D5</${p}f><${p}v>2790</${p}v></${p}c><${p}c r="F5" t="b"><${p}v>1</${p}v></${p}c></${p}row>`;

function marked(bytes: Uint8Array, marks: [string, 'error' | 'warning' | 'info', string][]): Promise<Buffer> {
  const copy = WorkbookCopy.open(bytes);
  copy.mark('T05', new Map(marks.map(([ref, severity, note]) => [ref, { severity, note }])));
  copy.addSheets([{ name: 'MCH summary', pieces: ({ title }) => sheetXml({ widths: [60], frozenHeader: false, selected: true }, [rowXml(1, ['Summary'], title)], 1, 1) }]);
  return copy.bytes(0);
}

/** What openpyxl reads of a workbook: sheets, the active one, and each cell's value, format, fill and comment. */
const PYTHON = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0);
function openpyxl(bytes: Uint8Array): { sheets: string[]; active: string; cells: Record<string, { value: unknown; format: string; fill: string | null; comment: string | null; bold: boolean }> } {
  const dir = mkdtempSync(join(tmpdir(), 'mch-copy-'));
  try {
    writeFileSync(join(dir, 'b.xlsx'), bytes);
    const script = `import openpyxl, json, sys
wb = openpyxl.load_workbook(sys.argv[1])
cells = {}
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and c.comment is None: continue
            cells[ws.title + '!' + c.coordinate] = {'value': c.value, 'format': c.number_format, 'fill': c.fill.fgColor.rgb if c.fill.fill_type == 'solid' else None, 'comment': c.comment.text if c.comment else None, 'bold': bool(c.font.b)}
print(json.dumps({'sheets': wb.sheetnames, 'active': wb.active.title, 'cells': cells}))`;
    const run = spawnSync(PYTHON!, ['-c', script, join(dir, 'b.xlsx')], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const withOpenpyxl = it.skipIf(!PYTHON && process.env.CI !== 'true');
const skipped = PYTHON ? '' : ' (skipped: python3 with openpyxl is not installed)';

describe('a copy of a country’s workbook', () => {
  it('reads the original values of its cells: shared and inline strings, numbers, a formula’s result, a boolean', () => {
    const copy = WorkbookCopy.open(workbook({ sheetData: CELLS() }));
    expect(['A5', 'B5', 'C5', 'D5', 'E5', 'F5', 'G5'].map((c) => copy.originalValue('T05', c))).toEqual(['Всего', 'Armenia', '5210', '2 400', '2790', 'TRUE', '']);
    expect(copy.originalValue('T99', 'C5')).toBe('');
  });

  it('carries every part it does not change over as the archive stores it', async () => {
    const original = workbook({ sheetData: CELLS() });
    const out = ZipArchive.open(await marked(original, [['C5', 'error', 'total ≠ men + women']]));
    const before = ZipArchive.open(original);
    for (const name of ['xl/media/image1.png', 'xl/sharedStrings.xml', '_rels/.rels']) expect(Buffer.from(out.raw(name).data).equals(Buffer.from(before.raw(name).data))).toBe(true);
    const sheet = Buffer.from(out.read('xl/worksheets/sheet1.xml')).toString('utf8');
    // the marked cell gets a format of its own (a copy of its number format with the fill); no other cell changes
    expect(sheet).toContain('<c r="C5" s="2">');
    expect(sheet).toContain('<c r="D5" t="inlineStr">');
    expect(sheet).not.toContain('tabSelected');
    expect(sheet).toMatch(/<legacyDrawing r:id="rIdMch\d"\/><\/worksheet>$/);
    const styles = Buffer.from(out.read('xl/styles.xml')).toString('utf8');
    expect(styles).toContain('<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>');
    expect(styles).toContain('<fills count="3">');
    expect(out.names).toEqual(expect.arrayContaining(['xl/worksheets/sheet2.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']));
  });

  it('edits the sheet a relationship names in another case than its entry (Sheet1.xml for sheet1.xml)', async () => {
    const out = ZipArchive.open(await marked(workbook({ sheetData: CELLS(), sheetTarget: 'worksheets/Sheet1.xml' }), [['C5', 'error', 'x']]));
    expect(out.names.filter((n) => n.toLowerCase() === 'xl/worksheets/sheet1.xml')).toEqual(['xl/worksheets/sheet1.xml']);
    expect(Buffer.from(out.read('xl/worksheets/sheet1.xml')).toString('utf8')).toContain('<c r="C5" s="2">');
  });

  it('declares the relationships namespace on the sheets it adds, as openpyxl declares it on each sheet rather than on the root', async () => {
    const original = ZipArchive.open(workbook({ sheetData: CELLS() }));
    const entries: ZipEntry[] = original.names.map((n) => [
      n,
      n === 'xl/workbook.xml' ? Buffer.from(original.read(n)).toString('utf8').replace(` xmlns:r="${REL}"`, '').replace('<sheet name="T05"', `<sheet xmlns:r="${REL}" name="T05"`) : original.read(n),
    ]);
    const wb = Buffer.from(ZipArchive.open(await marked(zipArchive(entries), [['C5', 'error', 'x']])).read('xl/workbook.xml')).toString('utf8');
    expect(wb).toContain(`<sheet name="MCH summary" sheetId="2" xmlns:r="${REL}" r:id="rIdMch1"/>`);
  });

  it('refuses a comments part without its authors, so the findings are listed instead', async () => {
    const bytes = workbook({
      sheetData: CELLS(),
      sheetRels: `<Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/>`,
      extra: [['xl/comments1.xml', `<comments xmlns="${MAIN}"><commentList/></comments>`]],
    });
    const copy = WorkbookCopy.open(bytes);
    expect(() => copy.mark('T05', new Map([['C5', { severity: 'error', note: 'x' }]]))).toThrow(NotAnnotatable);
  });

  it('refuses a workbook without the styles a mark needs, so its findings are listed instead', () => {
    const bare = workbook({ sheetData: CELLS() });
    const parts = ZipArchive.open(bare);
    const entries: ZipEntry[] = parts.names.map((n) => [n, n === 'xl/styles.xml' ? '<styleSheet xmlns="x"/>' : parts.read(n)]);
    const copy = WorkbookCopy.open(zipArchive(entries));
    expect(() => copy.mark('T05', new Map([['C5', { severity: 'error', note: 'x' }]]))).toThrow(NotAnnotatable);
  });

  withOpenpyxl(`is read by openpyxl: marks, notes, formats and the added sheet${skipped}`, async () => {
    const back = openpyxl(await marked(workbook({ sheetData: CELLS() }), [['C5', 'error', 'total 5 210 ≠ 5 190 <&>'], ['D5', 'info', 'mirror'], ['G5', 'warning', 'empty cell'], ['B9', 'warning', 'no row']]));
    expect(back.sheets).toEqual(['T05', 'MCH summary']);
    expect(back.active).toBe('MCH summary');
    expect(back.cells['T05!C5']).toEqual({ value: 5210, format: '# ##0', fill: 'FFF4A09A', comment: 'total 5 210 ≠ 5 190 <&>', bold: false });
    expect(back.cells['T05!D5']).toMatchObject({ value: '2 400', fill: 'FFD6E4F5', comment: 'mirror' });
    expect(back.cells['T05!E5']).toMatchObject({ fill: null, comment: null });
    expect(back.cells['MCH summary!A1']).toMatchObject({ value: 'Summary', bold: true });
    // places the sheet held no cell at get one, with the mark
    expect(back.cells['T05!G5']).toMatchObject({ value: null, fill: 'FFFDE8B0', comment: 'empty cell' });
    expect(back.cells['T05!B9']).toMatchObject({ value: null, fill: 'FFFDE8B0', comment: 'no row' });
  });

  withOpenpyxl(`keeps the country's own comments and drawing, adding the notes to them${skipped}`, async () => {
    const comments = `<comments xmlns="${MAIN}"><authors><author>Statistician</author></authors><commentList><comment ref="C5" authorId="0"><text><t>checked by phone</t></text></comment><comment ref="A1" authorId="0"><text><r><t>draft</t></r></text></comment></commentList></comments>`;
    const vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>4</x:Row><x:Column>2</x:Column></x:ClientData></v:shape><v:shape id="_x0000_s1026" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>';
    const bytes = workbook({
      sheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>T05</t></is></c></row>${CELLS()}`,
      afterData: '<legacyDrawing r:id="rId2"/>',
      sheetRels: `<Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>`,
      extra: [
        ['xl/comments1.xml', comments],
        ['xl/drawings/vmlDrawing1.vml', vml],
      ],
    });
    const out = await marked(bytes, [['C5', 'error', 'total ≠ men + women'], ['D5', 'warning', 'jump']]);
    const drawing = Buffer.from(ZipArchive.open(out).read('xl/drawings/vmlDrawing1.vml')).toString('utf8');
    expect(drawing).toContain('_x0000_s1027');
    expect(drawing).toContain('<x:Row>4</x:Row><x:Column>3</x:Column>');
    const back = openpyxl(out);
    expect(back.cells['T05!C5']!.comment).toBe('checked by phone\n\ntotal ≠ men + women');
    expect(back.cells['T05!A1']!.comment).toBe('draft');
    expect(back.cells['T05!D5']).toMatchObject({ comment: 'jump', fill: 'FFFDE8B0' });
  });

  withOpenpyxl(`edits a workbook whose parts carry a namespace prefix (x:c), as .NET writers make them${skipped}`, async () => {
    const back = openpyxl(await marked(workbook({ prefix: 'x:', sheetData: CELLS('x:') }), [['C5', 'warning', 'jump']]));
    expect(back.sheets).toEqual(['T05', 'MCH summary']);
    expect(back.cells['T05!C5']).toEqual({ value: 5210, format: '# ##0', fill: 'FFFDE8B0', comment: 'jump', bold: false });
    expect(back.cells['T05!A5']).toMatchObject({ value: 'Всего' });
  });
});
