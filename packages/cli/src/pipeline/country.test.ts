import { join } from 'node:path';
import type { HarmonisedData } from '@mch/core';
import { REPO_ROOT } from '@mch/core/testing';
import { harmonise } from '@mch/harmonise';
import { ingestFile } from '@mch/ingest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NOT_READ_PER_COUNTRY } from './cache';
import { loadReleaseConfig } from './config';
import { type ChainContext, type CountryPart, computeCountry, mergeParts } from './country';
import { readInputFile } from './inputs';

// The demonstration round 2013.1 holds a superseding resubmission (ARM), a conflicting second file
// (UKR), long CSV with Metadata workbooks (BLR, RUS), breaks and derived aggregates.
const loaded = loadReleaseConfig(REPO_ROOT, join(REPO_ROOT, 'pipelines/mch/2013.1.yaml'), { inputs: true });
const ctx: ChainContext = { config: loaded.config, tableSet: loaded.tableSet, codelists: loaded.codelists, breaks: loaded.breaks };
const countries = Object.entries(loaded.config.countries).sort(([a], [b]) => (a < b ? -1 : 1));
const filesOf = (r: string) => loaded.config.countries[r]!.files.map((file) => ({ file, ...readInputFile(REPO_ROOT, file, r) }));

let parts: CountryPart[];
let whole: HarmonisedData;

beforeAll(async () => {
  parts = [];
  for (const [r, settings] of countries) parts.push(await computeCountry(ctx, r, settings!, filesOf(r)));
  const ingested = [];
  for (const [r, settings] of countries) {
    const files = [];
    for (const f of filesOf(r)) files.push({ file: f.file, result: await ingestFile({ path: f.path, bytes: f.bytes }, { ref_area: r, tableSet: ctx.tableSet, codelists: ctx.codelists, settings: settings! }) });
    ingested.push({ ref_area: r, files });
  }
  whole = harmonise({ ...ctx, countries: ingested });
}, 120_000);

describe('computeCountry and mergeParts', () => {
  it('give, country by country, what harmonise gives for the whole release, field by field and in order', () => {
    const merged = mergeParts(parts);
    for (const key of Object.keys(whole) as (keyof HarmonisedData)[]) expect(JSON.stringify(merged[key]), key).toBe(JSON.stringify(whole[key]));
    expect(Object.keys(merged).sort()).toEqual(Object.keys(whole).sort());
    expect(merged.conflicts.length).toBeGreaterThan(0);
    expect(merged.resubmissions.length).toBeGreaterThan(0);
  });

  it('is a comparison that can fail: two countries in the other order are not the release', () => {
    const swapped = mergeParts([parts[1]!, parts[0]!, ...parts.slice(2)]);
    expect(JSON.stringify(swapped.observations)).not.toBe(JSON.stringify(whole.observations));
  });

  it('keeps every row under its own country, and tells ingest outcomes per file', () => {
    for (const p of parts) {
      for (const o of p.observations) expect(o.ref_area).toBe(p.ref_area);
      expect(p.outcomes.map((o) => o.path)).toEqual(filesOf(p.ref_area).map((f) => f.path));
    }
  });
});

describe('what the cache key leaves out', () => {
  it('does not change a country: the parts of the configuration it does not read, and the other countries', async () => {
    const [r, settings] = countries.find(([c]) => c === 'ARM')!;
    const other = structuredClone(ctx.config);
    const changed: Record<(typeof NOT_READ_PER_COUNTRY)[number], unknown> = {
      version: '2099.9',
      release_date: '2099-12-31',
      previous_release: 'data/releases/none',
      rules: { 'MCH-T01': { severity: 'error' } },
      waivers: [],
      benchmarks: {},
      metadata: { ...other.metadata, title_en: 'another title' },
      release_notes: 'other notes',
      next_release: 'never',
    };
    Object.assign(other, changed);
    other.countries = { ARM: settings };
    const alone = await computeCountry({ ...ctx, config: other, breaks: ctx.breaks.filter((b) => b.ref_area === 'ARM') }, r, settings!, filesOf(r));
    const before = parts.find((p) => p.ref_area === 'ARM')!;
    expect(JSON.stringify(mergeParts([alone]))).toBe(JSON.stringify(mergeParts([before])));
  }, 60_000);

  it('does change a country: its own settings (the check can fail)', async () => {
    const [r, settings] = countries.find(([c]) => c === 'ARM')!;
    const other = structuredClone(ctx.config);
    const own = { ...settings!, territory: 'Another territory' };
    other.countries = { ...other.countries, ARM: own };
    const changed = await computeCountry({ ...ctx, config: other }, r, own, filesOf(r));
    const before = parts.find((p) => p.ref_area === 'ARM')!;
    expect(JSON.stringify(mergeParts([changed]))).not.toBe(JSON.stringify(mergeParts([before])));
  }, 60_000);
});
