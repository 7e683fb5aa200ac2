import type { Observation } from '@mch/core';
import type { DataIndex } from '../../index-data';
import { usable } from '../../values';

/**
 * Every series of one country (a table, type and cell, year by year) laid end to end in flat
 * arrays: series k holds the points start[k] … start[k + 1] − 1, in year order. Built in two
 * passes over the index (count, then place) without an object per series, so the rule's scan
 * allocates nothing but the jumps it finds.
 */
export interface SeriesColumns {
  count: number;
  start: Int32Array;
  /** the cell number (index.cell) of each series */
  cell: Int32Array;
  points: Observation[];
  /** usable(point): checked cells only are laid out */
  values: Float64Array;
  /** the slice id each point came from */
  slice: Int32Array;
}

/** The reported, usable cells of the index as series, numbered in the order they first appear. */
export function seriesColumns(index: DataIndex): SeriesColumns {
  // a series is one (country, table, type) group and a cell: numbered group × cells + cell
  const groups = new Map<string, number>();
  const groupOf = new Int32Array(index.slices.length);
  for (const s of index.slices) {
    const key = `${s.ref_area}|${s.table}|${s.migr_type}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = groups.size;
      groups.set(key, g);
    }
    groupOf[s.id] = g;
  }
  const dense = new Int32Array(groups.size * index.cells).fill(-1);
  const cells: number[] = [];
  const sizes: number[] = [];
  // pass 1: each usable reported point's series, numbered on first sight, and counted
  let n = 0;
  for (const s of index.slices) {
    const base = groupOf[s.id]! * index.cells;
    for (let j = 0; j < s.cells.length; j++) {
      const o = s.cells[j]!;
      if (o.derived || usable(o) === undefined) continue;
      const cell = s.numbers[j]!;
      let id = dense[base + cell]!;
      if (id < 0) {
        id = cells.length;
        dense[base + cell] = id;
        cells.push(cell);
        sizes.push(0);
      }
      sizes[id]!++;
      n++;
    }
  }
  // pass 2: the same points again, each into its series' place (slice order, so year order)
  const count = cells.length;
  const start = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) start[k + 1] = start[k]! + sizes[k]!;
  const next = start.slice(0, count);
  const points = new Array<Observation>(n);
  const values = new Float64Array(n);
  const slice = new Int32Array(n);
  for (const s of index.slices) {
    const base = groupOf[s.id]! * index.cells;
    for (let j = 0; j < s.cells.length; j++) {
      const o = s.cells[j]!;
      if (o.derived) continue;
      const v = usable(o);
      if (v === undefined) continue;
      const at = next[dense[base + s.numbers[j]!]!]!++;
      points[at] = o;
      values[at] = v;
      slice[at] = s.id;
    }
  }
  const out: SeriesColumns = { count, start, cell: Int32Array.from(cells), points, values, slice };
  for (let k = 0; k < count; k++) inYearOrder(out, start[k]!, start[k + 1]!);
  return out;
}

/** Sorts one series by year (stably), unless it came in order, as it does from sorted observations. */
function inYearOrder(c: SeriesColumns, from: number, to: number): void {
  let sorted = true;
  for (let i = from + 1; i < to && sorted; i++) sorted = c.points[i - 1]!.time_period <= c.points[i]!.time_period;
  if (sorted) return;
  const order: number[] = [];
  for (let i = from; i < to; i++) order.push(i);
  order.sort((a, b) => c.points[a]!.time_period - c.points[b]!.time_period || a - b);
  const points = order.map((i) => c.points[i]!);
  const values = order.map((i) => c.values[i]!);
  const slices = order.map((i) => c.slice[i]!);
  for (let k = 0; k < order.length; k++) {
    c.points[from + k] = points[k]!;
    c.values[from + k] = values[k]!;
    c.slice[from + k] = slices[k]!;
  }
}
