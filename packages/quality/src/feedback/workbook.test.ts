import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipArchive } from '@mch/core/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runQuality } from '../run';
import { input, o } from '../testing/fixtures';
import { noisyReport } from '../testing/noisy-report';
import { writeInternalReports } from '../write';
import { feedbackCountries, feedbackKey, feedbackWorkbook } from './workbook';

/** LibreOffice's CSV export as rows (RFC 4180: quoted fields may hold commas, quotes and line ends). */
function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

async function countryWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('T05');
  ws.getCell('C5').value = 5210;
  ws.getCell('D5').value = 2400;
  ws.getCell('E5').value = 2790;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const at = (file: string, cell: string, sheet = 'T05') => ({ source: { file, sha256: 'x', sheet, cell, raw: '' } });
const XLSX = 'data/raw/ARM.xlsx';
const CSV = 'data/raw/KAZ.csv';
// the A01 slip lies in the workbook; the KAZ total in a CSV file (Windows-1251, as some offices send)
const report = () =>
  runQuality(
    input([
      o('ARM|T05|2012|LT|_T||_T', 5210, at(XLSX, 'C5')),
      o('ARM|T05|2012|LT|M||_T', 2400, at(XLSX, 'D5')),
      o('ARM|T05|2012|LT|F||_T', 2790, at(XLSX, 'E5')),
      o('KAZ|T05|2012|LT|_T||_T', 100, at(CSV, '2', '')),
      o('KAZ|T05|2012|LT|M||_T', 40, at(CSV, '3', '')),
      o('KAZ|T05|2012|LT|F||_T', 50, at(CSV, '4', '')),
    ]),
  );

