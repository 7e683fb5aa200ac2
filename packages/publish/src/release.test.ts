import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMchError } from '@mch/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readObservationsCsv, verifyRelease, writeRelease } from './index';
import { IMEM_ESTIMATE, SECRET, fixtureModel } from './testing/fixture';
import { hasPdftotext, pdfStreams, pdfText, zipEntries } from './testing/unpack';

const TABLES = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11'];
const EXPECTED_FILES = [
  'CHANGES.md',
  'data/observations.csv',
  'datapackage.json',
  'datapackage.json.sha256',
  'index.html',
  ...TABLES.map((t) => `jsonstat/${t}.json`),
  'notes/methodology.en.pdf',
  'notes/methodology.ru.pdf',
  ...TABLES.map((t) => `px/${t}.px`),
  'quality/report.html',
  'quality/report.json',
  'quality/report.pdf',
  'sdmx/mch.csv',
  'sdmx/structure.xml',
  // the release page's data: one script per table a country reported, and the mirror matrix
  ...['T01', 'T04', 'T07', 'T08', 'mirror'].map((t) => `site/${t}.js`),
  ...TABLES.map((t) => `tables/${t}.xlsx`),
];

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const EXPECTED_CSV = `ref_area,table,time_period,migr_type,sex,age,partner,obs_value,obs_status,conf_status,definition_basis,unit_mult,derived,note_refs,source_file,source_sha256,source_sheet,source_cell,source_raw
ARM,T04,2011,NAT,_T,,GEO,100,A,F,PERM_REG,0,false,,data/raw/ARM/arm_2013.xlsx,${A},T04,B7,100
ARM,T04,2012,NAT,_T,,GEO,120,A,F,PERM_REG,0,false,6,data/raw/ARM/arm_2013.xlsx,${A},T04,C7,120 1)
ARM,T04,2012,NAT,_T,,MCH12,120,A,F,PERM_REG,0,true,5,,,,,
ARM,T04,2012,NAT,_T,,RUS,3456,E,F,PERM_REG,0,false,4,data/raw/ARM/arm_2013.xlsx,${A},T04,C8,"3,456"
ARM,T04,2012,NAT,_T,,UZB,,Q,C,PERM_REG,0,false,,data/raw/ARM/arm_2013.xlsx,${A},T04,C9,
ARM,T04,2012,NAT,_T,,_T,5100,A,F,PERM_REG,0,false,,data/raw/ARM/arm_2013.xlsx,${A},T04,C10,5100
ARM,T07,2012,NAT,_T,Y_LT5,,10,A,F,,0,false,,data/raw/ARM/arm_2013.xlsx,${A},T04,D5,10
ARM,T07,2012,NAT,_T,Y5-9,,20,A,F,,0,false,,data/raw/ARM/arm_2013.xlsx,${A},T04,D6,20
GEO,T01,2012,,_T,,ARM,2500,P,F,CENSUS,0,false,,data/raw/GEO/geo_2013.csv,${B},,2,2500
GEO,T01,2012,,M,,ARM,,O,F,,0,false,,data/raw/GEO/geo_2013.csv,${B},,3,..
GEO,T01,2012,,F,,ARM,0,A,F,,0,false,,data/raw/GEO/geo_2013.csv,${B},,4,-
GEO,T08,2012,NAT,_T,,ARM,,Q,N,,0,false,,data/raw/GEO/geo_2013.csv,${B},,5,
GEO,T08,2012,NAT,_T,,_T,4000,A,F,,0,false,,data/raw/GEO/geo_2013.csv,${B},,6,4000
`;

