import { type Observation, type TableDef, groupBy } from '@mch/core';
import { cubeFields, cubeKey, pxCellNote, pxCellOf } from './cube';
import { type CellAt, cellLookup, publishedCell } from '../published/build';
import type { PxCell, PxEntry } from './entries';
import { COUNTRY_NOTE_KEYWORD } from './file';
import type { PxTable } from './table';

/**
 * Compares a PX table, as read back, with the published observations of its table: every
 * observation's cell (value or dot code, and the cell note of an E, P, B or derived value) and,
 * in every other cell, the hole the published model gives (`.....` included in another row, `...`
 * the country itself, `..`), which needs the partner kinds (`partnerOrder(codelists).kind`); then
 * the metadata beside the cells (comparePxMetadata). Returns the differences, at most `limit`,
 * each naming the cell by its codes. `cellsOf` gives a country's cells of the published model
 * (the published table's, `countryCellAt`); without it they are built from the rows.
 */
export function comparePxWithObservations(
  px: PxTable,
  table: TableDef,
  rows: readonly Observation[],
  limit: number,
  kindOf: (code: string) => string,
  cellsOf: (country: string) => CellAt | undefined = holesOf(table, rows, kindOf),
): string[] {
  const view = px.views.get(px.language || 'default')!;
  const variables = [...view.stub, ...view.heading];
  const differences: string[] = [];
  const add = (d: string) => {
    if (differences.length < limit) differences.push(d);
  };
  if (variables.some((v) => !v.codes)) return ['a variable has no CODES, so cells cannot be matched to observations'];
  const width = table.has_migr_type ? 5 : 4;
  if (variables.length !== width) return [`${variables.length} variables, expected ${width}`];
  // cells by their position in DATA, from the codes the file gives each variable
  const codes = variables.map((v) => v.codes!);
  const strides = codes.map((_, d) => codes.slice(d + 1).reduce((n, c) => n * c.length, 1));
  const byCode = codes.map((list) => new Map(list.map((c, i) => [c, i])));
  const byValue = variables.map((v) => new Map(v.values.map((x, i) => [x, i])));
  const position = (at: readonly (number | undefined)[]) => (at.every((i) => i !== undefined) ? at.reduce<number>((n, i, d) => n + i! * strides[d]!, 0) : -1);
  const keyAt = (i: number) => codes.map((list, d) => list[Math.floor(i / strides[d]!) % list.length]!);
  const notes = new Map<number, string>();
  for (const e of px.entries) {
    if (e.keyword !== 'CELLNOTE' || e.lang !== null) continue;
    const at = position(e.subkeys.map((k, d) => byValue[d]?.get(k) ?? byCode[d]?.get(k)));
    if (at >= 0) notes.set(at, e.items.map((i) => (i.kind === 'text' ? i.text : '')).join(''));
  }
  // each observation against its cell, the last of a key winning as in the published model: no
  // map of expected cells (a table has millions), only the cells that differ, kept by position
  const reported = new Uint8Array(px.data.length);
  const unplaced = new Set<string>();
  const outside = new Set<number>();
  const differing: { at: number; o: Observation | undefined }[] = [];
  const expectedAt = (o: Observation) => {
    const published = publishedCell(o, []);
    const cell = pxCellOf(published);
    return { cell, note: cell.kind === 'number' ? (pxCellNote(published)?.en ?? null) : null };
  };
  const placeOf = cubePlace(table, byCode, strides);
  for (let r = rows.length - 1; r >= 0; r--) {
    const o = rows[r]!;
    const at = placeOf(o);
    if (at < 0) unplaced.add(cubeKey(table, o).join('|'));
    else if (at >= px.data.length) outside.add(at);
    else if (!reported[at]) {
      reported[at] = 1;
      const want = expectedAt(o);
      if (!sameCell(px.data[at]!, want.cell) || (notes.get(at) ?? null) !== want.note) differing.push({ at, o });
    }
  }
  // a cell nobody reported is "included in another row" where the country reported "Other countries" there, else ".."
  const unknown: PxCell = { kind: 'symbol', symbol: '..' };
  const hole = (at: number): PxCell => {
    const [country, ...rest] = keyAt(at);
    const [migr, item, year, sex] = table.has_migr_type ? rest : ['', ...rest];
    const cell = cellsOf(country!)?.(migr!, item!, Number(year), sex!);
    return cell ? pxCellOf(cell) : unknown;
  };
  // every cell in DATA order, the key walked as an odometer rather than worked out per cell
  const [countryCodes, ...inner] = codes as [string[], ...string[][]];
  const [migrCodes, itemCodes, yearCodes, sexCodes] = table.has_migr_type ? inner : [[''], ...inner];
  const years = yearCodes!.map(Number);
  let at = 0;
  for (const country of countryCodes) {
    const cellAt = cellsOf(country);
    for (const migr of migrCodes!) {
      for (const item of itemCodes!) {
        for (const year of years) {
          for (const sex of sexCodes!) {
            if (at < px.data.length && !reported[at]) {
              const cell = cellAt?.(migr, item, year, sex);
              if (!sameCell(px.data[at]!, cell ? pxCellOf(cell) : unknown) || notes.has(at)) differing.push({ at, o: undefined });
            }
            at++;
          }
        }
      }
    }
  }
  // in DATA order, each cell's value before its note
  differing.sort((a, b) => a.at - b.at);
  for (const { at, o } of differing) {
    if (differences.length >= limit) break;
    const want = o ? expectedAt(o) : { cell: hole(at), note: null };
    const cell = px.data[at]!;
    if (!sameCell(cell, want.cell)) add(`${keyAt(at).join('|')}: ${show(cell)} in PX, ${show(want.cell)} published`);
    if ((notes.get(at) ?? null) !== want.note) add(`${keyAt(at).join('|')}: cell note "${notes.get(at) ?? ''}" in PX, "${want.note ?? ''}" published`);
  }
  const missing = unplaced.size + outside.size;
  if (missing) add(`${missing} published observations have no cell in the PX file`);
  for (const d of comparePxMetadata(px, rows)) add(d);
  return differences;
}

