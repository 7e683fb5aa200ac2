import type { Observation } from '@mch/core';
import { breakLookup } from '../../breaks';
import { at } from '../../draft';
import { fmt, pct, sexEn, sexRu, typeEn, typeRu, where } from '../../format';
import type { DataIndex } from '../../index-data';
import type { Draft, Rule, RuleContext } from '../../model';
import { robustZ } from '../../stats';
import { getOrCreate, sourcesOf, usable } from '../../values';

const MIN_POINTS_FOR_Z = 5;

/** One cell that moved: its series, where it sits in it, and why it was flagged. */
interface Jump {
  /** the cell number of the series */
  cell: number;
  points: Observation[];
  values: number[];
  i: number;
  prev: number;
  change: number | undefined;
  z: number | undefined;
  jump: boolean;
  outlier: boolean;
}

/**
 * MCH-T01: a year-on-year change above the threshold (cells of at least min_size persons) or a
 * robust z-score above the limit, unless a break is registered; a ratio near 1000 is named as a
 * likely unit error. When most cells of one table, year and type move together (at least
 * `shift_cells` cells and `shift_share` of those checked), that is one level shift of the table —
 * an undeclared break or a unit change — reported once with the count, not once per cell.
 */
export const T01: Rule = {
  id: 'MCH-T01',
  severity: 'warning',
  defaults: { threshold: 0.5, min_size: 100, z_score: 3.5, shift_cells: 5, shift_share: 0.5 },
  check(ctx) {
    const { index } = ctx;
    // a series is one country, table, type and cell: its number is the (country, table, type)
    // group's times the cell count plus the cell, so no string is built per observation
    const groups = new Map<string, number>();
    const series = new Map<number, Series>();
    for (const s of index.slices) {
      const group = `${s.ref_area}|${s.table}|${s.migr_type}`;
      let g = groups.get(group);
      if (g === undefined) {
        g = groups.size;
        groups.set(group, g);
      }
      const base = g * index.cells;
      for (const [cell, o] of s.cells) {
        if (o.derived || usable(o) === undefined) continue;
        let one = series.get(base + cell);
        if (!one) {
          one = { cell, points: [], slices: [] };
          series.set(base + cell, one);
        }
        one.points.push(o);
        one.slices.push(s.id);
      }
    }
    const isBreak = breakLookup(ctx.input);
    const breakAt = index.slices.map((s) => isBreak(s.ref_area, s.table, s.time_period) !== undefined);
    const bySlice: ({ checked: number; jumps: Jump[] } | undefined)[] = [];
    for (const one of series.values()) {
      inYearOrder(one);
      checkSeries(ctx, one, breakAt, bySlice);
    }
    const drafts: Draft[] = [];
    for (const g of bySlice) {
      if (!g) continue;
      const { checked, jumps } = g;
      const r = jumps[0]?.points[0]?.ref_area;
      if (!r) continue;
      const shift = jumps.length >= ctx.setting(r, 'shift_cells') && jumps.length / checked >= ctx.setting(r, 'shift_share');
      if (shift) drafts.push(levelShift(ctx, jumps, checked));
      else for (const d of bySex(index, jumps)) drafts.push(d);
    }
    return drafts;
  },
};

/** One cell's values year by year, and the slice each came from. */
interface Series {
  /** the cell number (index.cell) */
  cell: number;
  points: Observation[];
  slices: number[];
}

/** Sorts a series by year (stably), unless it came in order, as it nearly always does. */
function inYearOrder(one: Series): void {
  const { points } = one;
  let sorted = true;
  for (let i = 1; i < points.length && sorted; i++) sorted = points[i - 1]!.time_period <= points[i]!.time_period;
  if (sorted) return;
  const order = points.map((_, i) => i).sort((a, b) => points[a]!.time_period - points[b]!.time_period || a - b);
  one.points = order.map((i) => points[i]!);
  one.slices = order.map((i) => one.slices[i]!);
}

/** Counts each checked point in its slice's group and keeps the points that jumped there. */
function checkSeries(ctx: RuleContext, one: Series, breakAt: readonly boolean[], bySlice: ({ checked: number; jumps: Jump[] } | undefined)[]): void {
  const { points } = one;
  const r = points[0]!.ref_area;
  const min = ctx.setting(r, 'min_size');
  const threshold = ctx.setting(r, 'threshold');
  const zLimit = ctx.setting(r, 'z_score');
  const values = points.map((o) => usable(o)!);
  const z = points.length >= MIN_POINTS_FOR_Z ? robustZ(values) : undefined;
  for (let i = 0; i < points.length; i++) {
    const o = points[i]!;
    const v = values[i]!;
    const prev = i > 0 && points[i - 1]!.time_period === o.time_period - 1 ? i - 1 : -1;
    const p = prev >= 0 ? values[prev]! : undefined;
    const big = Math.max(v, p ?? 0) >= min;
    if (!big || (p === undefined && z === undefined)) continue;
    if (o.obs_status === 'B' || breakAt[one.slices[i]!]) {
      ctx.skipped(r);
      continue;
    }
    ctx.checked(r);
    const change = p === undefined ? undefined : p === 0 ? Number.POSITIVE_INFINITY : (v - p) / p;
    const jump = change !== undefined && Math.abs(change) > threshold;
    const zi = z?.[i];
    const outlier = zi !== undefined && v >= min && Math.abs(zi) > zLimit;
    const slice = one.slices[i]!;
    let g = bySlice[slice];
    if (!g) {
      g = { checked: 0, jumps: [] };
      bySlice[slice] = g;
    }
    g.checked++;
    if (jump || outlier) g.jumps.push({ cell: one.cell, points, values, i, prev, change, z: zi, jump, outlier });
  }
}

