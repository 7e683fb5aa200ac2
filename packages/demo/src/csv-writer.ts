import iconv from 'iconv-lite';
import type { Iso3 } from './calibration';
import { categories, isAgeTable, isFlowTable } from './categories';
import { PARTNER_NAMES } from './names';
import type { CellMark } from './plan';
import { tableTypes } from './sheet-model';
import { getValue, SEXES, type SexCode } from './values';
import type { Values } from './values';

/** How an office writes its long file (submissions.md §2). */
export interface CsvStyle {
  encoding: 'utf8-bom' | 'windows-1251';
  delimiter: ';' | '\t' | ',';
  eol: '\r\n' | '\n';
  headerCase: 'upper' | 'lower';
  statusColumns: boolean;
  /** partner code → label written instead of the code */
  partnerLabels: Record<string, string>;
  sexLabels: Record<SexCode, string>;
  /** ages as "15-19" rather than "Y15-19" */
  plainAges: boolean;
}

export const CSV_STYLES: Partial<Record<Iso3, CsvStyle>> = {
  RUS: {
    encoding: 'utf8-bom',
    delimiter: ';',
    eol: '\r\n',
    headerCase: 'upper',
    statusColumns: true,
    partnerLabels: { KGZ: 'Киргизия', BLR: 'Белоруссия', MDA: 'Молдавия', OTH: 'Прочие страны' },
    sexLabels: { _T: '_T', M: 'M', F: 'F' },
    plainAges: true,
  },
  BLR: {
    encoding: 'windows-1251',
    delimiter: '\t',
    eol: '\n',
    headerCase: 'lower',
    statusColumns: false,
    partnerLabels: Object.fromEntries(Object.entries(PARTNER_NAMES).map(([code, n]) => [code, n.ru])),
    sexLabels: { _T: 'Всего', M: 'Мужчины', F: 'Женщины' },
    plainAges: false,
  },
};

function field(v: string, delimiter: string): string {
  return v.includes(delimiter) || v.includes('"') || v.includes('\n') ? `"${v.replaceAll('"', '""')}"` : v;
}

export interface CsvInput {
  country: Iso3;
  tables: readonly string[];
  years: readonly number[];
  values: Values;
  marks: readonly CellMark[];
  style: CsvStyle;
}

/** One row per observation, in table, year, type, category, sex order. */
export function buildCsvText(input: CsvInput): string {
  const { country, style } = input;
  const header = ['REF_AREA', 'TABLE', 'TIME_PERIOD', 'MIGR_TYPE', 'SEX', 'AGE', 'PARTNER', 'OBS_VALUE'];
  if (style.statusColumns) header.push('OBS_STATUS', 'CONF_STATUS', 'NOTE');
  const lines = [header.map((h) => (style.headerCase === 'lower' ? h.toLowerCase() : h)).join(style.delimiter)];
  for (const table of input.tables) {
    const age = isAgeTable(table);
    for (const year of input.years) {
      for (const type of tableTypes(country, table)) {
        for (const cat of [...categories(country, table), '_T']) {
          for (const sex of SEXES) {
            const v = getValue(input.values, table, year, type, sex, cat)!;
            const mark = input.marks.find((m) => m.table === table && (!m.years || m.years.includes(year)));
            const ageText = !age ? '' : style.plainAges && /^Y\d/.test(cat) ? cat.slice(1) : cat;
            const partner = age ? '' : (style.partnerLabels[cat] ?? cat);
            const row = [country, table, String(year), isFlowTable(table) ? type : '', style.sexLabels[sex], ageText, partner, String(v)];
            if (style.statusColumns) {
              const note = mark?.kind === 'provisional' ? 'предварительные данные; по данным Росстата' : '';
              row.push(mark?.kind === 'provisional' ? 'P' : 'A', 'F', note);
            }
            lines.push(row.map((f) => field(f, style.delimiter)).join(style.delimiter));
          }
        }
      }
    }
  }
  return lines.join(style.eol) + style.eol;
}

/** Encodes the text as the office's software would save it. */
export function encodeCsv(text: string, style: CsvStyle): Uint8Array {
  if (style.encoding === 'windows-1251') {
    const bytes = iconv.encode(text, 'win1251');
    if (iconv.decode(bytes, 'win1251') !== text) throw new Error('text has characters Windows-1251 cannot hold');
    return new Uint8Array(bytes);
  }
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
}
