import type { Iso3 } from './calibration';

/** How one national office lays out its questionnaire: the deviations of submissions.md §1 it shows. */
export interface SheetStyle {
  lang: 'en' | 'ru';
  sheetName: (table: number) => string;
  codeColumn: 'iso3' | 'iso2' | 'm49' | 'none';
  lineNumbers: boolean;
  yearHeader: 'merged' | 'repeated' | 'suffix' | 'single-row';
  sexLabels: readonly [string, string, string];
  /** partner code → the label this office writes */
  labels: Record<string, string>;
  /** labels with NBSP and doubled or trailing spaces */
  messySpaces: boolean;
  /** values of 1 000 and more stored as text with this thousands separator */
  textNumbers: '' | ' ' | '\u00a0' | ',';
  totalFirst: boolean;
  /** «страны СНГ» and «дальнее зарубежье» subtotal rows */
  subtotals: 'none' | 'rows' | 'nested';
  blockRows: boolean;
  leadingRows: number;
  leadingCols: number;
  /** an empty row inside the partner rows, after the Baltic states */
  gapRow: boolean;
  zero: '-' | '0';
  hiddenTable?: string;
  netColumnTable?: string;
  thousandsTable?: string;
  coverCountry: string;
  contact: string;
  source: string;
}

const ruSexes = ['Всего', 'Мужчины', 'Женщины'] as const;
const base: Omit<SheetStyle, 'coverCountry' | 'contact' | 'source'> = {
  lang: 'ru',
  sheetName: (n) => `Таблица ${n}`,
  codeColumn: 'none',
  lineNumbers: false,
  yearHeader: 'merged',
  sexLabels: ruSexes,
  labels: {},
  messySpaces: false,
  textNumbers: '',
  totalFirst: false,
  subtotals: 'none',
  blockRows: true,
  leadingRows: 0,
  leadingCols: 0,
  gapRow: false,
  zero: '-',
};

const two = (n: number) => String(n).padStart(2, '0');
const TJK_SHEET_WORDS = ['', 'population birth', 'population citizenship', 'foreign-born age', 'immigrants', 'immigrants citizenship', 'immigrants birth', 'immigrants age', 'emigrants', 'emigrants citizenship', 'emigrants age', 'acquisitions'];

/** The ten offices that send questionnaires; RUS and BLR send long CSV files (csv-writer.ts) and a metadata workbook. */
export const STYLES: Partial<Record<Iso3, SheetStyle>> = {
  BLR: {
    ...base,
    coverCountry: 'Республика Беларусь',
    contact: 'Национальный статистический комитет Республики Беларусь',
    source: 'Источник: органы внутренних дел, регистрация по месту жительства.',
  },
  RUS: {
    ...base,
    coverCountry: 'Российская Федерация',
    contact: 'Федеральная служба государственной статистики (Росстат)',
    source: 'Источник: Росстат по данным МВД России о миграционном учете.',
  },
  ARM: {
    ...base,
    lang: 'en',
    sheetName: (n) => `T${two(n)}`,
    codeColumn: 'iso3',
    sexLabels: ['Total', 'Men', 'Women'],
    labels: { RUS: 'Russian Federation¹' },
    coverCountry: 'Armenia',
    contact: 'Statistical Committee of the Republic of Armenia, Demography Division',
    source: 'Source: population register (State Register of Population), passport and visa service.',
  },
  AZE: {
    ...base,
    lineNumbers: true,
    labels: { RUS: 'Российская Федерация', KGZ: 'Кыргызская Республика', MDA: 'Республика Молдова', KAZ: 'Республика Казахстан', TJK: 'Республика Таджикистан' },
    subtotals: 'rows',
    totalFirst: true,
    coverCountry: 'Азербайджанская Республика',
    contact: 'Государственный комитет по статистике Азербайджанской Республики',
    source: 'Источник: Государственная миграционная служба.',
  },
  GEO: {
    ...base,
    lang: 'en',
    sheetName: (n) => `Table ${n}`,
    codeColumn: 'iso2',
    yearHeader: 'repeated',
    sexLabels: ['Both sexes', 'Males', 'Females'],
    labels: { KGZ: 'Kirghizia', MDA: 'Moldavia', BLR: 'Byelorussia' },
    messySpaces: true,
    blockRows: false,
    coverCountry: 'Georgia',
    contact: 'National Statistics Office of Georgia (Geostat), Population Statistics Division',
    source: 'Source: border-crossing records (Ministry of Internal Affairs), Geostat estimates.',
  },
  KAZ: {
    ...base,
    sheetName: (n) => `\u0422${two(n)}`,
    yearHeader: 'suffix',
    labels: { KGZ: 'Киргизия', BLR: 'Белоруссия', MDA: 'Молдавия', TKM: 'Туркмения' },
    textNumbers: ' ',
    coverCountry: 'Республика Казахстан',
    contact: 'Агентство Республики Казахстан по статистике',
    source: 'Источник: данные органов внутренних дел о регистрации населения.',
  },
  KGZ: {
    ...base,
    sheetName: (n) => `Табл.${n}`,
    subtotals: 'nested',
    totalFirst: true,
    netColumnTable: 'T04',
    coverCountry: 'Кыргызская Республика',
    contact: 'Национальный статистический комитет Кыргызской Республики',
    source: 'Источник: статистические талоны прибытия и выбытия.',
  },
  MDA: {
    ...base,
    sheetName: (n) => `T${n}`,
    codeColumn: 'm49',
    leadingRows: 2,
    leadingCols: 1,
    gapRow: true,
    hiddenTable: 'T11',
    zero: '0',
    coverCountry: 'Republic of Moldova',
    contact: 'Национальное бюро статистики Республики Молдова',
    source: 'Источник: Бюро миграции и убежища; без данных по левобережью Днестра.',
  },
  TJK: {
    ...base,
    sheetName: (n) => `t${two(n)} ${TJK_SHEET_WORDS[n]}`,
    textNumbers: ',',
    coverCountry: 'Республика Таджикистан',
    contact: 'Агентство по статистике при Президенте Республики Таджикистан',
    source: 'Источник: листки статистического учета мигрантов.',
  },
  TKM: {
    ...base,
    sheetName: (n) => `Таблица ${two(n)}`,
    labels: { KGZ: 'Киргизия', TKM: 'Туркмения' },
    coverCountry: 'Туркменистан',
    contact: 'Государственный комитет Туркменистана по статистике',
    source: 'Источник: Государственная миграционная служба Туркменистана. к — конфиденциально.',
  },
  UKR: {
    ...base,
    yearHeader: 'single-row',
    sexLabels: ['всего', 'мужчины', 'женщины'],
    textNumbers: '\u00a0',
    thousandsTable: 'T01',
    coverCountry: 'Украина',
    contact: 'Государственная служба статистики Украины',
    source: 'Источник: Государственная миграционная служба Украины.',
  },
  UZB: {
    ...base,
    sheetName: (n) => `T${two(n)}`,
    codeColumn: 'iso3',
    coverCountry: 'Республика Узбекистан',
    contact: 'Государственный комитет Республики Узбекистан по статистике',
    source: 'Источник: МВД Республики Узбекистан.',
  },
};
