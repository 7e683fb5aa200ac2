import { fmt, pct, sexEn, sexRu } from '../../format';
import type { BenchmarkValue, Draft, QualityInput, Rule, RuleContext } from '../../model';
import { isEnabled } from '../../settings';
import { exceeds, sourcesOf, usable } from '../../values';

/**
 * The benchmark series, each with the day it was published: a release compares only with what was
 * published on or before its release date (a 2013 release cannot cite a 2024 benchmark).
 */
export const BENCHMARK_SERIES = {
  ims2019: { en: 'UN DESA International Migrant Stock 2019', ru: 'Международный мигрантский контингент ООН 2019', published: '2019-09-17' },
  wpp2024: { en: 'UN WPP 2024 net migration', ru: 'чистая миграция по WPP ООН 2024', published: '2024-07-11' },
} as const satisfies Record<BenchmarkValue['series'], { en: string; ru: string; published: string }>;

/** Published on or before the release date (both YYYY-MM-DD), so the release may compare with it. */
export function publishedBy(series: BenchmarkValue['series'], releaseDate: string): boolean {
  return BENCHMARK_SERIES[series].published <= releaseDate;
}

/**
 * MCH-B01 benchmarks, where configured: foreign-born stock (the foreign-born table's total) against
 * UN DESA IMS 2019, net migration (immigration − emigration totals) against UN WPP 2024. Flagged
 * when the country's figure departs from the benchmark by more than the relative tolerance. A
 * series published after the release date is not compared: the runner says so as a warning about
 * the run ({@link benchmarkVintageWarnings}), not as a finding of this rule.
 */
export const B01: Rule = {
  id: 'MCH-B01',
  severity: 'info',
  // WPP figures are rounded to thousands: a departure within 1 000 persons says nothing
  defaults: { tolerance_share: 0.5, tolerance: 1000 },
  check(ctx) {
    const date = ctx.input.config.release_date;
    return (ctx.input.benchmarks ?? []).filter((b) => publishedBy(b.series, date)).flatMap((b) => compare(ctx, b));
  },
};

/**
 * One warning about the run for every benchmark series given to it but published after the
 * release date, naming the series, its publication date and the release date; raised by the
 * runner beside the waivers that match nothing (MCH-W01).
 */
export function benchmarkVintageWarnings(input: Pick<QualityInput, 'config' | 'benchmarks'>): { judged: number; drafts: Draft[] } {
  const date = input.config.release_date;
  const given = new Map<BenchmarkValue['series'], number>();
  // a country for which the rule is switched off would compare nothing anyway: nothing to say
  for (const b of input.benchmarks ?? []) if (isEnabled(input.config, 'MCH-B01', b.ref_area)) given.set(b.series, (given.get(b.series) ?? 0) + 1);
  const drafts: Draft[] = [];
  for (const [series, values] of [...given].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (publishedBy(series, date)) continue;
    const s = BENCHMARK_SERIES[series];
    drafts.push({
      key: `benchmark-vintage|${series}`,
      ref_area: '',
      table: '',
      time_period: null,
      migr_type: '',
      sex: '',
      age: '',
      partner: '',
      values: { benchmark_values: values },
      seen: { series, published: s.published, release_date: date },
      sources: [],
      message: `Benchmark ${s.en} (${series}) was published on ${s.published}, after the release date ${date}: MCH-B01 does not compare with it (${fmt(values)} ${values === 1 ? 'figure' : 'figures'} left aside).`,
      message_ru: `Ориентир «${s.ru}» (${series}) опубликован ${s.published}, позже даты выпуска ${date}: MCH-B01 с ним не сравнивает (не использовано значений: ${fmt(values)}).`,
    });
  }
  return { judged: given.size, drafts };
}

function national(ctx: RuleContext, b: BenchmarkValue) {
  const { tableSet } = ctx.input;
  const total = (table: string | undefined, type: string) => {
    if (!table) return undefined;
    const age = ctx.index.tables.get(table)?.breakdown === 'AGE';
    const s = ctx.index.slice(b.ref_area, table, b.time_period, type);
    return age ? ctx.index.get(s, b.sex, '_T', '') : ctx.index.get(s, b.sex, '', '_T');
  };
  if (b.series === 'ims2019') {
    const o = total(tableSet.foreign_born?.stock_table, '');
    const v = usable(o);
    if (v === undefined) return undefined;
    return { value: v, cells: [o], table: o!.table, en: `foreign-born ${fmt(v)}`, ru: `родившиеся за рубежом ${fmt(v)}` };
  }
  for (const type of ['LT', 'NAT']) {
    const i = total(tableSet.mirror?.immigration, type);
    const e = total(tableSet.mirror?.emigration, type);
    const iv = usable(i);
    const ev = usable(e);
    if (iv !== undefined && ev !== undefined) {
      const k = type === 'LT' ? 'long-term' : 'national definition';
      const kRu = type === 'LT' ? 'долгосрочные' : 'национальное определение';
      return {
        value: iv - ev,
        cells: [i, e],
        table: `${i!.table}−${e!.table}`,
        en: `net migration (${k}) = immigrants ${fmt(iv)} (${i!.table}) − emigrants ${fmt(ev)} (${e!.table}) = ${fmt(iv - ev)}`,
        ru: `сальдо миграции (${kRu}) = прибывшие ${fmt(iv)} (${i!.table}) − выбывшие ${fmt(ev)} (${e!.table}) = ${fmt(iv - ev)}`,
      };
    }
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
  const s = BENCHMARK_SERIES[b.series];
  const sex = b.sex === '_T' ? '' : ` ${sexEn(b.sex)}`;
  const sexR = b.sex === '_T' ? '' : ` ${sexRu(b.sex)}`;
  const r = ratioOf(mine.value, b.value);
  const values: Record<string, number | null> = { national: mine.value, benchmark: b.value, difference: diff };
  if (r.ratio !== undefined) values.ratio = r.ratio;
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
      values,
      sources: sourcesOf(mine.cells),
      message: `${mine.table} ${b.ref_area} ${b.time_period}${sex}: ${mine.en} persons against ${s.en} ${fmt(b.value)} persons: difference ${fmt(diff)} persons; ${r.en}`,
      message_ru: `${mine.table} ${b.ref_area} ${b.time_period}${sexR}: ${mine.ru} чел. против «${s.ru}» ${fmt(b.value)} чел.: разница ${fmt(diff)} чел.; ${r.ru}`,
    },
  ];
}

/**
 * The national figure as a share of the benchmark, only where that says something: a net
 * immigration against a net emigration (opposite signs) or a benchmark of zero has no ratio.
 */
function ratioOf(national: number, benchmark: number): { ratio?: number; en: string; ru: string } {
  if (benchmark === 0) return { en: 'no ratio: the benchmark is 0', ru: 'отношение не вычисляется: ориентир равен 0' };
  if (national !== 0 && Math.sign(national) !== Math.sign(benchmark)) {
    const en = (v: number) => (v > 0 ? 'net immigration' : 'net emigration');
    const ru = (v: number) => (v > 0 ? 'чистая иммиграция' : 'чистая эмиграция');
    return {
      en: `no ratio: the national figure is ${en(national)} and the benchmark ${en(benchmark)}, so the signs differ`,
      ru: `отношение не вычисляется: национальный показатель — ${ru(national)}, ориентир — ${ru(benchmark)}, знаки различаются`,
    };
  }
  const ratio = Math.round((national / benchmark) * 10000) / 10000;
  return { ratio, en: `the national figure is ${pct(ratio)} of the benchmark`, ru: `национальный показатель составляет ${pct(ratio)} ориентира` };
}
