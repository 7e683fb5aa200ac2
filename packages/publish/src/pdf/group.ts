import { cmp } from '@mch/core';

/** Rows with the same key merged, their tables listed as ranges; first-seen order. */
export function groupTables<R>(items: readonly { key: string; table: string; row: R }[]): { row: R; tables: string }[] {
  const groups = new Map<string, { row: R; tables: string[] }>();
  for (const i of items) {
    const g = groups.get(i.key) ?? { row: i.row, tables: [] };
    if (!g.tables.includes(i.table)) g.tables.push(i.table);
    groups.set(i.key, g);
  }
  return [...groups.values()].map((g) => ({ row: g.row, tables: tableRanges(g.tables) }));
}

/** "T01, T02, T03, T05" → "T01–T03, T05". */
export function tableRanges(ids: readonly string[]): string {
  const sorted = [...ids].sort(cmp);
  const num = (id: string) => Number(/\d+$/.exec(id)?.[0] ?? Number.NaN);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && num(sorted[j + 1]!) === num(sorted[j]!) + 1 && sorted[j + 1]!.replace(/\d+$/, '') === sorted[j]!.replace(/\d+$/, '')) j++;
    out.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return out.join(', ');
}
