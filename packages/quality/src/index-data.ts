import type { CodeLists, Observation, SpecialPartner, TableDef, TableSet } from '@mch/core';
import { cmp } from '@mch/core';
import { getOrCreate } from './values';

/** The cells of one country, table, year and type, by cell number (index.cell). */
export interface Slice {
  ref_area: string;
  table: string;
  time_period: number;
  migr_type: string;
  /** dense, in index.slices order */
  id: number;
  /** in the order the cells came, a reported value in the place of a derived one of its key */
  cells: Observation[];
  /** the cell number (DataIndex.cell) of each of `cells` */
  numbers: Int32Array;
  /** observations of the slice that are not derived */
  reported: number;
}

export interface DataIndex {
  /** the country whose observations these are (countryInputs) */
  country: string;
  /** in observation order */
  slices: Slice[];
  slice(refArea: string, table: string, year: number, migrType: string): Slice | undefined;
  /** the number of a sex, age and partner in every slice; -1 when no observation has them */
  cell(sex: string, age: string, partner: string): number;
  /** the observation of a slice at a sex, age and partner */
  get(slice: Slice | undefined, sex: string, age: string, partner: string): Observation | undefined;
  /** the observation of a slice at a cell number; undefined for -1 */
  at(slice: Slice, cell: number): Observation | undefined;
  /** the cell number of the same age and partner as `cell`, of another sex; -1 when no observation has it */
  withSex(cell: number, sex: string): number;
  /** how many cell numbers there are */
  cells: number;
  tables: Map<string, TableDef>;
  special: Map<string, SpecialPartner>;
  /** the countries of the release configuration, sorted */
  countries: string[];
}

/**
 * Sex, age and partner as one small number, the same in every slice: a cell is found by lookups in
 * small maps instead of a string built for each question a rule asks, and the cell of another
 * sex beside a known one by two array reads.
 */
class CellNumbers {
  /** age → partner → category number */
  private readonly categories = new Map<string, Map<string, number>>();
  private readonly sexes = new Map<string, number>();
  /** category → sex number → cell number (-1 none) */
  private readonly cellsOf: number[][] = [];
  readonly categoryOf: number[] = [];
  size = 0;

  // observations come sorted by sex, age and partner: the age and sex asked last are kept at hand
  private lastAge: string | undefined;
  private lastByPartner = new Map<string, number>();
  private lastSex: string | undefined;
  private lastS = -1;

  of(sex: string, age: string, partner: string): number {
    if (age !== this.lastAge) {
      let byPartner = this.categories.get(age);
      if (!byPartner) {
        byPartner = new Map<string, number>();
        this.categories.set(age, byPartner);
      }
      this.lastAge = age;
      this.lastByPartner = byPartner;
    }
    let category = this.lastByPartner.get(partner);
    if (category === undefined) {
      category = this.cellsOf.push([]) - 1;
      this.lastByPartner.set(partner, category);
    }
    if (sex !== this.lastSex) {
      let s = this.sexes.get(sex);
      if (s === undefined) {
        s = this.sexes.size;
        this.sexes.set(sex, s);
      }
      this.lastSex = sex;
      this.lastS = s;
    }
    const s = this.lastS;
    const row = this.cellsOf[category]!;
    let n = row[s];
    if (n === undefined || n < 0) {
      n = this.size++;
      while (row.length < s) row.push(-1);
      row[s] = n;
      this.categoryOf.push(category);
    }
    return n;
  }

  find(sex: string, age: string, partner: string): number {
    const category = this.categories.get(age)?.get(partner);
    const s = this.sexes.get(sex);
    return category === undefined || s === undefined ? -1 : (this.cellsOf[category]![s] ?? -1);
  }

  /** The cell of the same age and partner as `cell`, of another sex; -1 when none. */
  withSex(cell: number, sex: string): number {
    const s = this.sexes.get(sex);
    return s === undefined ? -1 : (this.cellsOf[this.categoryOf[cell]!]![s] ?? -1);
  }
}

/**
 * Two passes over the observations; every rule reads this instead of scanning the data again. The
 * first numbers each observation's slice and cell; the second lays each slice's cells out in one
 * array, found by cell number through one table of positions (slice × cell), not a map per slice.
 */