/** Each country's cells of the published model, built from the rows (where no published table is at hand). */
function holesOf(table: TableDef, rows: readonly Observation[], kindOf: (code: string) => string): (country: string) => CellAt | undefined {
  const byCountry = groupBy(rows, (o) => o.ref_area);
  const lookups = new Map<string, CellAt | undefined>();
  return (country) => {
    if (!lookups.has(country)) {
      const list = byCountry.get(country);
      const lookup = list ? cellLookup(table, list, kindOf) : undefined;
      const noNotes = new Map<Observation, number[]>();
      lookups.set(country, lookup && ((migr, item, year, sex) => lookup(migr, item, year, sex, noNotes)));
    }
    return lookups.get(country);
  };
}

/**
 * An observation's position in DATA (-1 where a code has no value there): its fields in the order
 * of the cube's variables, each dimension remembering its last code, since rows in key order
 * repeat the country, type, year and sex of the row before.
 */
function cubePlace(table: TableDef, byCode: readonly ReadonlyMap<string, number>[], strides: readonly number[]): (o: Observation) => number {
  const fields = cubeFields(table);
  const last: (string | number | undefined)[] = fields.map(() => undefined);
  const lastAt: (number | undefined)[] = fields.map(() => undefined);
  return (o) => {
    let at = 0;
    for (let d = 0; d < fields.length; d++) {
      const value = fields[d]!(o);
      let i = lastAt[d];
      if (value !== last[d]) {
        i = byCode[d]!.get(String(value));
        last[d] = value;
        lastAt[d] = i;
      }
      if (i === undefined) return -1;
      at += i * strides[d]!;
    }
    return at;
  };
}

/**
 * The metadata a PX table must carry beside its cells: for every reporting country (the first
 * STUB variable, coded by ISO3), in every language of the file, its VALUENOTEX with territory,
 * source, basis and breaks; in the default language the note names every definition basis the
 * country's reported series carry ("(PERM_REG)"), so a series cannot carry another country's
 * label; every value note names a variable and one of its values; and every dot code in DATA is
 * named by its DATASYMBOL in every language.
 */
