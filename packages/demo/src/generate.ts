import type { TableSet } from '@mch/core';
import { buildCsvText, CSV_STYLES, encodeCsv } from './csv-writer';
import { definitionBasis, territory } from './metadata';
import { demoFiles, type FileSpec } from './plan';
import { buildDemoReadme } from './readme';
import { buildTableSheet, type CellValue, type SheetModel, type TableText } from './sheet-model';
import { STYLES, type SheetStyle } from './styles';
import { buildTruth, type Truth } from './truth';
import type { Values } from './values';
import { simpleSheet, writeWorkbook } from './xlsx-writer';

export interface GeneratedFile {
  /** relative to data/raw */
  path: string;
  bytes: Uint8Array;
}

/** The figures a file carries: the truth of its country with the file's own slips and revisions. */
export function fileValues(spec: FileSpec, truth: Truth): Values {
  const values = new Map(truth[spec.country]);
  spec.mutate?.(values);
  return values;
}

function coverSheet(spec: FileSpec, style: SheetStyle): SheetModel {
  return simpleSheet('Cover', [
    ['Country', style.coverCountry],
    ['Round', spec.round],
    ['Contact', style.contact],
    ['Date', spec.received],
  ]);
}

function metadataSheet(spec: FileSpec, style: SheetStyle): SheetModel {
  const rows: CellValue[][] = [['Table', 'Source', 'Definition basis', 'Reference date', 'Territory', 'Breaks', 'Notes']];
  const terr = territory(spec.country);
  for (const table of spec.tables) {
    const stock = ['T01', 'T02', 'T03'].includes(table);
    rows.push([
      table,
      stock ? 'register' : table === 'T11' ? 'register' : spec.country === 'GEO' ? 'border crossings' : 'register',
      definitionBasis(spec.country, table, spec.years[0]!),
      stock ? '01-01' : style.lang === 'ru' ? 'календарный год' : 'calendar year',
      style.lang === 'ru' ? terr.ru : terr.en,
      '',
      '',
    ]);
  }
  return simpleSheet('Metadata', rows);
}

/** The sheets of one questionnaire: Cover, Metadata (a full one), one sheet per table, as the country's style lays them out. */
export function questionnaireSheets(spec: FileSpec, truth: Truth, titles: ReadonlyMap<string, TableText>): { sheets: SheetModel[]; creator: string } {
  const style = STYLES[spec.country];
  if (!style) throw new Error(`no questionnaire style for ${spec.country}`);
  const values = fileValues(spec, truth);
  const full = spec.tables.length > 2;
  const sheets: SheetModel[] = [coverSheet(spec, style)];
  if (full) sheets.push(metadataSheet(spec, style));
  for (const id of spec.metadataOnly ? [] : spec.tables) {
    const table = titles.get(id);
    if (!table) throw new Error(`table ${id} is not in the table set`);
    const hooks = { ...(spec.extraRows?.[id] ? { extraRows: spec.extraRows[id] } : {}), ...(spec.cellText ? { cellText: spec.cellText } : {}) };
    sheets.push(buildTableSheet({ country: spec.country, table, years: spec.years, values, style, marks: spec.marks, netAgainst: values, ...hooks }));
  }
  return { sheets, creator: style.contact };
}

async function questionnaire(spec: FileSpec, truth: Truth, titles: ReadonlyMap<string, TableText>): Promise<Uint8Array> {
  const { sheets, creator } = questionnaireSheets(spec, truth, titles);
  return writeWorkbook(sheets, creator);
}

/** Builds every file of data/raw in memory, README included. Deterministic: same bytes every run. */
export async function buildDemoFiles(tableSet: TableSet): Promise<GeneratedFile[]> {
  const truth = buildTruth();
  const titles = new Map(tableSet.tables.map((t) => [t.id, t]));
  const out: GeneratedFile[] = [];
  for (const spec of demoFiles()) {
    if (spec.format === 'csv') {
      const style = CSV_STYLES[spec.country];
      if (!style) throw new Error(`no CSV style for ${spec.country}`);
      const text = buildCsvText({ country: spec.country, tables: spec.tables, years: spec.years, values: fileValues(spec, truth), marks: spec.marks, style });
      out.push({ path: spec.path, bytes: encodeCsv(text, style) });
    } else {
      out.push({ path: spec.path, bytes: await questionnaire(spec, truth, titles) });
    }
  }
  out.push({ path: 'README.md', bytes: new TextEncoder().encode(buildDemoReadme(out)) });
  return out;
}
