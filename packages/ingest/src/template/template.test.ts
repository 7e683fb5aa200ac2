import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Observation } from '@mch/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest';
import { codelists, context, tableSet } from '../test-support/dump';
import { findSoffice } from '../xls/convert';
import { writeQuestionnaireTemplate } from './write';

const options = { country: 'ARM', years: [2011, 2012], tableSet, codelists, contact: 'Ms A. Petrosyan', date: '2013-03-01' };
const soffice = findSoffice();
if (!soffice && process.env.CI === 'true') throw new Error('LibreOffice (soffice) is required under CI=true: .ci/run installs libreoffice-calc-nogui');

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const column = (ws: ExcelJS.Worksheet, col: number) => {
  const out: string[] = [];
  ws.eachRow((row) => out.push(String(row.getCell(col).value ?? '')));
  return out;
};

describe('the blank questionnaire', async () => {
  const bytes = await writeQuestionnaireTemplate(options);
  const wb = await load(bytes);

  it('has the Cover, the Metadata and one sheet per table of the table set, the same bytes each time', async () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'Metadata', ...tableSet.tables.map((t) => t.id)]);
    expect(column(wb.getWorksheet('Cover')!, 2).slice(0, 4)).toEqual(['ARM', '2013', 'Ms A. Petrosyan', '2013-03-01']);
    expect(column(wb.getWorksheet('Metadata')!, 1)).toEqual(['Table / Таблица', ...tableSet.tables.map((t) => t.id)]);
    expect(Buffer.from(await writeQuestionnaireTemplate(options)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes titles in both languages, the year × sex header, standard partner rows and type blocks', () => {
    const t04 = wb.getWorksheet('T04')!;
    expect([1, 2, 3].map((r) => t04.getCell(r, 1).value)).toEqual([
      'Table 4. Immigrants by country of previous residence, type of migration, sex, country and year',
      'Таблица 4. Иммигранты по стране предыдущего проживания, типу миграции, полу, стране и году',
      'Unit: persons / Единица измерения: человек',
    ]);
    expect([3, 4, 5, 6, 7, 8].map((c) => t04.getCell(5, c).value)).toEqual([2011, 2011, 2011, 2012, 2012, 2012]);
    expect([3, 4, 5].map((c) => t04.getCell(6, c).value)).toEqual(['Total / Всего', 'Men / Мужчины', 'Women / Женщины']);
    // rows 1-3, 5, 6 are titles and header (row 4 is empty); the last is the notes line
    const codes = column(t04, 1).slice(5, -1);
    // Armenia is no previous residence of its own immigrants, stateless is no country of residence
    const partners = codelists.standard_partner_rows.filter((c) => c !== 'ARM' && c !== 'STLS');
    expect(codes).toEqual(['', ...partners, '', ...partners, '', ...partners]);
    expect(t04.getCell(7, 2).value).toBe('Long-term migrants (12 months or more) / Долгосрочные мигранты (12 месяцев и более)');
    expect(t04.getCell(8, 2).value).toBe('Azerbaijan / Азербайджан');
    expect(column(wb.getWorksheet('T02')!, 1).slice(6)).toContain('STLS');
    expect(column(wb.getWorksheet('T03')!, 1).slice(5, 8)).toEqual(['_T', 'Y_LT5', 'Y5-9']);
    expect(wb.getWorksheet('T03')!.getCell(8, 2).value).toBe('Under 5 / до 5 лет');
  });

  it('reads back as nothing: no value cells, no rejections, no warnings', async () => {
    const r = await ingestFile({ path: 'template.xlsx', bytes }, context('ARM'));
    expect(r.files[0]).toMatchObject({ value_cells: 0, rejections: 0, warnings: [], tables: tableSet.tables.map((t) => t.id) });
  });
});

