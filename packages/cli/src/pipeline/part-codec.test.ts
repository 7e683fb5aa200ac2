import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Observation, ObservationStore } from '@mch/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CountryCache } from './cache';
import type { CountryPart } from './country';
import { decodePart, encodePart } from './part-codec';

const obs: Observation = {
  ref_area: 'UKR',
  table: 'T08',
  time_period: 2012,
  migr_type: 'NAT',
  sex: 'M',
  age: '',
  partner: 'RUS',
  obs_value: 120,
  obs_status: 'A',
  conf_status: 'F',
  definition_basis: 'PERM_REG',
  unit_mult: 0,
  derived: false,
  note_refs: [],
  source: { file: 'data/raw/2013/UKR_T08_2012_second_file.xlsx', sha256: 'ef'.repeat(32), sheet: 'T08', cell: 'D9', raw: '120' },
};

const part = (): CountryPart => ({
  ref_area: 'UKR',
  outcomes: [
    { path: 'a.xlsx', observations: 1, rejections: 0, value_cells: 1, warnings: ['\u0000starts with NUL'] },
    { path: 'b.xlsx', error: { message: 'not a workbook', where: 'b.xlsx', details: ['one', 'two'] } },
  ],
  observations: new ObservationStore().appendAll([obs, { ...obs, sex: 'F', obs_value: -0 }]),
  analytical: new ObservationStore(),
  conflicts: [{ key: 'UKR|T08|2012|NAT|M||RUS', observations: [obs, { ...obs, obs_value: 121, source: { ...obs.source!, cell: 'D10', raw: '121' } }] }],
  resubmissions: [{ key: 'k', replaced: obs, by: { ...obs, obs_value: 7 } }],
  rest: {
    rejections: [],
    metadata: [],
    notes: [],
    files: [],
    net_migration: [{ ref_area: 'UKR', table: 'T04', time_period: 2012, sex: '_T', partner: '', value: -0, source: obs.source! }],
    remarks: [{ ref_area: 'UKR', table: 'T08', text_en: '\u0000-0', text_ru: '\u0000\u0000x' }],
  },
});

const plain = (p: CountryPart) => ({ ...p, observations: p.observations.toArray(), analytical: p.analytical.toArray() });

describe('encodePart', () => {
  it('gives back the part exactly: -0 stays -0, a text that looks like the -0 mark stays text', () => {
    const back = decodePart(encodePart(part()));
    expect(plain(back)).toStrictEqual(plain(part()));
    expect(Object.is(back.rest.net_migration[0]!.value, -0)).toBe(true);
    expect(back.rest.remarks[0]!.text_en).toBe('\u0000-0');
    expect(encodePart(back)).toEqual(encodePart(part()));
  });

  it('refuses what is not a whole part', () => {
    const bytes = encodePart(part());
    expect(() => decodePart(bytes.subarray(0, bytes.length - 1))).toThrow(RangeError);
    expect(() => decodePart(new TextEncoder().encode('MCHPART'))).toThrow(RangeError);
    const head = bytes.slice();
    head[17] = 0x78; // the JSON head's opening brace: no longer JSON (damage that stays JSON is what the cache's checksum is for)
    expect(() => decodePart(head)).toThrow(RangeError);
  });
});

describe('CountryCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mch-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const key = 'a'.repeat(64);

  it('reads back what it wrote, under its country and key only', () => {
    const cache = new CountryCache(dir);
    cache.write('UKR', key, part());
    expect(plain(cache.read('UKR', key)!)).toStrictEqual(plain(part()));
    expect(cache.read('UKR', 'b'.repeat(64))).toBeUndefined();
    expect(cache.read('ARM', key)).toBeUndefined();
  });

  it('treats a damaged file as a miss and removes it, whichever byte is damaged', () => {
    const cache = new CountryCache(dir);
    const file = join(dir, 'countries', 'UKR', `${key}.bin`);
    for (const at of [0, 12, 60, 200]) {
      cache.write('UKR', key, part());
      const bytes = readFileSync(file);
      bytes[at] = bytes[at]! ^ 0xff;
      writeFileSync(file, bytes);
      expect(cache.read('UKR', key), `byte ${at}`).toBeUndefined();
      expect(readdirSync(join(dir, 'countries', 'UKR'))).not.toContain(`${key}.bin`);
    }
    cache.write('UKR', key, part());
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(cache.read('UKR', key)).toBeUndefined();
  });

  it('goes on without the cache where its folder cannot be written', () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const cache = new CountryCache(blocked);
    vi.stubEnv('MCH_QUIET', '1');
    expect(() => cache.write('UKR', key, part())).not.toThrow();
    expect(cache.read('UKR', key)).toBeUndefined();
  });

  it('keeps a few entries per country, not every one ever written', () => {
    const cache = new CountryCache(dir);
    for (let i = 0; i < 12; i++) cache.write('GEO', String(i).padStart(64, '0'), { ...part(), ref_area: 'GEO' });
    expect(readdirSync(join(dir, 'countries', 'GEO')).filter((f) => f.endsWith('.bin')).length).toBe(8);
  });
});
