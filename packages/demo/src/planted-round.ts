import type { Observation, ReleaseConfig, ReleaseConfigInput, TableSet } from '@mch/core';
import { OBSERVATION_COLUMNS, observationRow, toCsv } from '@mch/core';
import { type Iso3, MCH12 } from './calibration';
import { ALL_TABLES } from './categories';
import { buildCsvText, CSV_STYLES, encodeCsv } from './csv-writer';
import { mainType } from './flows';
import { fileValues, type GeneratedFile, questionnaireSheets } from './generate';
import { ukrConflict } from './irregularities';
import { writeOoxmlWorkbook } from './ooxml-writer';
import { type FileSpec, marksFor } from './plan';
import { ROUND_PLANS } from './round-plants';
import { buildTruth, type Truth } from './truth';
import { getValue } from './values';

/** The reference years of the planted-errors round. */
export const ROUND_YEARS = [2010, 2011, 2012] as const;
const RECEIVED = '2013-06-28';
const CSV_COUNTRIES: readonly Iso3[] = ['RUS', 'BLR'];
const PREVIOUS = ['2023.1', '2024.1'] as const;

export interface PlantedRound {
  /** every file, paths relative to the round's folder */
  files: GeneratedFile[];
  /** the release configuration of the round, from a base configuration with the countries' settings */
  config(base: ReleaseConfig): ReleaseConfigInput;
}

function specOf(country: Iso3, path: string, format: 'xlsx' | 'csv', extra: Partial<FileSpec> = {}): FileSpec {
  const plan = ROUND_PLANS[country] ?? {};
  return {
    path,
    country,
    round: 2013,
    format,
    years: ROUND_YEARS,
    tables: ALL_TABLES,
    supersedes: false,
    received: RECEIVED,
    what: 'planted-errors round',
    marks: [...(plan.marks ?? []), ...marksFor(country, 2013)],
    ...(plan.mutate ? { mutate: plan.mutate } : {}),
    ...(plan.extraRows ? { extraRows: plan.extraRows } : {}),
    ...(plan.cellText ? { cellText: plan.cellText } : {}),
    ...extra,
  };
}

/** Each country's files: a questionnaire written by hand as sheet XML, or a long CSV file and its metadata workbook. */
function countryFiles(truth: Truth, titles: ReadonlyMap<string, { id: string; title_en: string; title_ru: string }>): { country: Iso3; spec: FileSpec; bytes: Uint8Array }[] {
  const out: { country: Iso3; spec: FileSpec; bytes: Uint8Array }[] = [];
  const xlsx = (spec: FileSpec) => writeOoxmlWorkbook(questionnaireSheets(spec, truth, titles).sheets);
  for (const c of MCH12) {
    const style = CSV_STYLES[c];
    if (CSV_COUNTRIES.includes(c) && style) {
      const spec = specOf(c, `${c}_2013_long.csv`, 'csv');
      const text = buildCsvText({ country: c, tables: spec.tables, years: spec.years, values: fileValues(spec, truth), marks: spec.marks, style });
      out.push({ country: c, spec, bytes: encodeCsv(text, style) });
      const meta = specOf(c, `${c}_2013_metadata.xlsx`, 'xlsx', { metadataOnly: true });
      out.push({ country: c, spec: meta, bytes: xlsx(meta) });
    } else {
      const spec = specOf(c, `${c}_questionnaire_2013.xlsx`, 'xlsx');
      out.push({ country: c, spec, bytes: xlsx(spec) });
    }
  }
  // S02: a second T08 file for 2012, not marked as superseding, that re-codes 40 departures
  const second = specOf('UKR', 'UKR_T08_2012_second_file.xlsx', 'xlsx', { years: [2012], tables: ['T08'], marks: [], mutate: ukrConflict, received: '2013-09-10' });
  out.push({ country: 'UKR', spec: second, bytes: xlsx(second) });
  return out;
}

/** Net migration of a country's main type, T04 − T08 totals, as MCH-B01 computes it. */
function netMigration(truth: Truth, c: Iso3, year: number): number {
  const t = mainType(c);
  return (getValue(truth[c], 'T04', year, t, '_T', '_T') ?? 0) - (getValue(truth[c], 'T08', year, t, '_T', '_T') ?? 0);
}

