import type { Observation } from '@mch/core';
import { type DataIndex, isAggregatePartner, type Slice } from './index-data';
import type { QualityInput } from './model';
import { countryOf } from './settings';

/** One additive identity of tables.md: a whole and the parts it should equal (or exceed). */
export interface Identity {
  kind: 'sex' | 'age' | 'partner' | 'aggregate' | 'cis-far' | 'of-which';
  /** partition name or aggregate code */
  name: string;
  total: Observation;
  parts: Observation[];
  /** every part the identity needs is present (a complete partition, a known membership) */
  complete: boolean;
  /** the whole equals the sum; otherwise it is at least the sum (an aggregate with unlisted members) */
  exact: boolean;
}

/** `_T = M + F (+ _U)` for every age and partner of a slice. */
export function sexIdentities(slice: Slice, index: DataIndex): Identity[] {
  const out: Identity[] = [];
  const at = (n: number) => index.at(slice, n);
  for (let k = 0; k < slice.cells.length; k++) {
    const total = slice.cells[k]!;
    if (total.sex !== '_T') continue;
    const cell = slice.numbers[k]!;
    const m = at(index.withSex(cell, 'M'));
    const f = at(index.withSex(cell, 'F'));
    if (!m && !f) continue;
    const u = at(index.withSex(cell, '_U'));
    const parts = [m, f, u].filter((o): o is Observation => o !== undefined);
    out.push({ kind: 'sex', name: 'sex', total, parts, complete: !!m && !!f, exact: true });
  }
  return out;
}

/** For each sex and each age partition with at least one group present: total = Σ groups + `_U`. */
export function ageIdentities(slice: Slice, index: DataIndex, partitions: Record<string, string[]>): Identity[] {
  const out: Identity[] = [];
  const names = Object.keys(partitions).sort();
  for (const total of slice.cells) {
    if (total.age !== '_T' || total.partner !== '') continue;
    const u = index.get(slice, total.sex, '_U', '');
    const found = names
      .map((name) => {
        const members = partitions[name] ?? [];
        const present = members.map((a) => index.get(slice, total.sex, a, '')).filter((o): o is Observation => o !== undefined);
        return { name, present, complete: present.length === members.length };
      })
      .filter((p) => p.present.length > 0);
    const completeGroups = new Set(found.filter((p) => p.complete).flatMap((p) => p.present.map((o) => o.age)));
    for (const { name, present, complete } of found) {
      // the groups of a partial partition that all belong to a complete one are checked there, not skipped here
      if (!complete && present.every((o) => completeGroups.has(o.age))) continue;
      const parts = u ? [...present, u] : present;
      out.push({ kind: 'age', name, total, parts, complete, exact: true });
    }
  }
  return out;
}

/**
 * Partner totals, reported aggregates against their members, CIS + FAR = total, and "of which"
 * rows at most their parent row.
 */
export function partnerIdentities(slice: Slice, index: DataIndex, input: QualityInput): Identity[] {
  const out: Identity[] = [];
  const own = !(index.tables.get(slice.table)?.own_country_allowed ?? true);
  const cs = countryOf(input.config, slice.ref_area);
  const bySex = new Map<string, Observation[]>();
  for (const o of slice.cells) {
    if (o.age !== '') continue;
    const list = bySex.get(o.sex);
    if (list) list.push(o);
    else bySex.set(o.sex, [o]);
  }
  for (const [sex, cells] of bySex) {
    const at = (code: string) => index.get(slice, sex, '', code);
    const total = at('_T');
    const parts = cells.filter((o) => summed(o, index));
    // a row counted inside a parent that is missing: the parent's share of the total is unknown
    const complete = cells.every((o) => !o.parent || !summedCode(o.parent, index) || at(o.parent) !== undefined);
    if (total && parts.length) out.push({ kind: 'partner', name: '_T', total, parts, complete, exact: true });
    for (const i of ofWhichIdentities(cells, at)) out.push(i);
    for (const agg of cells) {
      const sp = index.special.get(agg.partner);
      if (!sp || (sp.kind !== 'aggregate' && sp.kind !== 'derived')) continue;
      const members = (sp.members ?? (agg.partner === 'CIS' ? cs?.cis_members : undefined))?.filter((m) => !(own && m === slice.ref_area));
      if (!members) {
        if (agg.partner !== 'FAR') out.push({ kind: 'aggregate', name: agg.partner, total: agg, parts: [], complete: false, exact: false });
        continue;
      }
      const present = members.map((m) => at(m)).filter((o): o is Observation => o !== undefined);
      out.push({ kind: 'aggregate', name: agg.partner, total: agg, parts: present, complete: true, exact: present.length === members.length });
    }
    const cis = at('CIS');
    const far = at('FAR');
    if (total && cis && far) out.push({ kind: 'cis-far', name: 'CIS+FAR', total, parts: [cis, far], complete: true, exact: true });
  }
  return out;
}

/** A partner code summed into the partner total: not an aggregate, derived aggregate or the total. */
function summedCode(code: string, index: DataIndex): boolean {
  return !isAggregatePartner(code, index.special);
}

/**
 * A row counted in the partner total: an "of which" row is not when its parent row already is
 * («Прочие страны, из них Иран»); under an aggregate that is not summed («страны СНГ, из них
 * Россия») it is the country's one row in the total.
 */
function summed(o: Observation, index: DataIndex): boolean {
  return summedCode(o.partner, index) && !(o.parent && summedCode(o.parent, index));
}

/** The "of which" rows under each parent row add up to at most that row (tables.md). */
function ofWhichIdentities(cells: readonly Observation[], get: (code: string) => Observation | undefined): Identity[] {
  const byParent = new Map<string, Observation[]>();
  for (const o of cells) {
    if (!o.parent) continue;
    const list = byParent.get(o.parent);
    if (list) list.push(o);
    else byParent.set(o.parent, [o]);
  }
  return [...byParent].map(([parent, parts]) => {
    const whole = get(parent);
    return { kind: 'of-which', name: parent, total: whole ?? parts[0]!, parts, complete: whole !== undefined, exact: false };
  });
}
