import { createReadStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import countries from 'i18n-iso-countries';
import { CountrySettings, type CodeLists, type Observation, type TableSet, defineReleaseConfig } from '@mch/core';
import { type IngestedFile, harmonise } from '@mch/harmonise';
import { ingestFile } from '@mch/ingest';
import { runQuality } from '@mch/quality';
import { TIERS, type Tier, writeCountryCsv } from './generate';
import { measure } from './measure';

export interface StageResult {
  stage: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

const MCH12 = ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB'];

/** Reporting countries: the Clearing House twelve first, then others up to the tier's count. */
function reportingCountries(n: number): string[] {
  const others = Object.values(countries.getAlpha2Codes()).filter((c) => !MCH12.includes(c)).sort();
  return [...MCH12, ...others].slice(0, n);
}

export async function runBenchmark(tier: Tier, tableSet: TableSet, codelists: CodeLists, limitCountries?: number): Promise<StageResult[]> {
  const size = TIERS[tier];
  const refAreas = reportingCountries(limitCountries ?? size.countries);
  const partners = [...reportingCountries(size.partners), 'OTH', 'UNK'];
  const years = Array.from({ length: size.years }, (_, i) => 2000 + i);
  const dir = join(tmpdir(), `mch-bench-${tier}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const results: StageResult[] = [];
  const record = (stage: string, rows: number, m: { seconds: number; peakRssMb: number }) =>
    results.push({ stage, rows, seconds: round(m.seconds), rowsPerSecond: Math.round(rows / m.seconds), peakRssMb: m.peakRssMb });
  try {
    const files = refAreas.map((r, i) => ({ ref_area: r, path: join(dir, `${r}.csv`), seed: 1000 + i }));
    const gen = await measure(async () => {
      let rows = 0;
      for (const f of files) rows += await writeCountryCsv(f.path, f.ref_area, partners, years, f.seed);
      return rows;
    });
    record('generate input (long CSV)', gen.result, gen);

    const floor = await measure(async () => {
      let rows = 0;
      for (const f of files) for await (const _ of createReadStream(f.path).pipe(parse())) rows++;
      return rows - files.length;
    });
    record('floor: csv-parse alone', floor.result, floor);

    const settings = CountrySettings.parse({});
    const ingested = await measure(async () => {
      const out: { ref_area: string; files: IngestedFile[] }[] = [];
      for (const f of files) {
        const result = await ingestFile({ path: f.path, bytes: readFileSync(f.path) }, { ref_area: f.ref_area, tableSet, codelists, settings });
        out.push({ ref_area: f.ref_area, files: [{ file: { path: f.path, round: 0, supersedes: false }, result }] });
      }
      return out;
    });
    const observations = ingested.result.reduce((s, c) => s + c.files[0]!.result.observations.length, 0);
    record('ingest (csv)', observations, ingested);

    const config = defineReleaseConfig({
      version: '2099.1',
      release_date: '2099-01-01',
      reference_years: years,
      table_set: 'pipelines/mch/tables.yaml',
      codelists: 'pipelines/mch/codelists.yaml',
      countries: Object.fromEntries(refAreas.map((r) => [r, { definition_basis: { default: 'PERM_REG' as const } }])),
      metadata: { title_en: 'bench', title_ru: 'bench', contact: { organisation: 'o', unit: 'u', email: 'e', organisation_ru: 'o' } },
    });
    const harmonised = await measure(() => harmonise({ config, tableSet, codelists, breaks: [], countries: ingested.result }));
    record('harmonise', harmonised.result.observations.length, harmonised);

    const checked = await measure(() => runQuality({ config, tableSet, codelists, data: harmonised.result, breaks: [] }));
    record('quality (every rule)', harmonised.result.observations.length, checked);

    const excelFloor = await measure(() => writeCellsStreaming(join(dir, 'floor.xlsx'), harmonised.result.observations));
    record('floor: exceljs streaming writer, same cells', excelFloor.result, excelFloor);
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What no Excel output of these observations can beat: one row per observation, streamed. */
async function writeCellsStreaming(path: string, observations: readonly Observation[]): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('floor');
  let rows = 0;
  for (const o of observations) {
    if (rows >= 1_048_575) break; // Excel's row limit
    ws.addRow([o.ref_area, o.table, o.time_period, o.sex, o.partner, o.obs_value]).commit();
    rows++;
  }
  await wb.commit();
  return rows;
}

const round = (n: number) => Math.round(n * 100) / 100;