describe('a filled questionnaire reads back to exactly the values written', () => {
  it('filled cell by cell, every cell of every table', async () => {
    const wb = await load(await writeQuestionnaireTemplate(options));
    const written = new Map<string, number>();
    let n = 0;
    for (const ws of wb.worksheets.slice(2)) {
      ws.eachRow((row, r) => {
        if (r < 7 || !row.getCell(1).value || String(row.getCell(1).value).startsWith('Notes')) return;
        for (let c = 3; c <= 8; c++) {
          n = (n * 7919 + 13) % 100_003;
          row.getCell(c).value = n;
          written.set(`${ws.name}!${row.getCell(c).address}`, n);
        }
      });
    }
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await ingestFile({ path: 'filled.xlsx', bytes }, context('ARM'));
    expect(r.rejections).toEqual([]);
    expect(r.files[0]!.value_cells).toBe(written.size);
    const read = new Map(r.observations.map((o) => [`${o.source?.sheet}!${o.source?.cell}`, o.obs_value]));
    expect(read).toEqual(written);
    // each cell lands on the key its row, block and column stand for
    const t04 = r.observations.filter((o) => o.table === 'T04' && o.partner === 'AZE' && o.time_period === 2012 && o.sex === 'F');
    expect(t04.map((o) => [o.migr_type, o.source?.cell])).toEqual([['LT', 'H8'], ['ST', 'H36'], ['NAT', 'H64']]);
  });

  it('prefilled from observations, with symbols and flags', async () => {
    const obs = (table: string, partner: string, age: string, migr_type: Observation['migr_type'], sex: Observation['sex'], obs_value: number | null, obs_status: Observation['obs_status'], conf_status: Observation['conf_status'] = 'F'): Observation => ({
      ...{ ref_area: 'ARM', table, time_period: 2012, migr_type, sex, age, partner, obs_value, obs_status, conf_status },
      ...{ definition_basis: '', unit_mult: 0, derived: false, note_refs: [], source: null },
    });
    const values = [
      obs('T01', 'RUS', '', '', 'M', 1234, 'A'),
      obs('T04', 'GEO', '', 'ST', 'F', 17, 'P'),
      obs('T07', '', 'Y15-19', 'LT', '_T', null, 'O'),
      obs('T08', 'DEU', '', 'NAT', '_T', null, 'Q', 'C'),
      obs('T02', 'UNK', '', '', 'F', null, 'M'),
      obs('T11', 'UZB', '', '', 'M', 3, 'E'),
    ];
    const r = await ingestFile({ path: 'prefilled.xlsx', bytes: await writeQuestionnaireTemplate({ ...options, values }) }, context('ARM'));
    const strip = (o: Observation) => [o.table, o.partner || o.age, o.migr_type, o.sex, o.obs_value, o.obs_status, o.conf_status];
    expect(r.observations.map(strip).sort()).toEqual(values.map(strip).sort());
  });

  it('adds a row for every partner and age group of the values outside the standard rows', async () => {
    const obs = (table: string, partner: string, age: string, obs_value: number, time_period = 2012): Observation => ({
      ...{ ref_area: 'ARM', table, time_period, migr_type: '', sex: '_T', age, partner, obs_value, obs_status: 'A', conf_status: 'F' },
      ...{ definition_basis: '', unit_mult: 0, derived: false, note_refs: [], source: null },
    });
    // SYR before IRN and Y_GE70 before Y_GE75 on purpose: rows follow code order, not value order
    const values = [obs('T01', 'SYR', '', 7), obs('T01', 'IRN', '', 5), obs('T01', 'SUN', '', 11), obs('T03', '', 'Y_GE75', 3), obs('T03', '', 'Y_GE70', 9)];
    // a year not asked for adds no row
    const elsewhere = [obs('T01', 'FRA', '', 1, 2010), { ...obs('T01', 'ESP', '', 1), ref_area: 'AZE' }];
    const wb = await load(await writeQuestionnaireTemplate({ ...options, values: [...values, ...elsewhere] }));
    const t01 = column(wb.getWorksheet('T01')!, 1).slice(6, -1);
    expect(t01.slice(t01.indexOf('GRC'))).toEqual(['GRC', 'IRN', 'SUN', 'SYR', 'OTH', 'UNK', '_T']);
    const labels = new Map<string, unknown>();
    wb.getWorksheet('T01')!.eachRow((row) => labels.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(labels.get('IRN')).toBe('Islamic Republic of Iran / Иран');
    const t03 = column(wb.getWorksheet('T03')!, 1).slice(6, -1);
    expect(t03.slice(-4)).toEqual(['Y_GE85', 'Y_GE70', 'Y_GE75', '_U']);
    expect(column(wb.getWorksheet('T04')!, 1)).not.toContain('SYR');
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await ingestFile({ path: 'prefilled.xlsx', bytes }, context('ARM'));
    const strip = (o: Observation) => [o.table, o.partner || o.age, o.obs_value];
    expect(r.observations.map(strip).sort()).toEqual(values.map(strip).sort());
  });
});

describe('a second reader sees the sheets', () => {
  const name = `LibreOffice converts every sheet of the template to CSV${soffice ? '' : ' (skipped: soffice is not on PATH)'}`;
  it.skipIf(!soffice)(name, { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mch-template-'));
    try {
      writeFileSync(join(dir, 'q.xlsx'), await writeQuestionnaireTemplate(options));
      // the last token of the filter options (-1) writes one CSV per sheet, named q-<sheet>.csv
      const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
      const run = spawnSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', dir, join(dir, 'q.xlsx')], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      for (const sheet of ['Cover', 'Metadata', ...tableSet.tables.map((t) => t.id)]) expect(existsSync(join(dir, `q-${sheet}.csv`)), sheet).toBe(true);
      const t04 = readFileSync(join(dir, 'q-T04.csv'), 'utf8').split('\n');
      expect(t04[4]).toBe('Code / Код,Country / Страна,2011,,,2012,,');
      expect(t04[6]).toBe(',Long-term migrants (12 months or more) / Долгосрочные мигранты (12 месяцев и более),,,,,,');
      expect(t04[7]).toBe('AZE,Azerbaijan / Азербайджан,,,,,,');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
