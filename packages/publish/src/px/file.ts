import { type DefinitionBasis, type Observation, type TableDef, basisLabel, cmp } from '@mch/core';
import type { ReleaseModel } from '../model';
import { basesOf, sourceOf } from '../published/notes';
import { type Bilingual, breaksInScope, territorySpans, yearRange } from '../published/scope';
import type { CountryTableMeta } from '../published/types';
import { SYMBOLS, type SymbolEntry } from '../symbols';
import { safeText } from '../text';
import { type Cube, type CubeVariable, buildCube, pxSymbol } from './cube';
import { type PxEntry, type PxItem, entry, text, word } from './entries';
import { pxText, serialisePx } from './write';

type Lang = 'en' | 'ru';
const OTHER: Lang = 'ru';

/**
 * The keyword that carries each reporting country's territory, source, definition basis and
 * breaks. PX 2013: VALUENOTE is a footnote shown when the user asks for it; VALUENOTEX is the
 * "mandatory footnote for single values for a variable", shown the way NOTEX is — always, before
 * the table (PxWeb lists it among the mandatory notes of the table). Figures of countries with
 * different bases, territories or breaks are misread without it, so it is the mandatory one.
 */
export const COUNTRY_NOTE_KEYWORD = 'VALUENOTEX';

/** PX 2013: DATASYMBOL1–6 and DATASYMBOLNIL hold at most 20 characters. */
export const DATASYMBOL_LENGTH = 20;

/**
 * The few labels of the one mapping (symbols.ts) too long for a DATASYMBOL: what a PX cell shows
 * in their place. The full label is in the symbol legend of NOTE.
 */
const DATASYMBOL_SHORT: Readonly<Record<string, Bilingual>> = {
  ELSEWHERE: { en: 'in another row', ru: 'в другой строке' },
};

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[A-Za-z]/;

/**
 * px/<table>.px: PX 2013, UTF-8, English the default language with a `[ru]` variant of every
 * text keyword. LAST-UPDATED is the release date of the configuration, never the clock.
 * `meta` is the published model's metadata of the table (published/); without it the same is
 * worked out here from the same helpers.
 */
export function pxFile(model: ReleaseModel, table: TableDef, rows: readonly Observation[], meta?: readonly CountryTableMeta[]): Buffer {
  const cube = buildCube(model, table, rows);
  return Buffer.from(serialisePx(pxEntries(model, table, cube, meta ?? countryTableMeta(model, table, rows))), 'utf8');
}

/** Per reporting country of the table: territory, source, bases per migration type, breaks inside the release. */
export function countryTableMeta(model: ReleaseModel, table: TableDef, rows: readonly Observation[]): CountryTableMeta[] {
  const breaks = breaksInScope(model).filter((b) => b.tables.includes(table.id));
  const countries = [...new Set(rows.map((o) => o.ref_area))].sort(cmp);
  return countries.map((country) => ({
    ref_area: country,
    territory: territorySpans(model, country, table.id).map((t) => ({ years: t.years, text: { en: safeText(t.text.en), ru: safeText(t.text.ru) } })),
    source: sourceOf(model, country, table.id),
    bases: basesOf(rows.filter((o) => o.ref_area === country)),
    breaks: breaks.filter((b) => b.ref_area === country).map((b) => ({ year: b.first_year, text: { en: safeText(b.text_en), ru: safeText(b.text_ru) } })),
  }));
}

