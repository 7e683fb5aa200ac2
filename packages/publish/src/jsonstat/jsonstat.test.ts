// The JSON-stat files of a release read back by jsonstat-toolkit (by the format's author, not our
// code) and held, cell by cell, against the release's data/observations.csv.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Observation } from '@mch/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readObservationsCsv } from '../observations-csv';
import { publishedRelease, reportedAsDash } from '../published/index';
import { writeRelease } from '../release';
import { fixtureModel } from '../testing/fixture';
import { untrueStatements } from '../testing/published-text';
import { jsonstatDataset } from './index';

/** The part of jsonstat-toolkit's dataset the test reads. */
interface Category {
  label: string;
  note: string[] | null;
}
interface Dimension {
  id: string[];
  label: string;
  Category(id: string): Category | null;
}
interface Dataset {
  class: string;
  id: string[];
  size: number[];
  n: number;
  updated: string;
  role: { time: string[] | null; geo: string[] | null; metric: string[] | null };
  Dimension(id: string): Dimension;
  Data(at: Record<string, string>): { value: number | null; status: string | null } | unknown[] | null;
  toTable(o: { type: 'arrobj'; status: true; content: 'id' }): Record<string, string | number | null>[];
}
const JSONstat = createRequire(import.meta.url)('jsonstat-toolkit') as (json: unknown) => Dataset;

const TABLES = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11'];
const HOLES = new Set(['[x]', '[i]', '[z]']);

/** What the status of an observation's cell must say, from observations.csv alone. */
function expectedStatus(o: Observation): string | null {
  if (o.obs_value === null) return o.conf_status !== 'F' || o.obs_status === 'Q' ? '[c]' : o.obs_status === 'M' ? '[z]' : '[x]';
  const marks = [...({ E: ['[e]'], P: ['[p]'], B: ['[b]'] }[o.obs_status as string] ?? []), ...(o.derived ? ['[d]'] : [])];
  if (marks.length) return marks.join(' ');
  return o.obs_value === 0 && reportedAsDash(o) ? '-' : null;
}

/** Every disagreement between one JSON-stat file and the table's rows of observations.csv. */
function disagreements(json: string, table: string, rows: readonly Observation[]): string[] {
  const out: string[] = [];
  const raw = JSON.parse(json) as { version?: string; value: unknown[] };
  const ds = JSONstat(raw);
  if (raw.version !== '2.0' || ds.class !== 'dataset') out.push(`${table}: not a JSON-stat 2.0 dataset`);
  const cells = ds.size.reduce((n, s) => n * s, 1);
  if (ds.n !== cells || raw.value.length !== cells) out.push(`${table}: ${ds.n} values for a cube of ${cells}`);
  const seen = new Set<string>();
  for (const o of rows) {
    const at: Record<string, string> = { REF_AREA: o.ref_area, TIME_PERIOD: String(o.time_period), SEX: o.sex };
    if (o.migr_type) at.MIGR_TYPE = o.migr_type;
    if (o.age) at.AGE = o.age;
    else at.COUNTERPART_AREA = o.partner;
    const where = `${table} ${Object.values(at).join(' ')}`;
    // the toolkit answers an unknown category with a whole slice: each must exist first
    if (Object.entries(at).some(([d, c]) => !ds.id.includes(d) || !ds.Dimension(d).Category(c))) {
      out.push(`${where}: no such cell`);
      continue;
    }
    seen.add(JSON.stringify(Object.entries(at).sort()));
    const cell = ds.Data(at) as { value: number | null; status: string | null };
    const value = o.conf_status === 'F' ? o.obs_value : null;
    if (cell.value !== value) out.push(`${where}: value ${cell.value} against ${value}`);
    if (cell.status !== expectedStatus(o)) out.push(`${where}: status ${cell.status} against ${expectedStatus(o)}`);
  }
  // every other cell is a hole: no value, and a symbol saying why
  for (const cell of ds.toTable({ type: 'arrobj', status: true, content: 'id' })) {
    const key = JSON.stringify(Object.entries(cell).filter(([k]) => k !== 'value' && k !== 'status' && k !== 'UNIT_MEASURE').sort());
    if (seen.has(key)) continue;
    if (cell.value !== null || !HOLES.has(String(cell.status))) out.push(`${table} ${key}: ${cell.value} ${cell.status} where observations.csv has nothing`);
  }
  return out;
}

