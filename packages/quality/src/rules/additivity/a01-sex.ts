import { at } from '../../draft';
import { fmt, sexEn, sexRu, where } from '../../format';
import { sexIdentities } from '../../identities';
import type { Draft, Rule } from '../../model';
import { sourcesOf } from '../../values';
import { checkSum } from './check-sum';

/** MCH-A01 sex additivity: `_T = M + F (+ _U)`. */
export const A01: Rule = {
  id: 'MCH-A01',
  severity: 'error',
  defaults: { tolerance: 0, tolerance_share: 0 },
  check(ctx) {
    const drafts: Draft[] = [];
    for (const slice of ctx.index.slices) {
      for (const id of sexIdentities(slice, ctx.index)) {
        const f = checkSum(ctx, id);
        if (!f) continue;
        const w = where(id.total);
        const en = f.parts.map((p) => `${sexEn(p.code)} ${fmt(p.value)}`).join(' + ');
        const ru = f.parts.map((p) => `${sexRu(p.code)} ${fmt(p.value)}`).join(' + ');
        drafts.push({
          ...at(id.total),
          values: f.values,
          sources: sourcesOf([id.total, ...id.parts]),
          message: `${w.en}: total ${fmt(f.total)} ≠ ${en} = ${fmt(f.sum)}, difference ${fmt(f.difference)}`,
          message_ru: `${w.ru}: всего ${fmt(f.total)} ≠ ${ru} = ${fmt(f.sum)}, разница ${fmt(f.difference)}`,
        });
      }
    }
    return drafts;
  },
};
