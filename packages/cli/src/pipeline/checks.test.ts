import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObservationStore } from '@mch/core';
import { REPO_ROOT } from '@mch/core/testing';
import { runQuality } from '@mch/quality';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBenchmarks, loadPreviousReleases } from './chain';
import { type ReleaseChecksInput, checkParts } from './checks';
import { loadReleaseConfig } from './config';
import { type ChainContext, type CountryPart, computeCountry, mergeParts } from './country';
import { readInputFile } from './inputs';

// 2013.1 is compared with the published 2011.1 (MCH-R01, MCH-T03) and the benchmark series (MCH-B01).
const loaded = loadReleaseConfig(REPO_ROOT, join(REPO_ROOT, 'pipelines/mch/2013.1.yaml'), { inputs: true });
const ctx: ChainContext = { config: loaded.config, tableSet: loaded.tableSet, codelists: loaded.codelists, breaks: loaded.breaks };
const scratch = mkdtempSync(join(tmpdir(), 'mch-checks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let parts: CountryPart[];
let input: ReleaseChecksInput;
beforeAll(async () => {
  parts = [];
  for (const [r, settings] of Object.entries(loaded.config.countries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const files = settings!.files.map((file) => ({ file, ...readInputFile(REPO_ROOT, file, r) }));
    parts.push(await computeCountry(ctx, r, settings!, files));
  }
  const [previous, ...history] = await loadPreviousReleases(loaded, undefined);
  const files = parts.flatMap((p) => p.rest.files);
  const metadata = parts.flatMap((p) => p.rest.metadata);
  input = { ...ctx, previous, history, benchmarks: loadBenchmarks(loaded), files, metadata, compareWithPrevious: false };
}, 120_000);

const keys = (salt = '') => parts.map((p) => `${p.ref_area}${salt}`);
const cacheIn = (dir: string, partKeys = keys()) => ({ dir: join(scratch, dir), code: 'code', partKeys });

describe('checkParts', () => {
  it('gives the report runQuality gives on the whole release, holding one country at a time', () => {
    const asList = (r: { version: string; observations: ObservationStore }) => ({ version: r.version, observations: r.observations.toArray() });
    const whole = runQuality({ ...input, data: mergeParts(parts), previous: input.previous && asList(input.previous), history: input.history.map(asList) });
    const done = checkParts(input, parts);
    expect(JSON.stringify(done.report)).toBe(JSON.stringify(whole));
    expect(whole.findings.some((f) => f.rule === 'MCH-R01' || f.rule === 'MCH-T03')).toBe(true);
    expect(done.observations).toBe(mergeParts(parts).observations.length);
    expect(done.derived).toBe(mergeParts(parts).observations.filter((o) => o.derived).length);
  });

  it('is a comparison that can fail: without the previous release the report is another', () => {
    const alone = checkParts({ ...input, previous: undefined, history: [] }, parts);
    expect(JSON.stringify(alone.report)).not.toBe(JSON.stringify(checkParts(input, parts).report));
  });

  it('reuses the checks of unchanged countries, with the same report, and recomputes a changed one', () => {
    const first = checkParts(input, parts, cacheIn('a'));
    expect(first.reused).toEqual([]);
    const again = checkParts(input, parts, cacheIn('a'));
    expect(again.reused).toEqual(parts.map((p) => p.ref_area));
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(first.report));
    const resubmitted = keys().map((k, i) => (i === 1 ? `${k}-new` : k));
    const one = checkParts(input, parts, cacheIn('a', resubmitted));
    expect(one.reused).toEqual(parts.filter((_, i) => i !== 1).map((p) => p.ref_area));
  });

  it("shares the countries' checks between mch check (the previous report compared) and mch release, each report as computed afresh", () => {
    const uncached = checkParts(input, parts).report;
    const previousReport = { version: '2011.1', findings: uncached.findings.slice(0, 40) };
    const checking = { ...input, compareWithPrevious: true, previousReport };
    const checked = checkParts(checking, parts, cacheIn('shared'));
    expect(checked.reused).toEqual([]);
    expect(checked.report.changes).not.toBeNull();
    const released = checkParts(input, parts, cacheIn('shared'));
    expect(released.reused).toEqual(parts.map((p) => p.ref_area));
    expect(JSON.stringify(released.report)).toBe(JSON.stringify(uncached));
    expect(released.report.changes).toBeNull();
    const checkedAgain = checkParts(checking, parts, cacheIn('shared'));
    expect(checkedAgain.reused).toEqual(parts.map((p) => p.ref_area));
    expect(JSON.stringify(checkedAgain.report)).toBe(JSON.stringify(checkParts(checking, parts).report));
  });

  it('recomputes every country when what all read changes: a rule setting, the quality code', () => {
    checkParts(input, parts, cacheIn('b'));
    const stricter = { ...input, config: { ...input.config, rules: { ...input.config.rules, 'MCH-T01': { severity: 'error' as const } } } };
    expect(checkParts(stricter, parts, cacheIn('b')).reused).toEqual([]);
    expect(checkParts(input, parts, { ...cacheIn('b'), code: 'other code' }).reused).toEqual([]);
  });
});
