import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { writeRelease } from '@mch/publish';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { countryKeys } from './cache';
import { type ChainResult, runChain } from './chain';
import { loadReleaseConfig } from './config';
import { releaseModel } from './release-model';

const scratch = mkdtempSync(join(tmpdir(), 'mch-chain-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(() => {
  vi.stubEnv('MCH_QUIET', '1');
});

/** Everything of a chain that goes on to quality and publish, as text. */
const content = (c: ChainResult) => JSON.stringify({ data: c.data, report: c.report, inputs: c.inputs.map((i) => i.sha256), warnings: c.fileWarnings });

describe('the country cache, in a repository of three countries', () => {
  // a superseding resubmission (ARM), long CSV beside Metadata workbooks (BLR), a corrected table (TJK)
  const root = join(scratch, 'repo');
  const cacheDir = join(scratch, 'cache');
  const shipped = loadReleaseConfig(REPO_ROOT, join(REPO_ROOT, 'pipelines/mch/2013.1.yaml'));
  const three = ['ARM', 'BLR', 'TJK'] as const;
  const config = structuredClone(shipped.config) as Record<string, unknown> & typeof shipped.config;
  config.countries = Object.fromEntries(three.map((r) => [r, shipped.config.countries[r]]));
  delete config.previous_release;
  config.benchmarks = {};
  for (const p of ['pipelines/mch/tables.yaml', 'pipelines/mch/codelists.yaml', 'pipelines/mch/breaks.yaml', ...three.flatMap((r) => config.countries[r]!.files.map((f) => f.path))]) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    cpSync(join(REPO_ROOT, p), join(root, p));
  }
  const configPath = join(root, 'pipelines/mch/test.yaml');
  const write = (c: typeof config) => writeFileSync(configPath, JSON.stringify(c, null, 1));
  const run = (options: { cache?: boolean } = {}) => {
    vi.stubEnv('MCH_CACHE_DIR', cacheDir);
    return runChain(loadReleaseConfig(root, configPath, { inputs: true }), options);
  };
  write(config);

  it('computes every country once, then reuses them all with the same result', async () => {
    const first = await run();
    expect(first.cache).toEqual({ reused: [], computed: ['ARM', 'BLR', 'TJK'] });
    const second = await run();
    expect(second.cache).toEqual({ reused: ['ARM', 'BLR', 'TJK'], computed: [] });
    expect(content(second)).toBe(content(first));
  }, 120_000);

  it('re-runs only the country whose file changed, and the result is what a run without cache gives', async () => {
    const csv = join(root, 'data/raw/2013/BLR_2013_long.csv');
    const bytes = readFileSync(csv);
    const at = bytes.indexOf('\t8884\n');
    expect(at).toBeGreaterThan(0);
    bytes.write('\t8885\n', at);
    writeFileSync(csv, bytes);
    const changed = await run();
    expect(changed.cache).toEqual({ reused: ['ARM', 'TJK'], computed: ['BLR'] });
    expect(changed.data.observations.some((o) => o.ref_area === 'BLR' && o.obs_value === 8885)).toBe(true);
    const uncached = await run({ cache: false });
    expect(uncached.cache.computed).toEqual(['ARM', 'BLR', 'TJK']);
    expect(content(changed)).toBe(content(uncached));
  }, 120_000);

  it('re-runs a country whose settings or breaks changed, and none for a new waiver', async () => {
    write({ ...config, countries: { ...config.countries, TJK: { ...config.countries.TJK!, territory: 'Another territory' } } });
    expect((await run()).cache.computed).toEqual(['TJK']);
    write({ ...config, breaks: [...config.breaks, { ref_area: 'ARM', tables: ['T04'], first_year: 2010, text_en: 'x', text_ru: 'x' }] as typeof config.breaks });
    expect((await run()).cache.computed).toEqual(['ARM']);
    write({ ...config, waivers: [...config.waivers, { rule: 'MCH-T01', ref_area: 'BLR', justification: 'a test waiver', approved_by: 'test', date: '2013-10-01', expires: '2014.1' }] as typeof config.waivers });
    expect((await run()).cache.computed).toEqual([]);
    write(config);
  }, 120_000);

  it('recomputes a country whose cache file is damaged, and writes nothing with --no-cache', async () => {
    const before = await run();
    expect(before.cache.computed).toEqual([]);
    const dir = join(cacheDir, 'countries', 'ARM');
    for (const f of readdirSync(dir)) {
      const b = readFileSync(join(dir, f));
      b[b.length - 10] = b[b.length - 10]! ^ 0x01;
      writeFileSync(join(dir, f), b);
    }
    const after = await run();
    expect(after.cache).toEqual({ reused: ['BLR', 'TJK'], computed: ['ARM'] });
    expect(content(after)).toBe(content(before));
    rmSync(cacheDir, { recursive: true, force: true });
    await run({ cache: false });
    expect(() => readdirSync(cacheDir)).toThrow();
  }, 120_000);

  it('has a key that changes with the code and with each file, not with the order of the YAML', () => {
    const loaded = loadReleaseConfig(root, configPath);
    const ctx = { config: loaded.config, tableSet: loaded.tableSet, codelists: loaded.codelists, breaks: loaded.breaks };
    const settings = loaded.config.countries.ARM!;
    const files = settings.files.map((file) => ({ file, sha256: '0'.repeat(64) }));
    const key = countryKeys('code', ctx)('ARM', settings, files);
    expect(countryKeys('other code', ctx)('ARM', settings, files)).not.toBe(key);
    expect(countryKeys('code', ctx)('ARM', settings, [{ ...files[0]!, sha256: '1'.repeat(64) }, ...files.slice(1)])).not.toBe(key);
    expect(countryKeys('code', { ...ctx, codelists: { ...ctx.codelists, age: ctx.codelists.age.slice(1) } })('ARM', settings, files)).not.toBe(key);
    const reordered = Object.fromEntries(Object.entries(settings).reverse()) as typeof settings;
    expect(countryKeys('code', ctx)('ARM', reordered, files)).toBe(key);
  });
});

