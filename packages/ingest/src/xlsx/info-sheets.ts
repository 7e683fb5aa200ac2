import { DEFINITION_BASES, type DefinitionBasis, MchError, type PartnerResolver, type TableMetadata, type TableSet, normaliseLabel } from '@mch/core';
import { tableIdOf, tableOfTitle, tablesOfSheetName } from '../cells/codes';
import { MAX_LABEL, MAX_NOTE, bilingualParts, collapseSpaces, quote, safeRaw } from '../cells/text';
import type { Collector } from '../collector';
import { type Grid, textAt } from './grid';

export type SheetKind =
  | { kind: 'cover' }
  | { kind: 'metadata' }
  /** `said`: how the table was told when the name alone does not say it plainly, for a warning */
  | { kind: 'table'; table: string; said?: string; byTitle?: boolean }
  | { kind: 'ignored'; said?: string };

const COVER = new Set(['cover', 'титульный лист', 'обложка', 'титул']);
const METADATA = new Set(['metadata', 'meta', 'метаданные']);

/**
 * What a sheet is: its name says, wherever in the name a table word stands («Приложение 2. Таблица
 * 4», "02_T08": never the sheet's order number before it). A name naming several tables, or none,
 * is settled by a title naming one of them («Таблица 10. Эмигранты по возрасту»); a title naming
 * another table than the name is said, and the name's table read.
 */
export function classifySheet(g: Grid, tableSet: TableSet): SheetKind {
  const n = normaliseLabel(g.name);
  if (COVER.has(n)) return { kind: 'cover' };
  if (METADATA.has(n)) return { kind: 'metadata' };
  const { named, known } = tablesOfSheetName(g.name, tableSet);
  // notes on a table, a copy or an old version of it ("Copy of T04", «Примечания к табл. 4») hold no table of the round
  // (a name starting with its table, "T04 (old)" or Excel's copy "T08 (2)", is read as it always was)
  if (named.length && !tableIdOf(g.name, tableSet) && NOT_THE_TABLE.test(g.name)) return { kind: 'ignored', said: `names ${named.join(', ')} but reads as notes, a copy or an old version of it; not read (name the sheet by its number alone, such as "T04", if it holds the table)` };
  const titled = titleTable(g, tableSet);
  if (known.length === 1 && named.length === 1) {
    const table = known[0]!;
    return titled && titled !== table ? { kind: 'table', table, said: `its title names ${titled}, its name ${table}; read as ${table} (check which table the sheet holds)` } : { kind: 'table', table };
  }
  if (titled && (named.length === 0 || known.includes(titled))) {
    return { kind: 'table', table: titled, byTitle: true, said: `read as ${titled}, the table its title names${named.length ? ` (its name names ${named.join(', ')})` : ''}` };
  }
  if (named.length > 1) return { kind: 'ignored', said: `names several tables (${named.join(', ')}) and its title none of them; not read: give each table a sheet of its own, named by its number such as "T04"` };
  if (named.length > known.length) return { kind: 'ignored', said: 'names a table that is not in the table set; not read' };
  return { kind: 'ignored' };
}

const NOT_THE_TABLE = /примечан|пояснен|комментар|копия|стар(?:ая|ые|ый)|сравнен|черновик|\bnotes?\b|\bcomments?\b|\bcopy\b|\bold\b|\bcompar|\bdraft\b|\bprevious\b/iu;

/**
 * A sheet read as a table only by its title gives way to a sheet named by that table (a «Лист1»
 * titled «Таблица 4 (для сравнения)» beside "T04" is no second T04): it is not read, and said.
 */
export function titlesGiveWay(kinds: SheetKind[]): SheetKind[] {
  const byName = new Set(kinds.flatMap((k) => (k.kind === 'table' && !k.byTitle ? [k.table] : [])));
  return kinds.map((k) =>
    k.kind === 'table' && k.byTitle && byName.has(k.table) ? { kind: 'ignored', said: `its title names ${k.table}, which another sheet named by it holds; not read` } : k,
  );
}

/** The table the first title cells of a sheet name (rows 1 to 4, before any header), if any. */
function titleTable(g: Grid, tableSet: TableSet): string | undefined {
  for (let row = 1; row <= 4; row++) {
    for (const cell of g.rows.get(row)?.values() ?? []) {
      if (cell.number !== undefined) continue;
      const table = tableOfTitle(cell.text, tableSet);
      if (table) return table;
    }
  }
  return undefined;
}