export function pxEntries(model: ReleaseModel, table: TableDef, cube: Cube, meta: readonly CountryTableMeta[]): PxEntry[] {
  const c = model.config;
  const variables = [...cube.stub, ...cube.heading];
  const names = (vs: readonly CubeVariable[], lang: Lang) => vs.map((v) => text(pxText(v.name[lang])));
  const bi = (keyword: string, value: (lang: Lang) => PxItem[], subkeys?: (lang: Lang) => string[]): PxEntry[] => [
    entry(keyword, value('en'), { subkeys: subkeys?.('en') }),
    entry(keyword, value(OTHER), { lang: OTHER, subkeys: subkeys?.(OTHER) }),
  ];
  const title: Record<Lang, string> = { en: table.title_en, ru: table.title_ru };
  const bases = [...new Set(meta.flatMap((m) => m.bases.flatMap((b) => b.codes)))].sort(cmp);
  const note = (lang: Lang) => tableNote(lang, bases);
  return [
    entry('CHARSET', [text('ANSI')]),
    entry('AXIS-VERSION', [text('2013')]),
    entry('CODEPAGE', [text('utf-8')]),
    entry('LANGUAGE', [text('en')]),
    entry('LANGUAGES', [text('en'), text(OTHER)]),
    entry('DECIMALS', [word('0')]),
    entry('SHOWDECIMALS', [word('0')]),
    entry('MATRIX', [text(`MCH_${table.id}`)]),
    entry('SUBJECT-CODE', [text('MCH')]),
    ...bi('SUBJECT-AREA', (l) => [text(l === 'en' ? 'International migration' : 'Международная миграция')]),
    ...bi('TITLE', (l) => [text(pxText(`${table.id}. ${title[l]}`))]),
    ...bi('CONTENTS', (l) => [text(pxText(title[l]))]),
    ...bi('UNITS', (l) => [text(l === 'en' ? 'persons' : 'человек')]),
    ...bi('STUB', (l) => names(cube.stub, l)),
    ...bi('HEADING', (l) => names(cube.heading, l)),
    ...variables.flatMap((v) => bi('VALUES', (l) => v.labels.map((x) => text(pxText(x[l]))), (l) => [pxText(v.name[l])])),
    ...variables.filter((v) => v.time).flatMap((v) => bi('TIMEVAL', () => [{ kind: 'tlist', unit: 'A1', range: null }, ...v.codes.map(text)], (l) => [pxText(v.name[l])])),
    ...variables.flatMap((v) => bi('CODES', () => v.codes.map((x) => text(pxText(x))), (l) => [pxText(v.name[l])])),
    entry('LAST-UPDATED', [text(`${c.release_date.replace(/-/g, '')} 00:00`)]),
    ...bi('CONTACT', (l) => [text(pxText(`${l === 'en' ? c.metadata.contact.organisation : c.metadata.contact.organisation_ru}, ${c.metadata.contact.unit}, ${c.metadata.contact.email}`))]),
    ...bi('SOURCE', (l) => [text(l === 'en' ? 'National statistical offices, via the UNECE Clearing House on Migration Statistics' : 'Национальные статистические службы, через Информационный центр ЕЭК ООН по статистике миграции')]),
    ...bi('NOTE', (l) => [text(note(l))]),
    ...countryNotes(model, table, cube, meta),
    ...cellNotes(cube, variables),
    ...dataSymbols().flatMap(({ n, label }) => bi(`DATASYMBOL${n}`, (l) => [text(label[l])])),
    entry('DATA', [{ kind: 'data', cells: cube.cells, rowLength: cube.heading.reduce((n, v) => n * v.codes.length, 1) }]),
  ];
}

/**
 * NOTE: the unit, the symbol legend (every entry of the one mapping, in the file's language),
 * the glossary of the definition bases the table's series carry, where the country metadata is,
 * and the UN disclaimer. `#` is a line break in PX footnotes, `##` a new paragraph.
 */
export function tableNote(lang: Lang, bases: readonly DefinitionBasis[]): string {
  const dots = SYMBOLS.filter((s) => dotCode(s) !== null);
  const marked = SYMBOLS.filter((s) => s.px === 'NOTE');
  const other = SYMBOLS.filter((s) => dotCode(s) === null && s.px !== 'NOTE');
  const legend = [...dots.map((s) => `${dotCode(s)} ${s[lang]}`), ...other.map((s) => `${s.px} ${s[lang]}`), lang === 'en' ? '- nil' : '- явление отсутствует'].join('; ');
  const marks = marked.map((s) => s[lang]).join('; ');
  const glossary = bases.map((b) => `${b}: ${basisLabel(b)[lang === 'en' ? 'meaning_en' : 'meaning_ru']}`).join(' ');
  const paragraphs =
    lang === 'en'
      ? [
          'Figures are numbers of persons.',
          `Symbols: ${legend}. A cell note on a value says that it is: ${marks}.`,
          ...(glossary ? [`Definition bases: ${glossary}`] : []),
          'Territory, source, definition basis and breaks in series of each reporting country are in the note on the country.',
          'The designations employed do not imply the expression of any opinion on the part of the United Nations concerning the legal status of any country or territory or the delimitation of its frontiers.',
        ]
      : [
          'Данные — число человек.',
          `Условные обозначения: ${legend}. Примечание к ячейке означает, что значение: ${marks}.`,
          ...(glossary ? [`Основы определения: ${glossary}`] : []),
          'Территория, источник, основа определения и разрывы рядов по каждой отчитывающейся стране приведены в примечании к стране.',
          'Употребляемые обозначения не означают выражения со стороны Организации Объединённых Наций какого бы то ни было мнения относительно правового статуса страны или территории или делимитации их границ.',
        ];
  return paragraphs.map(footnoteText).join('##');
}

/**
 * VALUENOTEX("Reporting country","Armenia")= for every reporting country of the table, in both
 * languages: territory, source, definition basis per migration type, and the registered breaks
 * inside the release's reference years, one per line.
 */
