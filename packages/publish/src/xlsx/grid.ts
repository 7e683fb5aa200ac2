import type { CodeLists, TableDef } from '@mch/core';
import { type PublishedCountry, both, rowNoteMarks } from '../published/index';
import { partnerRoleName } from '../published/texts';
import { symbolOf } from '../symbols';
import { bilingual } from '../text';

/** One country sheet's table before it meets exceljs: one header row, then rows of cells, no blanks. */
export interface Grid {
  headers: string[];
  rows: GridCell[][];
}

/** A cell of the sheet: text, a number with the marks shown beside it, or a symbol standing for no value. */
export type GridCell = { kind: 'text'; text: string } | { kind: 'number'; value: number; marker: string } | { kind: 'symbol'; text: string };

/**
 * Rows = (migration type ×) partner or age group in the published order; columns = year × sex.
 * Every cell comes from the published model: a value with its marks, or its status's symbol.
 */
export function countryGrid(table: TableDef, country: PublishedCountry, codelists: CodeLists): Grid {
  const byAge = table.breakdown === 'AGE';
  const hasNotes = country.rows.some((r) => r.notes.length > 0);
  const sexLabel = (code: string) => {
    const s = codelists.sex.find((x) => x.code === code);
    return s ? bilingual(s.label_en, s.label_ru) : code;
  };
  const headers = [
    ...(table.has_migr_type ? ['Type code / Код типа', 'Migration type and definition basis / Тип миграции и основа определения'] : []),
    byAge ? 'Age code / Код возраста' : 'Country code / Код страны',
    byAge ? 'Age group / Возрастная группа' : partnerHeader(table),
    ...country.columns.map((c) => `${c.year} ${sexLabel(c.sex)}`),
    ...(hasNotes ? ['Notes / Примечания'] : []),
  ];
  const rows = country.rows.map((r): GridCell[] => [
    ...(table.has_migr_type ? [text(r.migr_type), text(both(r.type_label))] : []),
    text(r.code),
    text(both(r.label)),
    ...r.cells.map((c): GridCell => {
      if (c.value === null) return { kind: 'symbol', text: symbolOf(c.status === 'Q' || c.status === 'M' || c.status === 'ELSEWHERE' ? c.status : 'O').excel };
      return { kind: 'number', value: c.value, marker: c.markers.join(' ') };
    }),
    ...(hasNotes ? [text(rowNoteMarks(r) || 'none / нет')] : []),
  ]);
  return { headers, rows };
}

export function partnerHeader(table: TableDef): string {
  const name = partnerRoleName(table.partner_role);
  return bilingual(name.en, name.ru);
}

const text = (t: string): GridCell => ({ kind: 'text', text: t });
