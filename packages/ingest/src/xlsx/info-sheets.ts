import { DEFINITION_BASES, type DefinitionBasis, MchError, type PartnerResolver, type TableMetadata, type TableSet, normaliseLabel } from '@mch/core';
import { tableIdOf } from '../cells/codes';
import { MAX_LABEL, MAX_NOTE, bilingualParts, collapseSpaces, quote, safeRaw } from '../cells/text';
import type { Collector } from '../collector';
import { type Grid, textAt } from './grid';

export type SheetKind = { kind: 'cover' } | { kind: 'metadata' } | { kind: 'table'; table: string } | { kind: 'ignored' };

const COVER = new Set(['cover', 'титульный лист', 'обложка', 'титул']);
const METADATA = new Set(['metadata', 'meta', 'метаданные']);

export function classifySheet(name: string, tableSet: TableSet): SheetKind {
  const n = normaliseLabel(name);
  if (COVER.has(n)) return { kind: 'cover' };
  if (METADATA.has(n)) return { kind: 'metadata' };
  const table = tableIdOf(name, tableSet);
  return table ? { kind: 'table', table } : { kind: 'ignored' };
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
        `${c.file}: the Cover sheet names ${m.code} (${quote(value)}), but the configuration lists this file for ${c.ref_area}; check which country sent it`,
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
