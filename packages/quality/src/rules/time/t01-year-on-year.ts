import type { Observation } from '@mch/core';
import { breakLookup } from '../../breaks';
import { at } from '../../draft';
import { fmt, pct, where } from '../../format';
import type { Draft, Rule, RuleContext } from '../../model';
import { robustZ } from '../../stats';
import { pushTo, sourcesOf, usable } from '../../values';

const MIN_POINTS_FOR_Z = 5;

/**
 * MCH-T01: a year-on-year change above the threshold (cells of at least min_size persons) or a
 * robust z-score above the limit, unless a break is registered; a ratio near 1000 is named as a
 * likely unit error (thousands against persons).
 */
export const T01: Rule = {
  id: 'MCH-T01',
  severity: 'warning',
  defaults: { threshold: 0.5, min_size: 100, z_score: 3.5 },
  check(ctx) {
    const series = new Map<string, Observation[]>();
    for (const s of ctx.index.slices) {
      for (const o of s.cells.values()) {
        if (o.derived || usable(o) === undefined) continue;
        pushTo(series, `${o.ref_area}|${o.table}|${o.migr_type}|${o.sex}|${o.age}|${o.partner}`, o);
      }
    }
    const isBreak = breakLookup(ctx.input);
    const drafts: Draft[] = [];
    for (const points of series.values()) {
      points.sort((a, b) => a.time_period - b.time_period);
      drafts.push(...checkSeries(ctx, points, (o) => o.obs_status === 'B' || isBreak(o.ref_area, o.table, o.time_period) !== undefined));
    }
    return drafts;
  },
};

function checkSeries(ctx: RuleContext, points: Observation[], isBreak: (o: Observation) => boolean): Draft[] {
  const r = points[0]!.ref_area;
  const min = ctx.setting(r, 'min_size');
  const values = points.map((o) => usable(o)!);
  const z = points.length >= MIN_POINTS_FOR_Z ? robustZ(values) : undefined;
  const drafts: Draft[] = [];
  points.forEach((o, i) => {
    const v = values[i]!;
    const prev = i > 0 && points[i - 1]!.time_period === o.time_period - 1 ? i - 1 : -1;
    const p = prev >= 0 ? values[prev]! : undefined;
    const big = Math.max(v, p ?? 0) >= min;
    if (!big || (p === undefined && z === undefined)) return;
    if (isBreak(o)) {
      ctx.skipped(r);
      return;
    }
    ctx.checked(r);
    const change = p === undefined ? undefined : p === 0 ? Number.POSITIVE_INFINITY : (v - p) / p;
    const jump = change !== undefined && Math.abs(change) > ctx.setting(r, 'threshold');
    const zi = z?.[i];
    const outlier = zi !== undefined && v >= min && Math.abs(zi) > ctx.setting(r, 'z_score');
    if (!jump && !outlier) return;
    drafts.push(draft(o, prev >= 0 ? points[prev] : undefined, v, p, change, zi, jump, outlier));
  });
  return drafts;
}

function unitError(v: number, p: number | undefined): boolean {
  if (!p || !v) return false;
  const ratio = v > p ? v / p : p / v;
  return ratio >= 500 && ratio <= 2000;
}

function draft(o: Observation, before: Observation | undefined, v: number, p: number | undefined, change: number | undefined, z: number | undefined, jump: boolean, outlier: boolean): Draft {
  const w = where(o);
  const en: string[] = [];
  const ru: string[] = [];
  if (jump && p !== undefined && change !== undefined) {
    const c = Number.isFinite(change) ? pct(change) : 'from zero';
    const cRu = Number.isFinite(change) ? pct(change) : 'с нуля';
    en.push(`${fmt(p)} in ${o.time_period - 1} → ${fmt(v)} in ${o.time_period}, change ${c}`);
    ru.push(`${fmt(p)} в ${o.time_period - 1} → ${fmt(v)} в ${o.time_period}, изменение ${cRu}`);
  }
  if (outlier && z !== undefined) {
    en.push(`robust z-score ${fmt(Math.round(z * 100) / 100)} against the series`);
    ru.push(`робастная z-оценка ${fmt(Math.round(z * 100) / 100)} относительно ряда`);
  }
  if (unitError(v, p)) {
    en.push('a ratio near 1000: likely reported in thousands in one year and in persons in the other');
    ru.push('отношение около 1000: вероятно, в один год данные даны в тысячах, в другой — в человеках');
  }
  const values: Record<string, number | null> = { previous: p ?? null, value: v };
  if (change !== undefined && Number.isFinite(change)) values.change = Math.round(change * 10000) / 10000;
  if (z !== undefined) values.z_score = Math.round(z * 100) / 100;
  return {
    ...at(o),
    values,
    sources: sourcesOf([before, o]),
    message: `${w.en}: ${en.join('; ')}; no break is registered`,
    message_ru: `${w.ru}: ${ru.join('; ')}; разрыв ряда не зарегистрирован`,
  };
}
