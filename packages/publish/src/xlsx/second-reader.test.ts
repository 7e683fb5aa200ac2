// Reads the workbooks back with LibreOffice, a reader that shares no code with exceljs, and holds
// every cell against data/observations.csv of the same release.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Observation } from '@mch/core';
import { REPO_ROOT, loadShippedCodeLists } from '@mch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../csv-read';
import { readObservationsCsv } from '../observations-csv';
import { writeRelease } from '../release';
import { fixtureModel } from '../testing/fixture';

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const SOFFICE = hasSoffice();
const REASON = 'LibreOffice (soffice) is not installed: the workbooks cannot be read with a second reader';
if (!SOFFICE && process.env.CI === 'true') throw new Error(`${REASON}; CI must install libreoffice-calc-nogui`);

const scratch = mkdtempSync(join(tmpdir(), 'mch-soffice-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every sheet of every workbook as CSV rows, by "T04-ARM"; `shown` exports the text as formatted (markers included). */
function exportSheets(tablesDir: string, out: string, shown: boolean): Map<string, string[][]> {
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,${shown},false,false,-1`;
  const books = readdirSync(tablesDir).filter((f) => f.endsWith('.xlsx')).map((f) => join(tablesDir, f));
  execFileSync('soffice', [`-env:UserInstallation=file://${join(scratch, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', out, ...books], {
    stdio: 'ignore',
    timeout: 120_000,
    // the locale decides the thousands separator of the formatted export
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
  });
  return new Map(readdirSync(out).map((f) => [f.replace(/\.csv$/, ''), parseCsv(readFileSync(join(out, f), 'utf8'), f)]));
}

const SYMBOL: Record<string, string> = { O: '[x]', M: '[z]', Q: '[c]' };

/** Checks every observation's cell in both exports; returns the mismatches. */
function mismatches(observations: readonly Observation[], raw: Map<string, string[][]>, shown: Map<string, string[][]>): string[] {
  const codelists = loadShippedCodeLists();
  const sexLabel = new Map(codelists.sex.map((s) => [s.code, `${s.label_en} / ${s.label_ru}`]));
  const out: string[] = [];
  for (const o of observations) {
    const key = `${o.table}-${o.ref_area}`;
    const sheet = raw.get(key);
    const formatted = shown.get(key);
    const where = `${key} ${o.time_period} ${o.sex} ${o.migr_type} ${o.partner}${o.age}`;
    if (!sheet || !formatted) {
      out.push(`${where}: no sheet`);
      continue;
    }
    const header = sheet[4] ?? [];
    const column = header.indexOf(`${o.time_period} ${sexLabel.get(o.sex)}`);
    const code = header.findIndex((h) => h.startsWith('Country code') || h.startsWith('Age code'));
    const type = header.indexOf('Type code / Код типа');
    const row = sheet.findIndex((r, i) => i > 4 && r[code] === (o.partner || o.age) && (type < 0 || r[type] === o.migr_type));
    if (column < 0 || row < 0) {
      out.push(`${where}: no cell`);
      continue;
    }
    const value = sheet[row]![column];
    const text = formatted[row]![column] ?? '';
    const want = o.obs_value === null ? SYMBOL[o.obs_status] : String(o.obs_value);
    if (value !== want) out.push(`${where}: ${value} in the workbook, ${want} published`);
    const marks = o.obs_value === null ? [] : [...(['E', 'P', 'B'].includes(o.obs_status) ? [`[${o.obs_status.toLowerCase()}]`] : []), ...(o.derived ? ['[d]'] : [])];
    const marker = marks.length ? ` ${marks.join(' ')}` : '';
    const thousands = o.obs_value === null ? want : o.obs_value.toLocaleString('en-US');
    if (text !== `${thousands}${marker}`) out.push(`${where}: shown as "${text}", expected "${thousands}${marker}"`);
  }
  return out;
}

describe.skipIf(!SOFFICE)(`every workbook read back by LibreOffice${SOFFICE ? '' : ` (skipped: ${REASON})`}`, { timeout: 180_000 }, () => {
  let fixtureRelease: string;
  beforeAll(async () => {
    fixtureRelease = join(scratch, 'fixture', '2013.1');
    await writeRelease(fixtureModel(), fixtureRelease);
  }, 60_000);

  for (const [name, dir] of [
    ['the test release', () => fixtureRelease],
    ['the published release 2011.1', () => join(REPO_ROOT, 'data', 'releases', '2011.1')],
  ] as const) {
    it(`holds the values, symbols and markers of observations.csv in ${name}`, () => {
      const release = dir();
      expect(existsSync(join(release, 'tables'))).toBe(true);
      const observations = readObservationsCsv(readFileSync(join(release, 'data', 'observations.csv'), 'utf8'));
      const base = join(scratch, name.replace(/\W+/g, '-'));
      const raw = exportSheets(join(release, 'tables'), join(base, 'raw'), false);
      const shown = exportSheets(join(release, 'tables'), join(base, 'shown'), true);
      expect(raw.get(`T04-Cover`)?.some((r) => r[0]?.includes('[c] confidential / конфиденциально'))).toBe(true);
      expect(observations.length).toBeGreaterThan(10);
      expect(mismatches(observations, raw, shown)).toEqual([]);
    });
  }

  it('catches a cell that differs', () => {
    const raw = new Map([['T01-GEO', [[], [], [], [], ['Country code / Код страны', '2012 Total / Всего'], ['ARM', '2501']]]]);
    const o = readObservationsCsv(readFileSync(join(fixtureRelease, 'data', 'observations.csv'), 'utf8')).filter((x) => x.table === 'T01' && x.sex === '_T');
    expect(mismatches(o, raw, raw)).toEqual(['T01-GEO 2012 _T  ARM: 2501 in the workbook, 2500 published', 'T01-GEO 2012 _T  ARM: shown as "2501", expected "2,500 [p]"']);
  });
});
