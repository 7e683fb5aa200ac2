import type { ConfStatus, DefinitionBasis, ObsStatus, Observation, TableDef } from '@mch/core';
import type { RowKind } from './order';
import type { Bilingual, ReleaseScope } from './scope';

/**
 * The published cell: what every writer renders and nothing else (releases.md, "one model of the
 * published cells"). A cell without an observation is a hole in a country's table: `ELSEWHERE`
 * where the country reported the partner inside "Other countries" for that column, else `O`.
 */
export interface PublishedCell {
  /** whole persons; null when no value is published */
  value: number | null;
  status: ObsStatus | 'ELSEWHERE';
  conf: ConfStatus;
  derived: boolean;
  /** a zero the country wrote as "-" */
  dash: boolean;
  /** markers beside a value, in the one mapping's order: "[e]", "[d]" … */
  markers: string[];
  /** numbers of the table's notes this cell refers to */
  notes: number[];
  /** the published observation behind the cell; null for a hole */
  observation: Observation | null;
}

export interface PublishedColumn {
  year: number;
  sex: string;
}

export interface PublishedRow {
  migr_type: string;
  /** partner or age code */
  code: string;
  kind: RowKind | 'age';
  label: Bilingual;
  /** the type of migration in words, with this country's definition basis ("" for stock tables) */
  type_label: Bilingual;
  cells: PublishedCell[];
  /** notes any cell of the row refers to */
  notes: number[];
  /** per note of the row, the years of the cells that refer to it, where that is not every year of the row */
  note_years: Record<number, number[]>;
}

export interface PublishedCountry {
  ref_area: string;
  name: Bilingual;
  columns: PublishedColumn[];
  rows: PublishedRow[];
  /** notes on the whole country table: territory, source, basis, breaks, remarks */
  notes: number[];
}

export interface PublishedNote {
  number: number;
  /** '' for a note on the whole table */
  ref_area: string;
  text: Bilingual;
  /** set when the country gave the note in one language only; the other side repeats it */
  only_in?: 'en' | 'ru';
  /** the Clearing House's remark after the country's words, in both languages (a source the Metadata sheet gives otherwise) */
  aside?: Bilingual;
}

/** Per country and table, the metadata every format states beside the figures. */
export interface CountryTableMeta {
  ref_area: string;
  territory: { years: number[]; text: Bilingual }[];
  source: Bilingual | null;
  /** per migration type ('' for stocks) the basis in words, with years where it changed */
  bases: { migr_type: string; codes: DefinitionBasis[]; text: Bilingual }[];
  breaks: { year: number; text: Bilingual }[];
}

export interface PublishedTable {
  table: TableDef;
  countries: PublishedCountry[];
  notes: PublishedNote[];
  meta: CountryTableMeta[];
  /** the table's published observations in cli.md's order: the CSV formats' rows */
  observations: Observation[];
}

export interface PublishedRelease {
  scope: ReleaseScope;
  tables: PublishedTable[];
  /** every published observation, in cli.md's order (values in persons, unit_mult 0) */
  observations: Observation[];
  /** definition bases any published series carries */
  bases: DefinitionBasis[];
}

/** A table of the release before its cells are laid out (build.ts `releaseFrame`). */
export interface TableFrame extends Omit<PublishedTable, 'countries'> {
  /** per published observation (by identity), the numbers of the notes its cell refers to */
  cellNotes: ReadonlyMap<Observation, number[]>;
  /** per country, the notes on its table as a whole */
  sheetNotes: ReadonlyMap<string, number[]>;
}

/** The release as published, its tables without their cells: what the writers of the whole release read. */
export interface ReleaseFrame extends Omit<PublishedRelease, 'tables'> {
  tables: TableFrame[];
  /** per published observation, the index of the harmonised one it is made from (its whole source is `ReleaseModel.sourceOf` of it) */
  origins: Int32Array;
}
