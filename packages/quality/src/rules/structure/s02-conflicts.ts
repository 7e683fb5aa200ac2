import { at } from '../../draft';
import { fmt, where } from '../../format';
import type { Draft, Rule } from '../../model';
import { sourcesOf } from '../../values';

/** MCH-S02: two files of a release disagree on a key and neither supersedes the other. */
export const S02: Rule = {
  id: 'MCH-S02',
  severity: 'error',
  defaults: {},
  check(ctx) {
    for (const s of ctx.index.slices) {
      for (const o of s.cells) if (!o.derived) ctx.checked(o.ref_area);
    }
    return ctx.input.data.conflicts.map((c): Draft => {
      const first = c.observations[0]!;
      const w = where(first);
      const values: Record<string, number | null> = {};
      c.observations.forEach((o, i) => {
        values[`value_${i + 1}`] = o.obs_value;
      });
      const said = (verb: string) =>
        c.observations.map((o) => `${o.source?.file ?? '?'} ${o.source?.sheet ? `${o.source.sheet}!` : ''}${o.source?.cell ?? ''} ${verb} ${fmt(o.obs_value)}`);
      return {
        ...at(first),
        key: c.key,
        values,
        sources: sourcesOf(c.observations),
        message: `${w.en}: ${said('says').join('; ')}; neither file supersedes the other`,
        message_ru: `${w.ru}: ${said('—').join('; ')}; ни один файл не заменяет другой`,
      };
    });
  },
};
