import { describe, expect, it } from 'vitest';
import { KEY_FIELDS, KeyColumns, compareObservations, observationKey, sortByKey } from './keys';
import type { Observation } from './observation';
import { mulberry32 } from './random';

type Row = Pick<Observation, 'ref_area' | 'table' | 'time_period' | 'migr_type' | 'sex' | 'age' | 'partner'> & { derived: boolean; n: number };

const AGE_ORDER = new Map(['_T', 'Y0T4', 'Y5T9', 'Y_GE65', '_U'].map((a, i) => [a, i]));

/** Random rows drawn from pools of `size` values per field (sexes and known ages among them). */
function rows(n: number, size: number, seed: number): Row[] {
  const random = mulberry32(seed);
  const pick = <T>(pool: readonly T[]) => pool[Math.floor(random() * pool.length)]!;
  const pool = (prefix: string) => Array.from({ length: size }, (_, i) => `${prefix}${i}`);
  const areas = pool('A');
  const tables = pool('T');
  const partners = pool('P');
  const ages = [...AGE_ORDER.keys(), ...pool('age')];
  const years = Array.from({ length: size }, (_, i) => 1990 + i * 3);
  const sexes = ['_T', 'M', 'F', '_U', 'X'];
  return Array.from({ length: n }, (_, i) => ({
    ref_area: pick(areas),
    table: pick(tables),
    time_period: pick(years),
    migr_type: pick(['', 'LT', 'ST', 'NAT'] as const),
    sex: pick(sexes) as Observation['sex'],
    age: pick(ages),
    partner: pick(partners),
    derived: random() < 0.3,
    n: i,
  }));
}

/** What harmonise did before: a stable sort with the comparator, reported before derived. */
const bySort = (list: Row[]) => {
  const byKey = compareObservations(AGE_ORDER);
  return [...list].sort((a, b) => byKey(a, b) || Number(a.derived) - Number(b.derived));
};

describe('sortByKey', () => {
  // pools of 3 and 40: the packed numeric sort; of 300: a comparator on composite keys (the key
  // space times the rows passes 2^53); of 3000: a comparator on the ranks (the key space alone does)
  it.each([
    [2000, 3],
    [3000, 40],
    [3000, 300],
    [3000, 3000],
  ])('orders %i rows from pools of %i values as the stable comparator sort does', (n, size) => {
    for (const seed of [1, 2, 3]) {
      const list = rows(n, size, seed);
      expect(sortByKey(list, AGE_ORDER, true).map((r) => r.n)).toEqual(bySort(list).map((r) => r.n));
      const byKey = compareObservations(AGE_ORDER);
      expect(sortByKey(list, AGE_ORDER).map((r) => r.n)).toEqual([...list].sort(byKey).map((r) => r.n));
    }
  });

  it('sorts more rows than a call may take arguments', () => {
    const list = rows(300_000, 50, 9);
    const sorted = sortByKey(list, AGE_ORDER, true);
    expect(sorted).toHaveLength(300_000);
    const byKey = compareObservations(AGE_ORDER);
    let outOfOrder = 0;
    for (let i = 1; i < sorted.length; i++) if (byKey(sorted[i - 1]!, sorted[i]!) > 0 || (byKey(sorted[i - 1]!, sorted[i]!) === 0 && sorted[i - 1]!.derived && !sorted[i]!.derived)) outOfOrder++;
    expect(outOfOrder).toBe(0);
  });
});

describe('KeyColumns.groupKeys', () => {
  it.each([
    [3000, 4],
    [3000, 3000],
  ])('agrees with observationKey without the field, %i rows from pools of %i', (n, size) => {
    const list = rows(n, size, 5);
    const keys = KeyColumns.of(list);
    for (const field of [undefined, ...KEY_FIELDS]) {
      const mine = keys.groupKeys(field);
      const theirs = list.map((o) => observationKey(field ? { ...o, [field]: '*' } : o));
      const groups = (k: ArrayLike<number | string>) => {
        const first = new Map<number | string, number>();
        return Array.from({ length: list.length }, (_, i) => {
          if (!first.has(k[i]!)) first.set(k[i]!, i);
          return first.get(k[i]!);
        });
      };
      expect(groups(mine)).toEqual(groups(theirs));
    }
  });

  it('numbers values as first seen and says which it has', () => {
    const keys = KeyColumns.of(rows(10, 2, 1));
    expect(keys.size('migr_type')).toBeLessThanOrEqual(4);
    expect(keys.idOf('table', 'nothing')).toBe(-1);
    expect(keys.column('ref_area')).toHaveLength(10);
  });
});

describe('observationKey', () => {
  it('joins the key fields with |', () => {
    expect(observationKey({ ref_area: 'ARM', table: 'T04', time_period: 2012, migr_type: 'LT', sex: '_T', age: '', partner: 'RUS' })).toBe('ARM|T04|2012|LT|_T||RUS');
  });
});
