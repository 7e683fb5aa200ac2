import { fmt, pct, sexEn, sexRu } from '../../format';
import { cellKey } from '../../index-data';
import type { BenchmarkValue, Draft, Rule, RuleContext } from '../../model';
import { exceeds, sourcesOf, usable } from '../../values';

const SERIES = {
  ims2019: { en: 'UN DESA International Migrant Stock 2019', ru: 'Международный мигрантский контингент ООН 2019' },
  wpp2024: { en: 'UN WPP 2024 net migration', ru: 'чистая миграция по WPP ООН 2024' },
} as const;

/**
 * MCH-B01 benchmarks, where configured: foreign-born stock (the foreign-born table's total) against
 * UN DESA IMS 2019, net migration (immigration − emigration totals) against UN WPP 2024. Flagged
 * when the country's figure departs from the benchmark by more than the relative tolerance.
 */
export const B01: Rule = {
  id: 'MCH-B01',
  severity: 'info',
  defaults: { tolerance_share: 0.5 },
  check(ctx) {
    return (ctx.input.benchmarks ?? []).flatMap((b) => compare(ctx, b));
  },
};

function national(ctx: RuleContext, b: BenchmarkValue) {
  const { tableSet } = ctx.input;
  const total = (table: string | undefined, type: string) => {
    if (!table) return undefined;
    const age = ctx.index.tables.get(table)?.breakdown === 'AGE';
    return ctx.index.slice(b.ref_area, table, b.time_period, type)?.cells.get(age ? cellKey(b.sex, '_T', '') : cellKey(b.sex, '', '_T'));
  };
  if (b.series === 'ims2019') {
    const o = total(tableSet.foreign_born?.stock_table, '');
    const v = usable(o);
    return v === undefined ? undefined : { value: v, cells: [o], table: o!.table };
  }
  for (const type of ['LT', 'NAT']) {
    const i = total(tableSet.mirror?.immigration, type);
    const e = total(tableSet.mirror?.emigration, type);
    const iv = usable(i);
    const ev = usable(e);
    if (iv !== undefined && ev !== undefined) return { value: iv - ev, cells: [i, e], table: `${i!.table}−${e!.table}` };
  }
  return undefined;
}

function compare(ctx: RuleContext, b: BenchmarkValue): Draft[] {
  if (!ctx.index.countries.includes(b.ref_area)) return [];
  const mine = national(ctx, b);
  if (!mine) {
    ctx.skipped(b.ref_area);
    return [];
  }
  ctx.checked(b.ref_area);
  const share = ctx.setting(b.ref_area, 'tolerance_share');
  const diff = mine.value - b.value;
  if (!exceeds(diff, b.value, ctx.setting(b.ref_area, 'tolerance'), share)) return [];
  const s = SERIES[b.series];
  const sex = b.sex === '_T' ? '' : ` ${sexEn(b.sex)}`;
  const sexR = b.sex === '_T' ? '' : ` ${sexRu(b.sex)}`;
  const rel = b.value !== 0 ? `, ${pct(diff / Math.abs(b.value))}` : '';
  return [
    {
      key: `${b.series}|${b.ref_area}|${b.time_period}|${b.sex}`,
      ref_area: b.ref_area,
      table: mine.table,
      time_period: b.time_period,
      migr_type: '',
      sex: b.sex,
      age: '',
      partner: '',
      values: { national: mine.value, benchmark: b.value, difference: diff },
      sources: sourcesOf(mine.cells),
      message: `${mine.table} ${b.ref_area} ${b.time_period}${sex}: national ${fmt(mine.value)} against ${s.en} ${fmt(b.value)}, difference ${fmt(diff)}${rel}`,
      message_ru: `${mine.table} ${b.ref_area} ${b.time_period}${sexR}: национальные данные ${fmt(mine.value)} против «${s.ru}» ${fmt(b.value)}, разница ${fmt(diff)}${rel}`,
    },
  ];
}
