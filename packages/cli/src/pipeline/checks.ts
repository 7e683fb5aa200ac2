import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import { cmp, groupBy, type HarmonisedData, type Observation, type ObservationStore, type QualityReport } from '@mch/core';
import { type CountryChecks, type QualityInput, checkCountry, countryInputs, finishQuality } from '@mch/quality';
import { ContentCache, stableJson } from './cache';
import { type CountryPart, partData } from './country';

/**
 * A published release the checks compare with, and the hash of its observations.csv (what the
 * cache keys on). Its observations are held as columns: a release of millions of rows as objects
 * took 340 bytes a row, and each country's checks rebuild only that country's rows.
 */
export interface PublishedRelease {
  version: string;
  observations: ObservationStore;
  sha256: string;
  /** the package versions that built it, from its manifest (for the code's release notes) */
  code?: Record<string, string>;
}

/** Everything of a quality run but the harmonised data, which comes country by country. */
export interface ReleaseChecksInput extends Omit<QualityInput, 'data' | 'previous' | 'history'> {
  previous?: PublishedRelease;
  history: PublishedRelease[];
  /** the harmonised records that belong to no country (the release's files list and metadata are per country) */
  files: HarmonisedData['files'];
  metadata: HarmonisedData['metadata'];
}

export interface ChecksDone {
  report: QualityReport;
  /** countries whose checks came from the cache */
  reused: string[];
  observations: number;
  derived: number;
}

/**
 * Quality country by country: each country's rules run on that country's observations alone,
 * rebuilt from its columns and let go before the next (so a check holds one country, not the
 * release), or come from the cache when the country's part, the configuration the rules read,
 * the releases compared with and the quality code are unchanged. Then the rules across countries
 * run on what each country left (finishQuality). The report is the one `runQuality` gives on the
 * whole release (pipeline/checks.test.ts holds it).
 */
export function checkParts(input: ReleaseChecksInput, parts: readonly CountryPart[], cache?: { dir: string; code: string; partKeys: readonly (string | undefined)[] }): ChecksDone {
  const { previous, history, benchmarks, files: _f, metadata: _m, ...release } = input;
  const previousBy = rowsByCountry(previous?.observations);
  const historyBy = history.map((h) => rowsByCountry(h.observations));
  const benchmarksBy = groupBy(benchmarks ?? [], (b) => b.ref_area);
  const partOf = new Map(parts.map((p, i) => [p.ref_area, i]));
  const areas = new Set([...Object.keys(input.config.countries), ...partOf.keys(), ...previousBy.keys(), ...historyBy.flatMap((h) => [...h.keys()]), ...benchmarksBy.keys()]);
  const store = cache && new ContentCache(cache.dir);
  const shared = cache && sharedKey(input, cache.code);
  const done: ChecksDone = { report: undefined as unknown as QualityReport, reused: [], observations: 0, derived: 0 };
  const checked: CountryChecks[] = [];
  for (const r of [...areas].sort(cmp)) {
    const i = partOf.get(r);
    const part = i === undefined ? undefined : parts[i];
    if (part) {
      done.observations += part.observations.length;
      done.derived += part.observations.countDerived();
    }
    const partKey = i === undefined ? undefined : cache?.partKeys[i];
    const key = store && partKey && createHash('sha256').update(stableJson({ shared, partKey, benchmarks: benchmarksBy.get(r) ?? [] })).digest('hex');
    const hit = key ? store!.read(join('checks', r), key, (payload) => decodeChecks(payload, r)) : undefined;
    if (hit) {
      checked.push(hit);
      done.reused.push(r);
      continue;
    }
    const one: QualityInput = {
      ...release,
      data: part ? partData(part) : emptyData(),
      previous: previous && { version: previous.version, observations: rowsOf(previous.observations, previousBy.get(r)) },
      history: history.map((h, k) => ({ version: h.version, observations: rowsOf(h.observations, historyBy[k]!.get(r)) })),
      benchmarks: benchmarks && (benchmarksBy.get(r) ?? []),
    };
    // every record of `one` names r, so the cut gives r all of it and the other countries nothing
    const own = countryInputs(one).find((c) => c.ref_area === r)!;
    const result = checkCountry(own);
    checked.push(result);
    if (key) store!.write(join('checks', r), key, serialize(result));
  }
  const { files, metadata } = input;
  done.report = finishQuality({ ...release, benchmarks, data: { files, metadata }, previous: previous && { version: previous.version } }, checked);
  return done;
}

/**
 * What every country's checks share: the quality code, the configuration as the rules read it
 * (every country's settings but its files, which its part key holds — so one country's new file
 * leaves the others' checks cached), the tables, code lists, breaks and the releases compared.
 * Not whether the previous internal report is compared: no rule on one country reads it
 * (CountryRuleInput), so `mch release` reuses the checks `mch check` cached.
 */
function sharedKey(input: ReleaseChecksInput, code: string): string {
  const countries = Object.fromEntries(Object.entries(input.config.countries).map(([r, s]) => [r, s && { ...s, files: undefined }]));
  const releases = [input.previous, ...input.history].map((h) => h && { version: h.version, sha256: h.sha256 });
  const what = { code, config: { ...input.config, countries }, tableSet: input.tableSet, codelists: input.codelists, breaks: input.breaks, releases };
  return createHash('sha256').update(stableJson(what)).digest('hex');
}

function decodeChecks(payload: Uint8Array, ref_area: string): CountryChecks {
  const c = deserialize(payload) as CountryChecks;
  if (c?.ref_area !== ref_area || !Array.isArray(c.findings) || !(c.tallies instanceof Map)) throw new RangeError(`checks of ${c?.ref_area} under ${ref_area}`);
  return c;
}

/** Each country's row numbers in a release's columns, in order. */
function rowsByCountry(store: ObservationStore | undefined): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (!store) return out;
  const areas = store.coded.ref_area;
  for (let i = 0; i < store.length; i++) {
    const r = areas.at(i);
    let rows = out.get(r);
    if (!rows) {
      rows = [];
      out.set(r, rows);
    }
    rows.push(i);
  }
  return out;
}

/** The rows of one country, rebuilt as objects for its checks and let go after them. */
function rowsOf(store: ObservationStore, rows: readonly number[] | undefined): Observation[] {
  return (rows ?? []).map((i) => store.get(i));
}

function emptyData(): HarmonisedData {
  return { observations: [], rejections: [], conflicts: [], resubmissions: [], metadata: [], notes: [], files: [], net_migration: [], remarks: [], analytical: [] };
}
