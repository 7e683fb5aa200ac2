import { stableJson } from '../hash';
import type { TableModel } from '../model';
import { type Bilingual, type PublishedCell, type PublishedTable, cellText, figuresText, noteText, rowOrderText } from '../published/index';
import { DASH_ZERO, SYMBOLS } from '../symbols';
import { type CubeDimension, tableCube } from './cube';

type Lang = 'en' | 'ru';

/** The one measure, as JSON-stat's metric dimension: what PxWeb calls the contents, with its unit. */
const METRIC: CubeDimension = { id: 'UNIT_MEASURE', label: { en: 'Unit of measure', ru: 'Единица измерения' }, codes: ['PS'], labels: [{ en: 'Number of persons', ru: 'Число человек' }] };
const UNIT: Bilingual = { en: 'persons', ru: 'человек' };

/** A dash-zero keeps its value 0 and says "-", as PX does; the rest is the one mapping's notation. */
const LEGEND = [...SYMBOLS.map((s) => ({ symbol: s.excel, status: s.status, en: s.en, ru: s.ru })), { symbol: '-', status: 'A', en: DASH_ZERO.en, ru: DASH_ZERO.ru }];

/**
 * The status of a cell in the one mapping's notation: the symbol of a cell without a value
 * ([x] [z] [c] [i]), the marks beside a value ("[e] [d]"), "-" for a zero written as a dash, or
 * null for a value shown as it is.
 */
function statusOf(cell: PublishedCell): string | null {
  if (cell.value === null) return cellText(cell);
  if (cell.markers.length) return cell.markers.join(' ');
  return cell.dash ? '-' : null;
}

/**
 * jsonstat/<table>.json: one JSON-stat 2.0 dataset rendered from the published table. Labels in
 * English; the Russian labels, the numbered notes, the notes of each cell and each country's
 * metadata in `extension`, where any JSON-stat reader keeps them without having to know them.
 */
export function jsonstatDataset(model: TableModel, published: PublishedTable): string {
  const c = model.config;
  const { table } = published;
  const cube = tableCube(model, published);
  const dimensions = [...cube.dimensions, METRIC];
  const byNumber = new Map(published.notes.map((n) => [n.number, n]));
  const figures = figuresText(published);
  const countryNotes = (lang: Lang) =>
    Object.fromEntries(published.countries.filter((p) => p.notes.length).map((p) => [p.ref_area, p.notes.map((n) => `[note ${n}] ${noteText(byNumber.get(n)!, lang)}`)]));
  const dimension = (lang: Lang) =>
    Object.fromEntries(
      dimensions.map((d) => {
        const notes = d.id === 'REF_AREA' ? countryNotes(lang) : {};
        const category = {
          ...(lang === 'en' ? { index: d.codes } : {}),
          label: Object.fromEntries(d.codes.map((code, i) => [code, d.labels[i]![lang]])),
          ...(Object.keys(notes).length ? { note: notes } : {}),
          ...(d === METRIC ? { unit: { PS: lang === 'en' ? { decimals: 0, label: UNIT.en } : { label: UNIT.ru } } } : {}),
        };
        return [d.id, { label: d.label[lang], category }];
      }),
    );
  const cellNotes = Object.fromEntries(cube.cells.flatMap((cell, i) => (cell.notes.length ? [[String(i), cell.notes]] : [])));
  const dataset = {
    version: '2.0',
    class: 'dataset',
    label: `${table.id} ${table.title_en}`,
    source: SOURCE.en,
    updated: c.release_date,
    id: dimensions.map((d) => d.id),
    size: dimensions.map((d) => d.codes.length),
    role: { time: ['TIME_PERIOD'], geo: ['REF_AREA'], metric: [METRIC.id] },
    dimension: dimension('en'),
    value: cube.cells.map((cell) => cell.value),
    status: cube.cells.map(statusOf),
    note: datasetNote('en', rowOrderText(table, model.codelists), figures),
    extension: {
      release: { version: c.version, release_date: c.release_date, table: table.id },
      symbols: LEGEND,
      notes: published.notes.map((n) => ({ number: n.number, ref_area: n.ref_area, en: noteText(n, 'en'), ru: noteText(n, 'ru') })),
      cell_notes: cellNotes,
      countries: Object.fromEntries(published.meta.map((m) => [m.ref_area, countryMeta(m)])),
      ru: { label: `${table.id} ${table.title_ru}`, source: SOURCE.ru, note: datasetNote('ru', rowOrderText(table, model.codelists), figures), dimension: dimension('ru') },
    },
  };
  return stableJson(dataset);
}

const SOURCE: Bilingual = {
  en: 'National statistical offices, via the UNECE Clearing House on Migration Statistics',
  ru: 'Национальные статистические службы, через Информационный центр ЕЭК ООН по статистике миграции',
};

function countryMeta(m: PublishedTable['meta'][number]) {
  return {
    territory: m.territory.map((t) => ({ years: t.years, ...t.text })),
    source: m.source,
    bases: m.bases.map((b) => ({ migr_type: b.migr_type, codes: b.codes, ...b.text })),
    breaks: m.breaks.map((b) => ({ year: b.year, ...b.text })),
  };
}

function datasetNote(lang: Lang, rowOrder: Bilingual, figures: Bilingual): string[] {
  const legend = LEGEND.map((s) => `"${s.symbol}" ${s[lang]}`).join('; ');
  return lang === 'en'
    ? [
        figures.en,
        `Status: ${legend}. A value can carry more than one mark ("[e] [d]"); the legend is also in extension.symbols.`,
        rowOrder[lang],
        "Each reporting country's notes are in the notes of its category; extension.notes numbers every note, extension.cell_notes gives the notes of a cell by its position in value, and extension.countries each country's territory, source, definition basis and breaks in series. Russian labels are in extension.ru.",
        'The designations employed do not imply the expression of any opinion on the part of the United Nations concerning the legal status of any country or territory or the delimitation of its frontiers.',
      ]
    : [
        figures.ru,
        `Статус: ${legend}. Значение может иметь несколько отметок («[e] [d]»); условные обозначения также приведены в extension.symbols.`,
        rowOrder[lang],
        'Примечания по каждой отчитывающейся стране приведены в примечаниях к её категории; extension.notes содержит все примечания с номерами, extension.cell_notes — примечания к ячейке по её позиции в value, extension.countries — территорию, источник, основу определения и разрывы рядов по каждой стране.',
        'Употребляемые обозначения не означают выражения со стороны Организации Объединённых Наций какого бы то ни было мнения относительно правового статуса страны или территории или делимитации их границ.',
      ];
}
