import { at } from '../../draft';
import { fmt, pct, pctOf, where } from '../../format';
import type { Draft, Rule } from '../../model';
import { sourcesOf, usable } from '../../values';

/** MCH-C02: the share of partner `UNK` in the total above a threshold (default 5 %). */
export const C02: Rule = {
  id: 'MCH-C02',
  severity: 'warning',
  defaults: { threshold: 0.05 },
  check(ctx) {
    const drafts: Draft[] = [];
    for (const s of ctx.index.slices) {
      if (ctx.index.tables.get(s.table)?.breakdown !== 'PARTNER') continue;
      const total = ctx.index.get(s, '_T', '', '_T');
      const unk = ctx.index.get(s, '_T', '', 'UNK');
      if (!total || !unk || unk.derived) continue;
      const t = usable(total);
      const u = usable(unk);
      if (t === undefined || u === undefined || t <= 0) {
        ctx.skipped(s.ref_area);
        continue;
      }
      ctx.checked(s.ref_area);
      const share = u / t;
      if (share <= ctx.setting(s.ref_area, 'threshold')) continue;
      const w = where({ ...unk, partner: '' });
      drafts.push({
        ...at(unk),
        values: { unknown: u, total: t, share },
        sources: sourcesOf([unk, total]),
        message: `${w.en}: partner unknown ${fmt(u)} of total ${fmt(t)} = ${pctOf(u, t)}, above ${pct(ctx.setting(s.ref_area, 'threshold'))}`,
        message_ru: `${w.ru}: страна не указана ${fmt(u)} из ${fmt(t)} = ${pctOf(u, t)}, выше ${pct(ctx.setting(s.ref_area, 'threshold'))}`,
      });
    }
    return drafts;
  },
};
