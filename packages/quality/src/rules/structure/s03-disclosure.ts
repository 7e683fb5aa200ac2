import type { Observation } from '@mch/core';
import { at } from '../../draft';
import { fmt, where } from '../../format';
import { ageIdentities, type Identity, partnerIdentities, sexIdentities } from '../../identities';
import type { Draft, Rule, RuleContext } from '../../model';
import { sourcesOf, sum } from '../../values';

const published = (o: Observation): boolean => o.conf_status === 'F' && o.obs_value !== null;
const known = (o: Observation): boolean => o.conf_status === 'F' && (o.obs_value !== null || o.obs_status === 'M');

/**
 * MCH-S03 secondary confidentiality: a published total or derived aggregate whose parts hold exactly
 * one confidential cell, every other part published, gives the confidential value away by subtraction.
 */
export const S03: Rule = {
  id: 'MCH-S03',
  severity: 'error',
  defaults: {},
  check(ctx) {
    const drafts: Draft[] = [];
    const partitions = ctx.input.codelists.age_partitions;
    for (const slice of ctx.index.slices) {
      const breakdown = ctx.index.tables.get(slice.table)?.breakdown;
      const ids = [
        ...sexIdentities(slice),
        ...(breakdown === 'AGE' ? ageIdentities(slice, partitions) : []),
        ...(breakdown === 'PARTNER' ? partnerIdentities(slice, ctx.index, ctx.input) : []),
      ];
      for (const id of ids) {
        const d = disclosure(ctx, id);
        if (d) drafts.push(d);
      }
    }
    return drafts;
  },
};

function disclosure(ctx: RuleContext, id: Identity): Draft | undefined {
  if (!id.complete || !id.exact || !published(id.total)) return undefined;
  const hidden = id.parts.filter((o) => o.conf_status !== 'F');
  if (!hidden.length) return undefined;
  ctx.checked(id.total.ref_area);
  const others = id.parts.filter((o) => o.conf_status === 'F');
  if (hidden.length !== 1 || !others.every(known)) return undefined;
  const secret = hidden[0]!;
  const othersSum = sum(others.map((o) => o.obs_value ?? 0));
  const w = where(id.total);
  const cell = where({ ...secret, table: '', ref_area: '', time_period: null, migr_type: '' });
  const place = secret.source ? ` (${secret.source.file} ${secret.source.sheet ? `${secret.source.sheet}!` : ''}${secret.source.cell})` : '';
  const whole = id.total.derived ? 'derived aggregate' : 'published total';
  const wholeRu = id.total.derived ? 'производный агрегат' : 'публикуемый итог';
  return {
    ...at(id.total, `|${id.kind}|${id.name}|${secret.sex}|${secret.age}|${secret.partner}`),
    values: { total: id.total.obs_value, other_parts: othersSum },
    sources: sourcesOf([id.total, ...id.parts]),
    message: `${w.en}: ${whole} ${fmt(id.total.obs_value)} minus the other published parts (${fmt(othersSum)}) discloses the confidential cell ${cell.en || secret.sex}${place}`,
    message_ru: `${w.ru}: ${wholeRu} ${fmt(id.total.obs_value)} минус остальные публикуемые слагаемые (${fmt(othersSum)}) раскрывает конфиденциальную ячейку ${cell.ru || secret.sex}${place}`,
  };
}