let dir: string;
let observations: Observation[];
const files = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mch-jsonstat-'));
  await writeRelease(fixtureModel(), join(dir, '2013.1'));
  observations = readObservationsCsv(await readFile(join(dir, '2013.1', 'data', 'observations.csv'), 'utf8'));
  for (const t of TABLES) files.set(t, await readFile(join(dir, '2013.1', 'jsonstat', `${t}.json`), 'utf8'));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('jsonstat/ of a release, read by jsonstat-toolkit', () => {
  it('holds every value and status of observations.csv, and nothing else', () => {
    for (const t of TABLES) expect(disagreements(files.get(t)!, t, observations.filter((o) => o.table === t)), t).toEqual([]);
    expect(observations.length).toBeGreaterThan(10);
  });

  it('catches a changed value, a lost mark and a value where observations.csv has none', () => {
    const rows = observations.filter((o) => o.table === 'T04');
    const json = JSON.parse(files.get('T04')!) as { value: (number | null)[]; status: (string | null)[] };
    const at = (i: number) => disagreements(JSON.stringify({ ...json, value: json.value.map((v, j) => (j === i ? 121 : v)) }), 'T04', rows);
    const first = json.value.findIndex((v) => v !== null);
    expect(at(first)).toEqual([expect.stringContaining('value 121 against')]);
    const hole = json.status.indexOf('[x]');
    expect(at(hole).length).toBe(1);
    const marked = json.status.indexOf('[e]');
    expect(disagreements(JSON.stringify({ ...json, status: json.status.map((s, j) => (j === marked ? null : s)) }), 'T04', rows)).toEqual([
      expect.stringContaining('status null against [e]'),
    ]);
  });

  it('dates each dataset by the configured release date and gives time, geo and metric roles', () => {
    for (const t of TABLES) {
      const ds = JSONstat(JSON.parse(files.get(t)!));
      expect(ds.updated).toBe('2013-06-30');
      expect(ds.role).toMatchObject({ time: ['TIME_PERIOD'], geo: ['REF_AREA'], metric: ['UNIT_MEASURE'] });
      expect(ds.Dimension('UNIT_MEASURE').Category('PS')).toMatchObject({ unit: { decimals: 0, label: 'persons' } });
    }
  });

  it('labels every category in English and in Russian, and explains every status it uses', () => {
    for (const t of TABLES) {
      const json = JSON.parse(files.get(t)!) as {
        id: string[];
        status: (string | null)[];
        dimension: Record<string, { category: { index: string[]; label: Record<string, string> } }>;
        extension: { symbols: { symbol: string }[]; ru: { dimension: Record<string, { label: string; category: { label: Record<string, string> } }> } };
      };
      for (const d of json.id) {
        const ru = json.extension.ru.dimension[d]!;
        expect(ru.label, `${t} ${d}`).toBeTruthy();
        for (const code of json.dimension[d]!.category.index) expect([d, code, ru.category.label[code]?.length ?? 0]).not.toEqual([d, code, 0]);
      }
      const legend = new Set(json.extension.symbols.map((s) => s.symbol));
      const used = new Set(json.status.flatMap((s) => (s === null ? [] : s === '-' ? ['-'] : s.split(' '))));
      for (const s of used) expect(legend.has(s), `${t} uses ${s}`).toBe(true);
    }
    const t04 = JSON.parse(files.get('T04')!) as { dimension: { REF_AREA: { category: { label: Record<string, string> } } }; extension: { ru: { dimension: { REF_AREA: { category: { label: Record<string, string> } } } } } };
    expect([t04.dimension.REF_AREA.category.label.ARM, t04.extension.ru.dimension.REF_AREA.category.label.ARM]).toEqual(['Armenia', 'Армения']);
  });

  it("carries each country's notes on its category, each cell's notes and each country's metadata", () => {
    const ds = JSONstat(JSON.parse(files.get('T04')!));
    const arm = ds.Dimension('REF_AREA').Category('ARM')!.note ?? [];
    expect(arm).toContain('[note 1] Source: population register');
    expect(arm.some((n) => n.startsWith('[note 3] Break in series from 2012'))).toBe(true);
    const json = JSON.parse(files.get('T04')!) as {
      id: string[];
      size: number[];
      value: (number | null)[];
      dimension: Record<string, { category: { index: string[] } }>;
      extension: { cell_notes: Record<string, number[]>; notes: { number: number; en: string }[]; countries: Record<string, { source: { en: string } | null; breaks: { year: number }[] }> };
    };
    // Armenia's 120 from Georgia in 2012 refers to the country's own note 1), a would-be formula kept as text
    const at: Record<string, string> = { REF_AREA: 'ARM', MIGR_TYPE: 'NAT', COUNTERPART_AREA: 'GEO', TIME_PERIOD: '2012', SEX: '_T', UNIT_MEASURE: 'PS' };
    const position = json.id.reduce((p, d, k) => p * json.size[k]! + json.dimension[d]!.category.index.indexOf(at[d]!), 0);
    expect(json.value[position]).toBe(120);
    const numbers = json.extension.cell_notes[String(position)] ?? [];
    expect(json.extension.notes.filter((n) => numbers.includes(n.number)).map((n) => n.en)).toEqual([expect.stringContaining('=HYPERLINK(')]);
    expect(json.extension.countries.ARM).toMatchObject({ source: { en: 'population register' }, breaks: [{ year: 2012 }] });
  });

  it('says nothing dated after the release or outside its reference years', () => {
    const base = fixtureModel();
    const model = fixtureModel({
      config: { ...base.config, countries: { ...base.config.countries, GEO: { ...base.config.countries.GEO!, territory_changes: [{ first_year: 2014, text: 'Excluding the occupied regions as of 2014' }] } } },
      breaks: [...base.breaks, { ref_area: 'ARM', first_year: 2019, tables: ['T04'], text_en: 'Electronic form.', text_ru: 'Электронная форма.' }],
    });
    const texts = publishedRelease(model).tables.flatMap((t) => strings(JSON.parse(jsonstatDataset(model, t))).map((text) => ({ file: `jsonstat/${t.table.id}.json`, where: '', text })));
    expect(texts.some((t) => t.text.includes('Break in series from 2012'))).toBe(true);
    expect(untrueStatements(texts, model.config.release_date, model.config.reference_years)).toEqual([]);
  });
});

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
