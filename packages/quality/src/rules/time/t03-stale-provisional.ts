import { observationKey } from '@mch/core';
import { at } from '../../draft';
import { fmt, where } from '../../format';
import type { Draft, Rule } from '../../model';
import { sourcesOf } from '../../values';

/**
 * MCH-T03: a value still provisional (`P`) after a release in which it was already provisional.
 * Only the previous release is at hand, so "two releases" counts the previous and this one.
 */
export const T03: Rule = {
  id: 'MCH-T03',
  severity: 'warning',
  defaults: {},
  check(ctx) {
    const previous = ctx.input.previous;
    const wasProvisional = new Set<string>();
    for (const o of previous?.observations ?? []) if (o.obs_status === 'P') wasProvisional.add(observationKey(o));
    const drafts: Draft[] = [];
    for (const s of ctx.index.slices) {
      for (const o of s.cells.values()) {
        if (o.derived || o.obs_status !== 'P') continue;
        if (!previous) {
          ctx.skipped(o.ref_area);
          continue;
        }
        ctx.checked(o.ref_area);
        if (!wasProvisional.has(observationKey(o))) continue;
        const w = where(o);
        const v = ctx.input.config.version;
        drafts.push({
          ...at(o),
          values: { value: o.obs_value },
          sources: sourcesOf([o]),
          message: `${w.en}: ${fmt(o.obs_value)} is still provisional (p) in release ${v}, as it already was in ${previous.version}`,
          message_ru: `${w.ru}: ${fmt(o.obs_value)} всё ещё предварительное (p) в выпуске ${v}, как и в выпуске ${previous.version}`,
        });
      }
    }
    return drafts;
  },
};
