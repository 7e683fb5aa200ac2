import { type Layout, type MigrType, type Sex, stripFootnoteMarkers } from '@mch/core';
import { type CodeResolver, migrTypeOfText, splitYearAt, splitYearPrefix, yearOf } from '../cells/codes';
import { labelProblem } from '../cells/label-text';
import { bilingualParts, collapseSpaces, quote } from '../cells/text';
import type { Grid, GridCell } from './grid';

/** What a header cell says about its column. */
export interface ColumnToken {
  year?: number;
  sex?: Sex;
  migr?: MigrType;
  net?: boolean;
  /** a split year ("2012/13"): no calendar year, so the figures under it are refused */
  splitYear?: string;
  notes: string[];
}

export interface ValueColumn extends ColumnToken {
  col: number;
}

export interface Header {
  firstRow: number;
  lastRow: number;
  firstValueCol: number;
  columns: ValueColumn[];
  /** header cells whose column could not be understood, as "C5 "text"" */
  unknown: string[];
  /** header cells over shares, rates or indices (NOT_COUNTS), as "C5 "text"": columns left unread */
  notCounts: string[];
  /** header cells naming a split year ("2012/13"), as "C5 "text"": the figures under them refused */
  splitYears: string[];
  /** columns right of the first value column that are not value columns: why, so their cells are accounted */
  skipped: Map<number, Skip>;
}

/**
 * Why a column is not a value column. `no-header`: nothing above it; `unknown-header`: a header
 * not understood ("Share, %", "Мужч.") or two years above one column; `bad-header`: a year that
 * cannot be read ("=2011", 1e308); `split-year`: a fiscal or split year ("2012/13"), which is no
 * calendar year; `misaligned-years`: the years stand over neither the first column of their
 * blocks nor the whole block (typed over the middle or last column of each), so which year a
 * column holds cannot be told. `cell` names the header, so the figures under it are refused at
 * their cells, saying why, rather than lost or read under another year or sex.
 */
export type Skip = { why: 'no-header' | 'not-counts' } | { why: 'unknown-header' | 'bad-header' | 'split-year' | 'misaligned-years' | 'no-year'; cell: string };

/**
 * A header over figures that are no counts of persons: a share, a percentage, a rate or an index
 * computed from the table's own values. Such a column holds no observation and is left unread
 * (named in a warning), like net migration; any other header not understood has its figures refused.
 */
const NOT_COUNTS = /%|\b(?:share|percent(?:age)?|rate|ratio|index|per\s*1[\s\u00a0]?000)\b|(?:^|[^\p{L}])(?:доля|удельный вес|процент\p{L}*|коэффициент\p{L}*|индекс\p{L}*|на\s*1[\s\u00a0]?000)(?:$|[^\p{L}])/iu;

export interface HeaderResolvers {
  sex: CodeResolver;
  migr: CodeResolver;
}

const NET = /^(?:net(?: migration)?|сальдо(?: миграции)?|миграционный прирост|migration balance)$/iu;
// header rows are searched near the top; titles are short
const MAX_HEADER_SEARCH = 60;
// a header is a type, a year and a sex row at most, with room for a spare: rows of years beyond are data
const MAX_HEADER_ROWS = 8;

export function classifyHeaderCell(text: string, r: HeaderResolvers): ColumnToken | undefined {
  const { text: bare, markers } = stripFootnoteMarkers(collapseSpaces(text));
  const year = yearOf(bare);
  if (year !== undefined) return { year, notes: markers };
  const span = splitYearAt(bare);
  // a header row of split years is still found as the year row, so that its figures are refused, not lost
  if (span) return { ...(span.rest ? classifyPlain(span.rest, r) : undefined), splitYear: span.span, notes: markers };
  const plain = classifyPlain(bare, r);
  if (plain) return { ...plain, notes: markers };
  const split = splitYearPrefix(bare);
  if (split) {
    const rest = classifyPlain(split.rest, r);
    if (rest) return { ...rest, year: split.year, notes: markers };
  }
  return undefined;
}

