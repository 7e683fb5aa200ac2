import type { Observation } from '@mch/core';
import { at } from '../../draft';
import { fmt, where } from '../../format';
import { type Identity, partnerIdentities } from '../../identities';
import type { Draft, Rule } from '../../model';
import { sourcesOf } from '../../values';
import { checkSum, type SumFailure } from './check-sum';

/**
 * MCH-A03 partner additivity: `_T` = Σ countries and residual rows (aggregates excluded, and "of
 * which" rows whose parent row is itself counted); a reported aggregate equals its members when all
 * are listed and is at least their sum otherwise; `CIS + FAR = _T`; "of which" rows are at most
 * their parent row. An aggregate whose membership is unknown for the country is skipped.
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
          ...at(id.total, SUFFIX[id.kind] ?? ''),
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

/** Key suffixes of the identities that share their whole with another one. */
const SUFFIX: Partial<Record<Identity['kind'], string>> = { 'cis-far': '|CIS+FAR', 'of-which': '|of-which' };

function describe(id: Identity, f: SumFailure): { en: string; ru: string } {
  const d = `${fmt(f.difference)}`;
  if (id.kind === 'of-which') return ofWhich(id, f);
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

/** "(ARM.xlsx T04!C9)": where a row's figure stands, so both cells can be found. */
function placeOf(o: Observation): string {
  return o.source ? ` (${o.source.file} ${o.source.sheet ? `${o.source.sheet}!` : 'line '}${o.source.cell})` : '';
}

function ofWhich(id: Identity, f: SumFailure): { en: string; ru: string } {
  const parent = `${id.name} ${fmt(f.total)}${placeOf(id.total)}`;
  const rows = id.parts.map((o, i) => `${o.partner} ${fmt(f.parts[i]?.value)}${placeOf(o)}`);
  const by = fmt(-f.difference);
  if (rows.length === 1) {
    return {
      en: `the "of which" row ${rows[0]} > its parent row ${parent}, by ${by}`,
      ru: `строка «из них» ${rows[0]} больше строки, частью которой она является, ${parent}, на ${by}`,
    };
  }
  const sumText = `${rows.join(' + ')} = ${fmt(f.sum)}`;
  return {
    en: `the "of which" rows under ${id.name}: ${sumText} > the parent row ${parent}, by ${by}`,
    ru: `строки «из них» под ${id.name}: ${sumText} больше строки, частью которой они являются, ${parent}, на ${by}`,
  };
}
