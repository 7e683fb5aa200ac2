import { type CodeLists, type DefinitionBasis, type Observation, type TableDef, cmp, createPartnerResolver, groupBy } from '@mch/core';
import type { ReleaseModel, TableModel } from '../model';
import { publishedObservations } from '../publishable';
import { symbolOf } from '../symbols';
import { bilingual } from '../text';
import { tableNotes } from './notes';
import { ageOrder, migrTypeCompare, partnerOrder, sexCompare } from './order';
import { type Bilingual, releaseScope } from './scope';
import type { PublishedCell, PublishedColumn, PublishedCountry, PublishedRelease, PublishedRow, PublishedTable, ReleaseFrame, TableFrame } from './types';

const VALUE_MARKS = ['E', 'P', 'B'] as const;

/**
 * The release as published, built once: every cell with its value in persons, status, symbol
 * marks, derived mark and notes; rows in questionnaire order; each country's definition basis
 * on its own series. Every writer renders this and decides nothing of its own.
 */
export function publishedRelease(model: ReleaseModel): PublishedRelease {
  // the origins index the harmonised list, which the published release as a whole does not carry
  const { origins: _origins, ...frame } = releaseFrame(model);
  return { ...frame, tables: frame.tables.map((t) => tableWithCountries(model, t)) };
}

/**
 * The release as published without its cells: every published observation with its note
 * numbers, and per table its notes and metadata. A release's writers take one table's cells at a
 * time (`tableWithCountries`), so the cells of every table are never held at once.
 */
export function releaseFrame(model: ReleaseModel): ReleaseFrame {
  const inThousands = new Set<Observation>();
  const selected = publishedObservations(model.data.observations, model.codelists);
  const observations = selected.observations.map((o) => {
    if (o.unit_mult === 0) return o;
    // the value is in persons now: SDMX's UNIT_MULT (and ours) says how to read OBS_VALUE, not the source unit
    const persons: Observation = { ...o, unit_mult: 0 };
    inThousands.add(persons);
    return persons;
  });
  const byTable = groupBy(observations, (o) => o.table);
  const renumbered = new Map<Observation, Observation>();
  const tables = model.tableSet.tables.map((t) => tableFrame(model, t, byTable.get(t.id) ?? [], inThousands, renumbered));
  const all = observations.map((o) => renumbered.get(o) ?? o);
  const bases = [...new Set(all.map((o) => o.definition_basis).filter((b): b is DefinitionBasis => b !== ''))].sort(cmp);
  return { scope: releaseScope(model.config), tables, observations: all, origins: selected.origins, bases };
}

function tableFrame(
  model: ReleaseModel,
  table: TableDef,
  reported: Observation[],
  inThousands: ReadonlySet<Observation>,
  renumbered: Map<Observation, Observation>,
): TableFrame {
  const found = tableNotes(model, table, groupBy(reported, (o) => o.ref_area), inThousands);
  // note_refs of the CSV files are the numbers of the table's notes ([note N] in the workbook and
  // the PX country note), not the country's own markers, which mean nothing outside its file
  // the notes of the published observations: only those that have any (most cells have none)
  const cellNotes = new Map<Observation, number[]>();
  const observations = reported.map((o) => {
    const numbers = found.cells.get(o);
    if (!numbers?.length && !o.note_refs.length) return o;
    const refs = (numbers ?? []).map(String);
    const published = refs.join('|') === o.note_refs.join('|') ? o : { ...o, note_refs: refs };
    if (published !== o) renumbered.set(o, published);
    if (numbers?.length) cellNotes.set(published, numbers);
    return published;
  });
  return { table, notes: found.notes, meta: found.meta, observations, cellNotes, sheetNotes: found.sheet };
}

/** One table of the release with its cells: each country's rows and columns in questionnaire order. */
export function tableWithCountries(model: TableModel, frame: TableFrame): PublishedTable {
  const { table, observations, cellNotes, sheetNotes } = frame;
  const byCountry = groupBy(observations, (o) => o.ref_area);
  const names = createPartnerResolver(model.codelists).names;
  const countries = [...byCountry.keys()].sort(cmp).map((country) => {
    const own = byCountry.get(country)!;
    return publishedCountry(model.codelists, table, country, names(country), own, cellNotes, sheetNotes.get(country) ?? [], frame.meta.find((m) => m.ref_area === country)?.bases ?? []);
  });
  return { table, countries, notes: frame.notes, meta: frame.meta, observations };
}