let root: string;
let release: string;
let written: string[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mch-publish-'));
  release = join(root, 'releases', '2013.1');
  written = await writeRelease(fixtureModel(), release);
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const read = (path: string) => readFile(join(release, path));

describe('writeRelease', () => {
  it('writes every file of releases.md and nothing else', async () => {
    expect(written).toEqual(EXPECTED_FILES);
    expect((await verifyRelease(release)).ok).toBe(true);
    expect(existsSync(`${release}.lock`)).toBe(false);
    expect(existsSync(`${release}.tmp-${process.pid}`)).toBe(false);
  });

  it('writes observations.csv with published values only: no derived duplicate, confidential blanked', async () => {
    expect((await read('data/observations.csv')).toString('utf8')).toBe(EXPECTED_CSV);
  });

  it('never publishes the confidential value, its raw text, waiver approvers or country queries', async () => {
    for (const path of written) {
      const bytes = await read(path);
      const parts = path.endsWith('.xlsx') ? [...zipEntries(bytes).values()] : path.endsWith('.pdf') ? [pdfStreams(bytes)] : [bytes];
      for (const part of parts) {
        const text = part.toString('utf8');
        for (const secret of [String(SECRET), '987,654', '987\u202f654', 'Jane Approver', 'Query to Armenia']) {
          expect(text.includes(secret), `${secret} in ${path}`).toBe(false);
        }
      }
    }
  });

  it('keeps the IMEM 12-month estimates out of tables/, px/, jsonstat/, sdmx/ and data/observations.csv', async () => {
    const forms = [String(IMEM_ESTIMATE), '11,526', '11 526', '11\u202f526', 'IMEM'];
    const published = written.filter((p) => /^(tables|px|jsonstat|sdmx|data)\//.test(p));
    expect(published.length).toBe(3 * TABLES.length + 3);
    for (const path of published) {
      const bytes = await read(path);
      const parts = path.endsWith('.xlsx') ? [...zipEntries(bytes).values()] : [bytes];
      for (const part of parts) for (const form of forms) expect(part.toString('utf8').includes(form), `${form} in ${path}`).toBe(false);
    }
    // the estimate is not a row either: Armenia's T04 rows are the reported NAT ones and one derived aggregate
    const rows = readObservationsCsv((await read('data/observations.csv')).toString('utf8'));
    expect(rows.filter((o) => o.migr_type === 'LT')).toEqual([]);
  });

  it.skipIf(!hasPdftotext() && process.env.CI !== 'true')('shows the IMEM estimate beside the reported flow in the annex of both notes (needs poppler pdftotext)', async () => {
    for (const [lang, heading, caveat] of [
      ['en', 'Flows on a 12-month basis (IMEM, illustrative)', 'estimated for EU countries'],
      ['ru', 'Потоки в пересчёте на 12 месяцев (IMEM, иллюстративно)', 'оценены для стран ЕС'],
    ] as const) {
      const text = pdfText(join(release, `notes/methodology.${lang}.pdf`))!.replace(/\s+/g, ' ');
      const annex = text.slice(text.indexOf(heading));
      expect(annex, lang).toContain(heading);
      expect(annex, lang).toContain(caveat);
      expect(annex, lang).toMatch(lang === 'en' ? /Armenia 2012 5 100 11 526 \[e\] \[d\] — — 2\.26/ : /Армения 2012 5 100 11 526 \[e\] \[d\] — — 2,26/);
    }
  });

  it('writes workbooks that hold the values of observations.csv, as numbers, with no merged cells', async () => {
    const observations = readObservationsCsv((await read('data/observations.csv')).toString('utf8'));
    const sexLabel: Record<string, string> = { _T: 'Total / Всего', M: 'Men / Мужчины', F: 'Women / Женщины' };
    const symbol: Record<string, string> = { O: '[x]', M: '[z]', Q: '[c]' };
    const books = new Map<string, ExcelJS.Workbook>();
    for (const table of TABLES) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await read(`tables/${table}.xlsx`)) as unknown as ArrayBuffer);
      expect(wb.worksheets.slice(0, 3).map((w) => w.name)).toEqual(['Cover', 'Contents', 'Notes']);
      for (const ws of wb.worksheets) expect(Object.keys((ws as unknown as { _merges: object })._merges)).toEqual([]);
      books.set(table, wb);
    }
    expect(books.get('T04')!.worksheets.map((w) => w.name)).toEqual(['Cover', 'Contents', 'Notes', 'ARM']);
    for (const o of observations) {
      const ws = books.get(o.table)!.getWorksheet(o.ref_area)!;
      const header = Array.from(ws.getRow(5).values as unknown[], (v) => String(v ?? ''));
      const column = header.indexOf(`${o.time_period} ${sexLabel[o.sex]}`);
      const codeColumn = header.findIndex((h) => h.startsWith('Country code') || h.startsWith('Age code'));
      const typeColumn = header.indexOf('Type code / Код типа');
      let rowNumber = -1;
      ws.eachRow((row, n) => {
        if (n > 5 && row.getCell(codeColumn).value === (o.partner || o.age) && (typeColumn < 0 || row.getCell(typeColumn).value === o.migr_type)) rowNumber = n;
      });
      const cell = ws.getCell(rowNumber, column);
      const key = `${o.table} ${o.ref_area} ${o.time_period} ${o.sex} ${o.partner}${o.age}`;
      if (o.obs_value === null) expect(cell.value, key).toBe(symbol[o.obs_status]);
      else {
        expect(cell.value, key).toBe(o.obs_value);
        const marks = [...(o.obs_status === 'A' ? [] : [`[${o.obs_status.toLowerCase()}]`]), ...(o.derived ? ['[d]'] : [])];
        expect(cell.numFmt, key).toBe(marks.length ? `#,##0" ${marks.join(' ')}"` : '#,##0');
      }
    }
  });

  it('keeps formula text from a country file inert', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await read('tables/T04.xlsx')) as unknown as ArrayBuffer);
    const notes = wb.getWorksheet('Notes')!;
    const texts: ExcelJS.Cell[] = [];
    notes.eachRow((row) => row.eachCell((c) => texts.push(c)));
    const hostile = texts.find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.formula).toBeUndefined();
  });

  it.skipIf(!hasPdftotext())('renders the notes as searchable text in English and Russian (needs poppler pdftotext)', async () => {
    const en = pdfText(join(release, 'notes/methodology.en.pdf'))!.replace(/\s+/g, ' ');
    const ru = pdfText(join(release, 'notes/methodology.ru.pdf'))!.replace(/\s+/g, ' ');
    for (const s of ['Coherence and comparability', 'Statistical processing', 'Armenia', 'excluding Abkhazia and South Ossetia', 'New registration form.', 'Decision of the Conference of European Statisticians.', 'PERM_REG']) {
      expect(en).toContain(s);
    }
    for (const s of ['Согласованность и сопоставимость', 'Статистическая обработка', 'Армения', 'Грузия', 'Новая форма регистрации.', 'конфиденциально']) {
      expect(ru).toContain(s);
    }
  });

  it('gives identical bytes when built again at another time in another time zone', async () => {
    const again = join(root, 'again', '2013.1');
    const tz = process.env.TZ;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-02-03T04:05:07Z'));
    process.env.TZ = 'Asia/Tokyo';
    try {
      const paths = await writeRelease(fixtureModel(), again);
      for (const path of paths) expect((await readFile(join(again, path))).equals(await read(path)), path).toBe(true);
    } finally {
      vi.useRealTimers();
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  }, 60_000);

  it('writes into an empty folder made for it, and refuses a folder holding anything', async () => {
    const empty = join(root, 'made-for-it', '2013.1');
    await mkdir(empty, { recursive: true });
    const paths = await writeRelease(fixtureModel(), empty);
    expect(paths).toContain('datapackage.json');
    expect(existsSync(join(empty, 'data', 'observations.csv'))).toBe(true);
    const held = join(root, 'held', '2013.1');
    await mkdir(held, { recursive: true });
    await writeFile(join(held, 'notes.txt'), 'a user file');
    const error = await writeRelease(fixtureModel(), held).catch((e: unknown) => e);
    expect(isMchError(error) && error.code).toBe('release-exists');
    expect(await readFile(join(held, 'notes.txt'), 'utf8')).toBe('a user file');
  }, 60_000);

  it('refuses an existing release folder and a folder being written', async () => {
    const error = await writeRelease(fixtureModel(), release).catch((e: unknown) => e);
    expect(isMchError(error) && error.code).toBe('release-exists');
    expect(String((error as Error).message)).toContain(release);

    const other = join(root, 'locked', '2013.1');
    await mkdir(join(root, 'locked'), { recursive: true });
    await writeFile(`${other}.lock`, `${process.ppid}\n`);
    const locked = await writeRelease(fixtureModel(), other).catch((e: unknown) => e);
    expect(isMchError(locked) && locked.code).toBe('release-locked');
    expect(String((locked as Error).message)).toContain(`process ${process.ppid}`);
    expect(existsSync(other)).toBe(false);
  }, 60_000);

  it('takes over the lock and removes the temporary folder of a writer that was killed', async () => {
    const target = join(root, 'stale', '2013.1');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await mkdir(`${target}.tmp-${dead}/tables`, { recursive: true });
    await writeFile(`${target}.lock`, `${dead}\n`);
    await writeRelease(fixtureModel(), target);
    expect((await verifyRelease(target)).ok).toBe(true);
    for (const left of [`${target}.lock`, `${target}.tmp-${dead}`]) expect(existsSync(left), left).toBe(false);
  }, 60_000);

  it('leaves no release, temporary folder or lock behind when writing fails', async () => {
    const target = join(root, 'failed', '2013.1');
    const error = await writeRelease(fixtureModel({ templatesDir: join(root, 'no-templates') }), target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    for (const left of [target, `${target}.tmp-${process.pid}`, `${target}.lock`]) expect(existsSync(left), left).toBe(false);
  }, 60_000);
});

describe('verifyRelease', () => {
  it('reports a changed, a missing and an extra file', async () => {
    const copy = join(root, 'verify', '2013.1');
    await writeRelease(fixtureModel(), copy);
    await appendFile(join(copy, 'CHANGES.md'), 'edited\n');
    await unlink(join(copy, 'sdmx', 'mch.csv'));
    await writeFile(join(copy, 'tables', 'T12.xlsx'), 'not ours');
    expect(await verifyRelease(copy)).toEqual({ ok: false, missing: ['sdmx/mch.csv'], extra: ['tables/T12.xlsx'], changed: ['CHANGES.md'] });
  }, 60_000);

  it('refuses a folder without a readable manifest', async () => {
    const error = await verifyRelease(join(root, 'nowhere')).catch((e: unknown) => e);
    expect(isMchError(error) && error.code).toBe('manifest-invalid');
  });
});
