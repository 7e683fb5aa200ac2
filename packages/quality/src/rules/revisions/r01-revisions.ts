import type { Observation } from '@mch/core';
import { observationKey } from '@mch/core';
import { at } from '../../draft';
import { fmt, typeEn, typeRu, where } from '../../format';
import type { Draft, Rule } from '../../model';
import { pushTo, sourcesOf } from '../../values';

/**
 * MCH-R01 revisions against the previous published release: each revised and each withdrawn value
 * on its own; new data counted per country, table, year and type.
 */
export const R01: Rule = {
  id: 'MCH-R01',
  severity: 'info',
  defaults: {},
  check(ctx) {
    const previous = ctx.input.previous;
    if (!previous) return [];
    const before = new Map<string, Observation>();
    for (const o of previous.observations) if (!o.derived) before.set(observationKey(o), o);
    const drafts: Draft[] = [];
    const fresh = new Map<string, Observation[]>();
    const v = ctx.input.config.version;
    for (const s of ctx.index.slices) {
      for (const o of s.cells.values()) {
        if (o.derived) continue;
        ctx.checked(o.ref_area);
        const k = observationKey(o);
        const old = before.get(k);
        before.delete(k);
        if (!old) {
          pushTo(fresh, `${o.ref_area}|${o.table}|${o.time_period}|${o.migr_type}`, o);
          continue;
        }
        if (old.obs_value === o.obs_value && old.obs_status === o.obs_status) continue;
        const w = where(o);
        drafts.push({
          ...at(o),
          values: { previous: old.obs_value, value: o.obs_value, difference: old.obs_value !== null && o.obs_value !== null ? o.obs_value - old.obs_value : null },
          sources: sourcesOf([o]),
          message: `${w.en}: revised from ${fmt(old.obs_value)} (${old.obs_status}) in ${previous.version} to ${fmt(o.obs_value)} (${o.obs_status}) in ${v}`,
          message_ru: `${w.ru}: пересмотрено с ${fmt(old.obs_value)} (${old.obs_status}) в выпуске ${previous.version} на ${fmt(o.obs_value)} (${o.obs_status}) в выпуске ${v}`,
        });
      }
    }
    for (const cells of fresh.values()) {
      const o = cells[0]!;
      const t = o.migr_type ? ` ${typeEn(o.migr_type)}` : '';
      const tRu = o.migr_type ? ` ${typeRu(o.migr_type)}` : '';
      drafts.push({
        key: `${o.ref_area}|${o.table}|${o.time_period}|${o.migr_type}|new`,
        ref_area: o.ref_area,
        table: o.table,
        time_period: o.time_period,
        migr_type: o.migr_type,
        sex: '',
        age: '',
        partner: '',
        values: { cells: cells.length },
        sources: [],
        message: `${o.table} ${o.ref_area} ${o.time_period}${t}: new data, ${fmt(cells.length)} cells not in ${previous.version}`,
        message_ru: `${o.table} ${o.ref_area} ${o.time_period}${tRu}: новые данные, ${fmt(cells.length)} ячеек, которых не было в выпуске ${previous.version}`,
      });
    }
    for (const old of before.values()) {
      ctx.checked(old.ref_area);
      const w = where(old);
      drafts.push({
        ...at(old),
        values: { previous: old.obs_value, value: null },
        sources: sourcesOf([old]),
        message: `${w.en}: withdrawn, ${fmt(old.obs_value)} was published in ${previous.version}`,
        message_ru: `${w.ru}: отозвано, ${fmt(old.obs_value)} было опубликовано в выпуске ${previous.version}`,
      });
    }
    return drafts;
  },
};
