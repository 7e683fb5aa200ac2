import { type Iso3, MCH12 } from './calibration';
import { ALL_TABLES } from './categories';
import { armRevision, armSexSum, tjkUnitError, ukrConflict } from './irregularities';
import type { SheetInput } from './sheet-model';
import type { SexCode, Values } from './values';

/** Cells a file writes as a symbol or with a marker instead of the plain number. */
export interface CellMark {
  table: string;
  years?: readonly number[];
  categories?: readonly string[];
  sexes?: readonly SexCode[];
  /** `..` missing, `x` cannot exist, confidential symbol, `*` provisional, footnote marker */
  kind: 'missing' | 'cannot-exist' | 'confidential' | 'provisional' | 'footnote';
  symbol: string;
  note?: string;
}

export interface FileSpec {
  /** relative to data/raw */
  path: string;
  country: Iso3;
  round: 2011 | 2013;
  format: 'xlsx' | 'csv';
  years: readonly number[];
  tables: readonly string[];
  supersedes: boolean;
  received: string;
  what: string;
  /** a Cover and Metadata workbook sent beside a long CSV file, which has no room for metadata */
  metadataOnly?: boolean;
  marks: readonly CellMark[];
  mutate?: (values: Values) => void;
  /** partner rows beyond each table's own, by table (a planted own-country or USSR row) */
  extraRows?: Readonly<Record<string, readonly string[]>>;
  /** the text a cell holds instead of its figure, where given (a planted unreadable value) */
  cellText?: SheetInput['cellText'];
}

const CSV_COUNTRIES: readonly Iso3[] = ['RUS', 'BLR'];
const ROUNDS = [
  { round: 2011, years: [2009, 2010], received: '2011-06-30' },
  { round: 2013, years: [2011, 2012], received: '2013-06-28' },
] as const;

/** Symbols and markers per country and round (submissions.md deviations). */
export function marksFor(country: Iso3, round: number): CellMark[] {
  const marks: CellMark[] = [];
  if (country === 'TKM') marks.push({ table: 'T11', categories: ['CHN', 'KOR'], kind: 'confidential', symbol: 'к' });
  if (country === 'UZB') marks.push({ table: 'T02', categories: ['CHN', 'KOR'], kind: 'confidential', symbol: '\u0441' });
  if (country === 'UZB' && round === 2011) marks.push({ table: 'T06', years: [2009], kind: 'missing', symbol: '..', note: 'Примечание: .. — данные за 2009 год по стране рождения не разрабатывались.' });
  if (country === 'GEO') marks.push({ table: 'T02', categories: ['UNK'], kind: 'cannot-exist', symbol: 'x', note: 'Note: x — citizenship is always recorded in the register.' });
  if (country === 'KAZ' && round === 2013) {
    for (const table of ['T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10']) {
      marks.push({ table, years: [2012], categories: ['_T'], kind: 'provisional', symbol: '*', note: '* Предварительные данные за 2012 год.' });
    }
  }
  if (country === 'UKR') marks.push({ table: 'T04', years: [round === 2011 ? 2010 : 2012], categories: ['_T'], sexes: ['_T'], kind: 'footnote', symbol: '¹', note: '¹ Без учета лиц, прибывших на срок менее одного года.' });
  if (country === 'RUS' && round === 2013) marks.push({ table: 'T04', years: [2012], kind: 'provisional', symbol: 'P' });
  return marks;
}

function fileName(country: Iso3, round: number, format: 'xlsx' | 'csv'): string {
  return format === 'csv' ? `${round}/${country}_${round}_long.csv` : `${round}/${country}_questionnaire_${round}.xlsx`;
}

/** Every file of both rounds, in the order the release configurations list them. */
export function demoFiles(): FileSpec[] {
  const files: FileSpec[] = [];
  for (const { round, years, received } of ROUNDS) {
    for (const country of MCH12) {
      const format = CSV_COUNTRIES.includes(country) ? 'csv' : 'xlsx';
      files.push({
        path: fileName(country, round, format),
        country,
        round,
        format,
        years,
        tables: ALL_TABLES,
        supersedes: false,
        received,
        what: `${format === 'csv' ? 'long CSV' : 'questionnaire'}, all 11 tables, ${years.join('–')}`,
        marks: marksFor(country, round),
        mutate: round === 2011 && country === 'ARM' ? armSexSum : round === 2011 && country === 'TJK' ? tjkUnitError : undefined,
      });
      if (format === 'csv') {
        files.push({
          path: `${round}/${country}_${round}_metadata.xlsx`,
          country,
          round,
          format: 'xlsx',
          years,
          tables: ALL_TABLES,
          supersedes: false,
          received,
          what: 'Cover and Metadata sheets sent with the long CSV file (source, definition basis, reference date, territory per table)',
          metadataOnly: true,
          marks: [],
        });
      }
    }
  }
  files.push(
    {
      path: '2013/ARM_resubmission_2010.xlsx',
      country: 'ARM',
      round: 2013,
      format: 'xlsx',
      years: [2010],
      tables: ['T04', 'T05'],
      supersedes: true,
      received: '2013-07-15',
      what: 'superseding resubmission of T04 and T05 for 2010: corrects the men of T05 and re-codes 12 unspecified origins to Germany',
      marks: [],
      mutate: armRevision,
    },
    {
      path: '2013/TJK_T11_2010_corrected.xlsx',
      country: 'TJK',
      round: 2013,
      format: 'xlsx',
      years: [2010],
      tables: ['T11'],
      supersedes: true,
      received: '2013-07-02',
      what: 'superseding resubmission of T11 for 2010 in persons (the 2011 round file had it 1000× too large)',
      marks: [],
    },
    {
      path: '2013/UKR_T08_2012_second_file.xlsx',
      country: 'UKR',
      round: 2013,
      format: 'xlsx',
      years: [2012],
      tables: ['T08'],
      supersedes: false,
      received: '2013-09-10',
      what: 'second file with T08 for 2012, NOT marked superseding: 40 departures re-coded from "unknown" to Poland (conflict, MCH-S02)',
      marks: [],
      mutate: ukrConflict,
    },
  );
  return files;
}
