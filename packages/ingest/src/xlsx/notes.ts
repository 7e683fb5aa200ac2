import type { Source, TableNote } from '@mch/core';
import { MAX_NOTE, collapseSpaces, safeRaw } from '../cells/text';
import type { Grid } from './grid';

// rows below a table that start a note (submissions.md §1.5)
const NOTE_START = /^(?:notes?\b|примечани[ея]|source|sources|источник|источники|\*|\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹])/iu;

/** The text of a row when it starts a note: its first non-empty cell begins with a note marker. */
export function noteStart(g: Grid, row: number): boolean {
  const first = [...(g.rows.get(row) ?? new Map())].sort((a, b) => a[0] - b[0])[0];
  return first !== undefined && NOTE_START.test(collapseSpaces(first[1].text));
}

function rowText(g: Grid, row: number): string {
  return [...(g.rows.get(row) ?? new Map())]
    .sort((a, b) => a[0] - b[0])
    .filter(([, c]) => !c.mergedCopy)
    .map(([, c]) => collapseSpaces(c.text))
    .filter(Boolean)
    .join(' ');
}

/** The marker a note is referenced by: "1" for `1)`, `¹`, "Note 1:"; "*" for `*`; "" otherwise. */
function noteRef(text: string): { ref: string; text: string } {
  const m =
    /^(\d{1,2})\)\s*/u.exec(text) ??
    /^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*/u.exec(text) ??
    /^(\*+)\s*/u.exec(text) ??
    /^(?:notes?|примечани[ея])\s*(\d{1,2})?\s*[.:)]?\s*/iu.exec(text);
  if (!m) return { ref: '', text };
  const ref = (m[1] ?? '').replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]/gu, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)));
  return { ref: ref.startsWith('*') ? '*' : ref, text: text.slice(m[0].length) || text };
}

/** The note rows below a table; a row without a marker continues the note above. */
export function readNotes(g: Grid, rows: readonly number[], ref_area: string, table: string, source: (row: number, text: string) => Source): TableNote[] {
  const notes: TableNote[] = [];
  for (const row of rows) {
    const text = rowText(g, row);
    if (!text) continue;
    const prev = notes[notes.length - 1];
    if (prev && !noteStart(g, row)) {
      prev.text = safeRaw(`${prev.text} ${text}`, MAX_NOTE);
      continue;
    }
    const { ref, text: body } = noteRef(text);
    notes.push({ ref_area, table, ref, text: safeRaw(body, MAX_NOTE), source: source(row, text) });
  }
  return notes;
}
