import type { Observation } from './observation';

type Keyed = Pick<Observation, 'ref_area' | 'table' | 'time_period' | 'migr_type' | 'sex' | 'age' | 'partner'>;

/** The identity of an observation: two observations with one key are the same cell of the release. */
export function observationKey(o: Keyed): string {
  // a template, not [...].join('|'): this runs for every observation, and an array each time shows
  return `${o.ref_area ?? ''}|${o.table ?? ''}|${o.time_period ?? ''}|${o.migr_type ?? ''}|${o.sex ?? ''}|${o.age ?? ''}|${o.partner ?? ''}`;
}

const SEX_ORDER: Record<string, number> = { _T: 0, M: 1, F: 2, _U: 3 };
const UNKNOWN_SEX = 9;
const UNKNOWN_AGE = 9999;

/**
 * Row order of every output (cli.md): ref_area, table, time_period, migr_type, sex, then age in
 * code-list order and partner in code order.
 */
export function compareObservations(ageOrder: ReadonlyMap<string, number>) {
  return (a: Keyed, b: Keyed): number =>
    cmp(a.ref_area, b.ref_area) ||
    cmp(a.table, b.table) ||
    a.time_period - b.time_period ||
    cmp(a.migr_type, b.migr_type) ||
    (SEX_ORDER[a.sex] ?? UNKNOWN_SEX) - (SEX_ORDER[b.sex] ?? UNKNOWN_SEX) ||
    (ageOrder.get(a.age) ?? UNKNOWN_AGE) - (ageOrder.get(b.age) ?? UNKNOWN_AGE) ||
    cmp(a.age, b.age) ||
    cmp(a.partner, b.partner);
}

/** Locale-independent string order, so output never depends on LANG. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const KEY_FIELDS = ['ref_area', 'table', 'time_period', 'migr_type', 'sex', 'age', 'partner'] as const;
export type KeyField = (typeof KEY_FIELDS)[number];
type Value = string | number;

/** Below this, sums and products of whole numbers are exact in a double. */
const EXACT = 2 ** 53;

/**
 * The key fields of many observations as dense numbers (each field's values numbered as first
 * seen), so that a key, or a key without one field, is one number: grouping, finding and sorting
 * millions of observations then hash and compare numbers instead of building a string each.
 */
export class KeyColumns {
  /** each field's distinct values, by number */
  readonly values: Value[][] = KEY_FIELDS.map(() => []);
  private readonly codes = KEY_FIELDS.map(() => new Map<Value, number>());
  // rows come in runs (one table and year, then one sex …): the value of the row before is asked first
  private readonly lastValue: (Value | undefined)[] = KEY_FIELDS.map(() => undefined);
  private readonly lastCode = KEY_FIELDS.map(() => -1);
  private ids: Int32Array[];
  length = 0;

  constructor(capacity = 1024) {
    this.ids = KEY_FIELDS.map(() => new Int32Array(Math.max(capacity, 16)));
  }

  static of(list: readonly Keyed[]): KeyColumns {
    const k = new KeyColumns(list.length);
    for (const o of list) k.add(o);
    return k;
  }

  /** Appends one observation's key; its row number is returned. */
  add(o: Keyed): number {
    const i = this.length++;
    if (i === this.ids[0]!.length) this.ids = this.ids.map((a) => grown(a));
    const ids = this.ids;
    ids[0]![i] = this.code(0, o.ref_area);
    ids[1]![i] = this.code(1, o.table);
    ids[2]![i] = this.code(2, o.time_period);
    ids[3]![i] = this.code(3, o.migr_type);
    ids[4]![i] = this.code(4, o.sex);
    ids[5]![i] = this.code(5, o.age);
    ids[6]![i] = this.code(6, o.partner);
    return i;
  }

  /** The number of a field's value, or -1 when no observation has it. */
  idOf(field: KeyField, value: Value): number {
    return this.codes[KEY_FIELDS.indexOf(field)]!.get(value) ?? -1;
  }

  /** The numbers of one field, row by row. */
  column(field: KeyField): Int32Array {
    return this.ids[KEY_FIELDS.indexOf(field)]!.subarray(0, this.length);
  }

  size(field: KeyField): number {
    return this.values[KEY_FIELDS.indexOf(field)]!.length;
  }