function publishedCountry(
  codelists: CodeLists,
  table: TableDef,
  country: string,
  name: Bilingual,
  observations: readonly Observation[],
  cellNotes: ReadonlyMap<Observation, number[]>,
  sheetNotes: number[],
  bases: { migr_type: string; text: Bilingual; codes: DefinitionBasis[] }[],
): PublishedCountry {
  const byAge = table.breakdown === 'AGE';
  const order = partnerOrder(codelists);
  const ages = ageOrder(codelists, observations.filter((o) => !o.derived).map((o) => o.age)).compare;
  const types = migrTypeCompare(codelists);
  const item = (o: Observation) => (byAge ? o.age : o.partner);

  const columns = pairs(observations, (o) => o.time_period, (o) => o.sex, (year, sex) => ({ year, sex })).sort(
    (a, b) => a.year - b.year || sexCompare(a.sex, b.sex),
  );
  const rowKeys = pairs(observations, (o) => o.migr_type, item, (migr, code) => ({ migr, code })).sort(
    (a, b) => types(a.migr, b.migr) || (byAge ? ages(a.code, b.code) : order.compare(a.code, b.code)),
  );
  const lookup = cellLookup(table, observations, order.kind);
  const names = createPartnerResolver(codelists).names;
  const label = (code: string): Bilingual => {
    if (!byAge) return names(code);
    const a = codelists.age.find((x) => x.code === code);
    return a ? { en: a.label_en, ru: a.label_ru } : { en: code, ru: code };
  };
  const typeLabel = (migr: string): Bilingual => {
    if (!migr) return { en: '', ru: '' };
    const m = codelists.migr_type.find((x) => x.code === migr);
    const base = m ? { en: m.label_en, ru: m.label_ru } : { en: migr, ru: migr };
    const basis = bases.find((b) => b.migr_type === migr);
    return basis ? { en: `${base.en}: ${basis.text.en}`, ru: `${base.ru}: ${basis.text.ru}` } : base;
  };

  const rows = rowKeys.map((r): PublishedRow => {
    const cells = columns.map((c) => lookup(r.migr, r.code, c.year, c.sex, cellNotes));
    return { migr_type: r.migr, code: r.code, kind: byAge ? 'age' : order.kind(r.code), label: label(r.code), type_label: typeLabel(r.migr), cells, ...rowNotes(columns, cells) };
  });
  const published: PublishedCountry = { ref_area: country, name, columns, rows, notes: [...sheetNotes].sort((a, b) => a - b) };
  CELLS.set(published, gridCellAt(rows, columns, (migr, code, year, sex) => lookup(migr, code, year, sex, cellNotes)));
  return published;
}

/** The published cell of a country's table at any key of the table's cube (`countryCellAt`). */
export type CellAt = (migr: string, code: string, year: number, sex: string) => PublishedCell;

/** Each country table's cells by key, kept beside it: the cubes (PX, JSON-stat) and the PX check ask for every key. */
const CELLS = new WeakMap<PublishedCountry, CellAt>();

/**
 * The cell at any key of the table's cube for one country table of `tableWithCountries`: its own
 * cells as its rows hold them, and outside its rows and columns the hole the model gives (not
 * available, included in another row, cannot exist). One lookup per country table, built once,
 * for every writer that lays the table out as a full cube.
 */
export function countryCellAt(country: PublishedCountry): CellAt {
  const at = CELLS.get(country);
  if (!at) throw new Error(`countryCellAt: the table of ${country.ref_area} was not made by tableWithCountries`);
  return at;
}

/** Each country's `countryCellAt` in one table of `tableWithCountries`, by its code; undefined for a country without a table there. */
export function cellsByCountry(published: Pick<PublishedTable, 'countries'>): (country: string) => CellAt | undefined {
  const cells = new Map(published.countries.map((c) => [c.ref_area, countryCellAt(c)]));
  return (country) => cells.get(country);
}

