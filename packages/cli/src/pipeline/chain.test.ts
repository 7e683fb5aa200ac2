import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runChain } from './chain';
import { loadReleaseConfig } from './config';

const scratch = mkdtempSync(join(tmpdir(), 'mch-chain-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(() => {
  vi.stubEnv('MCH_QUIET', '1');
  // two countries on two worker threads, as a release of the demo runs
  vi.stubEnv('MCH_THREADS', '2');
});

describe('the previous releases, read while the countries are computed', () => {
  const root = join(scratch, 'repo');
  const shipped = loadReleaseConfig(REPO_ROOT, join(REPO_ROOT, 'pipelines/mch/2013.1.yaml'));
  const two = ['ARM', 'BLR'] as const;
  const config = structuredClone(shipped.config) as Record<string, unknown> & typeof shipped.config;
  config.countries = Object.fromEntries(two.map((r) => [r, shipped.config.countries[r]]));
  config.benchmarks = {};
  for (const p of ['pipelines/mch/tables.yaml', 'pipelines/mch/codelists.yaml', 'pipelines/mch/breaks.yaml', ...two.flatMap((r) => config.countries[r]!.files.map((f) => f.path))]) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    cpSync(join(REPO_ROOT, p), join(root, p));
  }
  const configPath = join(root, 'pipelines/mch/test.yaml');
  const run = (previous: string, cache: string) => {
    writeFileSync(configPath, JSON.stringify({ ...config, previous_release: previous }, null, 1));
    vi.stubEnv('MCH_CACHE_DIR', cache);
    return runChain(loadReleaseConfig(root, configPath, { inputs: true }));
  };
  const release = (name: string, csv: string, manifest: string = JSON.stringify({ version: name, mch: { previous_release: null } })) => {
    const dir = join(root, 'data/releases', name);
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'datapackage.json'), manifest);
    writeFileSync(join(dir, 'data/observations.csv'), csv);
    return `data/releases/${name}`;
  };

  it('stops at a broken link of the chain before any country is computed', async () => {
    const cache = join(scratch, 'cache-link');
    const older = release('2009.1', '', '{ not json');
    const previous = release('2011.9', 'not read', JSON.stringify({ version: '2011.9', mch: { previous_release: older } }));
    await expect(run(previous, cache)).rejects.toThrow(/data\/releases\/2009\.1\/datapackage\.json" cannot be read/);
    // nothing was computed, so nothing was cached
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
  });

  it('reports a broken observations.csv once the countries are done, as the error of the run', async () => {
    const cache = join(scratch, 'cache-broken');
    const error = await run(release('2011.8', 'ref_area,table\nARM,T01\n'), cache).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'manifest-invalid', message: expect.stringContaining('observations.csv: the header is not') });
    // the countries were computed meanwhile, and are kept for the next run
    expect(readdirSync(cache).length).toBeGreaterThan(0);
  }, 120_000);
});
