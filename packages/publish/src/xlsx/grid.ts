import type { CodeLists, Observation, PartnerResolver, TableDef } from '@mch/core';
import { cmp } from '@mch/core';
import { type ExcelCell, NOT_AVAILABLE, excelCell } from '../symbols';
import { bilingual } from '../text';
import { type WorkbookNotes, rowNoteRefs } from './notes';

/** One country sheet's table before it meets exceljs: one header row, then rows of cells, no blanks. */
export interface Grid {
  headers: string[];
  rows: GridCell[][];
}

export type GridCell = { kind: 'text'; text: string } | ExcelCell;

const SEX_ORDER = ['_T', 'M', 'F', '_U'];

/**
 * Rows = (migration type ×) partner or age group; columns = year × sex. A row and column that the
 * country filled elsewhere but not here shows `[x]`, so the table has no empty cells.
 */
export function countryGrid(
  table: TableDef,
  observations: readonly Observation[],
  codelists: CodeLists,
  names: PartnerResolver['names'],
  notes: WorkbookNotes,
): Grid {
  const byAge = table.breakdown === 'AGE';
  const ageIndex = new Map(codelists.age.map((a, i) => [a.code, i]));
  const columns = uniqueSorted(observations.map((o) => ({ key: `${o.time_period}|${o.sex}`, year: o.time_period, sex: o.sex })), (a, b) => a.year - b.year || SEX_ORDER.indexOf(a.sex) - SEX_ORDER.indexOf(b.sex));
  const rowKey = (o: Observation) => `${o.migr_type}|${byAge ? o.age : o.partner}`;
  const rowKeys = uniqueSorted(
    observations.map((o) => ({ key: rowKey(o), migr: o.migr_type, code: byAge ? o.age : o.partner })),
    (a, b) => cmp(a.migr, b.migr) || (byAge ? (ageIndex.get(a.code) ?? 9999) - (ageIndex.get(b.code) ?? 9999) : 0) || cmp(a.code, b.code),
  );
  const cells = new Map(observations.map((o) => [`${rowKey(o)}|${o.time_period}|${o.sex}`, o]));
  const byRow = groupBy(observations, rowKey);
  const withNotes = rowKeys.map((r) => rowNoteRefs(byRow.get(r.key) ?? [], notes));
  const hasNotes = withNotes.some((n) => n !== '');

  const sexLabel = (code: string) => {
    const s = codelists.sex.find((x) => x.code === code);
    return s ? bilingual(s.label_en, s.label_ru) : code;
  };
  const migrLabel = (code: string) => {
    const m = codelists.migr_type.find((x) => x.code === code);
    return m ? bilingual(m.label_en, m.label_ru) : code;
  };
  const itemLabel = (code: string) => {
    if (!byAge) return bilingual(names(code).en, names(code).ru);
    const a = codelists.age.find((x) => x.code === code);
    return a ? bilingual(a.label_en, a.label_ru) : code;
  };

  const headers = [
    ...(table.has_migr_type ? ['Type code / Код типа', 'Migration type / Тип миграции'] : []),
    byAge ? 'Age code / Код возраста' : 'Country code / Код страны',
    byAge ? 'Age group / Возрастная группа' : partnerHeader(table),
    ...columns.map((c) => `${c.year} ${sexLabel(c.sex)}`),
    ...(hasNotes ? ['Notes / Примечания'] : []),
  ];
  const rows = rowKeys.map((r, i): GridCell[] => [
    ...(table.has_migr_type ? [text(r.migr), text(migrLabel(r.migr))] : []),
    text(r.code),
    text(itemLabel(r.code)),
    ...columns.map((c): GridCell => {
      const o = cells.get(`${r.key}|${c.year}|${c.sex}`);
      return o ? excelCell(o) : { kind: 'symbol', text: NOT_AVAILABLE };
    }),
    ...(hasNotes ? [text(withNotes[i] || 'none / нет')] : []),
  ]);
  return { headers, rows };
}

function partnerHeader(table: TableDef): string {
  switch (table.partner_role) {
    case 'birth':
      return 'Country of birth / Страна рождения';
    case 'citizenship':
      return 'Citizenship / Гражданство';
    case 'previous_residence':
      return 'Country of previous residence / Страна предыдущего проживания';
    case 'next_residence':
      return 'Country of next residence / Страна следующего проживания';
    case 'previous_citizenship':
      return 'Previous citizenship / Прежнее гражданство';
    default:
      return 'Country / Страна';
  }
}

const text = (t: string): GridCell => ({ kind: 'text', text: t });

function uniqueSorted<T extends { key: string }>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.key)) seen.set(item.key, item);
  return [...seen.values()].sort(compare);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
