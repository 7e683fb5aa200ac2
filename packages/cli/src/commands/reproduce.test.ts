import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { mch, sharedRelease, startMch } from '../testing';


const PUBLISHED = 'data/releases/2011.1';
/** A release this code publishes in seconds, so reproducing it compares bytes (the same code version). */
const SMALL = 'packages/cli/src/fixtures/small-release.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'mch-reproduce-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(join(REPO_ROOT, 'data', 'reports', '2099.2'), { recursive: true, force: true });
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

  it('with the same code version, takes a digest file of garbage for a difference (exit 1), as mch verify does', async () => {
    const { dir } = await sharedRelease(SMALL);
    const same = mch('reproduce', dir);
    expect(same.code, same.stdout + same.stderr).toBe(0);
    expect(same.stdout).toContain('same code version: comparing bytes');
    const garbage = join(scratch, 'digest', '2099.2');
    cpSync(dir, garbage, { recursive: true });
    writeFileSync(join(garbage, 'datapackage.json.sha256'), 'garbage\n');
    const r = mch('reproduce', garbage);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('changed  datapackage.json.sha256');
    expect(r.stdout).toContain('the published release does not match its own manifest');
  });

  it('removes its rebuild from the temporary folder when stopped (SIGTERM: exit 143)', async () => {
    const { dir } = await sharedRelease(SMALL);
    const temp = join(scratch, 'tmpdir');
    mkdirSync(temp);
    const child = startMch(['reproduce', dir], { TMPDIR: temp, MCH_TEST_PAUSE_BEFORE_RENAME: '60000' });
    // the rebuild is written whole and waits before its rename: the worst moment to stop
    const rebuilt = () => readdirSync(temp).some((d) => existsSync(join(temp, d, `2099.2.tmp-${child.pid}`, 'datapackage.json')));
    for (let waited = 0; !rebuilt(); waited += 100) {
      if (waited > 60_000) throw new Error('the rebuild never appeared');
      await sleep(100);
    }
    child.kill('SIGTERM');
    const done = await child.done;
    expect(done.code, done.stderr).toBe(143);
    expect(done.stderr).toContain('stopped by SIGTERM');
    expect(readdirSync(temp)).toEqual([]);
  });
});
