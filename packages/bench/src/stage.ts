import { once } from 'node:events';
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import {
  CodeLists,
  type HarmonisedData,
  type Observation,
  ObservationStore,
  ReleaseConfig,
  TableSet,
  deserialiseStore,
  parseYamlWith,
  serialiseStore,
} from '@mch/core';
import { harmonise } from '@mch/harmonise';
import { ingestFile } from '@mch/ingest';
import { type CountryChecks, type QualityInput, checkCountry, countryInputs, finishQuality } from '@mch/quality';

/**
 * One stage of the chain in a process of its own, called by the bench as
 * `stage.ts <stage> <workspace> <config> [country]`: the stage's own work is timed here (what it
 * needs from the stage before is read from what that one left in <workspace>/.bench/, untimed),
 * and the process's peak memory is the operating system's. Prints one line of JSON.
 */
export interface StageOutput {
  stage: string;
  rows: number;
  seconds: number;
  /** seconds per country, in configuration order */
  perCountry: Record<string, number>;
  extra: Record<string, number>;
}

type Stage = (w: Work) => Promise<StageOutput>;

interface Work {
  root: string;
  config: ReleaseConfig;
  tableSet: TableSet;
  codelists: CodeLists;
  countries: string[];
}

/** Seconds since `start`. */
const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

const filesOf = (w: Work, r: string) => (w.config.countries[r]?.files ?? []).map((f) => ({ file: f, path: join(w.root, f.path) }));

/** The floor: csv-parse alone over the same bytes, at its fastest here (arrays, 1 MB chunks, a 'data' listener). */
async function csvFloor(w: Work): Promise<StageOutput> {
  const out: StageOutput = { stage: 'csv-floor', rows: 0, seconds: 0, perCountry: {}, extra: {} };
  for (const r of w.countries) {
    const start = process.hrtime.bigint();
    for (const f of filesOf(w, r)) {
      const parser = createReadStream(f.path, { highWaterMark: 1 << 20 }).pipe(parse());
      let records = 0;
      parser.on('data', () => records++);
      await once(parser, 'end');
      out.rows += records - 1;
    }
    out.perCountry[r] = since(start);
    out.seconds += out.perCountry[r];
  }
  return out;
}

/** Ingest as `mch` runs it: file by file, one country at a time, the result let go before the next. */
async function ingestStage(w: Work): Promise<StageOutput> {
  const out: StageOutput = { stage: 'ingest', rows: 0, seconds: 0, perCountry: {}, extra: { rejections: 0 } };
  for (const r of w.countries) {
    const settings = w.config.countries[r]!;
    const start = process.hrtime.bigint();
    for (const f of filesOf(w, r)) {
      const result = await ingestFile({ path: f.file.path, bytes: readFileSync(f.path) }, { ref_area: r, tableSet: w.tableSet, codelists: w.codelists, settings });
      out.rows += result.observations.length;
      out.extra.rejections! += result.rejections.length;
    }
    out.perCountry[r] = since(start);
    out.seconds += out.perCountry[r];
  }
  return out;
}

const partsDir = (w: Work) => join(w.root, '.bench', 'parts');

/**
 * Harmonise country by country into the columnar store, as the chain does (ingest untimed
 * before it). Each country's store and the rest of what harmonise gives are left in .bench/ for
 * the stages after; the store's bytes per observation are measured on the way.
 */
async function harmoniseStage(w: Work): Promise<StageOutput> {
  const out: StageOutput = { stage: 'harmonise', rows: 0, seconds: 0, perCountry: {}, extra: { derived: 0, storeBytes: 0, dictionaryBytes: 0 } };
  mkdirSync(partsDir(w), { recursive: true });
  for (const r of w.countries) {
    const settings = w.config.countries[r]!;
    const files = [];
    for (const f of filesOf(w, r)) {
      files.push({ file: f.file, result: await ingestFile({ path: f.file.path, bytes: readFileSync(f.path) }, { ref_area: r, tableSet: w.tableSet, codelists: w.codelists, settings }) });
    }
    const start = process.hrtime.bigint();
    const data = harmonise({ config: w.config, tableSet: w.tableSet, codelists: w.codelists, breaks: [], countries: [{ ref_area: r, files }] });
    const store = new ObservationStore().appendAll(data.observations).trim();
    out.perCountry[r] = since(start);
    out.seconds += out.perCountry[r];
    out.rows += store.length;
    out.extra.derived! += store.countDerived();
    const bytes = store.byteLength();
    out.extra.storeBytes! += bytes.columns;
    out.extra.dictionaryBytes! += bytes.dictionaries;
    const { observations: _o, analytical, ...rest } = data;
    writeFileSync(join(partsDir(w), `${r}.store`), serialiseStore(store));
    writeFileSync(join(partsDir(w), `${r}.analytical`), serialiseStore(new ObservationStore().appendAll(analytical ?? [])));
    writeFileSync(join(partsDir(w), `${r}.json`), JSON.stringify(rest));
  }
  return out;
}

/** One country's harmonised data as harmonise left it: the store's columns and the rest (read untimed). */
function readPart(w: Work, r: string): { store: ObservationStore; analytical: ObservationStore; rest: Omit<HarmonisedData, 'observations' | 'analytical'> } {
  return {
    store: deserialiseStore(readFileSync(join(partsDir(w), `${r}.store`))),
    analytical: deserialiseStore(readFileSync(join(partsDir(w), `${r}.analytical`))),
    rest: JSON.parse(readFileSync(join(partsDir(w), `${r}.json`), 'utf8')),
  };
}

