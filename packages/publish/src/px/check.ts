import type { Observation, TableDef } from '@mch/core';
import { cubeKey, pxCell, pxStatusNote } from './cube';
import type { PxCell } from './entries';
import { type PxTable, pxCells } from './table';

/**
 * Compares a PX table, as read back, with the published observations of its table: every
 * observation's cell (value or dot code, and the cell note of an E, P or B value) and `..` in
 * every other cell. Returns the differences, at most `limit`, each naming the cell by its codes.
 */
export function comparePxWithObservations(px: PxTable, table: TableDef, rows: readonly Observation[], limit = 20): string[] {
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
  for (const o of rows) expected.set(cubeKey(table, o).join('|'), { cell: pxCell(o), note: pxStatusNote(o.obs_status)?.en ?? null });
  const notes = new Map<string, string>();
  for (const e of px.entries) {
    if (e.keyword !== 'CELLNOTE' || e.lang !== null) continue;
    const codes = e.subkeys.map((k, d) => variables[d]!.codes![variables[d]!.values.indexOf(k)] ?? k);
    notes.set(codes.join('|'), e.items.map((i) => (i.kind === 'text' ? i.text : '')).join(''));
  }
  let matched = 0;
  for (const { at, cell } of pxCells(px)) {
    const key = at.map((i, d) => variables[d]!.codes![i]!).join('|');
    const want = expected.get(key);
    if (want) matched++;
    const wantCell: PxCell = want?.cell ?? { kind: 'symbol', symbol: '..' };
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
