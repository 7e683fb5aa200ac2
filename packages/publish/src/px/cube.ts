import { type Observation, type TableDef, cmp, createPartnerResolver } from '@mch/core';
import type { TableModel } from '../model';
import { cellsByCountry, publishedCell } from '../published/build';
import { ageOrder, migrTypeCompare, partnerOrder, sexCompare } from '../published/order';
import { partnerRoleName } from '../published/texts';
import type { PublishedCell, PublishedTable } from '../published/types';
import { SYMBOLS, symbolOf } from '../symbols';
import type { PxCell } from './entries';

type Bilingual = { en: string; ru: string };

/** One variable of a PX table: codes in output order, with their labels in both languages. */
export interface CubeVariable {
  name: Bilingual;
  codes: string[];
  labels: Bilingual[];
  time: boolean;
}

/** A table's observations as the full cube PX needs: STUB variables, HEADING variables, one cell per combination. */
export interface Cube {
  stub: CubeVariable[];
  heading: CubeVariable[];
  cells: PxCell[];
  /** status notes of the E, P and B cells, by cell index */
  notes: Map<number, Bilingual>;
}

/** The dot code of a status without a value, from the one symbol table. */
export function pxSymbol(status: string): string {
  let symbol = PX_SYMBOLS.get(status);
  if (symbol === undefined) {
    const px = SYMBOLS.find((s) => s.status === status)?.px ?? '';
    symbol = /^"\.+"$/.test(px) ? px.slice(1, -1) : '..';
    PX_SYMBOLS.set(status, symbol);
  }
  return symbol;
}

/** Asked for every cell of every cube: each status is looked up in the table once. */
const PX_SYMBOLS = new Map<string, string>();

/** What a published cell becomes in PX (releases.md, "One mapping of statuses to symbols"). */
export function pxCellOf(cell: PublishedCell): PxCell {
  if (cell.value === null) return symbolCell(pxSymbol(cell.status === 'Q' || cell.status === 'M' || cell.status === 'ELSEWHERE' ? cell.status : 'O'));
  if (cell.dash) return symbolCell('-');
  return { kind: 'number', value: cell.value };
}

/** One cell per symbol, shared and frozen: most cells of a cube are holes. */
function symbolCell(symbol: string): PxCell {
  let cell = SYMBOL_CELLS.get(symbol);
  if (cell === undefined) {
    cell = Object.freeze({ kind: 'symbol', symbol });
    SYMBOL_CELLS.set(symbol, cell);
  }
  return cell;
}

const SYMBOL_CELLS = new Map<string, PxCell>();

/** What a published observation becomes in a PX cell. */
export function pxCell(o: Observation): PxCell {
  return pxCellOf(publishedCell(o, []));
}

/** The note a value carries in PX when its status is E, P or B. */
export function pxStatusNote(status: string): Bilingual | null {
  if (!['E', 'P', 'B'].includes(status)) return null;
  const s = SYMBOLS.find((x) => x.status === status);
  return s ? { en: s.en, ru: s.ru } : null;
}

/** The cell note of a published value: its status (estimated, provisional, break) and whether it is derived. */
export function pxCellNote(cell: PublishedCell): Bilingual | null {
  if (cell.value === null) return null;
  const known = cell.derived ? CELL_NOTES_DERIVED : CELL_NOTES;
  let note = known.get(cell.status);
  if (note === undefined) {
    const parts = [pxStatusNote(cell.status), cell.derived ? { en: symbolOf('DERIVED').en, ru: symbolOf('DERIVED').ru } : null].filter((x): x is Bilingual => x !== null);
    note = parts.length ? { en: parts.map((p) => p.en).join('; '), ru: parts.map((p) => p.ru).join('; ') } : null;
    known.set(cell.status, note);
  }
  return note;
}

/** The note of each status, derived or not, built once (the writers only read it): no key made per cell. */
const CELL_NOTES = new Map<string, Bilingual | null>();
const CELL_NOTES_DERIVED = new Map<string, Bilingual | null>();

type Keyed = Pick<Observation, 'ref_area' | 'migr_type' | 'partner' | 'age' | 'time_period' | 'sex'>;

/** The fields of an observation that are the cube's variables, in their order (stub, then heading). */
export function cubeFields(table: TableDef): ((o: Keyed) => string | number)[] {
  return [
    (o) => o.ref_area,
    ...(table.has_migr_type ? [(o: Keyed) => o.migr_type] : []),
    table.breakdown === 'AGE' ? (o) => o.age : (o) => o.partner,
    (o) => o.time_period,
    (o) => o.sex,
  ];
}

/** The dimension values of an observation in the order of the cube's variables. */
export function cubeKey(table: TableDef, o: Keyed): string[] {
  return cubeFields(table).map((field) => String(field(o)));
}

