import { at } from '../../draft';
import { fmt, where } from '../../format';
import { ageIdentities } from '../../identities';
import type { Draft, Rule } from '../../model';
import { sourcesOf } from '../../values';
import { checkSum } from './check-sum';

/** MCH-A02 age additivity: for each complete partition of the code lists, total = Σ groups + `_U`. */
export const A02: Rule = {
  id: 'MCH-A02',
  severity: 'error',
  defaults: { tolerance: 0, tolerance_share: 0 },
  check(ctx) {
    const drafts: Draft[] = [];
    const partitions = ctx.input.codelists.age_partitions;
    for (const slice of ctx.index.slices) {
      if (ctx.index.tables.get(slice.table)?.breakdown !== 'AGE') continue;
      for (const id of ageIdentities(slice, ctx.index, partitions)) {
        // a partition harmonise derived repeats the check of the groups it came from
        if (id.parts.some((o) => o.derived)) continue;
        const f = checkSum(ctx, id);
        if (!f) continue;
        const w = where(id.total);
        const groups = f.parts.filter((p) => p.code !== '_U');
        const groupSum = groups.reduce((s, p) => s + p.value, 0);
        const unknown = f.parts.find((p) => p.code === '_U');
        const uEn = unknown ? ` + age unknown ${fmt(unknown.value)}` : '';
        const uRu = unknown ? ` + возраст не указан ${fmt(unknown.value)}` : '';
        drafts.push({
          ...at(id.total, `|${id.name}`),
          values: f.values,
          sources: sourcesOf([id.total, ...id.parts]),
          message: `${w.en}: total ${fmt(f.total)} ≠ ${groups.length} age groups (${id.name}) ${fmt(groupSum)}${uEn} = ${fmt(f.sum)}, difference ${fmt(f.difference)}`,
          message_ru: `${w.ru}: всего ${fmt(f.total)} ≠ ${groups.length} возрастных групп (${id.name}) ${fmt(groupSum)}${uRu} = ${fmt(f.sum)}, разница ${fmt(f.difference)}`,
        });
      }
    }
    return drafts;
  },
};