export function indexData(observations: readonly Observation[], tableSet: TableSet, codelists: CodeLists, countries: readonly string[], country: string): DataIndex {
  const byKey = new Map<string, Map<number, Map<string, Slice>>>();
  const slices: Slice[] = [];
  const numbers = new CellNumbers();
  const sliceOf = new Int32Array(observations.length);
  const cellOf = new Int32Array(observations.length);
  const sizes: number[] = [];
  // observations come sorted: the slice of the observation before is nearly always this one's
  let last: Slice | undefined;
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i]!;
    let s = last;
    if (!s || s.time_period !== o.time_period || s.table !== o.table || s.migr_type !== o.migr_type || s.ref_area !== o.ref_area) {
      s = findSlice(byKey, o.ref_area, o.table, o.time_period, o.migr_type);
      if (!s) {
        s = { ref_area: o.ref_area, table: o.table, time_period: o.time_period, migr_type: o.migr_type, id: slices.length, cells: [], numbers: EMPTY, reported: 0 };
        addSlice(byKey, s);
        slices.push(s);
        sizes.push(0);
      }
      last = s;
    }
    if (!o.derived) s.reported++;
    sliceOf[i] = s.id;
    cellOf[i] = numbers.of(o.sex, o.age, o.partner);
    sizes[s.id]!++;
  }
  const cells = numbers.size;
  const positions = new Positions(slices.length, cells);
  const allNumbers = new Int32Array(observations.length);
  let offset = 0;
  for (const s of slices) {
    s.cells = new Array<Observation>(sizes[s.id]!);
    s.numbers = allNumbers.subarray(offset, offset + sizes[s.id]!);
    offset += sizes[s.id]!;
    sizes[s.id] = 0;
  }
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i]!;
    const s = slices[sliceOf[i]!]!;
    const key = sliceOf[i]! * cells + cellOf[i]!;
    const at = positions.get(key);
    if (at < 0) {
      const n = sizes[s.id]!++;
      s.cells[n] = o;
      s.numbers[n] = cellOf[i]!;
      positions.set(key, n);
    } else if (s.cells[at]!.derived && !o.derived) {
      // a reported value and the aggregate derived for the same key: the reported one is checked
      s.cells[at] = o;
    }
  }
  // a key given twice leaves its slice shorter than counted
  for (const s of slices) {
    if (s.cells.length === sizes[s.id]) continue;
    s.cells.length = sizes[s.id]!;
    s.numbers = s.numbers.subarray(0, sizes[s.id]!);
  }
  const at = (slice: Slice, cell: number): Observation | undefined => {
    if (cell < 0) return undefined;
    const n = positions.get(slice.id * cells + cell);
    return n < 0 ? undefined : slice.cells[n];
  };
  return {
    country,
    slices,
    slice: (r, t, y, m) => findSlice(byKey, r, t, y, m),
    cell: (sex, age, partner) => numbers.find(sex, age, partner),
    get: (slice, sex, age, partner) => (slice ? at(slice, numbers.find(sex, age, partner)) : undefined),
    at,
    withSex: (cell, sex) => numbers.withSex(cell, sex),
    cells,
    tables: new Map(tableSet.tables.map((t) => [t.id, t])),
    special: new Map(codelists.special_partners.map((p) => [p.code, p])),
    countries: [...countries].sort(cmp),
  };
}

const EMPTY = new Int32Array(0);

/**
 * Where a slice holds each cell number (-1: not there). A table of slices × cells while that
 * stays small (a country's slices and cells are a few hundred each); a map beyond, so many
 * distinct codes cost memory for the cells they have, not for every slice.
 */
class Positions {
  static readonly DENSE_LIMIT = 1 << 24;
  private readonly dense: Int32Array | undefined;
  private readonly sparse = new Map<number, number>();

  constructor(slices: number, cells: number) {
    this.dense = slices * cells <= Positions.DENSE_LIMIT ? new Int32Array(slices * cells).fill(-1) : undefined;
  }

  get(key: number): number {
    return this.dense ? this.dense[key]! : (this.sparse.get(key) ?? -1);
  }

  set(key: number, at: number): void {
    if (this.dense) this.dense[key] = at;
    else this.sparse.set(key, at);
  }
}

function findSlice(byKey: Map<string, Map<number, Map<string, Slice>>>, r: string, t: string, y: number, m: string): Slice | undefined {
  return byKey.get(`${r}|${t}`)?.get(y)?.get(m);
}

function addSlice(byKey: Map<string, Map<number, Map<string, Slice>>>, s: Slice): void {
  const byYear = getOrCreate(byKey, `${s.ref_area}|${s.table}`, () => new Map<number, Map<string, Slice>>());
  getOrCreate(byYear, s.time_period, () => new Map<string, Slice>()).set(s.migr_type, s);
}

/** Partner codes that are not summed into the total: aggregates, derived aggregates and the total itself. */
export function isAggregatePartner(code: string, special: Map<string, SpecialPartner>): boolean {
  const kind = special.get(code)?.kind;
  return kind === 'aggregate' || kind === 'derived' || kind === 'total';
}