describe('feedbackKey', () => {
  it("changes with the country's findings and files, not with another country's findings", async () => {
    const bytes = await countryWorkbook();
    const files = [{ path: XLSX, bytes, ref_area: 'ARM' }];
    const base = report();
    const key = feedbackKey(base, 'ARM', files);
    expect(feedbackKey(report(), 'ARM', files)).toBe(key);
    // the file's content, given as its hash or as bytes
    expect(feedbackKey(base, 'ARM', [{ ...files[0]!, sha256: createHash('sha256').update(bytes).digest('hex') }])).toBe(key);
    expect(feedbackKey(base, 'ARM', [{ ...files[0]!, bytes: new Uint8Array([...bytes, 0]) }])).not.toBe(key);
    const arm = base.findings.findIndex((f) => f.ref_area === 'ARM');
    const kaz = base.findings.findIndex((f) => f.ref_area === 'KAZ' && !f.sources.some((x) => x.file === XLSX));
    expect(arm).toBeGreaterThanOrEqual(0);
    expect(kaz).toBeGreaterThanOrEqual(0);
    const edited = (i: number) => ({ ...base, findings: base.findings.map((f, j) => (j === i ? { ...f, message: `${f.message}!` } : f)) });
    expect(feedbackKey(edited(arm), 'ARM', files)).not.toBe(key);
    expect(feedbackKey(edited(kaz), 'ARM', files)).toBe(key);
    expect(feedbackKey({ ...base, release_date: '2099-01-01' }, 'ARM', files)).not.toBe(key);
  });

  it('lets writeInternalReports take a workbook from its cache and keep the ones it makes', async () => {
    const inputs = [{ path: XLSX, bytes: await countryWorkbook(), ref_area: 'ARM' }];
    const kept = new Map<string, Uint8Array>();
    const cache = { read: (_: string, k: string) => kept.get(k), write: (_: string, k: string, b: Uint8Array) => void kept.set(k, b) };
    const dir = mkdtempSync(join(tmpdir(), 'mch-feedback-cache-'));
    try {
      await writeInternalReports(report(), dir, inputs, { feedbackCache: cache });
      const key = feedbackKey(report(), 'ARM', inputs);
      expect(Buffer.from(kept.get(key)!).equals(readFileSync(join(dir, 'feedback', 'ARM.xlsx')))).toBe(true);
      expect(kept.size).toBe(2); // ARM's and KAZ's (it reported, with no file given here)
      // what the cache holds under the key is what is written (here a marker, to see it read)
      kept.set(key, new Uint8Array([1, 2, 3]));
      await writeInternalReports(report(), dir, inputs, { feedbackCache: cache });
      expect([...readFileSync(join(dir, 'feedback', 'ARM.xlsx'))]).toEqual([1, 2, 3]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('feedback workbooks', () => {
  it('marks the findings on the cells of a copy of the country’s workbook, with a bilingual summary', async () => {
    const fb = await feedbackWorkbook(report(), 'ARM', [{ path: XLSX, bytes: await countryWorkbook(), ref_area: 'ARM' }]);
    expect(fb.annotated).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fb.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['T05', 'MCH summary', 'MCH findings']);
    const total = wb.getWorksheet('T05')!.getCell('C5');
    expect(total.value).toBe(5210);
    expect(JSON.stringify(total.note)).toContain('total 5 210 ≠ men 2 400 + women 2 790 = 5 190, difference 20');
    expect(JSON.stringify(total.note)).toContain('всего 5 210 ≠ мужчины 2 400 + женщины 2 790 = 5 190, разница 20');
    expect((total.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFF4A09A');
    expect(wb.getWorksheet('T05')!.getCell('B5').note).toBeUndefined();
    const summary = wb.getWorksheet('MCH summary')!;
    expect(summary.getCell('B5').value).toBe(3); // the A01 slip and the two MCH-G01 errors of the bare fixture configuration
    expect(summary.getCell('C5').value).toBe('ошибки (препятствуют публикации)');
    const listing = wb.getWorksheet('MCH findings')!;
    expect(listing.getRow(2).getCell(14).value).toBe('C5');
    expect(listing.getRow(2).getCell(15).value).toBe('5210');
  });

  it('lists the findings with the original line for a CSV file, decoding Windows-1251', async () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from('REF_AREA;TABLE;SEX;VALUE\n'), Buffer.from([0x4b, 0x41, 0x5a, 0x3b, 0xc2, 0xf1, 0xe5, 0xe3, 0xee, 0x3b, 0x31, 0x30, 0x30, 0x0a])]));
    const fb = await feedbackWorkbook(report(), 'KAZ', [{ path: CSV, bytes, ref_area: 'KAZ' }]);
    expect(fb.annotated).toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fb.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['MCH summary', 'MCH findings']);
    const row = wb.getWorksheet('MCH findings')!.getRow(2);
    expect([row.getCell(12).value, row.getCell(14).value, row.getCell(15).value]).toEqual([CSV, '2', 'KAZ;Всего;100']);
  });

  it('writes a finding whose text XML cannot hold into notes and listing a reader still opens', async () => {
    const base = report();
    const hostile = { ...base, findings: base.findings.map((f) => (f.ref_area === 'ARM' ? { ...f, message: `${f.message} \u0001bell\uFFFE\r\nend \uD800` } : f)) };
    const fb = await feedbackWorkbook(hostile, 'ARM', [{ path: XLSX, bytes: await countryWorkbook(), ref_area: 'ARM' }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fb.bytes as unknown as ArrayBuffer);
    expect(JSON.stringify(wb.getWorksheet('T05')!.getCell('C5').note)).toContain('\uFFFDbell\uFFFD');
    const listed = String(wb.getWorksheet('MCH findings')!.getRow(2).getCell(10).value);
    expect(listed).toContain('_x0001_bell_xFFFE__x000D_');
    expect(listed).toContain('end \uFFFD');
  });

  it('lists the findings only when the workbook holds a sheet named as one of mch’s in another case, and never marks a place past Excel’s last cell', async () => {
    const clash = new ExcelJS.Workbook();
    clash.addWorksheet('T05').getCell('C5').value = 5210;
    clash.addWorksheet('mch Summary');
    const listed = await feedbackWorkbook(report(), 'ARM', [{ path: XLSX, bytes: new Uint8Array(await clash.xlsx.writeBuffer()), ref_area: 'ARM' }]);
    expect(listed.annotated).toBeNull();
    const base = report();
    const far = { ...base, findings: base.findings.map((f) => (f.ref_area === 'ARM' ? { ...f, sources: [...f.sources, { file: XLSX, sheet: 'T05', cell: 'A9999999' }] } : f)) };
    const fb = await feedbackWorkbook(far, 'ARM', [{ path: XLSX, bytes: await countryWorkbook(), ref_area: 'ARM' }]);
    expect(fb.annotated).toBe(XLSX);
    const parts = ZipArchive.open(fb.bytes);
    const comments = Buffer.from(parts.read('xl/comments1.xml')).toString('utf8');
    expect(comments).toContain('ref="C5"');
    expect(comments).not.toContain('A9999999');
  });

  it('gives the same bytes twice', async () => {
    const bytes = await countryWorkbook();
    const a = await feedbackWorkbook(report(), 'ARM', [{ path: XLSX, bytes, ref_area: 'ARM' }]);
    const b = await feedbackWorkbook(report(), 'ARM', [{ path: XLSX, bytes, ref_area: 'ARM' }]);
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });

  it('streams the listing of thousands of findings, one row per finding and place, the same bytes twice', async () => {
    const noisy = noisyReport(5_000);
    const csv = 'data/raw/2099/ARM_long.csv';
    const lines = Array.from({ length: 20_000 }, (_, i) => (i === 0 ? 'REF_AREA,TABLE,TIME_PERIOD,MIGR_TYPE,SEX,AGE,PARTNER,OBS_VALUE' : `ARM,T04,2001,NAT,_T,,P${i},${i}`));
    const files = [{ path: csv, bytes: new Uint8Array(Buffer.from(`${lines.join('\n')}\n`)), ref_area: 'ARM' }];
    expect(feedbackCountries(noisy, files)).toEqual(['ARM', 'KAZ']);
    const fb = await feedbackWorkbook(noisy, 'ARM', files);
    expect((await feedbackWorkbook(noisy, 'ARM', files)).bytes.equals(fb.bytes)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fb.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['MCH summary', 'MCH findings']);
    const own = noisy.findings.filter((f) => f.ref_area === 'ARM');
    const listing = wb.getWorksheet('MCH findings')!;
    expect(listing.rowCount).toBe(1 + own.reduce((n, f) => n + f.sources.length, 0));
    expect(listing.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(listing.getRow(1).getCell(16).font?.bold).toBe(true);
    expect(listing.getColumn(10).width).toBe(70);
    const first = own[0]!;
    const row = listing.getRow(2);
    expect([row.getCell(1).value, row.getCell(5).value, row.getCell(14).value, row.getCell(15).value]).toEqual([first.id, first.time_period, first.sources[0]!.cell, lines[Number(first.sources[0]!.cell) - 1]]);
    expect(wb.getWorksheet('MCH summary')!.getCell('B6').value).toBe(own.length);
  }, 120_000);

  it('lists thousands of findings on the cells of an annotated workbook too, every one with its place', async () => {
    const noisy = noisyReport(5_000);
    // the noisy findings placed on cells of the country's workbook rather than lines of a CSV file
    const onCells = { ...noisy, findings: noisy.findings.map((f) => (f.ref_area === 'ARM' ? { ...f, sources: f.sources.map((s, k) => ({ ...s, file: XLSX, sheet: 'T05', cell: `C${5 + ((Number(s.cell) + k) % 9)}` })) } : f)) };
    const fb = await feedbackWorkbook(onCells, 'ARM', [{ path: XLSX, bytes: await countryWorkbook(), ref_area: 'ARM' }]);
    expect(fb.annotated).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fb.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['T05', 'MCH summary', 'MCH findings']);
    const own = onCells.findings.filter((f) => f.ref_area === 'ARM');
    const listing = wb.getWorksheet('MCH findings')!;
    expect(listing.rowCount).toBe(1 + own.reduce((n, f) => n + f.sources.length, 0));
    const last = own.at(-1)!;
    const row = listing.getRow(listing.rowCount);
    expect([row.getCell(1).value, row.getCell(13).value, row.getCell(14).value]).toEqual([last.id, 'T05', last.sources.at(-1)!.cell]);
    expect(wb.getWorksheet('T05')!.getCell('C5').note).toBeDefined();
  }, 120_000);

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
  it.skipIf(!soffice && process.env.CI !== 'true')(`opens in LibreOffice${soffice ? '' : ' (skipped: LibreOffice not installed)'}`, async () => {
    expect(soffice, 'LibreOffice is required under CI').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'mch-feedback-'));
    try {
      const fb = await feedbackWorkbook(report(), 'ARM', [{ path: XLSX, bytes: await countryWorkbook(), ref_area: 'ARM' }]);
      writeFileSync(join(dir, 'ARM.xlsx'), fb.bytes);
      execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, join(dir, 'ARM.xlsx')], { stdio: 'ignore', timeout: 120_000 });
      const sheets = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
      expect(sheets).toEqual(['ARM-MCH findings.csv', 'ARM-MCH summary.csv', 'ARM-T05.csv']);
      expect(readFileSync(join(dir, 'ARM-MCH summary.csv'), 'utf8')).toContain('замечания по данным ARM');
      expect(readFileSync(join(dir, 'ARM-T05.csv'), 'utf8')).toContain('5210,2400,2790');
      // the listing's rows, spliced in as XML after exceljs wrote the header: a second reader sees them
      const listing = parseCsvText(readFileSync(join(dir, 'ARM-MCH findings.csv'), 'utf8'));
      expect(listing[0]![0]).toBe('finding / замечание');
      const slip = listing.find((row) => row[13] === 'C5');
      expect(slip?.slice(11, 15)).toEqual([XLSX, 'T05', 'C5', '5210']);
      expect(slip?.[4]).toBe('2012');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