/**
 * Stub: reporting country, migration type (where the table has one), partner or age group;
 * heading: year and sex. A combination nobody reported is `..` (not available). A table with
 * no observations still gets the release's countries and years, every cell `..`.
 */
export function buildCube(model: TableModel, published: PublishedTable): Cube {
  const { table, observations: rows } = published;
  const names = createPartnerResolver(model.codelists).names;
  const cl = model.codelists;
  const byAge = table.breakdown === 'AGE';
  const order = partnerOrder(cl);
  const present = (pick: (o: Observation) => string) => [...new Set(rows.map(pick))];
  const countries = rows.length ? present((o) => o.ref_area).sort(cmp) : Object.keys(model.config.countries).sort(cmp);
  const items = rows.length ? present((o) => (byAge ? o.age : o.partner)).sort(byAge ? ageOrder(cl, rows.filter((o) => !o.derived).map((o) => o.age)).compare : order.compare) : ['_T'];
  const migr = rows.length ? present((o) => o.migr_type).sort(migrTypeCompare(cl)) : cl.migr_type.map((m) => m.code);
  const yearSet = new Set(model.config.reference_years);
  for (const o of rows) yearSet.add(o.time_period);
  const years = [...yearSet].sort((a, b) => a - b).map(String);
  const sexes = (rows.length ? present((o) => o.sex) : ['_T', 'M', 'F']).sort(sexCompare);

  const listLabel = (list: { code: string; label_en: string; label_ru: string }[]) => (code: string) => {
    const x = list.find((e) => e.code === code);
    return x ? { en: x.label_en, ru: x.label_ru } : { en: code, ru: code };
  };
  const stub = [
    variable({ en: 'Reporting country', ru: 'Отчитывающаяся страна' }, countries, names),
    ...(table.has_migr_type ? [variable({ en: 'Type of migration', ru: 'Тип миграции' }, migr, listLabel(cl.migr_type))] : []),
    byAge ? variable({ en: 'Age group', ru: 'Возрастная группа' }, items, listLabel(cl.age)) : variable(partnerRoleName(table.partner_role), items, names),
  ];
  const heading = [
    { ...variable({ en: 'Year', ru: 'Год' }, years, (y) => ({ en: y, ru: y })), time: true },
    variable({ en: 'Sex', ru: 'Пол' }, sexes, listLabel(cl.sex)),
  ];
  return { stub, heading, ...fillCells(published, [...stub, ...heading]) };
}

/**
 * Every cell of the cube from the published model: values, holes "included in another row" or not
 * available. Cells in DATA order: country, (migration type,) item, year, sex, the last fastest.
 */
function fillCells(published: PublishedTable, variables: readonly CubeVariable[]): Pick<Cube, 'cells' | 'notes'> {
  const cellsOf = cellsByCountry(published);
  const cells: PxCell[] = [];
  const notes = new Map<number, Bilingual>();
  const typed = published.table.has_migr_type ? 1 : 0;
  const [countries, migrTypes, items, years, sexes] = [variables[0]!.codes, typed ? variables[1]!.codes : [''], ...variables.slice(1 + typed).map((v) => v.codes)] as string[][];
  const yearNumbers = years!.map(Number);
  const notAvailable: PxCell = { kind: 'symbol', symbol: pxSymbol('O') };
  for (const country of countries!) {
    const cellAt = cellsOf(country);
    for (const migr of migrTypes!) {
      for (const item of items!) {
        for (const year of yearNumbers) {
          for (const sex of sexes!) {
            if (!cellAt) {
              cells.push(notAvailable);
              continue;
            }
            const cell = cellAt(migr, item, year, sex);
            const note = pxCellNote(cell);
            if (note) notes.set(cells.length, note);
            cells.push(pxCellOf(cell));
          }
        }
      }
    }
  }
  return { cells, notes };
}

/** Labels must be unique within a variable: a repeated name gets its code in brackets. */
function variable(name: Bilingual, codes: string[], label: (code: string) => Bilingual): CubeVariable {
  const raw = codes.map(label);
  const unique = (lang: 'en' | 'ru') => {
    const count = new Map<string, number>();
    for (const l of raw) count.set(l[lang], (count.get(l[lang]) ?? 0) + 1);
    return raw.map((l, i) => ((count.get(l[lang]) ?? 0) > 1 ? `${l[lang]} (${codes[i]})` : l[lang]));
  };
  const en = unique('en');
  const ru = unique('ru');
  return { name, codes, labels: codes.map((_, i) => ({ en: en[i]!, ru: ru[i]! })), time: false };
}

export { reportedAsDash } from '../published/build';