function classifyPlain(text: string, r: HeaderResolvers): Omit<ColumnToken, 'notes'> | undefined {
  const t = collapseSpaces(text);
  if (!t) return undefined;
  const parts = bilingualParts(t);
  if (parts) {
    // "Men / Мужчины": each language must say the same thing
    const read = parts.map((p) => classifyPlain(p, r));
    const first = JSON.stringify(read[0]);
    return read[0] && read.every((x) => JSON.stringify(x) === first) ? read[0] : undefined;
  }
  if (NET.test(t)) return { net: true };
  const sex = r.sex.resolve(t);
  if (sex.kind === 'code') return { sex: sex.code as Sex };
  const migr = migrTypeOfText(t, r.migr);
  if (migr) return { migr };
  return undefined;
}

function looksNumeric(text: string): boolean {
  return /^[-−]?[\d\s\u00a0',.’]+$/u.test(text.trim()) && /\d/.test(text);
}

/**
 * Finds the header rows: the first row holding reference years (or, where years are not in the
 * columns, sex, type or net labels) right of the first column, and the header rows below it.
 * Each value column gets the year, sex, type carried from merged or block-start cells above.
 */
export function findHeader(g: Grid, r: HeaderResolvers, layout: Layout): Header | undefined {
  const tokensOf = (row: number, minCol: number) => {
    const out = new Map<number, ColumnToken>();
    let numbers = 0;
    for (const [col, cell] of g.rows.get(row) ?? []) {
      if (col < minCol) continue;
      const t = classifyHeaderCell(cell.text, r);
      if (t) out.set(col, t);
      else if (cell.number !== undefined || looksNumeric(cell.text)) numbers++;
    }
    return { tokens: out, numeric: numbers > 0, numbers };
  };
  const first = firstHeaderRow(g, layout.years === 'columns', (row) => tokensOf(row, 2));
  if (first === undefined) return undefined;
  // the value columns start where the first header row's labels start; left of them are category headers
  const minCol = valuesStart(g.rows.get(first), smallest(tokensOf(first, 2).tokens.keys()));
  const isHeaderRow = (row: number) => {
    const { tokens, numeric } = tokensOf(row, minCol);
    const texts = [...(g.rows.get(row) ?? [])].filter(([col, cell]) => col >= minCol && !cell.mergedCopy).length;
    return !numeric && tokens.size > 0 && tokens.size * 2 > texts ? tokens : undefined;
  };
  const rows = [first];
  // a type or year row may sit above the first year row (types in column blocks)
  for (let row = first - 1; row >= 1 && rows.length < MAX_HEADER_ROWS && isHeaderRow(row); row--) rows.unshift(row);
  // found by its sexes, with a row of years above that were not understood («за 2011 г.», a date): that row
  // heads the columns, its figures refused under it, never read under a year the title happens to name
  const unreadYears = layout.years === 'columns' && !hasYears(tokensOf(first, 2).tokens) ? yearsNotUnderstood(g, rows[0]! - 1, minCol) : false;
  if (unreadYears) rows.unshift(rows[0]! - 1);
  let sawSex = rows.some((row) => [...tokensOf(row, minCol).tokens.values()].some((t) => t.sex !== undefined));
  for (let row = first + 1; row <= g.maxRow && rows.length < MAX_HEADER_ROWS; row++) {
    if (!g.rows.has(row)) continue;
    const tokens = isHeaderRow(row);
    if (!tokens) break;
    if (titleAcross(g, row, minCol, tokens, sawSex, layout) && !isHeaderRow(nextRow(g, row))) break;
    const years = [...tokens.values()].some((t) => isYear(t) && t.sex === undefined);
    if (years && sawSex) break; // a year under the sex row is a value, not a header
    sawSex ||= [...tokens.values()].some((t) => t.sex !== undefined);
    rows.push(row);
  }
  return placeYears(g, rows, first, minCol, (row, from) => tokensOf(row, from).tokens, r);
}

/**
 * A block title merged from the label column across the table («Долгосрочные мигранты» over A6:D6,
 * or «Женщины» under a header without sexes), with no header row under it: it starts a block of rows.
 * Taken for a header row, it gave every column its type or sex, and the later block titles were
 * overruled. A type over each block of columns is written in the value columns, not across them
 * from the label column, and stays a header row.
 */
function titleAcross(g: Grid, row: number, minCol: number, tokens: Map<number, ColumnToken>, sawSex: boolean, layout: Layout): boolean {
  const cells = [...(g.rows.get(row) ?? [])];
  const own = (cell: GridCell) => !cell.mergedCopy && cell.text.trim() !== '';
  if (cells.some(([col, cell]) => col >= minCol && own(cell)) || !cells.some(([col, cell]) => col < minCol && own(cell))) return false;
  const all = [...tokens.values()];
  const onlyTypes = layout.migr_type === 'row-blocks' && all.every((t) => t.migr !== undefined && t.sex === undefined);
  const onlySexes = !sawSex && all.every((t) => t.sex !== undefined && t.migr === undefined);
  return all.every((t) => !isYear(t) && !t.net) && (onlyTypes || onlySexes);
}

function nextRow(g: Grid, row: number): number {
  let next = row + 1;
  while (next <= g.maxRow && !g.rows.has(next)) next++;
  return next;
}

/**
 * The header's columns, with its years placed where they can be. Sexes or types below the years
 * that start left of the first year are value columns all the same, never labels. Then: one year
 * alone over a column inside the table is the sheet's year; years over the middle or last column
 * of each block (carried to the right, they would give a column the next block's year) refuse
 * every column; a column left of the first year (a total over the years) is refused alone.
 */
function placeYears(g: Grid, rows: number[], first: number, minCol: number, tokensOf: (row: number, minCol: number) => Map<number, ColumnToken>, r: HeaderResolvers): Header {
  let start = minCol;
  let end = minCol;
  const below = new Map<number, ColumnToken>();
  for (const row of rows) {
    if (row <= first) continue;
    for (const [col, t] of tokensOf(row, 2)) {
      start = Math.min(start, col);
      end = Math.max(end, col);
      if (!below.has(col)) below.set(col, t);
    }
  }
  // where each year begins (a year repeated over every column of its block, or merged, begins once)
  const years: number[] = [];
  let previous: string | undefined;
  for (const [col, t] of [...tokensOf(first, minCol)].sort(([a], [b]) => a - b)) {
    if (!isYear(t)) continue;
    const year = String(t.year ?? t.splitYear);
    if (year !== previous) years.push(col);
    previous = year;
  }
  // the year row holds that year alone: nothing else over the columns (a year not understood, a second year)
  const yearsOnly = [...(g.rows.get(first) ?? [])].filter(([col, cell]) => col >= start && !cell.mergedCopy && cell.text.trim()).length === 1;
  // one year over a column inside the table ("2012" at the top right, or centred over its one block): the sheet's year, as a title gives it
  if (years.length === 1 && start < years[0]! && yearsOnly && rows.some((row) => row > first)) return buildColumns(g, rows.filter((row) => row !== first), r, start);
  const header = buildColumns(g, rows, r, start);
  if (years.length && below.size && blocksMisplaced(years, start, end, below)) return misaligned(header, g, first, minCol);
  // columns left of the first year with a sex or type of their own (a total over all years): no year, so refused, not read under the title's
  const firstYear = years[0];
  if (firstYear !== undefined && start < firstYear) {
    const named: Skip = { why: 'no-year', cell: `${colName(firstYear)}${first}` };
    for (const c of header.columns.filter((v) => v.col < firstYear && v.year === undefined)) header.skipped.set(c.col, named);
    header.columns = header.columns.filter((v) => !header.skipped.has(v.col));
  }
  return header;
}

/**
 * Years that do not stand over the first column of their blocks. Block starts look alike (the same
 * sex or type below each year); and where columns below start left of the first year, they and the
 * columns of the last year make one block's width: the years were typed over the middle or last
 * column of each block, not after an extra column of totals.
 */
function blocksMisplaced(years: readonly number[], start: number, end: number, below: ReadonlyMap<number, ColumnToken>): boolean {
  const firstToken = (col: number) => {
    const t = below.get(col);
    return t ? `${t.sex ?? ''}|${t.migr ?? ''}|${t.net ?? ''}` : '';
  };
  if (years.some((y) => firstToken(y) !== firstToken(years[0]!))) return true;
  if (start >= years[0]! || years.length < 2) return false;
  const width = years[1]! - years[0]!;
  const last = years[years.length - 1]!;
  return years[0]! - start + (end - last + 1) === width;
}

/** A header token naming a year: a calendar year, or a split one whose figures are refused. */
const isYear = (t: ColumnToken) => t.year !== undefined || t.splitYear !== undefined;
const hasYears = (tokens: Map<number, ColumnToken>) => [...tokens.values()].some(isYear);

/**
 * A row above the header that heads its columns with years not understood: two cells or more
 * naming a year over the value columns, or one written as a date or «за 2011 г.». A title or note
 * with a year in it ("Immigrants in 2012", «по состоянию на 01.03.2013») is none: its year is the title's.
 */
function yearsNotUnderstood(g: Grid, row: number, minCol: number): boolean {
  if (row < 1) return false;
  const named = [...(g.rows.get(row) ?? [])].filter(([col, cell]) => col >= minCol && !cell.mergedCopy && /(?:^|\D)(?:19|20)\d{2}(?:\D|$)/u.test(cell.text));
  return named.length >= 2 || named.some(([, cell]) => YEAR_ALONE.test(collapseSpaces(cell.text)));
}

/** A year alone in another form: a date (2012-07-04, 04.07.2012, 7/4/2012) or «за 2011 г.», "for 2011". */
const YEAR_ALONE = /^(?:(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}|(?:за|for|in)\s+(?:19|20)\d{2}\s*(?:г\.?|год[ау]?|year)?)$/iu;

/** Every column of a header whose years do not stand over the first column of their blocks, refused, naming the years. */
function misaligned(header: Header, g: Grid, yearRow: number, firstYearCol: number): Header {
  const years = [...(g.rows.get(yearRow) ?? [])]
    .filter(([col, cell]) => col >= firstYearCol && !cell.mergedCopy && cell.text.trim())
    .slice(0, 3)
    .map(([col, cell]) => `${colName(col)}${yearRow} ${quote(cell.text.slice(0, 20))}`);
  const skip: Skip = { why: 'misaligned-years', cell: years.join(', ') };
  const skipped = new Map(header.skipped);
  for (const c of header.columns) skipped.set(c.col, skip);
  for (const [col, s] of skipped) if (s.why === 'no-header') skipped.set(col, skip);
  return { ...header, columns: [], skipped, unknown: [...header.unknown, `the years ${skip.cell} stand over neither the first column of their blocks nor the whole block`] };
}

function firstHeaderRow(g: Grid, wantYear: boolean, tokensOf: (row: number) => { tokens: Map<number, ColumnToken>; numbers: number }): number | undefined {
  const last = Math.min(g.maxRow, MAX_HEADER_SEARCH);
  for (const yearPass of wantYear ? [true, false] : [false]) {
    for (let row = 1; row <= last; row++) {
      const { tokens, numbers } = tokensOf(row);
      // a year beside more figures than years is a row of data with its year in a column («Россия | 2011 | 101 | 102»),
      // no header of years (a stray number in a row of years leaves it one)
      if (yearPass && numbers > [...tokens.values()].filter((t) => t.year !== undefined).length) continue;
      if ([...tokens.values()].some((t) => (yearPass ? isYear(t) : t.sex !== undefined || t.migr !== undefined || t.net))) return row;
    }
  }
  return undefined;
}

function buildColumns(g: Grid, rows: number[], r: HeaderResolvers, minCol: number): Header {
  const perRow = rows.map((row) => {
    const m = new Map<number, { token?: ColumnToken; text: string; number?: number }>();
    for (const [col, cell] of g.rows.get(row) ?? []) {
      if (col < minCol) continue;
      m.set(col, { token: classifyHeaderCell(cell.text, r), text: cell.text, ...(cell.number !== undefined ? { number: cell.number } : {}) });
    }
    return m;
  });
  const firstValueCol = minCol;
  const columns: ValueColumn[] = [];
  const unknown: string[] = [];
  const notCounts: string[] = [];
  const splitYears: string[] = [];
  const skipped = new Map<number, Skip>();
  // what a header cell spanning columns (merged, or a block start) says about the columns right of it
  const carried: (ColumnToken | Skip | undefined)[] = perRow.map(() => undefined);
  const sexInHeader = perRow.some((m) => [...m.values()].some((v) => v.token?.sex !== undefined));
  for (let col = firstValueCol; col <= g.maxCol; col++) {
    const merged: ColumnToken = { notes: [] };
    let blankLast = false;
    let skip: Skip | undefined;
    // a split year ("2011–2012") over a row of calendar years is their heading; over none, its figures are refused
    let split: Skip | undefined;
    perRow.forEach((m, i) => {
      const here = m.get(col);
      const isLast = i === perRow.length - 1;
      let token: ColumnToken | Skip | undefined = here?.token;
      if (!here && !isLast) token = carried[i];
      const named = here && `${colName(col)}${rows[i]} ${quote(here.text.slice(0, 40))}`;
      if (named && here.token?.splitYear !== undefined) {
        token = { why: 'split-year', cell: named };
      } else if (named && !token) {
        const rate = !brokenYear(here) && NOT_COUNTS.test(here.text);
        token = rate ? { why: 'not-counts' } : { why: brokenYear(here) ? 'bad-header' : 'unknown-header', cell: named };
        (rate ? notCounts : unknown).push(named);
      }
      if (!isLast) carried[i] = here ? token : carried[i];
      if (isLast && !here) blankLast = true;
      // a column is refused when any of its header cells is not understood, read as no counts only when all say so
      if (token && 'why' in token && token.why === 'split-year') split ??= token;
      else if (token && 'why' in token) skip = skip && skipRank(skip) >= skipRank(token) ? skip : token;
      else if (token) mergeToken(merged, token);
    });
    if (split && merged.year === undefined) {
      skip = split;
      if ('cell' in split && !splitYears.includes(split.cell)) splitYears.push(split.cell);
    }
    if (merged.year === -1 && !skip) unknown.push(`${colName(col)}: two different years above one column`);
    if (skip || merged.year === -1) {
      skipped.set(col, skip ?? { why: 'unknown-header', cell: 'two different years above it' });
      continue;
    }
    // below a sex row, a column without its own sex label is a gap, not a value column
    const gap = blankLast && sexInHeader && merged.sex === undefined && !merged.net;
    if (gap || (merged.year === undefined && merged.sex === undefined && merged.migr === undefined && !merged.net)) {
      skipped.set(col, { why: 'no-header' });
      continue;
    }
    columns.push({ col, ...merged });
  }
  return { firstRow: rows[0]!, lastRow: rows[rows.length - 1]!, firstValueCol, columns, unknown, notCounts, splitYears, skipped };
}

/** Which reason of two a column's header cells give wins: a year that cannot be read, then a header not understood (a split year is weighed apart, against the column's years). */
function skipRank(s: Skip): number {
  return s.why === 'bad-header' ? 3 : s.why === 'unknown-header' ? 2 : s.why === 'not-counts' ? 1 : 0;
}

/**
 * A header cell that is no label a header may hold: a number that is no year ("1e+308", 20111),
 * digits in any other form ("=2011", "0x7DB", a date), or formula, markup or control text. The
 * figures under it are refused as under a year that cannot be read.
 */
function brokenYear(cell: { text: string; number?: number }): boolean {
  return cell.number !== undefined || /\d/u.test(cell.text) || labelProblem(cell.text) !== undefined;
}

/**
 * Where the value columns start: at the first year read, or further left at a year that cannot be
 * read ("=2011", 1e308) with only blanks between, so its figures are refused rather than taken
 * for labels.
 */
function valuesStart(row: Map<number, GridCell> | undefined, firstYear: number): number {
  let start = firstYear;
  for (let col = firstYear - 1; col >= 2; col--) {
    const cell = row?.get(col);
    if (!cell) continue;
    if (!brokenYear(cell)) break;
    start = col;
  }
  return start;
}

function smallest(values: Iterable<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < min) min = v;
  return min;
}

function mergeToken(into: ColumnToken, t: ColumnToken): void {
  if (t.year !== undefined) into.year = into.year !== undefined && into.year !== t.year ? -1 : t.year;
  if (t.sex !== undefined) into.sex = t.sex;
  if (t.migr !== undefined) into.migr = t.migr;
  if (t.net) into.net = true;
  for (const n of t.notes) into.notes.push(n);
}

export function colName(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
