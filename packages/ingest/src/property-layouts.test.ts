import { MchError, type Observation } from '@mch/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestFile } from './ingest';
import { type FixtureCell, buildWorkbook } from './test-support/build-workbook';
import { context } from './test-support/dump';
import { type XmlCell, ooxmlWorkbook } from './test-support/ooxml';

// Random questionnaires in every layout variant, written by exceljs or as hand-made XML, with the
// symbols and flags of the legend and hostile rows: the accounting holds, every written value
// reads back on its key, and nothing but a classified refusal is ever thrown.

type Expected = Pick<Observation, 'obs_value' | 'obs_status' | 'conf_status'>;
const SYMBOLS: [string, Expected][] = [
  ['..', { obs_value: null, obs_status: 'O', conf_status: 'F' }],
  ['…', { obs_value: null, obs_status: 'O', conf_status: 'F' }],
  ['x', { obs_value: null, obs_status: 'M', conf_status: 'F' }],
  ['\u0445', { obs_value: null, obs_status: 'M', conf_status: 'F' }],
  ['c', { obs_value: null, obs_status: 'Q', conf_status: 'C' }],
  ['\u0441', { obs_value: null, obs_status: 'Q', conf_status: 'C' }],
  ['—', { obs_value: 0, obs_status: 'A', conf_status: 'F' }],
  // the country's own legend (settings below)
  ['\u043a', { obs_value: null, obs_status: 'Q', conf_status: 'C' }],
];
const FLAGS: [string, Expected['obs_status']][] = [['*', 'P'], [' (p)', 'P'], [' \u0440', 'P'], [' e', 'E'], [' \u0435', 'E'], [' (b)', 'B'], ['', 'A']];
const value = fc.oneof(
  fc.constantFrom(...SYMBOLS).map(([text, e]) => ({ text: text as string | number, e })),
  fc.tuple(fc.nat({ max: 999_999 }), fc.constantFrom(...FLAGS), fc.boolean()).map(([n, [flag, obs_status], asText]) => ({
    text: !flag && !asText ? n : `${n.toLocaleString('en').replace(/,/g, ' ')}${flag}`,
    e: { obs_value: n, obs_status, conf_status: 'F' } as Expected,
  })),
  fc.constant(null),
);
const PARTNERS: [string, string][] = [['Germany', 'DEU'], ['Франция', 'FRA'], ['Italy', 'ITA'], ['Польша', 'POL'], ['China', 'CHN']];
const TYPES: [string, 'LT' | 'ST'][] = [['Long-term migrants', 'LT'], ['Краткосрочные мигранты', 'ST']];
const SEXES: [string, '_T' | 'M' | 'F'][] = [['Total', '_T'], ['Мужчины', 'M'], ['Women', 'F']];
const HOSTILE = ['=HYPERLINK("http://x","y")', '+cmd|/c calc', '@SUM(A1)', '<script>alert(1)</script>', '\u202e321', '12,345', '-7', 'Корея', 'USSR', 'a;b,c\td', '1e5', 'n/a'];
const NOTE_START = /^\s*(?:notes?\b|примечани|source|источник|\*|\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹])/iu;
// a row without a label whose first cell starts like a note ("* …") is a note row: keep junk from looking like one
const junkText = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 })).map((s) => s.replace(/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/g, '').replace(NOTE_START, 'v$&'));

interface Layout {
  years: 'columns' | 'rows' | 'sheets';
  migr_type: 'row-blocks' | 'column-blocks';
  sex: 'columns' | 'row-blocks';
}
const layoutArb = fc.record({ years: fc.constantFrom('columns', 'rows', 'sheets'), migr_type: fc.constantFrom('row-blocks', 'column-blocks'), sex: fc.constantFrom('columns', 'row-blocks') }).map(
  // at least one dimension across the columns, or there is no header to read
  (l): Layout => (l.years !== 'columns' && l.migr_type === 'row-blocks' && l.sex === 'row-blocks' ? { ...l, sex: 'columns' } : (l as Layout)),
);

interface Dims {
  year: number;
  migr: 'LT' | 'ST';
  sex: '_T' | 'M' | 'F';
  partner: string;
}
type Cell = string | number | null;
interface Built {
  sheets: { name: string; rows: Cell[][] }[];
  /** "sheet!A1" → what was written there */
  cells: Map<string, { dims: Dims; e: Expected }>;
  junkCells: number;
}

const a1 = (row: number, col: number) => `${String.fromCharCode(64 + col)}${row}`;