  /**
   * One value per row, equal exactly where the keys agree on every field but `except` (as
   * observationKey with that field left out): numbers, or strings in the rare key space beyond 2^53.
   */
  groupKeys(except?: KeyField): Float64Array | string[] {
    const fields = KEY_FIELDS.map((_, k) => k).filter((k) => KEY_FIELDS[k] !== except);
    const radix = fields.map((k) => this.values[k]!.length);
    if (radix.reduce((p, r) => p * Math.max(r, 1), 1) >= EXACT) {
      return Array.from({ length: this.length }, (_, i) => fields.map((k) => String(this.values[k]![this.ids[k]![i]!])).join('|'));
    }
    const out = new Float64Array(this.length);
    for (const [j, k] of fields.entries()) {
      const ids = this.ids[k]!;
      const r = radix[j]!;
      for (let i = 0; i < this.length; i++) out[i] = out[i]! * r + ids[i]!;
    }
    return out;
  }

  /**
   * The rows in compareObservations order, then reported before derived where `derived` is given,
   * ties in row order (a stable sort): a permutation of row numbers.
   */
  order(ageOrder: ReadonlyMap<string, number>, derived?: (row: number) => boolean): Uint32Array {
    const n = this.length;
    const ranks = KEY_FIELDS.map((f, k) => rankOf(f, this.values[k]!, ageOrder));
    const radix = ranks.map((r, k) => (KEY_FIELDS[k] === 'sex' ? UNKNOWN_SEX + 1 : r.length));
    const span = radix.reduce((p, r) => p * Math.max(r, 1), 2);
    const composite = new Float64Array(n);
    if (span < EXACT) {
      for (let k = 0; k < KEY_FIELDS.length; k++) {
        const ids = this.ids[k]!;
        const rank = ranks[k]!;
        const r = radix[k]!;
        for (let i = 0; i < n; i++) composite[i] = composite[i]! * r + rank[ids[i]!]!;
      }
      for (let i = 0; i < n; i++) composite[i] = composite[i]! * 2 + (derived?.(i) ? 1 : 0);
    }
    const out = new Uint32Array(n);
    if (span * n < EXACT) {
      // row number as the last digit: a plain numeric sort is then stable and needs no comparator
      for (let i = 0; i < n; i++) composite[i] = composite[i]! * n + i;
      composite.sort();
      // the remainder of whole doubles is exact
      for (let i = 0; i < n; i++) out[i] = composite[i]! % n;
      return out;
    }
    for (let i = 0; i < n; i++) out[i] = i;
    const byRanks = (a: number, b: number): number => {
      for (let k = 0; k < KEY_FIELDS.length; k++) {
        const d = ranks[k]![this.ids[k]![a]!]! - ranks[k]![this.ids[k]![b]!]!;
        if (d) return d;
      }
      return Number(derived?.(a) ?? false) - Number(derived?.(b) ?? false) || a - b;
    };
    return span < EXACT ? out.sort((a, b) => composite[a]! - composite[b]! || a - b) : out.sort(byRanks);
  }

  private code(f: number, v: Value): number {
    if (v === this.lastValue[f]) return this.lastCode[f]!;
    const map = this.codes[f]!;
    let c = map.get(v);
    if (c === undefined) {
      c = this.values[f]!.push(v) - 1;
      map.set(v, c);
    }
    this.lastValue[f] = v;
    this.lastCode[f] = c;
    return c;
  }
}

function grown(a: Int32Array): Int32Array {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/** Each value's place in the order of its field (compareObservations), by value number; sexes by their fixed order. */
function rankOf(field: KeyField, values: readonly Value[], ageOrder: ReadonlyMap<string, number>): Int32Array {
  const rank = new Int32Array(values.length);
  if (field === 'sex') {
    values.forEach((v, id) => {
      rank[id] = SEX_ORDER[v as string] ?? UNKNOWN_SEX;
    });
    return rank;
  }
  const ids = values.map((_, id) => id);
  const byValue =
    field === 'time_period'
      ? (a: number, b: number) => (values[a] as number) - (values[b] as number)
      : field === 'age'
        ? (a: number, b: number) => (ageOrder.get(values[a] as string) ?? UNKNOWN_AGE) - (ageOrder.get(values[b] as string) ?? UNKNOWN_AGE) || cmp(values[a] as string, values[b] as string)
        : (a: number, b: number) => cmp(values[a] as string, values[b] as string);
  ids.sort(byValue);
  ids.forEach((id, place) => {
    rank[id] = place;
  });
  return rank;
}

/**
 * The observations in row order (compareObservations), reported before derived of one key where
 * `derivedLast`, otherwise as they came: the same as a stable sort with that comparator, without
 * calling it n log n times.
 */
export function sortByKey<T extends Keyed & { derived?: boolean }>(list: readonly T[], ageOrder: ReadonlyMap<string, number>, derivedLast = false): T[] {
  const order = KeyColumns.of(list).order(ageOrder, derivedLast ? (i) => list[i]!.derived === true : undefined);
  const out = new Array<T>(list.length);
  for (let i = 0; i < order.length; i++) out[i] = list[order[i]!]!;
  return out;
}
