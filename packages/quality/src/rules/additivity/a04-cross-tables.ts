import type { Observation, Severity } from '@mch/core';
import { SEX_CODES } from '@mch/core';
import { at } from '../../draft';
import { fmt, where } from '../../format';
import type { DataIndex } from '../../index-data';
import type { Draft, Rule, RuleContext } from '../../model';
import { countryOf } from '../../settings';
import { exceeds, sourcesOf, usable } from '../../values';

/**
 * MCH-A04 cross-table totals (tables.md): the totals of each group of the table set agree, and the
 * foreign-born stock equals the population by birth less native-born and unknown. Expected, not
 * guaranteed: an error only where the country declares the tables come from one source.
 */
export const A04: Rule = {
  id: 'MCH-A04',
  severity: 'warning',
  defaults: { tolerance: 0, tolerance_share: 0 },
  check(ctx) {
    return [...groupTotals(ctx), ...foreignBorn(ctx)];
  },
};

function totalCell(index: DataIndex, r: string, table: string, y: number, m: string, sex: string): Observation | undefined {
  const age = index.tables.get(table)?.breakdown === 'AGE';
  return age ? index.get(index.slice(r, table, y, m), sex, '_T', '') : index.get(index.slice(r, table, y, m), sex, '', '_T');
}

function severityFor(ctx: RuleContext, r: string, a: string, b: string): Severity {
  const groups = countryOf(ctx.input.config, r)?.same_source ?? [];
  return groups.some((g) => g.includes(a) && g.includes(b)) ? 'error' : 'warning';
}

function groupTotals(ctx: RuleContext): Draft[] {
  const drafts: Draft[] = [];
  for (const group of ctx.input.tableSet.cross_totals) {
    const seen = new Set<string>();
    for (const s of ctx.index.slices) {
      const k = `${s.ref_area}|${s.time_period}|${s.migr_type}`;
      if (!group.tables.includes(s.table) || seen.has(k)) continue;
      seen.add(k);
      for (const sex of SEX_CODES) {
        const cells = group.tables.map((t) => totalCell(ctx.index, s.ref_area, t, s.time_period, s.migr_type, sex));
        // a total refused at ingest is a comparison that could not be made
        const refused = group.tables.filter((t, i) => !cells[i] && ctx.holes.atCell({ ref_area: s.ref_area, table: t, time_period: s.time_period, migr_type: s.migr_type, sex }, '_T'));
        ctx.skipped(s.ref_area, refused.length);
        for (const d of compareTotals(ctx, group.name, cells.filter((o): o is Observation => o !== undefined))) drafts.push(d);
      }
    }
  }
  return drafts;
}

function compareTotals(ctx: RuleContext, name: string, cells: Observation[]): Draft[] {
  const drafts: Draft[] = [];
  const usableCells = cells.filter((o) => usable(o) !== undefined);
  for (const o of cells) if (usable(o) === undefined) ctx.skipped(o.ref_area);
  const [ref, ...others] = usableCells;
  if (!ref) return drafts;
  const r = ref.ref_area;
  const a = usable(ref)!;
  for (const o of others) {
    if (ref.derived && o.derived) continue;
    ctx.checked(r);
    const b = usable(o)!;
    if (!exceeds(b - a, a, ctx.setting(r, 'tolerance'), ctx.setting(r, 'tolerance_share'))) continue;
    const w = where({ ...o, table: '', partner: '', age: '' });
    const severity = severityFor(ctx, r, ref.table, o.table);
    const one = severity === 'error' ? ' (declared as one source)' : '';
    const oneRu = severity === 'error' ? ' (заявлены как один источник)' : '';
    drafts.push({
      ...at(o, `|${ref.table}`),
      values: { [ref.table]: a, [o.table]: b, difference: b - a },
      sources: sourcesOf([ref, o]),
      message: `${w.en}: ${name} total in ${o.table} ${fmt(b)} ≠ ${ref.table} ${fmt(a)}, difference ${fmt(b - a)}${one}`,
      message_ru: `${w.ru}: итог (${name}) в ${o.table} ${fmt(b)} ≠ ${ref.table} ${fmt(a)}, разница ${fmt(b - a)}${oneRu}`,
      severity,
    });
  }
  return drafts;
}

/** T03 total = T01 total − native-born − UNK (− SUN where the country does not count it as foreign-born). */
function foreignBorn(ctx: RuleContext): Draft[] {
  const fb = ctx.input.tableSet.foreign_born;
  if (!fb) return [];
  const drafts: Draft[] = [];
  for (const s of ctx.index.slices) {
    if (s.table !== fb.by_birth_table) continue;
    const r = s.ref_area;
    const cs = countryOf(ctx.input.config, r);
    for (const sex of SEX_CODES) {
      const stock = totalCell(ctx.index, r, fb.stock_table, s.time_period, s.migr_type, sex);
      const total = ctx.index.get(s, sex, '', '_T');
      if (!stock || !total || (stock.derived && total.derived)) continue;
      const native = ctx.index.get(s, sex, '', r);
      const unk = ctx.index.get(s, sex, '', 'UNK');
      const subtracted = cs?.sun_is_foreign_born === false ? [r, 'UNK', 'SUN'] : [r, 'UNK'];
      const sun = subtracted.includes('SUN') ? ctx.index.get(s, sex, '', 'SUN') : undefined;
      const [t03, t01, nat] = [usable(stock), usable(total), usable(native)];
      const u = unk ? usable(unk) : 0;
      const su = sun ? usable(sun) : 0;
      // an unknown or USSR row refused at ingest is not a zero
      const refused = subtracted.some((c) => ctx.holes.atCell(total, c));
      if (refused || t03 === undefined || t01 === undefined || nat === undefined || u === undefined || su === undefined) {
        ctx.skipped(r);
        continue;
      }
      ctx.checked(r);
      const expected = t01 - nat - u - su;
      if (!exceeds(t03 - expected, expected, ctx.setting(r, 'tolerance'), ctx.setting(r, 'tolerance_share'))) continue;
      const severity = severityFor(ctx, r, fb.stock_table, fb.by_birth_table);
      const w = where({ ...stock, table: fb.stock_table, age: '' });
      const sunEn = sun ? ` − USSR n.e.s. ${fmt(su)}` : '';
      const sunRu = sun ? ` − СССР без уточнения ${fmt(su)}` : '';
      drafts.push({
        ...at(stock, `|${fb.by_birth_table}`),
        values: { [fb.stock_table]: t03, [fb.by_birth_table]: t01, native_born: nat, UNK: u, SUN: su, expected, difference: t03 - expected },
        sources: sourcesOf([stock, total, native, unk, sun]),
        message: `${w.en}: foreign-born total ${fmt(t03)} ≠ ${fb.by_birth_table} total ${fmt(t01)} − native-born ${fmt(nat)} − unknown ${fmt(u)}${sunEn} = ${fmt(expected)}, difference ${fmt(t03 - expected)}`,
        message_ru: `${w.ru}: всего родившихся за рубежом ${fmt(t03)} ≠ всего по ${fb.by_birth_table} ${fmt(t01)} − родившиеся в стране ${fmt(nat)} − не указано ${fmt(u)}${sunRu} = ${fmt(expected)}, разница ${fmt(t03 - expected)}`,
        severity,
      });
    }
  }
  return drafts;
}
