import type { Observation } from './observation';

type Keyed = Pick<Observation, 'ref_area' | 'table' | 'time_period' | 'migr_type' | 'sex' | 'age' | 'partner'>;

/** The identity of an observation: two observations with one key are the same cell of the release. */
export function observationKey(o: Keyed): string {
  return [o.ref_area, o.table, o.time_period, o.migr_type, o.sex, o.age, o.partner].join('|');
}

const SEX_ORDER: Record<string, number> = { _T: 0, M: 1, F: 2, _U: 3 };

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
    (SEX_ORDER[a.sex] ?? 9) - (SEX_ORDER[b.sex] ?? 9) ||
    (ageOrder.get(a.age) ?? 9999) - (ageOrder.get(b.age) ?? 9999) ||
    cmp(a.age, b.age) ||
    cmp(a.partner, b.partner);
}

/** Locale-independent string order, so output never depends on LANG. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
