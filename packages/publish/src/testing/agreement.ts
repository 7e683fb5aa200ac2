// Test support: reads a release folder as four independent readers would and compares every cell.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Observation, groupBy, observationKey } from '@mch/core';
import ExcelJS from 'exceljs';
import { parseCsv } from '../csv-read';
import { readObservationsCsv } from '../observations-csv';
import { type PxCell, pxCells, readPx } from '../px/index';

export interface Agreement {
  /** observations of data/observations.csv compared */
  compared: number;
  /** cells compared in each format */
  cells: { sdmx: number; xlsx: number; px: number };
  disagreements: string[];
}

const SYMBOL_OF: Record<string, string> = { O: '[x]', M: '[z]', Q: '[c]' };

/**
 * Every observation of data/observations.csv against its cell in sdmx/mch.csv (read as SDMX says,
 * OBS_VALUE × 10^UNIT_MULT), in the table's workbook (the number, its marks [e] [p] [b] [d], or the
 * symbol) and in the PX file (the number, `-` for a reported nil, or the dot code).
 */
export async function formatAgreement(dir: string, limit = 50): Promise<Agreement> {
  const out: string[] = [];
  const add = (d: string) => {
    if (out.length < limit) out.push(d);
  };
  const observations = readObservationsCsv(readFileSync(join(dir, 'data', 'observations.csv'), 'utf8'));
  const byTable = groupBy(observations, (o) => o.table);
  const cells = { sdmx: sdmxAgreement(dir, observations, add), xlsx: 0, px: 0 };
  for (const file of readdirSync(join(dir, 'tables')).filter((f) => f.endsWith('.xlsx')).sort()) {
    cells.xlsx += await workbookAgreement(join(dir, 'tables', file), byTable.get(file.replace('.xlsx', '')) ?? [], add);
  }
  for (const file of readdirSync(join(dir, 'px')).filter((f) => f.endsWith('.px')).sort()) {
    cells.px += pxAgreement(join(dir, 'px', file), byTable.get(file.replace('.px', '')) ?? [], add);
  }
  return { compared: observations.length, cells, disagreements: out };
}

function sdmxAgreement(dir: string, observations: readonly Observation[], add: (d: string) => void): number {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, 'sdmx', 'mch.csv'), 'utf8'), 'mch.csv');
  const col = (name: string) => header!.indexOf(name);
  const z = (v: string) => (v === '_Z' ? '' : v);
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    const key = [r[col('REF_AREA')], r[col('MCH_TABLE')], r[col('TIME_PERIOD')], z(r[col('MIGR_TYPE')]!), r[col('SEX')], z(r[col('AGE')]!), z(r[col('COUNTERPART_AREA')]!)].join('|');
    byKey.set(key, r);
  }
  if (rows.length !== observations.length) add(`sdmx/mch.csv has ${rows.length} rows, observations.csv ${observations.length}`);
  let n = 0;
  for (const o of observations) {
    const key = observationKey(o);
    const r = byKey.get(key);
    if (!r) {
      add(`sdmx: no row for ${key}`);
      continue;
    }
    n++;
    const raw = r[col('OBS_VALUE')]!;
    const value = raw === '' ? null : Number(raw) * 10 ** Number(r[col('UNIT_MULT')]);
    const csvValue = o.obs_value === null ? null : o.obs_value * 10 ** o.unit_mult;
    if (value !== csvValue) add(`sdmx ${key}: ${value} against ${csvValue} in observations.csv`);
    if (r[col('OBS_STATUS')] !== o.obs_status) add(`sdmx ${key}: status ${r[col('OBS_STATUS')]} against ${o.obs_status}`);
    if (col('DERIVED') >= 0 && r[col('DERIVED')] !== String(o.derived)) add(`sdmx ${key}: DERIVED ${r[col('DERIVED')]} against ${o.derived}`);
  }
  return n;
}

