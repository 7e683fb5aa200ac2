import type { CodeLists, TableDef } from '@mch/core';
import { type Bilingual, type PublishedCell, type PublishedCountry, type PublishedTable, ageCompare, figuresText, migrTypeCompare, noteMarks, noteText, partnerOrder, sexCompare, yearRange } from '../published/index';
import { safeText } from '../text';
import { type GridCell, countryGrid, partnerHeader } from '../xlsx/grid';

/**
 * What the release page shows of one table, per country: the cells exactly as the Excel sheet
 * holds them (xlsx/grid.ts, so the page cannot say a figure differently), the labels in each
 * language, the notes and the country's metadata. The page renders this and computes nothing.
 */
export interface SiteTable {
  table: string;
  /** what the figures count and when ("Figures are numbers of persons on 1 January of the year shown."), as every format says it */
  note: Bilingual;
  countries: SiteCountry[];
  notes: { n: number; country: string; en: string; ru: string }[];
}

/** A cell as the workbook holds it: a number, a number with its marks ("[e] [d]"), or a symbol. */
export type SiteCell = number | [number, string] | string;

export interface SiteCountry {
  code: string;
  name: Bilingual;
  /** [year, sex] of each figure column, in the sheet's order */
  columns: [number, string][];
  /** per migration type ('' for stocks) its words with this country's definition basis */
  types: { code: string; label: Bilingual }[];
  rows: SiteRow[];
  /** notes on the whole country table */
  notes: number[];
  meta: {
    source: Bilingual | null;
    bases: { type: string; text: Bilingual }[];
    territory: { years: string; text: Bilingual }[];
    breaks: { year: number; text: Bilingual }[];
  };
}

export interface SiteRow {
  type: string;
  code: string;
  kind: string;
  label: Bilingual;
  cells: SiteCell[];
  /** the sheet's notes cell of the row ("[note 3] (2012)"), '' for none */
  notes: string;
  /** by column index, the notes of the figures that have their own ("[note 3]"): the CSV download's, one line per figure */
  cell_notes?: Record<number, string>;
}

export function siteTable(published: PublishedTable, codelists: CodeLists): SiteTable {
  const table = published.table;
  return {
    table: table.id,
    note: figuresText(published),
    countries: published.countries.map((c) => siteCountry(table, c, published, codelists)),
    notes: published.notes.map((n) => ({ n: n.number, country: n.ref_area, en: noteText(n, 'en'), ru: noteText(n, 'ru') })),
  };
}

function siteCountry(table: TableDef, country: PublishedCountry, published: PublishedTable, codelists: CodeLists): SiteCountry {
  const grid = countryGrid(table, country, codelists);
  // the figure columns follow the type and item columns in the sheet (xlsx/grid.ts)
  const first = (table.has_migr_type ? 2 : 0) + 2;
  const last = first + country.columns.length;
  const noted = grid.headers.length > last;
  const meta = published.meta.find((m) => m.ref_area === country.ref_area);
  const types = new Map<string, Bilingual>();
  for (const r of country.rows) if (!types.has(r.migr_type)) types.set(r.migr_type, clean(r.type_label));
  return {
    code: country.ref_area,
    name: clean(country.name),
    columns: country.columns.map((c) => [c.year, c.sex]),
    types: [...types].map(([code, label]) => ({ code, label })),
    rows: country.rows.map((r, i) => ({
      type: r.migr_type,
      code: r.code,
      kind: r.kind,
      label: clean(r.label),
      cells: grid.rows[i]!.slice(first, last).map((c): SiteCell => {
        if (c.kind === 'number') return c.marker ? [c.value, c.marker] : c.value;
        return c.text;
      }),
      notes: noted && r.notes.length ? textOf(grid.rows[i]![last]) : '',
      ...cellNotes(r.cells),
    })),
    notes: country.notes,
    meta: {
      source: meta?.source ? clean(meta.source) : null,
      bases: (meta?.bases ?? []).map((b) => ({ type: b.migr_type, text: clean(b.text) })),
      territory: (meta?.territory ?? []).map((t) => ({ years: yearRange(t.years), text: clean(t.text) })),
      breaks: (meta?.breaks ?? []).map((b) => ({ year: b.year, text: clean(b.text) })),
    },
  };
}

/** The table's controls: every row item any country has, in the published order, and the types. */
export function tableChoices(published: PublishedTable, codelists: CodeLists) {
  const table = published.table;
  const byAge = table.breakdown === 'AGE';
  const items = new Map<string, { code: string; kind: string; label: Bilingual }>();
  const types = new Set<string>();
  const years = new Set<number>();
  const sexes = new Set<string>();
  for (const c of published.countries) {
    for (const col of c.columns) {
      years.add(col.year);
      sexes.add(col.sex);
    }
    for (const r of c.rows) {
      if (!items.has(r.code)) items.set(r.code, { code: r.code, kind: r.kind, label: clean(r.label) });
      types.add(r.migr_type);
    }
  }
  const order = byAge ? ageCompare(codelists) : partnerOrder(codelists).compare;
  const typeOrder = migrTypeCompare(codelists);
  return {
    items: [...items.values()].sort((a, b) => order(a.code, b.code)),
    types: [...types].sort(typeOrder).map((code) => {
      const m = codelists.migr_type.find((x) => x.code === code);
      return { code, label: m ? clean({ en: m.label_en, ru: m.label_ru }) : { en: code, ru: code } };
    }),
    countries: published.countries.map((c) => ({ code: c.ref_area, name: clean(c.name) })),
    years: [...years].sort((a, b) => a - b),
    sexes: [...sexes].sort(sexCompare),
    item_header: itemHeader(table),
  };
}

/** The sheet's header of the item column, split into its two languages. */
function itemHeader(table: TableDef): Bilingual {
  const [en = '', ru = ''] = (table.breakdown === 'AGE' ? 'Age group / Возрастная группа' : partnerHeader(table)).split(' / ');
  return { en, ru };
}

function cellNotes(cells: readonly PublishedCell[]): Pick<SiteRow, 'cell_notes'> {
  const noted = cells.flatMap((c, j) => (c.notes.length ? [[j, noteMarks(c.notes)] as const] : []));
  return noted.length ? { cell_notes: Object.fromEntries(noted) } : {};
}

const textOf = (c: GridCell | undefined): string => (c?.kind === 'text' ? c.text : '');

const clean = (t: Bilingual): Bilingual => ({ en: safeText(t.en), ru: safeText(t.ru) });
