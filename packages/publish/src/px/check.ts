import { type Observation, type TableDef, groupBy } from '@mch/core';
import { cubeKey, pxCellNote, pxCellOf } from './cube';
import { cellLookup, publishedCell } from '../published/build';
import type { PxCell, PxEntry } from './entries';
import { COUNTRY_NOTE_KEYWORD } from './file';
import type { PxTable } from './table';

/**
 * Compares a PX table, as read back, with the published observations of its table: every
 * observation's cell (value or dot code, and the cell note of an E, P, B or derived value) and,
 * in every other cell, the hole the published model gives (`.....` included in another row, `...`
 * the country itself, `..`), which needs the partner kinds (`partnerOrder(codelists).kind`); then
 * the metadata beside the cells (comparePxMetadata). Returns the differences, at most `limit`,
 * each naming the cell by its codes.
 */
export function comparePxWithObservations(px: PxTable, table: TableDef, rows: readonly Observation[], limit: number, kindOf: (code: string) => string): string[] {
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
  for (let r = rows.length - 1; r >= 0; r--) {
    const o = rows[r]!;
    const key = cubeKey(table, o);
    let at = 0;
    for (let d = 0; d < key.length && at >= 0; d++) {
      const i = byCode[d]!.get(key[d]!);
      at = i === undefined ? -1 : at + i * strides[d]!;
    }
    if (at < 0) unplaced.add(key.join('|'));
    else if (at >= px.data.length) outside.add(at);
    else if (!reported[at]) {
      reported[at] = 1;
      const want = expectedAt(o);
      if (!sameCell(px.data[at]!, want.cell) || (notes.get(at) ?? null) !== want.note) differing.push({ at, o });
    }
  }
  // the model's lookup of a country's holes, built only for a country whose table has any
  const byCountry = groupBy(rows, (o) => o.ref_area);
  const lookups = new Map<string, ReturnType<typeof cellLookup> | undefined>();
  const lookupOf = (country: string) => {
    if (!lookups.has(country)) {
      const list = byCountry.get(country);
      lookups.set(country, list ? cellLookup(table, list, kindOf) : undefined);
    }
    return lookups.get(country);
  };
  const noNotes = new Map<Observation, number[]>();
  // a cell nobody reported is "included in another row" where the country reported "Other countries" there, else ".."
  const hole = (at: number): PxCell => {
    const [country, ...rest] = keyAt(at);
    const [migr, item, year, sex] = table.has_migr_type ? rest : ['', ...rest];
    const cell = lookupOf(country!)?.(migr!, item!, Number(year), sex!, noNotes);
    return cell ? pxCellOf(cell) : { kind: 'symbol', symbol: '..' };
  };
  for (let at = 0; at < px.data.length; at++) {
    if (!reported[at] && (!sameCell(px.data[at]!, hole(at)) || notes.has(at))) differing.push({ at, o: undefined });
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
