// The well-formed files the hostile ones are made from: Armenia's T04 questionnaire (hand-written
// OOXML, so every byte of its XML is ours to break) and a long CSV of the same figures.
import { type XmlCell, sheetXml, workbookParts } from '../test-support/ooxml';
import { zipOf } from '../test-support/zip';
import type { Rand } from './types';

export const COUNTRY = 'ARM';
export const PARTNERS: readonly [label: string, code: string][] = [
  ['Russia', 'RUS'],
  ['Kazakhstan', 'KAZ'],
  ['Georgia', 'GEO'],
  ['Germany', 'DEU'],
  ['France', 'FRA'],
  ['Ukraine', 'UKR'],
  ['Belarus', 'BLR'],
  ['Uzbekistan', 'UZB'],
  ['United States', 'USA'],
  ['China', 'CHN'],
];

/** Rows 6–15 hold the partners, columns B–G the values: 2011 and 2012 × Total, Men, Women. */
export const FIRST_DATA_ROW = 6;
export const VALUE_COLS = ['B', 'C', 'D', 'E', 'F', 'G'] as const;
export const VALUE_CELLS = PARTNERS.length * VALUE_COLS.length;

export interface Sheet {
  rows: XmlCell[][];
  merges: string[];
}

export function baseSheet(r: Rand): Sheet {
  const values = () => {
    const m = r.int(5000);
    const f = r.int(5000);
    return [m + f, m, f];
  };
  return {
    rows: [
      ['Table 4. Immigrants by country of previous residence'],
      ['Unit: persons'],
      ['Country', 2011, null, null, 2012, null, null],
      [null, 'Total', 'Men', 'Women', 'Total', 'Men', 'Women'],
      ['Long-term migrants'],
      ...PARTNERS.map(([label]) => [label, ...values(), ...values()]),
      [],
      ['Source: population register'],
    ],
    merges: ['B3:D3', 'E3:G3'],
  };
}

export type Parts = [name: string, content: string | Uint8Array][];

/** The parts of the questionnaire: T04 in xl/worksheets/sheet1.xml, a Cover in sheet2.xml. */
export function questionnaireParts(sheet: Sheet, opts: { sheetName?: string; cover?: XmlCell[][] } = {}): Parts {
  const strings: string[] = [];
  const t04 = sheetXml({ name: 'T04', rows: sheet.rows, merges: sheet.merges }, strings);
  const cover = sheetXml({ name: 'Cover', rows: opts.cover ?? [['Country', 'Armenia'], ['Round', 2013]] }, strings);
  return workbookParts([{ name: opts.sheetName ?? 'T04', xml: t04 }, { name: 'Cover', xml: cover }], strings);
}

export function zipParts(parts: Parts): Uint8Array {
  return zipOf(...parts);
}

export function questionnaire(sheet: Sheet): Uint8Array {
  return zipParts(questionnaireParts(sheet));
}

/** Replaces one part's content; `edit` sees the current text. */
export function editPart(parts: Parts, name: string, edit: (xml: string) => string | Uint8Array): Parts {
  return parts.map(([n, c]) => [n, n === name ? edit(typeof c === 'string' ? c : Buffer.from(c).toString('utf8')) : c]);
}

export const CSV_HEADER = 'REF_AREA,TABLE,TIME_PERIOD,MIGR_TYPE,SEX,AGE,PARTNER,OBS_VALUE,OBS_STATUS,CONF_STATUS,NOTE';
const SEXES = ['_T', 'M', 'F'] as const;

/**
 * Data lines of a long CSV, one key each for the first 3 000 (years 2000–2019 × sex × partner × 5
 * tables); `keyed` gives a repeated key its value again, so large files hold no conflicts.
 */
export function csvLines(r: Rand, n: number, d = ',', keyed = false): string[] {
  const tables = ['T04', 'T05', 'T06', 'T08', 'T09'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const partner = PARTNERS[i % PARTNERS.length]![1];
    const sex = SEXES[Math.floor(i / PARTNERS.length) % 3]!;
    const year = 2000 + (Math.floor(i / (PARTNERS.length * 3)) % 20);
    const table = tables[Math.floor(i / (PARTNERS.length * 60)) % tables.length]!;
    const value = keyed ? ((i % 3000) * 37) % 100_000 : r.int(100_000);
    out.push(['ARM', table, String(year), 'LT', sex, '', partner, String(value), '', '', ''].join(d));
  }
  return out;
}

export function csv(lines: string[], end = '\n'): Uint8Array {
  return new TextEncoder().encode(lines.join(end) + end);
}
