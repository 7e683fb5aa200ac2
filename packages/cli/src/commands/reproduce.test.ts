import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { mch } from '../testing';


const PUBLISHED = 'data/releases/2011.1';
const scratch = mkdtempSync(join(tmpdir(), 'mch-reproduce-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the published release with one edit, so the original stays untouched. */
function copyWith(name: string, edit: (dir: string) => void): string {
  const dir = join(scratch, name, '2011.1');
  cpSync(join(REPO_ROOT, PUBLISHED), dir, { recursive: true });
  edit(dir);
  return dir;
}

describe('mch reproduce', { timeout: 180_000 }, () => {
  it('reproduces the committed release 2011.1 from what its manifest records', () => {
    const r = mch('reproduce', PUBLISHED);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('nothing of substance differs');
  });

  it('reports the file and the cell of a published figure the rebuild does not give, with exit 1', () => {
    const dir = copyWith('figure', (d) => {
      const path = join(d, 'data', 'observations.csv');
      const lines = readFileSync(path, 'utf8').split('\n');
      const i = lines.findIndex((l, n) => n > 0 && /^ARM,T04,2010,[^,]*,_T,,RUS,\d+,/.test(l));
      lines[i] = lines[i]!.replace(/^((?:[^,]*,){7})(\d+)/, (_, head: string, v: string) => `${head}${Number(v) + 1}`);
      writeFileSync(path, lines.join('\n'));
    });
    const r = mch('reproduce', dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/differs\s+data\/observations\.csv/);
    expect(r.stdout).toMatch(/data\/observations\.csv line \d+ obs_value: \d+ → \d+/);
    expect(r.stdout).toContain('the rebuild differs from the published release');
  });

  it('refuses with exit 2 when an input no longer has the hash the manifest records', () => {
    const dir = copyWith('input', (d) => {
      const path = join(d, 'datapackage.json');
      const m = JSON.parse(readFileSync(path, 'utf8'));
      m.mch.inputs[0].hash = `sha256:${'0'.repeat(64)}`;
      writeFileSync(path, JSON.stringify(m));
    });
    const r = mch('reproduce', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('changed since the release');
  });
});
