import { MchError } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { context } from '../test-support/dump';
import { sheetXml, workbookParts } from '../test-support/ooxml';
import { zipOf } from '../test-support/zip';

// A workbook's parts are found through its relationships, as Excel finds them: one that is
// missing, dangling or leads outside refuses the file, naming the sheet, never reads as empty.
const parts = (strings: string[] = []) => workbookParts([{ name: 'T04', xml: sheetXml({ name: 'T04', rows: [['Country', 2012, null, null], [null, 'Total', 'Men', 'Women'], ['Germany', 3, 1, 2]] }, strings) }], strings);
const edit = (name: string, f: (xml: string) => string) => {
  const strings: string[] = [];
  return parts(strings).map(([n, c]): [string, string] => [n, n === name ? f(c) : c]);
};
const read = (p: [string, string][], path = 'w.xlsx') => ingestFile({ path, bytes: zipOf(...p) }, context('ARM'));
const refusal = async (p: [string, string][]) => {
  const err = await read(p).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(MchError);
  return [(err as MchError).message, (err as MchError).where];
};
const RELS = 'xl/_rels/workbook.xml.rels';

describe('the parts of a workbook', () => {
  it('reads the sheets its relationships name', async () => {
    expect((await read(parts())).files[0]).toMatchObject({ value_cells: 3, observations: 3 });
    // an absolute target, a percent-encoded one, a part under another name: all where the relationship says
    expect((await read(edit(RELS, (x) => x.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet%31.xml"')))).files[0]!.observations).toBe(3);
  });

  it('refuses a sheet whose relationship is missing, dangling or leads outside the package', async () => {
    expect(await refusal(parts().filter(([n]) => n !== RELS))).toEqual(['w.xlsx cannot be read as an Excel workbook: xl/_rels/workbook.xml.rels is missing, so the parts holding the sheets cannot be found', `w.xlsx#${RELS}`]);
    expect(await refusal(edit(RELS, (x) => x.replace('worksheets/sheet1.xml', 'worksheets/sheet9.xml')))).toEqual([
      'w.xlsx cannot be read as an Excel workbook: sheet "T04" refers to xl/worksheets/sheet9.xml, which is not in the archive',
      `w.xlsx#${RELS}`,
    ]);
    expect((await refusal(edit(RELS, (x) => x.replace('worksheets/sheet1.xml', '../../etc/passwd'))))[0]).toBe('w.xlsx cannot be read as an Excel workbook: sheet "T04" refers to "../../etc/passwd", outside the workbook');
    expect((await refusal(edit('xl/workbook.xml', (x) => x.replace('r:id="rId1"', 'r:id="rId7"'))))[0]).toBe('w.xlsx cannot be read as an Excel workbook: sheet "T04" has no relationship "rId7" in xl/_rels/workbook.xml.rels');
  });

  it('names a worksheet part no sheet uses, and never reads it', async () => {
    const r = await read([...parts(), ['xl/worksheets/sheet1.xml.bak', '<not xml at all']]);
    expect(r.files[0]!.warnings).toEqual(['w.xlsx: the archive holds xl/worksheets/sheet1.xml.bak, which no sheet of the workbook uses; not read']);
  });

  it('refuses a workbook with no questionnaire sheet, naming its sheets', async () => {
    expect((await refusal(edit('xl/workbook.xml', (x) => x.replace('name="T04"', 'name="Sheet1"'))))[0]).toBe(
      'w.xlsx: no sheet of the workbook is a questionnaire table (sheets: "Sheet1"); name each table\'s sheet by its number, such as "T04"',
    );
  });
});