function gridCellAt(rows: readonly PublishedRow[], columns: readonly PublishedColumn[], hole: CellAt): CellAt {
  const rowAt = new Map<string, Map<string, number>>();
  rows.forEach((r, i) => {
    child(rowAt, r.migr_type, () => new Map<string, number>()).set(r.code, i);
  });
  const columnAt = new Map<number, Map<string, number>>();
  columns.forEach((c, j) => {
    child(columnAt, c.year, () => new Map<string, number>()).set(c.sex, j);
  });
  return (migr, code, year, sex) => {
    const i = rowAt.get(migr)?.get(code);
    const j = i === undefined ? undefined : columnAt.get(year)?.get(sex);
    return j === undefined ? hole(migr, code, year, sex) : rows[i!]!.cells[j]!;
  };
}

/** The notes a row's cells refer to and, per note, its years where not every year of the row; most rows have none. */
function rowNotes(columns: readonly PublishedColumn[], cells: readonly PublishedCell[]): Pick<PublishedRow, 'notes' | 'note_years'> {
  const note_years: Record<number, number[]> = {};
  if (!cells.some((c) => c.notes.length)) return { notes: [], note_years };
  const notes = [...new Set(cells.flatMap((c) => c.notes))].sort((a, b) => a - b);
  const rowYears = new Set(columns.filter((_, j) => cells[j]!.observation).map((c) => c.year));
  for (const n of notes) {
    const years = [...new Set(columns.filter((_, j) => cells[j]!.notes.includes(n)).map((c) => c.year))].sort((a, b) => a - b);
    if (years.length < rowYears.size) note_years[n] = years;
  }
  return { notes, note_years };
}

/**
 * The published cell at any key of one country's table, also where the country has no row or
 * column for it: a hole is "included in another row" where the country reported "Other
 * countries" for that column (the partner is inside it), "not applicable" for the country itself
 * as previous or next residence, else not available.
 */
export function cellLookup(table: TableDef, observations: readonly Observation[], kindOf: (code: string) => string) {
  const byAge = table.breakdown === 'AGE';
  // one grid of rows (migration type, row code) by columns (year, sex): no map per row and year
  const rowOf = new Map<string, Map<string, number>>();
  const yearOf = new Map<number, number>();
  const sexOf = new Map<string, number>();
  let rowCount = 0;
  for (const o of observations) {
    const rows = child(rowOf, o.migr_type, () => new Map<string, number>());
    const code = byAge ? o.age : o.partner;
    if (!rows.has(code)) rows.set(code, rowCount++);
    if (!yearOf.has(o.time_period)) yearOf.set(o.time_period, yearOf.size);
    if (!sexOf.has(o.sex)) sexOf.set(o.sex, sexOf.size);
  }
  const sexes = sexOf.size;
  const width = yearOf.size * sexes;
  const grid: (Observation | undefined)[] = new Array(rowCount * width);
  const slot = (migr: string, code: string, year: number, sex: string): number => {
    const row = rowOf.get(migr)?.get(code);
    const y = yearOf.get(year);
    const s = sexOf.get(sex);
    return row === undefined || y === undefined || s === undefined ? -1 : row * width + y * sexes + s;
  };
  // a key given twice keeps its last observation
  for (const o of observations) grid[slot(o.migr_type, byAge ? o.age : o.partner, o.time_period, o.sex)] = o;
  const find = (migr: string, code: string, year: number, sex: string) => {
    const i = slot(migr, code, year, sex);
    return i < 0 ? undefined : grid[i];
  };
  return (migr: string, code: string, year: number, sex: string, cellNotes: ReadonlyMap<Observation, number[]>): PublishedCell => {
    const o = find(migr, code, year, sex);
    if (o) return publishedCell(o, cellNotes.get(o) ?? []);
    // a country's own code as previous or next residence cannot exist (tables.yaml own_country_allowed)
    if (!byAge && table.own_country_allowed === false && code === observations[0]?.ref_area) return HOLES.M;
    const other = byAge || code === '_T' ? undefined : find(migr, 'OTH', year, sex);
    if (other === undefined || other.obs_status === 'O' || other.obs_status === 'M') return HOLES.O;
    const kind = kindOf(code);
    return kind === 'country' || kind === 'former' ? HOLES.ELSEWHERE : HOLES.O;
  };
}