async function workbookAgreement(path: string, observations: readonly Observation[], add: (d: string) => void): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const name = path.split('/').pop();
  let n = 0;
  const byCountry = groupBy(observations, (o) => o.ref_area);
  for (const [country, list] of byCountry) {
    const ws = wb.getWorksheet(country);
    if (!ws) {
      add(`${name}: no sheet ${country}`);
      continue;
    }
    const headerRow = findHeaderRow(ws);
    const headers = (ws.getRow(headerRow).values as unknown[]).slice(1).map(String);
    const typed = headers[0]!.startsWith('Type code');
    const codeCol = typed ? 3 : 1;
    const column = new Map<string, number>();
    headers.forEach((h, j) => {
      const m = /^(\d{4}) (.+)$/.exec(h);
      if (m) column.set(`${m[1]}|${sexOf(m[2]!)}`, j + 1);
    });
    const rowOf = new Map<string, number>();
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      rowOf.set(`${typed ? String(row.getCell(1).value ?? '') : ''}|${String(row.getCell(codeCol).value ?? '')}`, r);
    }
    for (const o of list) {
      const key = observationKey(o);
      const r = rowOf.get(`${o.migr_type}|${o.partner || o.age}`);
      const c = column.get(`${o.time_period}|${o.sex}`);
      if (r === undefined || c === undefined) {
        add(`${name} ${country}: no cell for ${key}`);
        continue;
      }
      n++;
      const cell = ws.getCell(r, c);
      if (o.obs_value === null || o.conf_status !== 'F') {
        const want = o.conf_status !== 'F' ? '[c]' : (SYMBOL_OF[o.obs_status] ?? '[x]');
        if (cell.value !== want) add(`${name} ${cell.address} ${key}: "${String(cell.value)}" against ${want}`);
        continue;
      }
      if (cell.value !== o.obs_value * 10 ** o.unit_mult) add(`${name} ${cell.address} ${key}: ${String(cell.value)} against ${o.obs_value}`);
      const marks = [...(['E', 'P', 'B'].includes(o.obs_status) ? [`[${o.obs_status.toLowerCase()}]`] : []), ...(o.derived ? ['[d]'] : [])];
      const want = marks.length ? `#,##0" ${marks.join(' ')}"` : '#,##0';
      if (cell.numFmt !== want) add(`${name} ${cell.address} ${key}: format ${cell.numFmt} against ${want}`);
    }
  }
  return n;
}

function findHeaderRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 20; r++) {
    const first = String(ws.getRow(r).getCell(1).value ?? '');
    if (first.startsWith('Type code') || first.startsWith('Country code') || first.startsWith('Age code')) return r;
  }
  throw new Error(`${ws.name}: no header row`);
}

function sexOf(label: string): string {
  if (label.startsWith('Total')) return '_T';
  if (label.startsWith('Men') || label.startsWith('Male')) return 'M';
  if (label.startsWith('Women') || label.startsWith('Female')) return 'F';
  return '_U';
}

function pxAgreement(path: string, observations: readonly Observation[], add: (d: string) => void): number {
  const read = readPx(readFileSync(path));
  const name = path.split('/').pop();
  if (!read.ok) {
    add(`${name}: ${read.problems.map((p) => p.message).join('; ')}`);
    return 0;
  }
  const view = read.table.views.get(read.table.language)!;
  const variables = [...view.stub, ...view.heading];
  const cells = new Map<string, PxCell>();
  for (const { at, cell } of pxCells(read.table)) cells.set(at.map((i, d) => variables[d]!.codes![i]).join('|'), cell);
  const typed = variables.length === 5;
  let n = 0;
  for (const o of observations) {
    const key = [o.ref_area, ...(typed ? [o.migr_type] : []), o.partner || o.age, String(o.time_period), o.sex].join('|');
    const cell = cells.get(key);
    if (!cell) {
      add(`${name}: no cell for ${observationKey(o)}`);
      continue;
    }
    n++;
    if (o.obs_value === null || o.conf_status !== 'F') {
      const want = o.conf_status !== 'F' ? '....' : o.obs_status === 'M' ? '...' : '..';
      if (cell.kind !== 'symbol' || cell.symbol !== want) add(`${name} ${key}: ${JSON.stringify(cell)} against "${want}"`);
      continue;
    }
    const value = cell.kind === 'number' ? cell.value : cell.symbol === '-' ? 0 : null;
    if (value !== o.obs_value * 10 ** o.unit_mult) add(`${name} ${key}: ${JSON.stringify(cell)} against ${o.obs_value}`);
  }
  return n;
}