/** A WPP-like series: the national figures rounded to thousands, and GEO 2012 of the opposite sign (MCH-B01). */
function benchmarkCsv(truth: Truth): string {
  const lines = ['ref_area,time_period,sex,value'];
  for (const c of MCH12) {
    for (const y of ROUND_YEARS) {
      const n = netMigration(truth, c, y);
      const v = c === 'GEO' && y === 2012 ? -Math.sign(n || 1) * (Math.abs(n) + 4000) : Math.round(n / 1000) * 1000;
      lines.push(`${c},${y},_T,${v}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function total(c: Iso3, table: string, year: number, value: number, obs_status: Observation['obs_status'], basis: Observation['definition_basis']): Observation {
  return { ref_area: c, table, time_period: year, migr_type: 'NAT', sex: '_T', age: '', partner: '_T', obs_value: value, obs_status, conf_status: 'F', definition_basis: basis, unit_mult: 0, derived: false, note_refs: [], source: null };
}

/**
 * Two earlier releases, as far as the checks read them: UKR's 2010 total provisional in both
 * (MCH-T03), RUS's 2011 total published 500 lower in the later one (MCH-R01).
 */
function previousReleases(truth: Truth, folder: string): GeneratedFile[] {
  const ukr = total('UKR', 'T04', 2010, getValue(truth.UKR, 'T04', 2010, 'NAT', '_T', '_T')!, 'P', 'PERM_REG');
  const rus = total('RUS', 'T04', 2011, getValue(truth.RUS, 'T04', 2011, 'NAT', '_T', '_T')! - 500, 'A', 'STAY_REG_9M');
  const text = (s: string) => new TextEncoder().encode(s);
  return PREVIOUS.flatMap((version, i) => {
    const observations = i === 0 ? [ukr] : [ukr, rus];
    const previous = i === 0 ? null : `${folder}/releases/${PREVIOUS[i - 1]}`;
    return [
      { path: `releases/${version}/data/observations.csv`, bytes: text(toCsv(OBSERVATION_COLUMNS, observations.map((o) => observationRow(o)))) },
      { path: `releases/${version}/datapackage.json`, bytes: text(`${JSON.stringify({ name: `mch-${version}`, version, mch: { previous_release: previous } }, null, 2)}\n`) },
    ];
  });
}

/**
 * A complete round of all 12 countries with one planted error per rule and the traps of
 * round-plants.ts, written for `mch check` under `folder` (a path inside the repository).
 * Questionnaires are hand-written sheet XML (a second writer, not exceljs). Deterministic.
 */
export function buildPlantedRound(tableSet: TableSet, folder: string): PlantedRound {
  const truth = buildTruth();
  const titles = new Map(tableSet.tables.map((t) => [t.id, t]));
  const made = countryFiles(truth, titles);
  const files: GeneratedFile[] = [
    ...made.map((m) => ({ path: m.spec.path, bytes: m.bytes })),
    { path: 'benchmarks/wpp2024.csv', bytes: new TextEncoder().encode(benchmarkCsv(truth)) },
    ...previousReleases(truth, folder),
  ];
  return {
    files,
    config: (base) => {
      const countries: ReleaseConfigInput['countries'] = {};
      for (const c of MCH12) {
        const settings = structuredClone(base.countries[c]);
        if (!settings) throw new Error(`the base configuration has no settings for ${c}`);
        settings.files = made.filter((m) => m.country === c).map((m) => ({ path: `${folder}/${m.spec.path}`, round: 2013, supersedes: false, received: m.spec.received }));
        if (settings.supply) delete settings.supply.years;
        // G01: the clearance of Turkmenistan not recorded
        if (c === 'TKM') settings.clearance = { cleared: false, by: '' };
        countries[c] = settings;
      }
      return {
        ...structuredClone(base),
        version: '2025.1',
        release_date: '2025-01-15',
        reference_years: [...ROUND_YEARS],
        previous_release: `${folder}/releases/${PREVIOUS[1]}`,
        benchmarks: { wpp2024: `${folder}/benchmarks/wpp2024.csv` },
        countries,
        // W01: a waiver that matches no finding of the round
        waivers: [{ rule: 'MCH-A01', ref_area: 'UZB', table: 'T03', time_period: 2011, justification: 'confirmed by the office', approved_by: 'J. Smith', date: '2024-12-01', expires: '2026.1' }],
      };
    },
  };
}
