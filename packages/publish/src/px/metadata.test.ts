// What a PxWeb user reads beside the figures: per reporting country its territory, source,
// definition basis and breaks (VALUENOTEX), and in NOTE the whole legend of the one mapping and a
// glossary of the bases the table's series carry.
import { type Observation, basisLabel } from '@mch/core';
import { describe, expect, it } from 'vitest';
import type { ReleaseModel } from '../model';
import { publishedRelease } from '../published/build';
import { partnerOrder } from '../published/order';
import { SYMBOLS } from '../symbols';
import { fixtureConfig, fixtureModel, obs } from '../testing/fixture';
import { DATASYMBOL_LENGTH, dataSymbols } from './file';
import { type PxTable, comparePxWithObservations, checkedPxFile, pxKeywordText, readPx } from './index';
import { pxText } from './write';

function written(id: string, model: ReleaseModel = fixtureModel()) {
  const t = publishedRelease(model).tables.find((x) => x.table.id === id)!;
  const bytes = checkedPxFile(model, t);
  const r = readPx(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { bytes, px: r.table, table: t.table, rows: t.observations, model };
}

/** The country note of a reporting country, by its label in that language. */
function countryNote(px: PxTable, country: string, lang: 'en' | 'ru' = 'en'): string | undefined {
  const name = px.views.get(lang)!.stub[0]!.name;
  const e = px.entries.find((x) => x.keyword === 'VALUENOTEX' && x.lang === (lang === 'en' ? null : lang) && x.subkeys.join('|') === `${name}|${country}`);
  return e?.items.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

const problems = (w: ReturnType<typeof written>, bytes: Buffer) => {
  const r = readPx(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return comparePxWithObservations(r.table, w.table, w.rows, 20, partnerOrder(w.model.codelists).kind);
};

describe('PX country metadata (VALUENOTEX)', () => {
  it('gives every reporting country its source, basis per migration type and breaks, in both languages', () => {
    const { px } = written('T04');
    const en = countryNote(px, 'Armenia')!;
    const ru = countryNote(px, 'Армения', 'ru')!;
    // the country's notes of the workbook, numbered as there, one per line
    for (const line of ['Source: population register', 'Definition basis: NAT: registration for permanent residence (PERM_REG)', 'Break in series from 2012: New registration form.']) {
      expect(en).toMatch(new RegExp(`(^|#)\\[note \\d+\\] ${line.replace(/[()]/g, '\\$&')}`));
    }
    for (const line of ['Источник: регистр населения', 'Основа определения: NAT: регистрация по месту жительства (PERM_REG)', 'Разрыв ряда с 2012 г.: Новая форма регистрации.']) {
      expect(ru).toContain(line);
    }
    // the break is registered for T04 only
    expect(countryNote(written('T07').px, 'Armenia')).not.toContain('Break');
  });

  it('states the territory, and marks a text the configuration gives in English only as such in Russian', () => {
    const { px } = written('T01');
    expect(countryNote(px, 'Georgia')).toContain('Territory / Территория: excluding Abkhazia and South Ossetia (given in English only)');
    expect(countryNote(px, 'Georgia')).toContain('Source / Источник: census 2002 (given in English only)');
    expect(countryNote(px, 'Грузия', 'ru')).toContain('Territory / Территория: excluding Abkhazia and South Ossetia (только на английском языке)');
    expect(countryNote(px, 'Грузия', 'ru')).toContain('Основа определения: перепись населения (CENSUS)');
  });

  it('says only what holds for the reference years: a 2014 break and a 2014 territory change stay out of a 2011–2012 release', () => {
    const base = fixtureModel();
    const config = fixtureConfig({
      imem: { enabled: true },
      countries: {
        ...base.config.countries,
        GEO: { ...base.config.countries.GEO!, territory_changes: [{ first_year: 2014, text: 'without Crimea', text_ru: 'без Крыма' }] },
      } as never,
    });
    const breaks = [...base.breaks, { ref_area: 'ARM', first_year: 2014, tables: ['T04'], text_en: 'Electronic form.', text_ru: 'Электронная форма.' }];
    const t04 = written('T04', fixtureModel({ config, breaks })).px;
    expect(countryNote(t04, 'Armenia')).toContain('Break in series from 2012');
    expect(countryNote(t04, 'Armenia')).not.toContain('2014');
    const t01 = written('T01', fixtureModel({ config, breaks })).px;
    expect(countryNote(t01, 'Georgia')).not.toContain('Crimea');
    expect(countryNote(t01, 'Грузия', 'ru')).not.toContain('Крым');
  });

  it('labels each migration type by the basis of its own series, with the years of each where it changed', () => {
    const base = fixtureModel();
    const observations: Observation[] = base.data.observations.map((o) =>
      o.ref_area === 'ARM' && o.table === 'T04' && o.time_period === 2012 && !o.derived ? { ...o, definition_basis: 'STAY_REG_9M' } : o,
    );
    observations.push(obs({ ref_area: 'ARM', table: 'T04', migr_type: 'ST', definition_basis: 'UN_ST3_12', partner: '_T', obs_value: 70 }));
    const { px } = written('T04', fixtureModel({ data: { ...base.data, observations } }));
    const [st, nat] = px.views.get('en')!.stub[1]!.values;
    expect(st).toMatch(/^Short-term/);
    expect(nat).toMatch(/national definition/);
    expect(countryNote(px, 'Armenia')).toContain(
      'Definition basis: ST: UN short-term definition (3 to 12 months) (UN_ST3_12); NAT: registration for permanent residence (PERM_REG) 2011; registration for permanent residence or at the place of stay for 9 months or more (STAY_REG_9M) 2012#',
    );
    const note = pxKeywordText(px, 'NOTE')!;
    for (const b of ['PERM_REG', 'STAY_REG_9M', 'UN_ST3_12'] as const) expect(note).toContain(`${b}: ${basisLabel(b).meaning_en}`);
    expect(note).not.toContain('CENSUS');
  });
});

describe('PX NOTE and DATASYMBOL: the one mapping of statuses to symbols, and the bases', () => {
  it('lists every entry of the one mapping in both languages, "....." and the derived mark among them', () => {
    const { px } = written('T04');
    for (const lang of ['en', 'ru'] as const) {
      const note = pxKeywordText(px, 'NOTE', lang)!;
      for (const s of SYMBOLS) expect(note, `${s.status} ${lang}`).toContain(pxText(s[lang]));
    }
    expect(pxKeywordText(px, 'NOTE')).toContain(".... confidential; ..... included in another row (such as 'Other countries')");
    expect(pxKeywordText(px, 'NOTE')).toContain('A cell note on a value says that it is: estimated; provisional; break in series; derived: computed by the Clearing House');
    expect(pxKeywordText(px, 'NOTE', 'ru')).toContain('..... включено в другую строку (например, «Прочие страны»)');
  });

  it('explains the bases the table carries, and only those', () => {
    const t01 = pxKeywordText(written('T01').px, 'NOTE', 'ru')!;
    expect(t01).toContain(`CENSUS: ${basisLabel('CENSUS').meaning_ru}`);
    expect(t01).not.toContain('PERM_REG');
    const t04 = pxKeywordText(written('T04').px, 'NOTE')!;
    expect(t04).toContain(`PERM_REG: ${basisLabel('PERM_REG').meaning_en}`);
    expect(t04).not.toContain('CENSUS');
  });

  it('names every dot code of the one mapping by a DATASYMBOL of at most 20 characters, DATASYMBOL5 for "....."', () => {
    const { px } = written('T04');
    expect(dataSymbols().map((d) => d.n)).toEqual([2, 3, 4, 5]);
    expect([2, 3, 4, 5].map((n) => pxKeywordText(px, `DATASYMBOL${n}`))).toEqual(['not available', 'not applicable', 'confidential', 'in another row']);
    expect(pxKeywordText(px, 'DATASYMBOL5', 'ru')).toBe('в другой строке');
    for (const d of dataSymbols()) for (const lang of ['en', 'ru'] as const) expect([...d.label[lang]].length).toBeLessThanOrEqual(DATASYMBOL_LENGTH);
  });
});

describe('the check of a written PX file (comparePxWithObservations) on its metadata', () => {
  it('passes the files as written', () => {
    for (const id of ['T01', 'T02', 'T04', 'T07', 'T08']) {
      const w = written(id);
      expect(problems(w, w.bytes), id).toEqual([]);
    }
  });

  it('finds a country without its note, a note in one language only, and a note naming another basis', () => {
    const w = written('T04');
    const text = w.bytes.toString('utf8');
    const noRu = text.replace(/VALUENOTEX\[ru\]\("Отчитывающаяся страна","Армения"\)=[\s\S]*?";\r\n/, '');
    expect(noRu).not.toBe(text);
    expect(problems(w, Buffer.from(noRu, 'utf8'))).toEqual([
      'VALUENOTEX[ru]("Отчитывающаяся страна","Армения") is missing: PX users see no territory, source, basis or breaks for ARM',
    ]);
    const otherBasis = text.replace('(PERM_REG)#', '(BORDER)#');
    expect(otherBasis).not.toBe(text);
    expect(problems(w, Buffer.from(otherBasis, 'utf8'))).toEqual(['VALUENOTEX("Reporting country","Armenia") does not name the basis PERM_REG of ARM\'s series']);
  });

  it('finds a value note on a value the table does not have, and a dot code no DATASYMBOL explains', () => {
    const w = written('T08');
    const text = w.bytes.toString('utf8');
    const stray = text.replace('DATASYMBOL2=', 'VALUENOTEX("Reporting country","Atlantis")="Territory: all";\r\nDATASYMBOL2=');
    expect(stray).not.toBe(text);
    expect(problems(w, Buffer.from(stray, 'utf8'))).toEqual(['VALUENOTEX("Reporting country","Atlantis"): not a variable and one of its values']);
    const noSymbol = text.replace(/DATASYMBOL4="[^"]*";\r\n/, '');
    expect(noSymbol).not.toBe(text);
    expect(problems(w, Buffer.from(noSymbol, 'utf8'))).toEqual(['"...." is in DATA but DATASYMBOL4 does not say what it means']);
  });
});
