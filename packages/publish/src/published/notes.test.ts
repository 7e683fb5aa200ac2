import type { TableNote } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../testing/fixture';
import { publishedRelease } from './build';
import { noteText, withoutLegendLines } from './notes';

const source = { file: 'data/raw/ARM/arm_2013.xlsx', sha256: 'a'.repeat(64), sheet: 'T04', cell: 'A40', raw: '' };
const note = (ref: string, text: string): TableNote => ({ ref_area: 'ARM', table: 'T04', ref, text, source });

/** The fixture release with the country notes a national office really writes under a table. */
function t04(notes: TableNote[]) {
  const base = fixtureModel();
  const model = fixtureModel({ data: { ...base.data, notes: [...base.data.notes, ...notes] } });
  return publishedRelease(model).tables.find((t) => t.table.id === 'T04')!;
}

describe('the notes of a published table', () => {
  it('says each note once, refers to every note from a cell or the country table, and marks a note in one language', () => {
    const table = t04([note('', 'Источник: Государственная миграционная служба.'), note('', 'Источник: Государственная миграционная служба.'), note('2', 'Provisional.')]);
    const arm = table.countries.find((c) => c.ref_area === 'ARM')!;
    const texts = table.notes.filter((n) => n.ref_area === 'ARM').map((n) => noteText(n, 'both'));
    expect(texts.filter((t) => t.startsWith('Источник'))).toEqual(['Источник: Государственная миграционная служба. (given in Russian only / только на русском языке)']);
    const referred = new Set([...arm.notes, ...arm.rows.flatMap((r) => r.notes)]);
    for (const n of table.notes.filter((x) => x.ref_area === 'ARM')) expect(referred.has(n.number), noteText(n, 'en')).toBe(true);
    // no empty marker: a note without its own marker is a note on the country table
    expect(texts.some((t) => /\(\)/.test(t))).toBe(false);
  });

  it('says beside a footnote naming another source than the Metadata sheet which source that sheet gives, and nothing beside one that agrees', () => {
    const table = t04([
      note('', 'Source: border-crossing records (Ministry of Internal Affairs), estimates.'),
      note('', 'Source: population register and passport service.'),
      note('', 'Источник: данные пограничного контроля.'),
      note('', 'Including persons arriving under resettlement programmes.'),
    ]);
    const texts = (lang: 'en' | 'ru' | 'both') => table.notes.filter((n) => n.ref_area === 'ARM').map((n) => noteText(n, lang));
    expect(texts('en')).toContain(
      "Source: border-crossing records (Ministry of Internal Affairs), estimates. (given in English only) (The country's Metadata sheet gives the source of this table as: population register.)",
    );

    expect(texts('ru')).toContain('Источник: данные пограничного контроля. (только на русском языке) (В листе метаданных страны источником этой таблицы указан: регистр населения.)');
    expect(texts('both')).toContain(
      "Источник: данные пограничного контроля. (given in Russian only / только на русском языке) (The country's Metadata sheet gives the source of this table as: population register.) / (В листе метаданных страны источником этой таблицы указан: регистр населения.)",
    );
    expect(texts('en')).toContain('Source: population register and passport service. (given in English only)');
    expect(texts('en')).toContain('Including persons arriving under resettlement programmes. (given in English only)');
    expect(texts('en').filter((t) => t.includes('Metadata sheet'))).toHaveLength(2);
  });

  it('drops the country\'s symbol legend from a note, and a note that is nothing else', () => {
    const symbols = new Set(['к', '..']);
    expect(withoutLegendLines('Источник: ГМС Туркменистана. к — конфиденциально.', symbols)).toBe('Источник: ГМС Туркменистана.');
    expect(withoutLegendLines('.. — нет данных', symbols)).toBe('');
    expect(withoutLegendLines('E-mail: stat@example.org', symbols)).toBe('E-mail: stat@example.org');
    // a note that explains its own dots is a note, not a legend
    const why = '.. — данные за 2009 год по стране рождения не разрабатывались.';
    expect(withoutLegendLines(why, symbols)).toBe(why);
    const table = t04([note('', 'к — конфиденциально.')]);
    expect(table.notes.some((n) => n.text.en.includes('конфиденциально'))).toBe(false);
  });

  it('says a registered break inside the reference years once, on the table and on the cells of its year', () => {
    const table = t04([]);
    const breaks = table.notes.filter((n) => n.text.en.startsWith('Break in series'));
    expect(breaks.map((n) => n.text.en)).toEqual(['Break in series from 2012: New registration form.']);
    const arm = table.countries.find((c) => c.ref_area === 'ARM')!;
    expect(arm.notes).toContain(breaks[0]!.number);
  });
});
