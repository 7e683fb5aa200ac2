import type { Observation } from '@mch/core';
import { breakLookup } from '../../breaks';
import { at } from '../../draft';
import { fmt, pct, sexEn, sexRu, typeEn, typeRu, where } from '../../format';
import type { DataIndex } from '../../index-data';
import type { Draft, Rule, RuleContext } from '../../model';
import { getOrCreate, sourcesOf } from '../../values';
import { medianAndMad } from '../../stats';
import { type SeriesColumns, seriesColumns } from './t01-series';

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
    const columns = seriesColumns(index);
    const isBreak = breakLookup(ctx.input);
    const breakAt = index.slices.map((s) => isBreak(s.ref_area, s.table, s.time_period) !== undefined);
    const bySlice: ({ checked: number; jumps: Jump[] } | undefined)[] = [];
    let longest = 0;
    for (let k = 0; k < columns.count; k++) longest = Math.max(longest, columns.start[k + 1]! - columns.start[k]!);
    const scratch = new Float64Array(longest);
    for (let k = 0; k < columns.count; k++) checkSeries(ctx, columns, k, breakAt, bySlice, scratch);
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

/**
 * Counts each checked point of series k in its slice's group and keeps the points that jumped
 * there; the series' points and values become arrays of their own only when one of them jumped.
 */
function checkSeries(ctx: RuleContext, c: SeriesColumns, k: number, breakAt: readonly boolean[], bySlice: ({ checked: number; jumps: Jump[] } | undefined)[], scratch: Float64Array): void {
  const from = c.start[k]!;
  const to = c.start[k + 1]!;
  const r = c.points[from]!.ref_area;
  const min = ctx.setting(r, 'min_size');
  const threshold = ctx.setting(r, 'threshold');
  const zLimit = ctx.setting(r, 'z_score');
  const spread = to - from >= MIN_POINTS_FOR_Z ? medianAndMad(c.values, from, to, scratch) : undefined;
  // a MAD of 0 gives no z-score
  const z = spread && spread.mad !== 0 ? spread : undefined;
  let points: Observation[] | undefined;
  let values: number[] | undefined;
  for (let at = from; at < to; at++) {
    const o = c.points[at]!;
    const v = c.values[at]!;
    const i = at - from;
    const prev = i > 0 && c.points[at - 1]!.time_period === o.time_period - 1 ? i - 1 : -1;
    const p = prev >= 0 ? c.values[at - 1]! : undefined;
    const big = Math.max(v, p ?? 0) >= min;
    if (!big || (p === undefined && z === undefined)) continue;
    const slice = c.slice[at]!;
    if (o.obs_status === 'B' || breakAt[slice]) {
      ctx.skipped(r);
      continue;
    }
    ctx.checked(r);
    const change = p === undefined ? undefined : p === 0 ? Number.POSITIVE_INFINITY : (v - p) / p;
    const jump = change !== undefined && Math.abs(change) > threshold;
    const zi = z ? (0.6745 * (v - z.median)) / z.mad : undefined;
    const outlier = zi !== undefined && v >= min && Math.abs(zi) > zLimit;
    let g = bySlice[slice];
    if (!g) {
      g = { checked: 0, jumps: [] };
      bySlice[slice] = g;
    }
    g.checked++;
    if (!jump && !outlier) continue;
    if (!points || !values) {
      points = c.points.slice(from, to);
      values = Array.from(c.values.subarray(from, to));
    }
    g.jumps.push({ cell: c.cell[k]!, points, values, i, prev, change, z: zi, jump, outlier });
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