/** The map under `key`, made when it is not there yet. */
function child<K, M>(parent: Map<K, M>, key: K, make: () => M): M {
  let map = parent.get(key);
  if (map === undefined) {
    map = make();
    parent.set(key, map);
  }
  return map;
}

/**
 * The empty list of a cell without markers or notes, one for all: a release has millions of
 * cells and most have neither. Frozen, so a writer that tried to add to it would fail loudly.
 */
const NONE = Object.freeze([]) as unknown as never[];

function hole(status: 'O' | 'M' | 'ELSEWHERE'): PublishedCell {
  return Object.freeze({ value: null, status, conf: 'F', derived: false, dash: false, markers: NONE, notes: NONE, observation: null });
}

/**
 * The three kinds of hole, one cell each for all tables: most cells of a release's cubes are
 * holes (PX and JSON-stat hold every combination). Frozen like NONE, since writers only read.
 */
const HOLES = { O: hole('O'), M: hole('M'), ELSEWHERE: hole('ELSEWHERE') } as const;

export function publishedCell(o: Observation, notes: number[]): PublishedCell {
  const free = o.conf_status === 'F';
  const value = free ? o.obs_value : null;
  const status = free ? o.obs_status : 'Q';
  const markers = value === null ? NONE : markersOf(status, o.derived);
  const sorted = notes.length ? [...notes].sort((a, b) => a - b) : NONE;
  return { value, status, conf: o.conf_status, derived: o.derived, dash: value === 0 && status === 'A' && reportedAsDash(o), markers, notes: sorted, observation: o };
}

/** The marks beside a value of a status, derived or not: one frozen list per pair, asked for by every cell. */
function markersOf(status: string, derived: boolean): string[] {
  const known = derived ? MARKERS_DERIVED : MARKERS;
  let markers = known.get(status);
  if (markers === undefined) {
    const marked = derived || (VALUE_MARKS as readonly string[]).includes(status);
    markers = marked ? Object.freeze([...VALUE_MARKS.filter((s) => s === status).map((s) => symbolOf(s).excel), ...(derived ? [symbolOf('DERIVED').excel] : [])]) as string[] : NONE;
    known.set(status, markers);
  }
  return markers;
}

const MARKERS = new Map<string, string[]>();
const MARKERS_DERIVED = new Map<string, string[]>();

const DASHES = new Set(['-', '–', '—']);

/**
 * A zero the country wrote as a dash. A questionnaire cell's raw text is the cell; a CSV row's is
 * the whole line, where the dash is one of its fields (a dash in no other column means zero).
 */
export function reportedAsDash(o: Pick<Observation, 'source'>): boolean {
  const raw = o.source?.raw.trim() ?? '';
  if (o.source?.sheet) return DASHES.has(raw);
  return raw.split(/[,;\t]/).some((field) => DASHES.has(field.replace(/^"|"$/g, '').trim()));
}

/** What an Excel or release-page cell shows: a number with its marks, or the symbol of its status. */
export function cellText(cell: PublishedCell): string {
  if (cell.value === null) return symbolOf(cell.status === 'A' || cell.status === 'E' || cell.status === 'P' || cell.status === 'B' ? 'O' : cell.status).excel;
  return [String(cell.value), ...cell.markers].join(' ');
}

/** Both languages in one header or label cell. */
export function both(text: Bilingual): string {
  return bilingual(text.en, text.ru);
}

/** The distinct pairs of two fields, in the order first met: no key string made per observation. */
function pairs<A, B, T>(observations: readonly Observation[], first: (o: Observation) => A, second: (o: Observation) => B, make: (a: A, b: B) => T): T[] {
  const seen = new Map<A, Set<B>>();
  const out: T[] = [];
  for (const o of observations) {
    const a = first(o);
    const b = second(o);
    let of = seen.get(a);
    if (of === undefined) {
      of = new Set();
      seen.set(a, of);
    }
    if (of.has(b)) continue;
    of.add(b);
    out.push(make(a, b));
  }
  return out;
}

export type { PublishedColumn };
