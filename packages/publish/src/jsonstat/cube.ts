import { cmp, createPartnerResolver } from '@mch/core';
import type { TableModel } from '../model';
import {
  type Bilingual,
  type PublishedCell,
  type PublishedTable,
  ageCompare,
  cellsByCountry,
  migrTypeCompare,
  partnerOrder,
  sexCompare,
} from '../published/index';
import { partnerRoleName } from '../published/index';

/** One dimension of a table's cube: its SDMX id, codes in the published order, and their labels. */
export interface CubeDimension {
  id: string;
  label: Bilingual;
  codes: string[];
  labels: Bilingual[];
}

export interface Cube {
  dimensions: CubeDimension[];
  /** one cell per combination, the last dimension varying fastest (JSON-stat's order) */
  cells: PublishedCell[];
}

/**
 * A table of the published model as the full cube JSON-stat asks for: reporting country,
 * migration type (where the table has one), partner or age group, year, sex — the order of the
 * PX files. A country's own cells are the model's; a combination outside a country's table is
 * the hole the model gives it (not available, included in another row, or cannot exist). A table
 * nobody reported still lists the release's countries and years, every cell not available.
 */
export function tableCube(model: TableModel, published: PublishedTable): Cube {
  const { table } = published;
  const cl = model.codelists;
  const byAge = table.breakdown === 'AGE';
  const names = createPartnerResolver(cl).names;
  const empty = published.countries.length === 0;
  const rows = published.countries.flatMap((c) => c.rows);
  const columns = published.countries.flatMap((c) => c.columns);
  const distinct = <T>(xs: T[]) => [...new Set(xs)];

  const countries = empty ? Object.keys(model.config.countries).sort(cmp) : published.countries.map((c) => c.ref_area);
  const items = empty ? ['_T'] : distinct(rows.map((r) => r.code)).sort(byAge ? ageCompare(cl) : partnerOrder(cl).compare);
  const migr = empty ? cl.migr_type.map((m) => m.code) : distinct(rows.map((r) => r.migr_type)).sort(migrTypeCompare(cl));
  const years = distinct([...model.config.reference_years, ...columns.map((c) => c.year)]).sort((a, b) => a - b);
  const sexes = (empty ? ['_T', 'M', 'F'] : distinct(columns.map((c) => c.sex))).sort(sexCompare);

  const rowLabel = new Map(rows.map((r) => [r.code, r.label]));
  const listed = (list: readonly { code: string; label_en: string; label_ru: string }[]) => (code: string) => {
    const x = list.find((e) => e.code === code);
    return x ? { en: x.label_en, ru: x.label_ru } : { en: code, ru: code };
  };
  const itemLabel = (code: string) => rowLabel.get(code) ?? (byAge ? listed(cl.age)(code) : names(code));
  const countryName = new Map(published.countries.map((c) => [c.ref_area, c.name]));
  const dim = (id: string, label: Bilingual, codes: string[], labelOf: (code: string) => Bilingual): CubeDimension => ({ id, label, codes, labels: codes.map(labelOf) });
  const dimensions = [
    dim('REF_AREA', { en: 'Reporting country', ru: 'Отчитывающаяся страна' }, countries, (c) => countryName.get(c) ?? names(c)),
    ...(table.has_migr_type ? [dim('MIGR_TYPE', { en: 'Type of migration', ru: 'Тип миграции' }, migr, listed(cl.migr_type))] : []),
    byAge
      ? dim('AGE', { en: 'Age group', ru: 'Возрастная группа' }, items, itemLabel)
      : dim('COUNTERPART_AREA', partnerRoleName(table.partner_role), items, itemLabel),
    dim('TIME_PERIOD', { en: 'Year', ru: 'Год' }, years.map(String), (y) => ({ en: y, ru: y })),
    dim('SEX', { en: 'Sex', ru: 'Пол' }, sexes, listed(cl.sex)),
  ];
  return { dimensions, cells: fill(published, dimensions) };
}

function fill(published: PublishedTable, dimensions: readonly CubeDimension[]): PublishedCell[] {
  const missing: PublishedCell = { value: null, status: 'O', conf: 'F', derived: false, dash: false, markers: [], notes: [], observation: null };
  const cellsOf = cellsByCountry(published);
  const typed = published.table.has_migr_type ? 1 : 0;
  const [countries, migrTypes, items, years, sexes] = [dimensions[0]!.codes, typed ? dimensions[1]!.codes : [''], ...dimensions.slice(1 + typed).map((d) => d.codes)] as string[][];
  const yearNumbers = years!.map(Number);
  const cells: PublishedCell[] = [];
  // the last dimension varies fastest; a country's own cells are the model's, the rest the model's hole rule
  for (const country of countries!) {
    const cellAt = cellsOf(country);
    for (const migr of migrTypes!) {
      for (const item of items!) {
        for (const year of yearNumbers) {
          for (const sex of sexes!) cells.push(cellAt ? cellAt(migr, item, year, sex) : missing);
        }
      }
    }
  }
  return cells;
}
