import { observationKey } from '@mch/core';
import { at } from '../../draft';
import { fmt, where } from '../../format';
import type { Draft, Rule } from '../../model';
import { sourcesOf } from '../../values';

/** Releases after the first appearance before a provisional value is stale (quality.md: two). */
const STALE_AFTER = 2;

/**
 * MCH-T03: a value still provisional (`P`) two releases after it first appeared as provisional:
 * provisional here and in the two releases before (previous, then history). Where the earlier
 * releases known are fewer and all had it provisional, the rule cannot tell and skips.
 */
export const T03: Rule = {
  id: 'MCH-T03',
  severity: 'warning',
  defaults: {},
  check(ctx) {
    const { previous, history } = ctx.input;
    const earlier = previous ? [previous, ...(history ?? [])] : [];
    // without history the chain beyond the previous release is unknown, not empty
    const complete = history !== undefined;
    const provisional = earlier.map((r) => new Set(r.observations.filter((o) => o.obs_status === 'P' && !o.derived).map(observationKey)));
    const drafts: Draft[] = [];
    for (const s of ctx.index.slices) {
      for (const o of s.cells) {
        if (o.derived || o.obs_status !== 'P') continue;
        const k = observationKey(o);
        let run = 0;
        while (run < provisional.length && provisional[run]!.has(k)) run++;
        if (run < STALE_AFTER && (run < provisional.length || complete)) {
          ctx.checked(o.ref_area);
          continue;
        }
        if (run < STALE_AFTER) {
          ctx.skipped(o.ref_area);
          continue;
        }
        ctx.checked(o.ref_area);
        const w = where(o);
        const since = earlier[run - 1]!.version;
        const seen = earlier
          .slice(0, run)
          .map((r) => r.version)
          .reverse()
          .join(', ');
        const v = ctx.input.config.version;
        drafts.push({
          ...at(o),
          values: { value: o.obs_value, releases_provisional: run + 1 },
          sources: sourcesOf([o]),
          message: `${w.en}: ${fmt(o.obs_value)} is still provisional (p) in release ${v}, ${run} releases after it first appeared as provisional in ${since} (provisional in ${seen}, ${v})`,
          message_ru: `${w.ru}: ${fmt(o.obs_value)} всё ещё предварительное (p) в выпуске ${v}, через ${run} выпуска после первого появления как предварительного в ${since} (предварительное в ${seen}, ${v})`,
        });
      }
    }
    return drafts;
  },
};
