import type { Observation, Rejection } from '@mch/core';
import type { Identity } from './identities';
import { type DataIndex, isAggregatePartner } from './index-data';
import { getOrCreate } from './values';

/**
 * A cell refused at ingest, placed as far as its sheet tells: every field left undefined may be
 * anything. A refused part is invisible to an identity (no observation), so the identity must
 * skip, not fail, wherever the hole could lie.
 */
export interface Hole {
  ref_area: string;
  table: string;
  time_period?: number;
  migr_type?: string;
  sex?: string;
  /** the partner or age group */
  category?: string;
}

type Field = 'time_period' | 'migr_type' | 'sex' | 'category';
const FIELDS: readonly Field[] = ['time_period', 'migr_type', 'sex', 'category'];
const CELL = /^([A-Z]+)(\d+)$/;

const fieldOf = (o: Observation, f: Field): string | number => (f === 'category' ? o.partner || o.age : o[f]);

/** What each row and each column of one sheet holds: a field is the row's when every row holds one value of it. */
interface SheetShape {
  rows: Map<string, Map<Field, Set<string | number>>>;
  cols: Map<string, Map<Field, Set<string | number>>>;
  byRow: Set<Field>;
  byCol: Set<Field>;
}

/** The shapes of the sheets that hold a refused cell (the others are not needed). */
function shapes(observations: readonly Observation[], wanted: ReadonlySet<string>): Map<string, SheetShape> {
  const out = new Map<string, SheetShape>();
  for (const o of observations) {
    if (o.derived || !o.source?.sheet || !wanted.has(`${o.source.file}|${o.source.sheet}`)) continue;
    const m = CELL.exec(o.source.cell);
    if (!m) continue;
    const s = getOrCreate(out, `${o.source.file}|${o.source.sheet}`, () => ({ rows: new Map(), cols: new Map(), byRow: new Set<Field>(), byCol: new Set<Field>() }));
    const row = getOrCreate(s.rows, m[2]!, () => new Map<Field, Set<string | number>>());
    const col = getOrCreate(s.cols, m[1]!, () => new Map<Field, Set<string | number>>());
    for (const f of FIELDS) {
      getOrCreate(row, f, () => new Set()).add(fieldOf(o, f));
      getOrCreate(col, f, () => new Set()).add(fieldOf(o, f));
    }
  }
  for (const s of out.values()) {
    for (const f of FIELDS) {
      if ([...s.rows.values()].every((r) => r.get(f)!.size === 1)) s.byRow.add(f);
      if ([...s.cols.values()].every((c) => c.get(f)!.size === 1)) s.byCol.add(f);
    }
  }
  return out;
}

/**
 * Every refused cell as a hole: the fields its row or column fixes for the accepted cells around
 * it (years and sexes by column, partners and types by row in the usual layout; any other layout
 * the same way). A CSV line, or a row refused whole, keeps only its country, table and year.
 */
export function holesOf(rejections: readonly Rejection[], observations: readonly Observation[]): Hole[] {
  const wanted = new Set(rejections.filter((r) => r.source.sheet).map((r) => `${r.source.file}|${r.source.sheet}`));
  const sheets = wanted.size ? shapes(observations, wanted) : new Map<string, SheetShape>();
  const holes: Hole[] = [];
  for (const r of rejections) {
    if (!r.table) continue;
    const hole: Hole = { ref_area: r.ref_area, table: r.table, ...(r.time_period !== undefined ? { time_period: r.time_period } : {}) };
    const s = sheets.get(`${r.source.file}|${r.source.sheet}`);
    const m = CELL.exec(r.source.cell);
    if (s && m) {
      const row = s.rows.get(m[2]!);
      const col = s.cols.get(m[1]!);
      for (const f of FIELDS) {
        const known = (s.byRow.has(f) ? row?.get(f) : undefined) ?? (s.byCol.has(f) ? col?.get(f) : undefined);
        if (known?.size === 1) (hole as unknown as Record<Field, string | number>)[f] = [...known][0]!;
      }
    }
    holes.push(hole);
  }
  return holes;
}

interface CellPlace {
  ref_area: string;
  table: string;
  time_period: number;
  migr_type: string;
  sex: string;
}

/** A lookup of the holes by country and table, answering whether an identity could have lost a part to one. */
export interface HoleIndex {
  inIdentity(id: Identity): boolean;
  /** could the cell of this country, table, year, type, sex and category have been refused? */
  atCell(c: CellPlace, category: string): boolean;
}

export function holeIndex(holes: readonly Hole[], index: Pick<DataIndex, 'special'>, partitions: Record<string, string[]>): HoleIndex {
  // by country, table and year ('*' for a hole whose year is not known)
  const byYear = new Map<string, Hole[]>();
  for (const h of holes) getOrCreate(byYear, `${h.ref_area}|${h.table}|${h.time_period ?? '*'}`, () => []).push(h);
  // most tables have no hole at all: those are answered without building a key
  const tables = new Map<string, Set<string>>();
  for (const h of holes) getOrCreate(tables, h.ref_area, () => new Set<string>()).add(h.table);
  const near = (o: Omit<CellPlace, 'sex'>): Hole[] => {
    if (!tables.get(o.ref_area)?.has(o.table)) return [];
    const at = [...(byYear.get(`${o.ref_area}|${o.table}|${o.time_period}`) ?? []), ...(byYear.get(`${o.ref_area}|${o.table}|*`) ?? [])];
    return at.filter((h) => (h.migr_type ?? o.migr_type) === o.migr_type);
  };
  const sexIs = (h: Hole, sex: string) => (h.sex ?? sex) === sex;
  return {
    atCell: (c, category) => near(c).some((h) => sexIs(h, c.sex) && (h.category ?? category) === category),
    inIdentity(id) {
      const t = id.total;
      const category = t.partner || t.age;
      return near(t).some((h) => {
        const cat = h.category;
        switch (id.kind) {
          case 'sex':
            return cat === undefined || cat === category;
          case 'age':
            return sexIs(h, t.sex) && (cat === undefined || cat === '_U' || (partitions[id.name] ?? []).includes(cat));
          case 'partner':
            return sexIs(h, t.sex) && (cat === undefined || !isAggregatePartner(cat, index.special));
          case 'cis-far':
            return sexIs(h, t.sex) && (cat === undefined || cat === 'CIS' || cat === 'FAR');
          default:
            // an aggregate's members and an "of which" group's rows: any partner row of the sex may be one
            return sexIs(h, t.sex) && (cat === undefined || cat !== '_T');
        }
      });
    },
  };
}