/** Men and women moving with their total are told in the total's finding, not once more each. */
function bySex(index: DataIndex, jumps: Jump[]): Draft[] {
  const cellOf = (j: Jump) => j.points[j.i]!;
  // a total's cell number stands for its age and partner
  const totals = new Map<number, Jump>();
  for (const j of jumps) if (cellOf(j).sex === '_T') totals.set(j.cell, j);
  const alike = new Map<Jump, Jump[]>();
  const alone: Jump[] = [];
  for (const j of jumps) {
    const total = cellOf(j).sex === '_T' ? undefined : totals.get(index.withSex(j.cell, '_T'));
    if (total) getOrCreate(alike, total, () => []).push(j);
    else alone.push(j);
  }
  return alone.map((j) => cellDraft(j, alike.get(j) ?? []));
}

/**
 * The smaller figure a unit-error reading needs: whole thousands below 10 are too coarse for a
 * ratio "near 1000" to mean anything (1 → 1 583 is a small row that grew, 12 → 12 400 is a unit).
 */
export const UNIT_ERROR_MIN = 10;

/** Both figures big enough to be read as one in thousands and one in persons. */
function sizeable(v: number, p: number | undefined): boolean {
  return p !== undefined && Math.min(v, p) >= UNIT_ERROR_MIN;
}

function unitError(v: number, p: number | undefined): boolean {
  if (!p || !v || !sizeable(v, p)) return false;
  const ratio = v > p ? v / p : p / v;
  return ratio >= 500 && ratio <= 2000;
}

const seriesOf = (j: Jump): Draft['series'] => ({
  points: j.points.map((o, k) => ({ time_period: o.time_period, value: j.values[k]! })),
  flagged_years: [j.points[j.i]!.time_period],
});

function cellDraft(j: Jump, alike: Jump[]): Draft {
  const o = j.points[j.i]!;
  const v = j.values[j.i]!;
  const p = j.prev >= 0 ? j.values[j.prev] : undefined;
  const w = where(o);
  const en: string[] = [];
  const ru: string[] = [];
  if (j.jump && p !== undefined && j.change !== undefined) {
    const c = Number.isFinite(j.change) ? pct(j.change) : 'from zero';
    const cRu = Number.isFinite(j.change) ? pct(j.change) : 'с нуля';
    en.push(`${fmt(p)} in ${o.time_period - 1} → ${fmt(v)} in ${o.time_period}, change ${c}`);
    ru.push(`${fmt(p)} в ${o.time_period - 1} → ${fmt(v)} в ${o.time_period}, изменение ${cRu}`);
  }
  if (j.outlier && j.z !== undefined) {
    en.push(`robust z-score ${fmt(Math.round(j.z * 100) / 100)} against the series`);
    ru.push(`робастная z-оценка ${fmt(Math.round(j.z * 100) / 100)} относительно ряда`);
  }
  if (unitError(v, p)) {
    en.push('a ratio near 1000: likely reported in thousands in one year and in persons in the other');
    ru.push('отношение около 1000: вероятно, в один год данные даны в тысячах, в другой — в человеках');
  }
  const sexes = alike.map((a) => {
    const c = a.points[a.i]!;
    const before = a.prev >= 0 ? fmt(a.values[a.prev]) : '–';
    return { en: `${sexEn(c.sex)} ${before} → ${fmt(a.values[a.i])}`, ru: `${sexRu(c.sex)} ${before} → ${fmt(a.values[a.i])}` };
  });
  if (sexes.length) {
    en.push(`likewise ${sexes.map((s) => s.en).join(', ')}`);
    ru.push(`так же ${sexes.map((s) => s.ru).join(', ')}`);
  }
  const values: Record<string, number | null> = { previous: p ?? null, value: v };
  if (j.change !== undefined && Number.isFinite(j.change)) values.change = Math.round(j.change * 10000) / 10000;
  if (j.z !== undefined) values.z_score = Math.round(j.z * 100) / 100;
  for (const a of alike) {
    const c = a.points[a.i]!;
    values[`${c.sex}_previous`] = a.prev >= 0 ? a.values[a.prev]! : null;
    values[`${c.sex}_value`] = a.values[a.i]!;
  }
  return {
    ...at(o),
    values,
    sources: jumpSources([j, ...alike]),
    message: `${w.en}: ${en.join('; ')}; no break is registered`,
    message_ru: `${w.ru}: ${ru.join('; ')}; разрыв ряда не зарегистрирован`,
    series: seriesOf(j),
  };
}

