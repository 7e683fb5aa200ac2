import type { Iso3 } from './calibration';
import { categories, isAgeTable, isFlowTable } from './categories';
import { mainType } from './flows';
import { ageName, PARTNER_NAMES, TYPE_BLOCK_NAMES } from './names';
import type { CellMark } from './plan';
import { PROFILES } from './profiles';
import type { SheetStyle } from './styles';
import { getValue, SEXES, type SexCode, type TypeCode, type Values } from './values';

export type CellValue = string | number | null;

/** A table sheet as a grid, before any spreadsheet library sees it. */
export interface SheetModel {
  name: string;
  hidden: boolean;
  rows: CellValue[][];
  /** [top row, left col, bottom row, right col], 1-based */
  merges: [number, number, number, number][];
}

export interface TableText {
  id: string;
  title_en: string;
  title_ru: string;
}

/** Members of the CIS aggregate as the Clearing House offices report it after Georgia left (2009). */
export const CIS_MEMBERS = ['ARM', 'AZE', 'BLR', 'KAZ', 'KGZ', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB'] as const;

type Row = { kind: 'data'; cat: string; indent?: boolean } | { kind: 'label'; text: string } | { kind: 'gap' };

function group(v: number, sep: string): string {
  return String(v).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function markFor(marks: readonly CellMark[], table: string, year: number, cat: string, sex: SexCode): CellMark | undefined {
  return marks.find((m) => m.table === table && (!m.years || m.years.includes(year)) && (!m.categories || m.categories.includes(cat)) && (!m.sexes || m.sexes.includes(sex)));
}

/** The text or number a cell holds: symbols, markers, text numbers and thousands as the style says. */
export function renderValue(value: number, mark: CellMark | undefined, style: SheetStyle, thousands: boolean): CellValue {
  if (mark && ['missing', 'cannot-exist', 'confidential'].includes(mark.kind)) return mark.symbol;
  if (thousands) return value === 0 ? '-' : `${Math.floor(value / 1000)},${(value % 1000) / 100}`;
  if (mark) return `${group(value, ' ')}${mark.symbol}`;
  if (value === 0) return style.zero === '-' ? '-' : 0;
  if (style.textNumbers && value >= 1000) return group(value, style.textNumbers);
  return value;
}

function messy(label: string, i: number): string {
  if (i % 3 === 0) return label.includes(' ') ? label.replace(' ', '\u00a0') : `${label}\u00a0`;
  if (i % 3 === 1) return `  ${label.replace(' ', '  ')} `;
  return label;
}

function labelOf(cat: string, table: string, style: SheetStyle, i: number): string {
  const text = isAgeTable(table) ? ageName(cat, style.lang) : (style.labels[cat] ?? PARTNER_NAMES[cat]?.[style.lang] ?? cat);
  return style.messySpaces ? messy(text, i) : text;
}

function codeOf(cat: string, table: string, style: SheetStyle): string {
  if (cat === '_T') return 'TOTAL';
  if (isAgeTable(table)) return cat;
  const names = PARTNER_NAMES[cat];
  if (style.codeColumn === 'iso2') return names?.a2 ?? '';
  if (style.codeColumn === 'm49') return names?.m49 ?? '';
  return cat;
}

function rowPlan(country: Iso3, table: string, style: SheetStyle, extra: readonly string[] = []): Row[] {
  const own = categories(country, table);
  const at = own.includes('OTH') ? own.indexOf('OTH') : own.length;
  const cats = [...own.slice(0, at), ...extra, ...own.slice(at)];
  const withSubtotals = style.subtotals !== 'none' && ['T04', 'T08', 'T11'].includes(table);
  if (withSubtotals && style.subtotals === 'nested') {
    const members = cats.filter((c) => (CIS_MEMBERS as readonly string[]).includes(c));
    const rest = cats.filter((c) => !members.includes(c));
    return [
      { kind: 'data', cat: '_T' },
      { kind: 'label', text: style.lang === 'ru' ? 'в том числе:' : 'of which:' },
      { kind: 'data', cat: 'CIS' },
      { kind: 'label', text: style.lang === 'ru' ? 'из них:' : 'of which:' },
      ...members.map((cat): Row => ({ kind: 'data', cat, indent: true })),
      { kind: 'data', cat: 'FAR' },
      { kind: 'label', text: style.lang === 'ru' ? 'из них:' : 'of which:' },
      ...rest.map((cat): Row => ({ kind: 'data', cat, indent: true })),
    ];
  }
  const body: Row[] = [];
  for (const cat of cats) {
    body.push({ kind: 'data', cat });
    if (style.gapRow && cat === 'LTU') body.push({ kind: 'gap' });
  }
  const subtotals: Row[] = withSubtotals ? [{ kind: 'data', cat: 'CIS' }, { kind: 'data', cat: 'FAR' }] : [];
  return style.totalFirst ? [{ kind: 'data', cat: '_T' }, ...subtotals, ...body] : [...body, ...subtotals, { kind: 'data', cat: '_T' }];
}

/** A value of the file, subtotals computed from their members so they always agree. */
function figure(values: Values, country: Iso3, table: string, year: number, type: TypeCode, sex: SexCode, cat: string): number {
  if (cat === 'CIS') return CIS_MEMBERS.reduce((s, m) => s + (getValue(values, table, year, type, sex, m) ?? 0), 0);
  if (cat === 'FAR') return getValue(values, table, year, type, sex, '_T')! - figure(values, country, table, year, type, sex, 'CIS');
  const v = getValue(values, table, year, type, sex, cat);
  if (v === undefined) throw new Error(`no value for ${country} ${table} ${year} ${type} ${sex} ${cat}`);
  return v;
}

export function tableTypes(country: Iso3, table: string): TypeCode[] {
  if (!isFlowTable(table)) return [''];
  return table === 'T04' || table === 'T08' ? [...PROFILES[country].flowTypes] : [mainType(country)];
}

export interface SheetInput {
  country: Iso3;
  table: TableText;
  years: readonly number[];
  values: Values;
  style: SheetStyle;
  marks: readonly CellMark[];
  /** the country's emigration figures, for a net-migration column */
  netAgainst?: Values;
  /** partner rows beyond the table's own, before "other countries"; a year without a value is left blank */
  extraRows?: readonly string[];
  /** the text a cell holds instead of its figure (a slip of the pen), where given */
  cellText?: (cell: { table: string; year: number; type: TypeCode; sex: SexCode; category: string }) => CellValue | undefined;
}

/** Lays out one table sheet: titles, unit line, two-row header, type blocks, data rows, notes. */
export function buildTableSheet(input: SheetInput): SheetModel {
  const { country, table, years, values, style, marks } = input;
  const n = Number(table.id.slice(1));
  const thousands = style.thousandsTable === table.id;
  const net = style.netColumnTable === table.id && input.netAgainst !== undefined;
  const lead: CellValue[] = Array.from({ length: style.leadingCols }, () => null);
  const catCols: CellValue[] = [];
  if (style.lineNumbers) catCols.push('№ п/п');
  if (style.codeColumn !== 'none') catCols.push(style.lang === 'ru' ? 'Код' : 'Code');
  catCols.push(isAgeTable(table.id) ? (style.lang === 'ru' ? 'Возраст' : 'Age group') : style.lang === 'ru' ? 'Страна' : 'Country');
  const firstValueCol = lead.length + catCols.length + 1;
  const perYear = net ? 4 : 3;
  const rows: CellValue[][] = [];
  const merges: SheetModel['merges'] = [];
  for (let i = 0; i < style.leadingRows; i++) rows.push([]);
  const width = firstValueCol - 1 + years.length * perYear;
  rows.push([...lead, style.lang === 'ru' ? `Таблица ${n}. ${table.title_ru}` : `Table ${n}. ${table.title_en}`]);
  merges.push([rows.length, lead.length + 1, rows.length, width]);
  rows.push([...lead, thousands ? 'тыс. человек' : style.lang === 'ru' ? 'человек' : 'Unit: persons']);
  rows.push([]);

  const sexText = (s: number) => style.sexLabels[s]!;
  const netText = style.lang === 'ru' ? 'Сальдо миграции' : 'Net migration';
  if (style.yearHeader === 'single-row') {
    const header = [...lead, ...catCols];
    for (const y of years) {
      for (const s of [0, 1, 2]) header.push(`${y} — ${sexText(s)}`);
      if (net) header.push(`${y} — ${netText}`);
    }
    rows.push(header);
  } else {
    const h1: CellValue[] = [...lead, ...catCols];
    const h2: CellValue[] = [...lead, ...catCols.map(() => null)];
    years.forEach((y, k) => {
      const yearCell = style.yearHeader === 'suffix' ? `${y} г.` : y;
      for (let j = 0; j < perYear; j++) h1.push(style.yearHeader === 'repeated' || j === 0 ? yearCell : null);
      h2.push(sexText(0), sexText(1), sexText(2));
      if (net) h2.push(netText);
      if (style.yearHeader !== 'repeated') {
        const col = firstValueCol + k * perYear;
        merges.push([rows.length + 1, col, rows.length + 1, col + perYear - 1]);
      }
    });
    rows.push(h1, h2);
  }

  const plan = rowPlan(country, table.id, style, input.extraRows);
  const extra = new Set(input.extraRows ?? []);
  let line = 0;
  for (const type of tableTypes(country, table.id)) {
    if (isFlowTable(table.id) && style.blockRows) {
      const block = TYPE_BLOCK_NAMES[type]!;
      rows.push([...lead, ...catCols.slice(0, -1).map(() => null), style.lang === 'ru' ? block.ru : block.en]);
    }
    for (const [i, r] of plan.entries()) {
      if (r.kind === 'gap') {
        rows.push([]);
        continue;
      }
      const cells: CellValue[] = [...lead];
      if (style.lineNumbers) cells.push(r.kind === 'data' ? ++line : null);
      if (style.codeColumn !== 'none') cells.push(r.kind === 'data' ? codeOf(r.cat, table.id, style) : null);
      if (r.kind === 'label') {
        rows.push([...cells, r.text]);
        continue;
      }
      cells.push(`${r.indent ? '  ' : ''}${labelOf(r.cat, table.id, style, i)}`);
      for (const y of years) {
        for (const sex of SEXES) {
          const text = input.cellText?.({ table: table.id, year: y, type, sex, category: r.cat });
          if (text !== undefined) cells.push(text);
          else if (extra.has(r.cat) && getValue(values, table.id, y, type, sex, r.cat) === undefined) cells.push(null);
          else cells.push(renderValue(figure(values, country, table.id, y, type, sex, r.cat), markFor(marks, table.id, y, r.cat, sex), style, thousands));
        }
        // a row the emigration table does not have (a planted extra row) has no net figure
        if (net && extra.has(r.cat)) cells.push(null);
        else if (net) {
          const out = figure(input.netAgainst!, country, 'T08', y, type, '_T', r.cat);
          cells.push(figure(values, country, table.id, y, type, '_T', r.cat) - out);
        }
      }
      rows.push(cells);
    }
  }
  rows.push([]);
  const notes = [style.source, ...new Set(marks.filter((m) => m.table === table.id && m.note).map((m) => m.note!))];
  if (Object.values(style.labels).some((l) => l.endsWith('¹')) && !isAgeTable(table.id)) {
    notes.push(style.lang === 'ru' ? '¹ Включая лиц, прибывших по программам переселения.' : '¹ Including persons arriving under resettlement programmes.');
  }
  for (const note of notes) rows.push([...lead, note]);
  return { name: style.sheetName(n), hidden: style.hiddenTable === table.id, rows, merges };
}
