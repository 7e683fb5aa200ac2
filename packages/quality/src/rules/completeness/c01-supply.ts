import { fmt, pctOf, typeEn, typeRu } from '../../format';
import type { Draft, Rule, RuleContext } from '../../model';
import { countryOf } from '../../settings';
import type { Observation } from '@mch/core';
import { getOrCreate, sourcesOf } from '../../values';

/**
 * MCH-C01: completeness against what each country declares it can supply (tables × years × types),
 * and the share of missing (`O`) or impossible (`M`) cells of each table and year.
 */
export const C01: Rule = {
  id: 'MCH-C01',
  severity: 'warning',
  defaults: { threshold: 0.25 },
  check(ctx) {
    return [...declared(ctx), ...missingShare(ctx)];
  },
};

function blank(r: string, table: string, y: number, type: string): Omit<Draft, 'key' | 'values' | 'message' | 'message_ru'> {
  return { ref_area: r, table, time_period: y, migr_type: type, sex: '', age: '', partner: '', sources: [] };
}

function declared(ctx: RuleContext): Draft[] {
  const received = new Set<string>();
  for (const s of ctx.index.slices) {
    if (s.reported > 0) received.add(`${s.ref_area}|${s.table}|${s.time_period}|${s.migr_type}`).add(`${s.ref_area}|${s.table}|${s.time_period}|*`);
  }
  const drafts: Draft[] = [];
  // the country checked, when the configuration lists it (a country without data is checked too)
  for (const r of ctx.index.countries.filter((c) => c === ctx.index.country)) {
    const supply = countryOf(ctx.input.config, r)?.supply;
    if (!supply) continue;
    for (const t of supply.tables) {
      const typed = ctx.index.tables.get(t)?.has_migr_type && supply.migr_types;
      for (const y of supply.years ?? ctx.input.config.reference_years) {
        for (const type of typed ? supply.migr_types! : ['*']) {
          ctx.checked(r);
          if (received.has(`${r}|${t}|${y}|${type}`)) continue;
          const m = type === '*' ? '' : type;
          drafts.push({
            ...blank(r, t, y, m),
            key: `${r}|${t}|${y}|${m}|supply`,
            values: { observations: 0 },
            message: `${t} ${r} ${y}${m ? ` ${typeEn(m)}` : ''}: declared in the supply matrix but not received`,
            message_ru: `${t} ${r} ${y}${m ? ` ${typeRu(m)}` : ''}: заявлено в матрице представления данных, но не получено`,
          });
        }
      }
    }
  }
  return drafts;
}

function missingShare(ctx: RuleContext): Draft[] {
  const counts = new Map<string, { r: string; t: string; y: number; all: number; missing: number; cells: Observation[] }>();
  for (const s of ctx.index.slices) {
    const c = getOrCreate(counts, `${s.ref_area}|${s.table}|${s.time_period}`, () => ({ r: s.ref_area, t: s.table, y: s.time_period, all: 0, missing: 0, cells: [] }));
    for (const o of s.cells) {
      if (o.derived) continue;
      c.all++;
      if (o.obs_status === 'O' || o.obs_status === 'M') {
        c.missing++;
        c.cells.push(o);
      }
    }
  }
  const drafts: Draft[] = [];
  for (const c of counts.values()) {
    if (!c.all) continue;
    ctx.checked(c.r);
    const share = c.missing / c.all;
    if (share <= ctx.setting(c.r, 'threshold')) continue;
    drafts.push({
      ...blank(c.r, c.t, c.y, ''),
      key: `${c.r}|${c.t}|${c.y}|missing-share`,
      values: { cells: c.all, missing_or_impossible: c.missing, share },
      sources: sourcesOf(c.cells),
      message: `${c.t} ${c.r} ${c.y}: ${fmt(c.missing)} of ${fmt(c.all)} cells (${pctOf(c.missing, c.all)}) are missing (..) or cannot exist (x)`,
      message_ru: `${c.t} ${c.r} ${c.y}: ${fmt(c.missing)} из ${fmt(c.all)} ячеек (${pctOf(c.missing, c.all)}) не заполнены (..) или не имеют смысла (x)`,
    });
  }
  return drafts;
}
