import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_ENV, sharedRelease, startMch as start } from '../testing';

const CONFIG = 'pipelines/mch/2011.1.yaml';

const release = (out: string, env: Record<string, string> = {}) => start(['release', CONFIG, '--out', out], env).done;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const scratch = mkdtempSync(join(tmpdir(), 'mch-release-'));
// configurations must lie inside the repository: the gitignored tmp/ at its root
mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
const inRepo = mkdtempSync(join(REPO_ROOT, 'tmp', 'mch-release-'));
const SMALL_VERSIONS = ['2099.3', '2099.4', '2099.5'] as const;
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(inRepo, { recursive: true, force: true });
  for (const v of SMALL_VERSIONS) rmSync(join(REPO_ROOT, 'data', 'reports', v), { recursive: true, force: true });
});

/**
 * The small release of a few seconds under a version of its own (its reports go to
 * data/reports/<version>): what a signal or a second process does to a release does not depend
 * on its size, and the demo's would take ten times as long, twice per test.
 */
function smallRelease(version: (typeof SMALL_VERSIONS)[number]): string {
  const small = readFileSync(join(REPO_ROOT, 'packages/cli/src/fixtures/small-release.yaml'), 'utf8').replace('version: "2099.2"', `version: "${version}"`);
  const config = relative(REPO_ROOT, join(inRepo, `${version}.yaml`));
  writeFileSync(join(REPO_ROOT, config), small);
  return config;
}

describe('mch release as a process', { timeout: 240_000 }, () => {
  it('builds byte-identical releases in two processes, seconds apart, under different TZ and LANG', async () => {
    // the first: the release the test files share, built under TZ=UTC and LANG=C
    expect(SHARED_ENV).toEqual({ TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
    const shared = await sharedRelease(CONFIG);
    const a = shared.dir;
    const b = join(scratch, 'b', '2011.1');
    await sleep(Math.max(0, shared.finished + 2100 - Date.now()));
    const second = await release(b, { TZ: 'Pacific/Kiritimati', LANG: 'ru_RU.UTF-8', LC_ALL: 'ru_RU.UTF-8' });
    expect(second.code, second.stderr).toBe(0);
    expect(files(b)).toEqual(files(a));
    expect(files(a)).toContain(join('px', 'T04.px'));
    for (const f of files(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('leaves no release when killed with SIGKILL after the temporary folder is complete, and the next run succeeds', async () => {
    const config = smallRelease('2099.4');
    const target = join(scratch, 'killed', '2099.4');
    const child = start(['release', config, '--out', target], { MCH_TEST_PAUSE_BEFORE_RENAME: '60000' });
    const temp = `${target}.tmp-${child.pid}`;
    for (let waited = 0; !existsSync(join(temp, 'datapackage.json')); waited += 100) {
      if (waited > 120_000) throw new Error('the temporary folder never appeared');
      await sleep(100);
    }
    child.kill('SIGKILL');
    expect((await child.done).signal).toBe('SIGKILL');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.lock`)).toBe(true);

    const again = await start(['release', config, '--out', target]).done;
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(`${target}.lock`)).toBe(false);
    const verify = await start(['verify', target]).done;
    expect(verify.code, verify.stderr).toBe(0);
  });

  it('lets one of two simultaneous releases of one version win and refuses the other with exit 2', async () => {
    const config = smallRelease('2099.5');
    const target = join(scratch, 'race', '2099.5');
    const slow = { MCH_TEST_PAUSE_BEFORE_RENAME: '3000' };
    const both = () => start(['release', config, '--out', target], slow).done;
    const results = await Promise.all([both(), both()]);
    const codes = results.map((r) => r.code).sort();
    expect(codes, results.map((r) => r.stderr).join('\n')).toEqual([0, 2]);
    expect(results.find((r) => r.code === 2)!.stderr).toMatch(/being written|already exists/);
    expect((await start(['verify', target]).done).code).toBe(0);
  });

  it('removes its temporary folder and its lock when stopped with Ctrl-C (SIGINT: exit 130)', async () => {
    const config = smallRelease('2099.3');
    const target = join(scratch, 'interrupted', '2099.3');
    const child = start(['release', config, '--out', target], { MCH_TEST_PAUSE_BEFORE_RENAME: '60000' });
    const temp = `${target}.tmp-${child.pid}`;
    for (let waited = 0; !existsSync(join(temp, 'datapackage.json')); waited += 100) {
      if (waited > 60_000) throw new Error('the temporary folder never appeared');
      await sleep(100);
    }
    expect(existsSync(`${target}.lock`)).toBe(true);
    child.kill('SIGINT');
    const done = await child.done;
    expect(done.code, done.stderr).toBe(130);
    expect(done.stderr).toContain('stopped by SIGINT');
    expect(readdirSync(join(scratch, 'interrupted'))).toEqual([]);
    expect(readdirSync(join(REPO_ROOT, 'data', 'reports')).filter((n) => n.startsWith('2099.3.'))).toEqual([]);
  });
});
