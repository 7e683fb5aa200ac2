import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { pxKeywordText, readPx } from './px/index';
import { writeRelease } from './release';
import { dataScriptData } from './site/page';
import { fixtureModel } from './testing/fixture';
import { publishedTexts, untrueStatements } from './testing/published-text';
import { hasPdftotext } from './testing/unpack';

const scratch = mkdtempSync(join(tmpdir(), 'mch-truth-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// a release dated 2013 whose configuration and break register also know of later events
function modelWithLaterEvents() {
  const base = fixtureModel();
  const geo = base.config.countries.GEO!;
  return fixtureModel({
    config: {
      ...base.config,
      countries: { ...base.config.countries, GEO: { ...geo, territory_changes: [{ first_year: 2014, text: 'Excluding the occupied regions as of 2014' }] } },
    },
    breaks: [
      ...base.breaks,
      { ref_area: 'ARM', first_year: 2019, tables: ['T04'], text_en: 'Electronic reporting form.', text_ru: 'Электронная форма.' },
      { ref_area: 'ARM', first_year: 2005, tables: ['T04'], text_en: 'Register reform.', text_ru: 'Реформа регистра.' },
    ],
  });
}

describe('a release says only what holds for its years and its date', () => {
  it.skipIf(!hasPdftotext() && process.env.CI !== 'true')('names no later year and no break outside its reference years in any published text (needs poppler pdftotext)', async () => {
    const model = modelWithLaterEvents();
    const dir = join(scratch, 'release');
    await writeRelease(model, dir);
    const texts = await publishedTexts(dir);
    expect(texts.length).toBeGreaterThan(50);
    expect(untrueStatements(texts, model.config.release_date, model.config.reference_years)).toEqual([]);
    // the break inside the reference years is said
    expect(texts.some((t) => t.text.includes('Break in series from 2012'))).toBe(true);
  });

  it('catches a later year and a break outside the reference years', () => {
    const texts = [
      { file: 'notes/methodology.en.pdf', where: 'page 3', text: 'Benchmark: UN WPP 2024 net migration.' },
      { file: 'tables/T04.xlsx', where: 'Notes!C5', text: 'Break in series from 2010: new form.' },
      { file: 'px/T04.px', where: 'NOTE', text: 'Reference years 2011–2012; 1 584 comparisons; release 2013.1.' },
    ];
    expect(untrueStatements(texts, '2013-06-30', [2011, 2012])).toEqual([
      expect.stringContaining('names 2024'),
      'tables/T04.xlsx Notes!C5: a break in 2010, outside 2011–2012',
    ]);
  });
});

describe('every table file says when its figures count', () => {
  it('dates a stock table on 1 January (a census count on its census day) and a flow table over the calendar year, in the workbook, PX, JSON-stat and the page', async () => {
    const dir = join(scratch, 'dates');
    await writeRelease(fixtureModel(), dir);
    const said = async (table: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'tables', `${table}.xlsx`));
      const px = readPx(readFileSync(join(dir, 'px', `${table}.px`)));
      if (!px.ok) throw new Error('PX refused');
      const json = JSON.parse(readFileSync(join(dir, 'jsonstat', `${table}.json`), 'utf8'));
      const site = dataScriptData(readFileSync(join(dir, 'site', `${table}.js`), 'utf8')).data as { note: { en: string; ru: string } };
      const sheet = wb.worksheets.find((ws) => !['Cover', 'Contents', 'Notes'].includes(ws.name))!;
      return {
        sheet: String(sheet.getCell('A3').value),
        cover: String(wb.getWorksheet('Cover')!.getCell('A5').value),
        px: pxKeywordText(px.table, 'NOTE') ?? '',
        pxRu: pxKeywordText(px.table, 'NOTE', 'ru') ?? '',
        json: String(json.note[0]),
        site: site.note.en,
      };
    };
    const stock = await said('T01');
    const census = 'Figures are numbers of persons on 1 January of the year shown; a census count (CENSUS), on its census day in the census year.';
    expect(stock.sheet).toBe('Unit: persons on 1 January of the year shown; a census count (CENSUS), on its census day in the census year / Единица измерения: человек на 1 января указанного года; данные переписи (CENSUS) — на дату переписи в году переписи');
    for (const text of [stock.cover, stock.px, stock.json, stock.site]) expect(text).toContain(census);
    expect(stock.pxRu).toContain('Данные — число человек на 1 января указанного года');
    const flow = await said('T04');
    for (const text of [flow.sheet, flow.cover, flow.px, flow.json, flow.site]) {
      expect(text).toContain('over the calendar year shown');
      expect(text).not.toContain('1 January');
    }
  });
});
