import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRelease } from './release';
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