export function comparePxMetadata(px: PxTable, rows: readonly Observation[]): string[] {
  const problems: string[] = [];
  const base = px.views.get(px.language || 'default')!;
  const country = base.stub[0];
  if (!country) return ['the table has no STUB variable for the reporting country'];
  if (!country.codes?.every((c) => /^[A-Z]{3}$/.test(c))) {
    return [`the first STUB variable "${country.name}" is not the reporting country coded by ISO3 codes`];
  }
  const reportedBases = basesByCountry(rows);
  const notes = (lang: string | null) => px.entries.filter((e) => (e.keyword === 'VALUENOTE' || e.keyword === 'VALUENOTEX') && e.lang === lang);
  for (const lang of px.languages.length ? px.languages : [px.language]) {
    const suffix = lang === px.language ? null : lang;
    const view = px.views.get(suffix === null ? px.language || 'default' : lang);
    if (!view) continue;
    const where = `${COUNTRY_NOTE_KEYWORD}${suffix ? `[${suffix}]` : ''}`;
    const own = notes(suffix);
    for (const e of own) {
      const [name, value, ...more] = e.subkeys;
      const variable = [...view.stub, ...view.heading].find((v) => v.name === name);
      if (!variable || value === undefined || more.length || !variable.values.includes(value)) {
        problems.push(`${e.keyword}${suffix ? `[${suffix}]` : ''}("${e.subkeys.join('","')}"): not a variable and one of its values`);
      }
    }
    const variable = view.stub[0]!;
    const countryNotes = firstBy(own.filter((x) => x.keyword === COUNTRY_NOTE_KEYWORD && x.subkeys[0] === variable.name), (x) => x.subkeys[1]!);
    variable.values.forEach((value, i) => {
      const code = country.codes![i]!;
      // the first such note, as a reader takes it
      const e = countryNotes.get(value);
      const text = e ? noteText(e) : '';
      if (!e) problems.push(`${where}("${variable.name}","${value}") is missing: PX users see no territory, source, basis or breaks for ${code}`);
      else if (!text.trim()) problems.push(`${where}("${variable.name}","${value}") is empty`);
      else if (suffix === null) {
        const bases = [...(reportedBases.get(code) ?? [])].sort();
        const unnamed = bases.filter((b) => !text.includes(`(${b})`));
        if (unnamed.length) problems.push(`${where}("${variable.name}","${value}") does not name the basis ${unnamed.join(', ')} of ${code}'s series`);
      }
    });
    for (const p of dataSymbolProblems(px, suffix)) problems.push(p);
  }
  return problems;
}

/** Per reporting country, the definition bases its reported (not derived) series carry: one pass over the rows. */
function basesByCountry(rows: readonly Observation[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const o of rows) {
    if (o.derived || !o.definition_basis) continue;
    let set = out.get(o.ref_area);
    if (!set) {
      set = new Set();
      out.set(o.ref_area, set);
    }
    set.add(o.definition_basis);
  }
  return out;
}

function firstBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const x of list) if (!out.has(key(x))) out.set(key(x), x);
  return out;
}

function dataSymbolProblems(px: PxTable, lang: string | null): string[] {
  const used = [...new Set(px.data.filter((c) => c.kind === 'symbol' && /^\.+$/.test(c.symbol)).map((c) => (c.kind === 'symbol' ? c.symbol : '')))].sort();
  return used
    .filter((dots) => !px.entries.some((e) => e.keyword === `DATASYMBOL${dots.length}` && e.lang === lang && noteText(e).trim()))
    .map((dots) => `"${dots}" is in DATA but DATASYMBOL${dots.length}${lang ? `[${lang}]` : ''} does not say what it means`);
}

function noteText(e: PxEntry): string {
  return e.items.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

function sameCell(a: PxCell, b: PxCell): boolean {
  if (a.kind === 'number') return b.kind === 'number' && (a.value === b.value || show(a) === show(b));
  return b.kind === 'symbol' && a.symbol === b.symbol;
}

function show(c: PxCell): string {
  return c.kind === 'number' ? String(c.value) : `"${c.symbol}"`;
}
