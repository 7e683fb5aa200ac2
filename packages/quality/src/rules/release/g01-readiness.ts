import type { CountrySettings } from '@mch/core';
import type { Slice } from '../../index-data';
import type { Draft, Rule, RuleContext } from '../../model';
import { countryOf } from '../../settings';

/**
 * MCH-G01 release readiness: every country with data in the release has recorded clearance for
 * publication and complete metadata: reference date, territory and definition basis per table it
 * sent, and the coverage of labour migrants and refugees.
 */
export const G01: Rule = {
  id: 'MCH-G01',
  severity: 'error',
  defaults: {},
  check(ctx) {
    const sent = new Map<string, Set<string>>();
    for (const s of ctx.index.slices) {
      if (s.reported === 0) continue;
      const tables = sent.get(s.ref_area) ?? new Set<string>();
      sent.set(s.ref_area, tables.add(s.table));
    }
    const drafts: Draft[] = [];
    for (const r of [...sent.keys()].sort()) {
      const cs = countryOf(ctx.input.config, r);
      for (const d of [clearance(ctx, r, cs), metadata(ctx, r, cs, [...(sent.get(r) ?? [])].sort())].flat()) drafts.push(d);
    }
    return drafts;
  },
};

function base(r: string, key: string): Omit<Draft, 'values' | 'message' | 'message_ru'> {
  return { key: `${r}|${key}`, ref_area: r, table: '', time_period: null, migr_type: '', sex: '', age: '', partner: '', sources: [] };
}

function clearance(ctx: RuleContext, r: string, cs: CountrySettings | undefined): Draft[] {
  ctx.checked(r);
  if (cs?.clearance?.cleared) return [];
  return [
    {
      ...base(r, 'clearance'),
      values: { cleared: 0 },
      message: `${r}: no clearance for publication is recorded in the release configuration`,
      message_ru: `${r}: в конфигурации выпуска не записано согласие на публикацию`,
    },
  ];
}

const ITEMS = {
  reference_date: { en: 'reference date', ru: 'дата отсчёта' },
  territory: { en: 'territory', ru: 'территория' },
  definition_basis: { en: 'definition basis', ru: 'основа определения' },
} as const;

function metadata(ctx: RuleContext, r: string, cs: CountrySettings | undefined, tables: string[]): Draft[] {
  const meta = ctx.input.data.metadata.filter((m) => m.ref_area === r);
  const said = (t: string, field: 'reference_date' | 'territory' | 'definition_basis') => meta.some((m) => m.table === t && m[field] !== '');
  const allHaveBasis = (s: Slice) => {
    for (const o of s.cells) if (o.definition_basis === '') return false;
    return true;
  };
  const observedBasis = (t: string) => ctx.index.slices.some((s) => s.ref_area === r && s.table === t && allHaveBasis(s));
  const missing: Record<keyof typeof ITEMS, string[]> = {
    // flows cover the calendar year; only stocks need a reference date (sheet or configuration)
    reference_date: tables.filter((t) => ctx.index.tables.get(t)?.kind === 'stock' && !cs?.stock_reference && !said(t, 'reference_date')),
    territory: cs?.territory ? [] : tables.filter((t) => !said(t, 'territory')),
    definition_basis: tables.filter((t) => !(cs?.definition_basis[t] ?? cs?.definition_basis.default) && !said(t, 'definition_basis') && !observedBasis(t)),
  };
  ctx.checked(r, tables.length * 3 + 1);
  const en: string[] = [];
  const ru: string[] = [];
  for (const item of Object.keys(ITEMS) as (keyof typeof ITEMS)[]) {
    if (!missing[item].length) continue;
    en.push(`${ITEMS[item].en} (${missing[item].join(', ')})`);
    ru.push(`${ITEMS[item].ru} (${missing[item].join(', ')})`);
  }
  if (!cs?.coverage) {
    en.push('coverage of labour migrants and refugees');
    ru.push('охват трудовых мигрантов и беженцев');
  }
  if (!en.length) return [];
  return [
    {
      ...base(r, 'metadata'),
      values: {
        reference_date: missing.reference_date.length,
        territory: missing.territory.length,
        definition_basis: missing.definition_basis.length,
        coverage: cs?.coverage ? 0 : 1,
      },
      message: `${r}: metadata incomplete, missing ${en.join('; ')}`,
      message_ru: `${r}: метаданные неполны, отсутствует: ${ru.join('; ')}`,
    },
  ];
}