const COUNTRY_KEY = new Set(['country', 'страна', 'reporting country', 'отчитывающаяся страна']);

/** A Cover sheet that names another country than the configuration expects refuses the whole file. */
export function readCover(g: Grid, c: Collector, partners: PartnerResolver): void {
  for (const [row, cells] of g.rows) {
    const keyText = cells.get(1)?.text ?? '';
    // "Country / Страна": either language names the row
    if (!(bilingualParts(keyText) ?? [keyText]).some((k) => COUNTRY_KEY.has(normaliseLabel(k)))) continue;
    const value = textAt(g, row, 2);
    if (!value) continue;
    const m = value.length > MAX_LABEL ? ({ kind: 'unmapped' } as const) : partners.resolve(value);
    if (m.kind !== 'code') {
      c.warn(`${c.file}, sheet "${g.name}": the country ${quote(value)} on the cover is not recognised`);
      continue;
    }
    if (m.code !== c.ref_area) {
      throw new MchError(
        'file-unreadable',
        `${c.file}: the Cover sheet names ${m.code} (${quote(value)}), but the file is read for ${c.ref_area} (the country the configuration lists it for, or --country); check which country sent it`,
        { where: `${c.file}#${g.name}!B${row}` },
      );
    }
  }
}

const FIELDS: [keyof Omit<TableMetadata, 'ref_area' | 'from' | 'breaks'> | 'breaks', RegExp][] = [
  ['table', /^(?:table|таблица|№ таблицы|table id)/iu],
  ['definition_basis', /definition|basis|определени/iu],
  ['source_kind', /^(?:source|источник)/iu],
  ['reference_date', /reference date|дата/iu],
  ['territory', /territor|территор/iu],
  ['breaks', /break|разрыв/iu],
  ['notes', /note|примечан|comment|коммент/iu],
];

/** One TableMetadata per table row of the Metadata sheet, its header row found by a "Table" column. */
export function readMetadata(g: Grid, c: Collector, tableSet: TableSet): void {
  const headerRow = [...g.rows.keys()].sort((a, b) => a - b).find((row) => [...(g.rows.get(row)?.values() ?? [])].some((cell) => FIELDS[0]![1].test(collapseSpaces(cell.text))));
  if (headerRow === undefined) {
    c.warn(`${c.file}, sheet "${g.name}": no header row with a "Table" column; metadata not read`);
    return;
  }
  const colOf = new Map<string, number>();
  for (const [col, cell] of g.rows.get(headerRow) ?? []) {
    const field = FIELDS.find(([name, re]) => !colOf.has(name) && re.test(collapseSpaces(cell.text)));
    if (field) colOf.set(field[0], col);
  }
  const get = (row: number, field: string) => {
    const col = colOf.get(field);
    return col ? safeRaw(collapseSpaces(textAt(g, row, col)), MAX_NOTE) : '';
  };
  for (const row of [...g.rows.keys()].filter((r) => r > headerRow).sort((a, b) => a - b)) {
    const table = tableIdOf(get(row, 'table'), tableSet);
    if (!table) continue;
    c.metadata.push({
      ref_area: c.ref_area,
      table,
      source_kind: get(row, 'source_kind'),
      definition_basis: basisOf(get(row, 'definition_basis'), c, g.name, row),
      reference_date: get(row, 'reference_date'),
      territory: get(row, 'territory'),
      breaks: breaksOf(get(row, 'breaks')),
      notes: get(row, 'notes'),
      from: `${c.file}#${g.name}`,
    });
  }
}

function basisOf(text: string, c: Collector, sheet: string, row: number): DefinitionBasis | '' {
  const t = text.trim().toUpperCase().replace(/[\s-]+/gu, '_');
  if (!t) return '';
  const found = DEFINITION_BASES.find((b) => b === t);
  if (!found) c.warn(`${c.file}, sheet "${sheet}", row ${row}: definition basis ${quote(text)} is not one of ${DEFINITION_BASES.join(', ')}`);
  return found ?? '';
}

function breaksOf(text: string): { year: number; text: string }[] {
  return [...text.matchAll(/((?:19|20)\d{2})\s*[:\-–—]?\s*([^;\n]*)/gu)].map((m) => ({ year: Number(m[1]), text: m[2]!.trim() }));
}
