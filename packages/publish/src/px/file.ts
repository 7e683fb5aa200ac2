import { type DefinitionBasis, basisLabel, cmp } from '@mch/core';
import type { ReleaseModel, TableModel } from '../model';
import { noteText } from '../published/notes';
import type { Bilingual } from '../published/scope';
import type { PublishedTable } from '../published/types';
import { figuresText } from '../published/texts';
import { SYMBOLS, type SymbolEntry } from '../symbols';
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

/**
 * px/<table>.px: PX 2013, UTF-8, English the default language with a `[ru]` variant of every
 * text keyword. LAST-UPDATED is the release date of the configuration, never the clock.
 * Everything it says comes from the published table (published/): cells, notes, metadata.
 */
export function pxFile(model: TableModel, published: PublishedTable): Buffer {
  const cube = buildCube(model, published);
  return Buffer.from(serialisePx(pxEntries(model, published, cube)), 'utf8');
}

export function pxEntries(model: TableModel, published: PublishedTable, cube: Cube): PxEntry[] {
  const table = published.table;
  const meta = published.meta;
  const c = model.config;
  const variables = [...cube.stub, ...cube.heading];
  const names = (vs: readonly CubeVariable[], lang: Lang) => vs.map((v) => text(pxText(v.name[lang])));
  const bi = (keyword: string, value: (lang: Lang) => PxItem[], subkeys?: (lang: Lang) => string[]): PxEntry[] => [
    entry(keyword, value('en'), { subkeys: subkeys?.('en') }),
    entry(keyword, value(OTHER), { lang: OTHER, subkeys: subkeys?.(OTHER) }),
  ];
  const title: Record<Lang, string> = { en: table.title_en, ru: table.title_ru };
  const bases = [...new Set(meta.flatMap((m) => m.bases.flatMap((b) => b.codes)))].sort(cmp);
  const note = (lang: Lang) => tableNote(lang, bases, figuresText(published));
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
    ...bi('CONTACT', (l) => [text(pxText(contactText(c.metadata.contact, l)))]),
    ...bi('SOURCE', (l) => [text(l === 'en' ? 'National statistical offices, via the UNECE Clearing House on Migration Statistics' : 'Национальные статистические службы, через Информационный центр ЕЭК ООН по статистике миграции')]),
    ...bi('NOTE', (l) => [text(note(l))]),
    ...countryNotes(published, cube),
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
export function tableNote(lang: Lang, bases: readonly DefinitionBasis[], figures: Bilingual): string {
  const dots = SYMBOLS.filter((s) => dotCode(s) !== null);
  const marked = SYMBOLS.filter((s) => s.px === 'NOTE');
  const other = SYMBOLS.filter((s) => dotCode(s) === null && s.px !== 'NOTE');
  const legend = [...dots.map((s) => `${dotCode(s)} ${s[lang]}`), ...other.map((s) => `${s.px} ${s[lang]}`), lang === 'en' ? '- nil' : '- явление отсутствует'].join('; ');
  const marks = marked.map((s) => s[lang]).join('; ');
  const glossary = bases.map((b) => `${b}: ${basisLabel(b)[lang === 'en' ? 'meaning_en' : 'meaning_ru']}`).join(' ');
  const paragraphs =
    lang === 'en'
      ? [
          figures.en,
          `Symbols: ${legend}. A cell note on a value says that it is: ${marks}.`,
          ...(glossary ? [`Definition bases: ${glossary}`] : []),
          'Territory, source, definition basis and breaks in series of each reporting country are in the note on the country.',
          'The designations employed do not imply the expression of any opinion on the part of the United Nations concerning the legal status of any country or territory or the delimitation of its frontiers.',
        ]
      : [
          figures.ru,
          `Условные обозначения: ${legend}. Примечание к ячейке означает, что значение: ${marks}.`,
          ...(glossary ? [`Основы определения: ${glossary}`] : []),
          'Территория, источник, основа определения и разрывы рядов по каждой отчитывающейся стране приведены в примечании к стране.',
          'Употребляемые обозначения не означают выражения со стороны Организации Объединённых Наций какого бы то ни было мнения относительно правового статуса страны или территории или делимитации их границ.',
        ];
  return paragraphs.map(footnoteText).join('##');
}

/**
 * VALUENOTEX("Reporting country","Armenia")= for every reporting country of the table, in both
 * languages: the country's notes of the published table, numbered as in the workbook's Notes
 * sheet and the CSV files' note_refs (territory, source, definition basis, breaks inside the
 * reference years, remarks, the unit conversion, the country's own notes), one per line.
 */
function countryNotes(published: PublishedTable, cube: Cube): PxEntry[] {
  const country = cube.stub[0]!;
  const out: PxEntry[] = [];
  country.codes.forEach((code, i) => {
    const notes = published.notes.filter((n) => n.ref_area === code);
    for (const lang of ['en', OTHER] as const) {
      const lines = notes.map((n) => `[note ${n.number}] ${noteText(n, lang)}`);
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

/** The contact in one language: organisation, unit (its Russian name where configured) and e-mail. */
export function contactText(contact: ReleaseModel['config']['metadata']['contact'], lang: Lang): string {
  const organisation = lang === 'en' ? contact.organisation : contact.organisation_ru;
  const unit = lang === 'en' ? contact.unit : (contact.unit_ru ?? contact.unit);
  return `${organisation}, ${unit}, ${contact.email}`;
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