function countryNotes(model: ReleaseModel, table: TableDef, cube: Cube, meta: readonly CountryTableMeta[]): PxEntry[] {
  const country = cube.stub[0]!;
  const migr = table.has_migr_type ? cube.stub[1] : undefined;
  const migrLabel = (code: string, lang: Lang) => {
    const i = migr?.codes.indexOf(code) ?? -1;
    if (migr && i >= 0) return migr.labels[i]![lang];
    const m = model.codelists.migr_type.find((x) => x.code === code);
    return m ? (lang === 'en' ? m.label_en : m.label_ru) : code;
  };
  const out: PxEntry[] = [];
  country.codes.forEach((code, i) => {
    const m = meta.find((x) => x.ref_area === code);
    for (const lang of ['en', OTHER] as const) {
      const lines = m ? countryLines(m, lang, migrLabel) : [];
      if (!lines.length) lines.push(lang === 'en' ? 'No figures of this country are published in this table.' : 'Данные этой страны в таблице не публикуются.');
      out.push(
        entry(COUNTRY_NOTE_KEYWORD, [text(lines.map(footnoteText).join('#'))], {
          lang: lang === 'en' ? null : lang,
          subkeys: [pxText(country.name[lang]), pxText(country.labels[i]![lang])],
        }),
      );
    }
  });
  return out;
}

function countryLines(m: CountryTableMeta, lang: Lang, migrLabel: (code: string, lang: Lang) => string): string[] {
  const en = lang === 'en';
  const lines: string[] = [];
  for (const t of m.territory) {
    const years = m.territory.length > 1 ? ` ${yearRange(t.years)}` : '';
    lines.push(`${en ? 'Territory' : 'Территория'}${years}: ${said(t.text, lang)}`);
  }
  if (m.source) lines.push(`${en ? 'Source' : 'Источник'}: ${said(m.source, lang)}`);
  if (m.bases.length) {
    const each = m.bases.map((b) => (b.migr_type ? `${migrLabel(b.migr_type, lang)}: ${b.text[lang]}` : b.text[lang]));
    lines.push(`${en ? 'Definition basis' : 'Основа определения'}: ${each.join('; ')}`);
  } else lines.push(en ? 'Definition basis: not stated' : 'Основа определения: не указана');
  for (const b of m.breaks) lines.push(en ? `Break in series from ${b.year}: ${b.text.en}` : `Разрыв ряда с ${b.year} г.: ${b.text.ru}`);
  return lines;
}

/** A text in one language; where the country or the configuration gave it in the other only, it says so. */
function said(t: Bilingual, lang: Lang): string {
  const value = t[lang];
  if (t.en !== t.ru) return value;
  if (lang === 'ru' && LATIN.test(value) && !CYRILLIC.test(value)) return `${value} (только на английском языке)`;
  if (lang === 'en' && CYRILLIC.test(value) && !LATIN.test(value)) return `${value} (given in Russian only)`;
  return value;
}

/** Footnote text: PX text, and no `#` of its own (PX footnotes read `#` as a line break). */
function footnoteText(s: string): string {
  return pxText(s).replace(/#/g, '№');
}

/** The dot code of an entry of the one mapping, or null when its PX form is not a dot code. */
function dotCode(s: SymbolEntry): string | null {
  return /^"\.+"$/.test(s.px) ? s.px.slice(1, -1) : null;
}

/** DATASYMBOLn for every dot code of the one mapping: what a PX cell holding n dots shows. */
export function dataSymbols(): { n: number; status: string; label: Bilingual }[] {
  return SYMBOLS.filter((s) => dotCode(s) !== null && pxSymbol(s.status) === dotCode(s)).map((s) => {
    const label = (lang: Lang) => {
      const full = pxText(s[lang]);
      const plain = full.replace(/\s*\(.*\)$/, '');
      const short = [full, plain, DATASYMBOL_SHORT[s.status]?.[lang] ?? ''].find((x) => x && [...x].length <= DATASYMBOL_LENGTH);
      if (!short) throw new Error(`px: the label of ${s.status} is longer than a DATASYMBOL holds; give it a short form`);
      return short;
    };
    return { n: dotCode(s)!.length, status: s.status, label: { en: label('en'), ru: label('ru') } };
  });
}

/** CELLNOTE("value",…)="estimated" for each noted cell, in both languages, in cell order. */
function cellNotes(cube: Cube, variables: readonly CubeVariable[]): PxEntry[] {
  const out: PxEntry[] = [];
  for (const [at, note] of [...cube.notes].sort((a, b) => a[0] - b[0])) {
    const position: number[] = [];
    let rest = at;
    for (let d = variables.length - 1; d >= 0; d--) {
      const n = variables[d]!.codes.length;
      position.unshift(rest % n);
      rest = Math.floor(rest / n);
    }
    for (const lang of ['en', OTHER] as const) {
      const keys = position.map((i, d) => pxText(variables[d]!.labels[i]![lang]));
      out.push(entry('CELLNOTE', [text(pxText(note[lang]))], { lang: lang === 'en' ? null : lang, subkeys: keys }));
    }
  }
  return out;
}
