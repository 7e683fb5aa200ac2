import { at } from '../../draft';
import { fmt, where } from '../../format';
import { type Identity, partnerIdentities } from '../../identities';
import type { Draft, Rule } from '../../model';
import { sourcesOf } from '../../values';
import { checkSum, type SumFailure } from './check-sum';

/**
 * MCH-A03 partner additivity: `_T` = Σ countries and residual rows (aggregates excluded); a
 * reported aggregate equals its members when all are listed and is at least their sum otherwise;
 * `CIS + FAR = _T`. An aggregate whose membership is unknown for the country is skipped.
 */
export const A03: Rule = {
  id: 'MCH-A03',
  severity: 'error',
  defaults: { tolerance: 0, tolerance_share: 0 },
  check(ctx) {
    const drafts: Draft[] = [];
    for (const slice of ctx.index.slices) {
      if (ctx.index.tables.get(slice.table)?.breakdown !== 'PARTNER') continue;
      for (const id of partnerIdentities(slice, ctx.index, ctx.input)) {
        const f = checkSum(ctx, id);
        if (!f) continue;
        const w = where({ ...id.total, partner: '' });
        const m = describe(id, f);
        drafts.push({
          ...at(id.total, id.kind === 'cis-far' ? '|CIS+FAR' : ''),
          values: f.values,
          sources: sourcesOf([id.total, ...id.parts]),
          message: `${w.en}: ${m.en}`,
          message_ru: `${w.ru}: ${m.ru}`,
        });
      }
    }
    return drafts;
  },
};

function describe(id: Identity, f: SumFailure): { en: string; ru: string } {
  const d = `${fmt(f.difference)}`;
  if (id.kind === 'partner') {
    return {
      en: `total ${fmt(f.total)} ≠ sum of ${f.parts.length} partner rows ${fmt(f.sum)}, difference ${d}`,
      ru: `всего ${fmt(f.total)} ≠ сумма ${f.parts.length} строк по странам ${fmt(f.sum)}, разница ${d}`,
    };
  }
  if (id.kind === 'cis-far') {
    return {
      en: `total ${fmt(f.total)} ≠ CIS ${fmt(f.values.CIS)} + far abroad ${fmt(f.values.FAR)} = ${fmt(f.sum)}, difference ${d}`,
      ru: `всего ${fmt(f.total)} ≠ СНГ ${fmt(f.values.CIS)} + дальнее зарубежье ${fmt(f.values.FAR)} = ${fmt(f.sum)}, разница ${d}`,
    };
  }
  const members = f.parts.map((p) => `${p.code} ${fmt(p.value)}`).join(' + ');
  if (id.exact) {
    return {
      en: `aggregate ${id.name} ${fmt(f.total)} ≠ its members ${members} = ${fmt(f.sum)}, difference ${d}`,
      ru: `агрегат ${id.name} ${fmt(f.total)} ≠ сумма входящих стран ${members} = ${fmt(f.sum)}, разница ${d}`,
    };
  }
  return {
    en: `aggregate ${id.name} ${fmt(f.total)} < the members listed ${members} = ${fmt(f.sum)}, short by ${fmt(-f.difference)}`,
    ru: `агрегат ${id.name} ${fmt(f.total)} < сумма указанных входящих стран ${members} = ${fmt(f.sum)}, не хватает ${fmt(-f.difference)}`,
  };
}