describe('a release from the cache', () => {
  it('is byte for byte the release computed without it, on worker threads or in one (release 2013.1)', async () => {
    vi.stubEnv('MCH_CACHE_DIR', join(scratch, 'demo-cache'));
    // asked for: without it little input under the sources stays in one thread
    vi.stubEnv('MCH_THREADS', '2');
    const loaded = loadReleaseConfig(REPO_ROOT, join(REPO_ROOT, 'pipelines/mch/2013.1.yaml'), { inputs: true });
    const computed = await runChain(loaded);
    expect(computed.cache.reused).toEqual([]);
    // the countries went to worker threads (what this test compares with one thread)
    expect(computed.onWorkers).toEqual(computed.cache.computed);
    const cached = await runChain(loaded);
    expect(cached.cache.computed).toEqual([]);
    vi.stubEnv('MCH_THREADS', '1');
    const oneThread = await runChain(loaded, { cache: false });
    expect(oneThread.onWorkers).toEqual([]);
    expect(content(oneThread)).toBe(content(computed));
    const dirs = [join(scratch, 'computed'), join(scratch, 'cached')];
    await writeRelease(releaseModel(loaded, computed), dirs[0]!);
    await writeRelease(releaseModel(loaded, cached), dirs[1]!);
    const files = (d: string) => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(d.length));
    expect(files(dirs[1]!).sort()).toEqual(files(dirs[0]!).sort());
    expect(files(dirs[0]!).length).toBeGreaterThan(20);
    for (const f of files(dirs[0]!)) expect(readFileSync(join(dirs[1]!, f)).equals(readFileSync(join(dirs[0]!, f))), f).toBe(true);
  }, 300_000);
});