const rows = (s: ObservationStore) => Array.from({ length: s.length }, (_, i) => s.get(i));

/**
 * Every rule, as the chain runs them: each country's rules on its observations rebuilt from the
 * columns (timed: mch pays it too), then the rules across countries on what each left.
 */
async function qualityStage(w: Work): Promise<StageOutput> {
  const out: StageOutput = { stage: 'quality', rows: 0, seconds: 0, perCountry: {}, extra: { findings: 0 } };
  const release: Omit<QualityInput, 'data'> = { config: w.config, tableSet: w.tableSet, codelists: w.codelists, breaks: [], history: [] };
  const checked: CountryChecks[] = [];
  let files: HarmonisedData['files'] = [];
  let metadata: HarmonisedData['metadata'] = [];
  for (const r of w.countries) {
    const part = readPart(w, r);
    const start = process.hrtime.bigint();
    const data: HarmonisedData = { ...part.rest, observations: rows(part.store), analytical: rows(part.analytical) };
    const own = countryInputs({ ...release, data }).find((c) => c.ref_area === r)!;
    checked.push(checkCountry(own));
    out.perCountry[r] = since(start);
    out.seconds += out.perCountry[r];
    out.rows += part.store.length;
    files = files.concat(data.files);
    metadata = metadata.concat(data.metadata);
  }
  const start = process.hrtime.bigint();
  const { history: _h, ...rest } = release;
  const report = finishQuality({ ...rest, data: { files, metadata } }, checked);
  out.extra.acrossSeconds = since(start);
  out.seconds += out.extra.acrossSeconds;
  out.extra.findings = report.findings.length;
  return out;
}

const SEXES = ['_T', 'M', 'F'];

/**
 * The floor of the Excel tables: exceljs's streaming writer alone writing the cells of the
 * published sheets (one workbook per table, one sheet per country; rows type × partner or age,
 * columns year × sex, a reported value before a derived one of the same key, numbers with the
 * thousands format). The grids are built untimed; only the writing is timed.
 */
async function xlsxFloor(w: Work): Promise<StageOutput> {
  const out: StageOutput = { stage: 'xlsx-floor', rows: 0, seconds: 0, perCountry: {}, extra: {} };
  const dir = join(w.root, '.bench', 'xlsx-floor');
  mkdirSync(dir, { recursive: true });
  const years = [...w.config.reference_years].sort((a, b) => a - b);
  const column = (o: Observation) => years.indexOf(o.time_period) * SEXES.length + SEXES.indexOf(o.sex);
  const grids = new Map<string, Map<string, Map<string, (number | string)[]>>>();
  for (const r of w.countries) {
    const { store } = readPart(w, r);
    for (let i = 0; i < store.length; i++) {
      const o = store.get(i);
      const c = column(o);
      if (c < 0 || o.sex === '_U') continue;
      const byCountry = grids.get(o.table) ?? grids.set(o.table, new Map()).get(o.table)!;
      const grid = byCountry.get(r) ?? byCountry.set(r, new Map()).get(r)!;
      const key = `${o.migr_type}|${o.age || o.partner}`;
      const row = grid.get(key) ?? grid.set(key, [o.migr_type, o.age || o.partner, ...Array(years.length * SEXES.length).fill('[x]')]).get(key)!;
      // sorted by key, a derived value comes after the reported one it sits beside
      if (!o.derived || row[2 + c] === '[x]') row[2 + c] = o.obs_value ?? '[x]';
    }
  }
  for (const [table, byCountry] of [...grids].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, `${table}.xlsx`), useStyles: true, useSharedStrings: false });
    for (const [r, grid] of byCountry) {
      const start = process.hrtime.bigint();
      const ws = wb.addWorksheet(r);
      ws.columns = [{ key: 'type' }, { key: 'code' }, ...years.flatMap((y) => SEXES.map((s) => ({ key: `${y}${s}`, style: { numFmt: '#,##0' } })))];
      ws.addRow(['Type', 'Code', ...years.flatMap((y) => SEXES.map((s) => `${y} ${s}`))]).commit();
      for (const row of grid.values()) {
        ws.addRow(row).commit();
        out.rows += row.length;
      }
      ws.commit();
      out.perCountry[r] = (out.perCountry[r] ?? 0) + since(start);
    }
    const start = process.hrtime.bigint();
    await wb.commit();
    const commit = since(start);
    // the workbook's own closing is shared out among its sheets by their number
    for (const r of byCountry.keys()) out.perCountry[r]! += commit / byCountry.size;
  }
  out.seconds = Object.values(out.perCountry).reduce((a, b) => a + b, 0);
  return out;
}

const STAGES: Record<string, Stage> = { 'csv-floor': csvFloor, ingest: ingestStage, harmonise: harmoniseStage, quality: qualityStage, 'xlsx-floor': xlsxFloor };

async function main(argv: string[]): Promise<void> {
  const [name, root, configPath, only] = argv;
  const stage = name && STAGES[name];
  if (!stage || !root || !configPath) throw new Error(`usage: stage.ts <${Object.keys(STAGES).join('|')}> <workspace> <config> [country]`);
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  const config = ReleaseConfig.parse(JSON.parse(read(configPath)));
  const work: Work = {
    root,
    config,
    tableSet: parseYamlWith(TableSet, read(config.table_set), config.table_set),
    codelists: parseYamlWith(CodeLists, read(config.codelists), config.codelists),
    countries: Object.keys(config.countries).filter((r) => !only || r === only),
  };
  console.log(JSON.stringify(await stage(work)));
}

await main(process.argv.slice(2));