/** Lays the values out as the layout says; values[i] is consumed in a fixed order of the dimensions. */
function build(layout: Layout, years: number[], partners: [string, string][], values: ({ text: string | number; e: Expected } | null)[], junk: [string, Cell, Cell][], sexLabels: readonly string[]): Built {
  let next = 0;
  const take = () => (values[next++ % values.length] ?? null) as { text: string | number; e: Expected } | null;
  const colDims: Partial<Dims>[] = [{}];
  const expand = <K extends keyof Dims>(key: K, list: Dims[K][]) => colDims.splice(0, colDims.length, ...colDims.flatMap((d) => list.map((v) => ({ ...d, [key]: v }))));
  if (layout.migr_type === 'column-blocks') expand('migr', ['LT', 'ST']);
  if (layout.years === 'columns') expand('year', years);
  if (layout.sex === 'columns') expand('sex', ['_T', 'M', 'F']);
  const header: Cell[][] = [];
  if (layout.migr_type === 'column-blocks') header.push([null, ...colDims.map((d, i) => (i === 0 || colDims[i - 1]!.migr !== d.migr ? TYPES.find((t) => t[1] === d.migr)![0] : null))]);
  if (layout.years === 'columns') header.push([null, ...colDims.map((d) => d.year!)]);
  if (layout.sex === 'columns') header.push([null, ...colDims.map((d) => sexLabels[SEXES.findIndex((s) => s[1] === d.sex)]!)]);
  header[0]![0] = 'Citizenship';
  const cells = new Map<string, { dims: Dims; e: Expected }>();
  const sheetYears = layout.years === 'sheets' ? years.map((y) => [y]) : [years];
  const sheets = sheetYears.map((ys, s) => {
    const name = layout.years === 'sheets' ? `T05 (${s + 1})` : 'T05';
    const rows: Cell[][] = [[layout.years === 'sheets' ? `Immigrants by citizenship, ${ys[0]}` : 'Immigrants by citizenship'], ...header.map((h) => [...h])];
    const blocks: Partial<Dims>[] = [{}];
    const nest = <K extends keyof Dims>(key: K, list: Dims[K][]) => blocks.splice(0, blocks.length, ...blocks.flatMap((d) => list.map((v) => ({ ...d, [key]: v }))));
    if (layout.years === 'rows') nest('year', ys);
    if (layout.migr_type === 'row-blocks') nest('migr', ['LT', 'ST']);
    if (layout.sex === 'row-blocks') nest('sex', ['_T', 'M', 'F']);
    let prev: Partial<Dims> = {};
    for (const b of blocks) {
      if (b.year !== undefined && b.year !== prev.year) rows.push([String(b.year)]);
      if (b.migr !== undefined && (b.migr !== prev.migr || b.year !== prev.year)) rows.push([TYPES.find((t) => t[1] === b.migr)![0]]);
      if (b.sex !== undefined) rows.push([sexLabels[SEXES.findIndex((x) => x[1] === b.sex)]!]);
      prev = b;
      for (const [label, code] of partners) {
        const row: Cell[] = [label];
        colDims.forEach((d, i) => {
          const v = take();
          row.push(v?.text ?? null);
          const dims = { year: ys[0]!, migr: 'LT' as const, sex: '_T' as const, ...b, ...d, partner: code } as Dims;
          if (v) cells.set(`${name}!${a1(rows.length + 1, i + 2)}`, { dims, e: v.e });
        });
        rows.push(row);
      }
    }
    return { name, rows };
  });
  // hostile rows at the end of the last sheet: each filled cell is one value cell
  const last = sheets[sheets.length - 1]!;
  let junkCells = 0;
  for (const [label, ...v] of junk) {
    const row = [`${label} `, ...v.slice(0, colDims.length)];
    if (row.slice(1).some((x) => x !== null && String(x).trim() !== '')) junkCells += row.slice(1).filter((x) => x !== null && String(x).trim() !== '').length;
    last.rows.push(row);
  }
  return { sheets, cells, junkCells };
}

async function write(b: Built, xml: boolean): Promise<Uint8Array> {
  if (xml) return ooxmlWorkbook(b.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c): XmlCell => (typeof c === 'string' ? { inline: c } : c))) })));
  return buildWorkbook(b.sheets.map((s) => ({ name: s.name, rows: s.rows as FixtureCell[][] })));
}

describe('property: every layout variant, legend and writer', () => {
  it('accounts for every value cell and reads each written value back on its key', async () => {
    await fc.assert(
      fc.asyncProperty(
        layoutArb,
        fc.uniqueArray(fc.integer({ min: 2005, max: 2020 }), { minLength: 1, maxLength: 2 }),
        fc.subarray(PARTNERS, { minLength: 1 }),
        fc.array(value, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(junkText.filter((s) => !NOTE_START.test(s)), fc.oneof(junkText, fc.nat(), fc.constant(null)), fc.oneof(junkText, fc.constant(null))), { maxLength: 3 }),
        fc.constantFrom(['Total', 'Men', 'Women'], ['Всего', 'Мужчины', 'Женщины'], ['Total', 'Мужчины', 'Women']),
        fc.boolean(),
        async (layout, years, partners, values, junk, sexLabels, xml) => {
          const b = build(layout, years, partners, values, junk, sexLabels);
          const settings = { layout, legend: { '\u043a': { value: null, obs_status: 'Q', conf_status: 'C' } } };
          let r: Awaited<ReturnType<typeof ingestFile>>;
          try {
            r = await ingestFile({ path: 'p.xlsx', bytes: await write(b, xml) }, context('ARM', settings));
          } catch (e) {
            expect(e).toBeInstanceOf(MchError);
            return;
          }
          const f = r.files[0]!;
          expect(f.value_cells).toBe(b.cells.size + b.junkCells);
          expect(f.observations + f.rejections).toBe(f.value_cells);
          const byCell = new Map(r.observations.map((o) => [`${o.source?.sheet}!${o.source?.cell}`, o]));
          const refused = new Map(r.rejections.map((x) => [`${x.source.sheet}!${x.source.cell}`, x.reason]));
          for (const [at, { dims, e }] of b.cells) {
            const o = byCell.get(at);
            // a hostile row may repeat a partner with other values: then both cells are refused as conflicting
            if (!o) expect(refused.get(at), at).toBe('conflicting-value');
            else expect({ at, ...dims, obs_value: o.obs_value, obs_status: o.obs_status, conf_status: o.conf_status }).toEqual({ at, ...{ year: o.time_period, migr: o.migr_type, sex: o.sex, partner: o.partner }, ...e });
          }
          expect(JSON.stringify(r)).not.toMatch(/[\u202e\u0000]/u);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
