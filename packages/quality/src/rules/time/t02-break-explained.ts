import { atTableYear } from '../../draft';
import type { Observation } from '@mch/core';
import { breakLookup } from '../../breaks';
import { fmt } from '../../format';
import type { Draft, Rule } from '../../model';
import { pushTo, sourcesOf } from '../../values';

/** MCH-T02: every `B` is explained in the break register or the country's metadata, so the notes can say what changed. */
export const T02: Rule = {
  id: 'MCH-T02',
  severity: 'warning',
  defaults: {},
  check(ctx) {
    const flagged = new Map<string, Observation[]>();
    for (const s of ctx.index.slices) {
      for (const o of s.cells) {
        if (!o.derived && o.obs_status === 'B') pushTo(flagged, `${o.ref_area}|${o.table}|${o.time_period}`, o);
      }
    }
    const explained = breakLookup(ctx.input);
    const drafts: Draft[] = [];
    for (const cells of flagged.values()) {
      const o = cells[0]!;
      ctx.checked(o.ref_area);
      if (explained(o.ref_area, o.table, o.time_period)) continue;
      const head = `${o.table} ${o.ref_area} ${o.time_period}`;
      drafts.push({
        ...atTableYear(o, 'break'),
        values: { cells: cells.length },
        sources: sourcesOf(cells.slice(0, 20)),
        message: `${head}: ${fmt(cells.length)} cells marked as a break in series (b), but no break is registered for ${o.time_period} in the break register or the country's metadata`,
        message_ru: `${head}: ${fmt(cells.length)} ячеек отмечены как разрыв ряда (b), но разрыв ${o.time_period} года не зарегистрирован ни в реестре разрывов, ни в метаданных страны`,
      });
    }
    return drafts;
  },
};
