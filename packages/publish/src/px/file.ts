import type { Observation, TableDef } from '@mch/core';
import type { ReleaseModel } from '../model';
import { SYMBOLS } from '../symbols';
import { type Cube, type CubeVariable, buildCube, pxSymbol } from './cube';
import { type PxEntry, type PxItem, entry, text, word } from './entries';
import { pxText, serialisePx } from './write';

type Lang = 'en' | 'ru';
const OTHER: Lang = 'ru';

/**
 * px/<table>.px: PX 2013, UTF-8, English the default language with a `[ru]` variant of every
 * text keyword. LAST-UPDATED is the release date of the configuration, never the clock.
 */
export function pxFile(model: ReleaseModel, table: TableDef, rows: readonly Observation[]): Buffer {
  return Buffer.from(serialisePx(pxEntries(model, table, buildCube(model, table, rows))), 'utf8');
}

export function pxEntries(model: ReleaseModel, table: TableDef, cube: Cube): PxEntry[] {
  const c = model.config;
  const variables = [...cube.stub, ...cube.heading];
  const names = (vs: readonly CubeVariable[], lang: Lang) => vs.map((v) => text(pxText(v.name[lang])));
  const bi = (keyword: string, value: (lang: Lang) => PxItem[], subkeys?: (lang: Lang) => string[]): PxEntry[] => [
    entry(keyword, value('en'), { subkeys: subkeys?.('en') }),
    entry(keyword, value(OTHER), { lang: OTHER, subkeys: subkeys?.(OTHER) }),
  ];
  const title: Record<Lang, string> = { en: table.title_en, ru: table.title_ru };
  const symbolNote = (lang: Lang) =>
    SYMBOLS.filter((s) => !['E', 'P', 'B'].includes(s.status))
      .map((s) => `${pxSymbol(s.status)} ${s[lang]}`)
      .join('; ');
  const note: Record<Lang, string> = {
    en: `Symbols: ${symbolNote('en')}; - nil. Estimated, provisional and break-in-series values carry a cell note. Figures are numbers of persons. The designations employed do not imply the expression of any opinion on the part of the United Nations concerning the legal status of any country or territory or the delimitation of its frontiers.`,
    ru: `Условные обозначения: ${symbolNote('ru')}; - явление отсутствует. Оценки, предварительные данные и разрывы рядов отмечены примечанием к ячейке. Данные — число человек. Употребляемые обозначения не означают выражения со стороны Организации Объединённых Наций какого бы то ни было мнения относительно правового статуса страны или территории или делимитации их границ.`,
  };
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
    ...bi('NOTE', (l) => [text(pxText(note[l]))]),
    ...cellNotes(cube, variables),
    ...[2, 3, 4].flatMap((n) => {
      const s = SYMBOLS.find((x) => pxSymbol(x.status) === '.'.repeat(n))!;
      return bi(`DATASYMBOL${n}`, (l) => [text(s[l])]);
    }),
    entry('DATA', [{ kind: 'data', cells: cube.cells, rowLength: cube.heading.reduce((n, v) => n * v.codes.length, 1) }]),
  ];
}

/** CELLNOTE("value",…)="estimated" for each E, P and B cell, in both languages, in cell order. */
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
      out.push(entry('CELLNOTE', [text(note[lang])], { lang: lang === 'en' ? null : lang, subkeys: keys }));
    }
  }
  return out;
}
