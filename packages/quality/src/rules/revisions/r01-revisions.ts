import { KeyColumns, type Observation } from '@mch/core';
import { at } from '../../draft';
import { fmt, where } from '../../format';
import type { Draft, Rule } from '../../model';
import { pushTo, sourcesOf } from '../../values';

/**
 * MCH-R01 revisions against the previous published release: each revised and each withdrawn value
 * on its own; new data counted per country and year (a new reference year is new in every table).
 */
export const R01: Rule = {
  id: 'MCH-R01',
  severity: 'info',
  defaults: {},
  check(ctx) {
    const previous = ctx.input.previous;
    if (!previous) return [];
    // keys as numbers (KeyColumns): a key string for each value of both releases was most of a
    // country's checks when the previous release is as large as this one
    const earlier = previous.observations.filter((o) => !o.derived);
    const current: Observation[] = [];
    for (const s of ctx.index.slices) for (const o of s.cells) if (!o.derived) current.push(o);
    const keyed = new KeyColumns(earlier.length + current.length);
    for (const o of earlier) keyed.add(o);
    for (const o of current) keyed.add(o);
    const keys = keyed.groupKeys();
    const before = new Map<number | string, Observation>();
    for (let i = 0; i < earlier.length; i++) before.set(keys[i]!, earlier[i]!);
    const drafts: Draft[] = [];
    const fresh = new Map<string, Observation[]>();
    const v = ctx.input.config.version;
    for (let j = 0; j < current.length; j++) {
      const o = current[j]!;
      ctx.checked(o.ref_area);
      const k = keys[earlier.length + j]!;
      const old = before.get(k);
      before.delete(k);
      if (!old) {
        pushTo(fresh, `${o.ref_area}|${o.time_period}`, o);
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
    for (const cells of fresh.values()) {
      const o = cells[0]!;
      const tables = [...new Set(cells.map((c) => c.table))].sort();
      const files = [...new Set(cells.map((c) => c.source?.file ?? ''))].filter(Boolean).sort();
      drafts.push({
        key: `${o.ref_area}|${o.time_period}|new`,
        ref_area: o.ref_area,
        table: '',
        time_period: o.time_period,
        migr_type: '',
        sex: '',
        age: '',
        partner: '',
        values: { cells: cells.length, tables: tables.length },
        // new data is no problem of any one cell: the finding names the files instead of marking cells
        sources: [],
        message: `${o.ref_area} ${o.time_period}: new data, ${fmt(cells.length)} cell${cells.length === 1 ? '' : 's'} in ${tables.length === 1 ? 'table' : `${tables.length} tables`} (${tables.join(', ')}) not in ${previous.version}, from ${files.join(', ')}`,
        message_ru: `${o.ref_area} ${o.time_period}: новые данные, ${fmt(cells.length)} ячеек в ${tables.length} таблицах (${tables.join(', ')}), которых не было в выпуске ${previous.version}, из ${files.join(', ')}`,
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
