import type { Observation, TableDef } from '@mch/core';
import { cubeKey, pxCell, pxCellNote } from './cube';
import { cellLookup, publishedCell } from '../published/build';
import type { PxCell } from './entries';
import { type PxTable, pxCells } from './table';

/**
 * Compares a PX table, as read back, with the published observations of its table: every
 * observation's cell (value or dot code, and the cell note of an E, P or B value) and `..` in
 * every other cell. Returns the differences, at most `limit`, each naming the cell by its codes.
 */
export function comparePxWithObservations(px: PxTable, table: TableDef, rows: readonly Observation[], limit = 20, kindOf: (code: string) => string = () => 'country'): string[] {
  const view = px.views.get(px.language || 'default')!;
  const variables = [...view.stub, ...view.heading];
  const differences: string[] = [];
  const add = (d: string) => {
    if (differences.length < limit) differences.push(d);
  };
  if (variables.some((v) => !v.codes)) return ['a variable has no CODES, so cells cannot be matched to observations'];
  const width = table.has_migr_type ? 5 : 4;
  if (variables.length !== width) return [`${variables.length} variables, expected ${width}`];
  const expected = new Map<string, { cell: PxCell; note: string | null }>();
  for (const o of rows) expected.set(cubeKey(table, o).join('|'), { cell: pxCell(o), note: pxCellNote(publishedCell(o, []))?.en ?? null });
  const notes = new Map<string, string>();
  for (const e of px.entries) {
    if (e.keyword !== 'CELLNOTE' || e.lang !== null) continue;
    const codes = e.subkeys.map((k, d) => variables[d]!.codes![variables[d]!.values.indexOf(k)] ?? k);
    notes.set(codes.join('|'), e.items.map((i) => (i.kind === 'text' ? i.text : '')).join(''));
  }
  const byCountry = new Map<string, Observation[]>();
  for (const o of rows) byCountry.set(o.ref_area, [...(byCountry.get(o.ref_area) ?? []), o]);
  const holes = new Map([...byCountry].map(([c, list]) => [c, cellLookup(table, list, kindOf)]));
  // a cell nobody reported is "included in another row" where the country reported "Other countries" there, else ".."
  const hole = (codes: string[]): PxCell => {
    const [country, ...rest] = codes;
    const [migr, item, year, sex] = table.has_migr_type ? rest : ['', ...rest];
    const cell = holes.get(country!)?.(migr!, item!, Number(year), sex!, new Map());
    return cell?.status === 'ELSEWHERE' ? { kind: 'symbol', symbol: '.....' } : { kind: 'symbol', symbol: '..' };
  };
  let matched = 0;
  for (const { at, cell } of pxCells(px)) {
    const codes = at.map((i, d) => variables[d]!.codes![i]!);
    const key = codes.join('|');
    const want = expected.get(key);
    if (want) matched++;
    const wantCell: PxCell = want?.cell ?? hole(codes);
    if (show(cell) !== show(wantCell)) add(`${key}: ${show(cell)} in PX, ${show(wantCell)} published`);
    const wantNote = want && want.cell.kind === 'number' ? want.note : null;
    if ((notes.get(key) ?? null) !== wantNote) add(`${key}: cell note "${notes.get(key) ?? ''}" in PX, "${wantNote ?? ''}" published`);
  }
  if (matched !== expected.size) add(`${expected.size - matched} published observations have no cell in the PX file`);
  return differences;
}

function show(c: PxCell): string {
  return c.kind === 'number' ? String(c.value) : `"${c.symbol}"`;
}
