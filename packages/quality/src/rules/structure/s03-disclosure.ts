import type { Observation } from '@mch/core';
import { at } from '../../draft';
import { fmt, where } from '../../format';
import { ageIdentities, type Identity, partnerIdentities, sexIdentities } from '../../identities';
import type { Slice } from '../../index-data';
import type { Draft, Rule } from '../../model';
import { sourcesOf, sum } from '../../values';

const published = (o: Observation): boolean => o.conf_status === 'F' && o.obs_value !== null;
const known = (o: Observation): boolean => o.conf_status === 'F' && (o.obs_value !== null || o.obs_status === 'M');

/**
 * MCH-S03 secondary confidentiality: a published total or derived aggregate whose parts hold exactly
 * one confidential cell, every other part published, gives the confidential value away by
 * subtraction. So does one with two confidential parts where the other is itself given away by
 * another identity (or published): disclosures are followed until nothing more can be recovered.
 */
export const S03: Rule = {
  id: 'MCH-S03',
  severity: 'error',
  defaults: {},
  check(ctx) {
    const partitions = ctx.input.codelists.age_partitions;
    const ids: Identity[] = [];
    for (const slice of ctx.index.slices) {
      // an identity is open only with a part that is not free: a slice without one has none
      if (!hasConfidential(slice)) continue;
      const breakdown = ctx.index.tables.get(slice.table)?.breakdown;
      for (const id of sexIdentities(slice, ctx.index)) ids.push(id);
      if (breakdown === 'AGE') for (const id of ageIdentities(slice, ctx.index, partitions)) ids.push(id);
      if (breakdown === 'PARTNER') for (const id of partnerIdentities(slice, ctx.index, ctx.input)) ids.push(id);
    }
    const open: Identity[] = [];
    for (const id of ids) {
      if (!id.exact || !published(id.total) || !id.parts.some((o) => o.conf_status !== 'F')) continue;
      // a part not reported or refused at ingest is one more unknown the rule cannot see: skip, never accuse
      if (!id.complete || ctx.holes.inIdentity(id)) ctx.skipped(id.total.ref_area);
      else {
        ctx.checked(id.total.ref_area);
        open.push(id);
      }
    }
    const disclosed = new Map<Observation, Disclosure>();
    const drafts: Draft[] = [];
    for (let changed = true; changed; ) {
      changed = false;
      for (const id of open) {
        const unknown = id.parts.filter((o) => o.conf_status !== 'F' && !disclosed.has(o));
        if (unknown.length !== 1) continue;
        const others = id.parts.filter((o) => o !== unknown[0]);
        if (!others.every((o) => known(o) || disclosed.has(o))) continue;
        const d = disclosure(id, unknown[0]!, others, disclosed);
        disclosed.set(unknown[0]!, d);
        drafts.push(d.draft);
        changed = true;
      }
    }
    return drafts;
  },
};

function hasConfidential(slice: Slice): boolean {
  for (const o of slice.cells) if (o.conf_status !== 'F') return true;
  return false;
}

interface Disclosure {
  value: number | null;
  draft: Draft;
}

function placeOf(o: Observation): string {
  return o.source ? ` (${o.source.file} ${o.source.sheet ? `${o.source.sheet}!` : 'line '}${o.source.cell})` : '';
}

function disclosure(id: Identity, secret: Observation, others: Observation[], disclosed: Map<Observation, Disclosure>): Disclosure {
  const figure = (o: Observation) => (disclosed.has(o) ? (disclosed.get(o)!.value ?? 0) : (o.obs_value ?? 0));
  const othersSum = sum(others.map(figure));
  const via = others.filter((o) => disclosed.has(o));
  const w = where(id.total);
  const describe = (o: Observation) => where({ ...o, table: '', ref_area: '', time_period: null, migr_type: '' });
  const cell = describe(secret);
  const whole = id.total.derived ? 'derived aggregate' : 'published total';
  const wholeRu = id.total.derived ? 'производный агрегат' : 'публикуемый итог';
  const viaEn = via.length ? `, where the other confidential part ${via.map((o) => describe(o).en || o.sex).join(', ')} is itself disclosed by another total` : '';
  const viaRu = via.length ? `, причём другая конфиденциальная ячейка ${via.map((o) => describe(o).ru || o.sex).join(', ')} сама раскрывается другим итогом` : '';
  const value = id.total.obs_value === null ? null : id.total.obs_value - othersSum;
  return {
    value,
    draft: {
      ...at(id.total, `|${id.kind}|${id.name}|${secret.sex}|${secret.age}|${secret.partner}`),
      values: { total: id.total.obs_value, other_parts: othersSum },
      sources: sourcesOf([id.total, ...id.parts]),
      message: `${w.en}: ${whole} ${fmt(id.total.obs_value)} minus the other parts (${fmt(othersSum)}) discloses the confidential cell ${cell.en || secret.sex}${placeOf(secret)}${viaEn}`,
      message_ru: `${w.ru}: ${wholeRu} ${fmt(id.total.obs_value)} минус остальные слагаемые (${fmt(othersSum)}) раскрывает конфиденциальную ячейку ${cell.ru || secret.sex}${placeOf(secret)}${viaRu}`,
    },
  };
}