/** The cells of every jump, the year before and the year itself. */
function jumpSources(jumps: readonly Jump[]): Draft['sources'] {
  const cells: (Observation | undefined)[] = [];
  for (const j of jumps) {
    cells.push(j.prev >= 0 ? j.points[j.prev] : undefined);
    cells.push(j.points[j.i]);
  }
  return sourcesOf(cells);
}

/** Many cells of one table, year and type moved together: one finding, told by the table's total. */
function levelShift(ctx: RuleContext, jumps: Jump[], checked: number): Draft {
  const o = jumps[0]!.points[jumps[0]!.i]!;
  const table = ctx.index.tables.get(o.table);
  const [age, partner] = table?.breakdown === 'AGE' ? ['_T', ''] : ['', '_T'];
  const totalJump = jumps.find((j) => {
    const c = j.points[j.i]!;
    return c.sex === '_T' && c.age === age && c.partner === partner;
  });
  const lead = totalJump ?? [...jumps].sort((a, b) => b.values[b.i]! - a.values[a.i]!)[0]!;
  const cell = lead.points[lead.i]!;
  const v = lead.values[lead.i]!;
  const p = lead.prev >= 0 ? lead.values[lead.prev] : undefined;
  const up = jumps.filter((j) => (j.change ?? 0) > 0).length;
  // the cells too small to be read as a unit error neither confirm nor refute one
  const before = (j: Jump) => (j.prev >= 0 ? j.values[j.prev] : undefined);
  const readable = jumps.filter((j) => sizeable(j.values[j.i]!, before(j)));
  const units = readable.filter((j) => unitError(j.values[j.i]!, before(j))).length;
  const y = o.time_period;
  const head = `${o.table} ${o.ref_area} ${y}${o.migr_type ? ` ${typeEn(o.migr_type)}` : ''}`;
  const headRu = `${o.table} ${o.ref_area} ${y}${o.migr_type ? ` ${typeRu(o.migr_type)}` : ''}`;
  const label = totalJump ? 'total' : `largest cell (${where({ ...cell, table: '', ref_area: '', time_period: null, migr_type: '' }).en})`;
  const labelRu = totalJump ? 'итог' : `наибольшая ячейка (${where({ ...cell, table: '', ref_area: '', time_period: null, migr_type: '' }).ru})`;
  const change = lead.change !== undefined && Number.isFinite(lead.change) ? pct(lead.change) : '–';
  const direction = up === jumps.length ? ', all upward' : up === 0 ? ', all downward' : `, ${up} upward, ${jumps.length - up} downward`;
  const directionRu = up === jumps.length ? ', все вверх' : up === 0 ? ', все вниз' : `, ${up} вверх, ${jumps.length - up} вниз`;
  const unitEn = units * 2 > readable.length ? '; ratios near 1000: likely reported in thousands in one year and in persons in the other' : '; looks like an undeclared break in series or a change of source: ask the office what changed';
  const unitRu = units * 2 > readable.length ? '; отношения около 1000: вероятно, в один год данные даны в тысячах, в другой — в человеках' : '; похоже на незаявленный разрыв ряда или смену источника: уточните у национальной службы, что изменилось';
  const values: Record<string, number | null> = { cells_checked: checked, cells_changed: jumps.length, previous: p ?? null, value: v };
  if (lead.change !== undefined && Number.isFinite(lead.change)) values.change = Math.round(lead.change * 10000) / 10000;
  return {
    ...at(cell, '|level-shift'),
    values,
    sources: jumpSources(jumps),
    message: `${head}: ${fmt(jumps.length)} of ${fmt(checked)} cells changed by more than ${pct(ctx.setting(o.ref_area, 'threshold'))} since ${y - 1}${direction}; ${label} ${fmt(p)} in ${y - 1} → ${fmt(v)} in ${y}, change ${change}${unitEn}; no break is registered`,
    message_ru: `${headRu}: ${fmt(jumps.length)} из ${fmt(checked)} ячеек изменились более чем на ${pct(ctx.setting(o.ref_area, 'threshold'))} по сравнению с ${y - 1}${directionRu}; ${labelRu} ${fmt(p)} в ${y - 1} → ${fmt(v)} в ${y}, изменение ${change}${unitRu}; разрыв ряда не зарегистрирован`,
    series: seriesOf(lead),
  };
}
