import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { readObservationsCsv } from '@mch/publish';
import { afterAll, describe, expect, it } from 'vitest';
import { mch } from '../testing';


const scratch = mkdtempSync(join(tmpdir(), 'mch-prefill-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('mch template --prefill', { timeout: 120_000 }, () => {
  it('writes the last published figures, and the questionnaire ingests back to exactly those values', () => {
    const book = join(scratch, 'ARM.xlsx');
    const key = (o: { table: string; time_period: number; migr_type: string; sex: string; age: string; partner: string }) => [o.table, o.time_period, o.migr_type, o.sex, o.age, o.partner].join('|');
    const made = mch('template', '--country', 'ARM', '--years', '2009,2010', '--prefill', 'data/releases/2011.1', '--out', book);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/prefilled with \d+ published values/);
    const read = mch('ingest', book, '--country', 'ARM', '--config', 'pipelines/mch/2011.1.yaml', '--out', join(scratch, 'in'));
    expect(read.code, read.stderr).toBe(0);

    const published = readObservationsCsv(readFileSync(join(REPO_ROOT, 'data/releases/2011.1/data/observations.csv'), 'utf8')).filter(
      (o) => o.ref_area === 'ARM' && !o.derived && o.conf_status === 'F' && o.obs_value !== null && o.time_period <= 2010,
    );
    const ingested = readObservationsCsv(readFileSync(join(scratch, 'in', 'observations.csv'), 'utf8'));
    const shown = (xs: typeof ingested) => new Map(xs.map((o) => [key(o), `${o.obs_value} ${o.obs_status}`]));
    const want = shown(published);
    const got = shown(ingested);
    expect(want.size).toBeGreaterThan(2000);
    // every published value is prefilled and read back unchanged, outside the standard rows too
    // (partners such as FRA, IRN, SUN, SYR; open age groups such as Y_GE70), and nothing is invented
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [k, v] of want) expect(got.get(k), k).toBe(v);
    expect(made.stdout).toContain(`prefilled with ${want.size} published values`);
  });

  it('refuses a folder that is not a release', () => {
    const r = mch('template', '--country', 'ARM', '--years', '2012', '--prefill', 'pipelines', '--out', join(scratch, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a release folder');
  });
});
