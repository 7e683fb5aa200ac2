import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { type HarmonisedData, MchError, type Observation, type QualityReport, isMchError } from '@mch/core';
import { readObservationsCsvInTurns } from '@mch/publish';
import { type BenchmarkValue, parseBenchmarkCsv, type ReportInputFile } from '@mch/quality';
import { type PublishedRelease, checkParts } from './checks';
import { QUALITY_CODE, codeFingerprint } from './code-fingerprint';
import { type CountryWork, cacheDir, computeParts } from './countries';
import type { LoadedConfig } from './config';
import { type CountryPart, mergeParts } from './country';
import { fileProblem, refuseIrregular } from './regular-file';
import { assertReleaseCsvReadable, namingRelease } from './release-csv';
import { type InputFileRead, readInputFile } from './inputs';
import { assertInputs } from './preflight';
import { ReleaseReadCache } from './release-cache';
import { formatCount, progress } from './progress';
import { displayPath, repoPath } from './repo';

export interface ChainResult {
  inputs: InputFileRead[];
  /** the same files with the country that sent them, for the feedback workbooks */
  countryFiles: ReportInputFile[];
  /** files that could not be read at all; the rest of the run goes on without them (status only) */
  unreadable: MchError[];
  /** what ingest said about the files as a whole (a converted .xls …), each naming its file */
  fileWarnings: string[];
  /**
   * the release's observations as publish reads them: each value's source by its file, hash and
   * sheet only (cell and raw text stay in the country's columns; a zero keeps its raw text, which
   * may be a dash), so a release's objects take a third less memory (store.ts, `get`)
   */
  data: HarmonisedData;
  /** the whole source of `data.observations[i]`, from its country's columns (publish's `ReleaseModel.sourceOf`) */
  sourceOf: (i: number) => Observation['source'];
  report: QualityReport;
  /** the previous release's observations, and the sha256 of its observations.csv (an input of the release) */
  previous?: PublishedRelease;
  /** countries whose ingest and harmonise came from the cache, and those computed in this run */
  cache: { reused: string[]; computed: string[] };
  /** the computed countries a worker thread computed (none when one core or MCH_THREADS=1) */
  onWorkers: string[];
  /** harmonised observations of every country, derived ones included */
  observations: number;
}

export interface ChainOptions {
  partial?: boolean;
  compareWithPrevious?: boolean;
  /** false: every country is computed and nothing is cached (`--no-cache`, `mch reproduce`) */
  cache?: boolean;
}

/**
 * ingest → harmonise country by country (each from the cache when its files, configuration and
 * code are unchanged), then quality on the whole release. A file that turns out unreadable stops
 * the run after ingest (nothing is checked on part of the data), unless `partial` asks to go on
 * without it (`mch status`, which shows what was received). `compareWithPrevious` (`mch check`)
 * sets the findings against the previous release's internal report; a release never does, so
 * what it publishes depends on its inputs alone.
 */
export async function runChain(loaded: LoadedConfig, options: ChainOptions = {}): Promise<ChainResult> {
  const { root, config, configPath } = loaded;
  assertInputs(loaded);
  // the chain of previous releases and the benchmarks first: a wrong link stops the run before any work
  const links = previousReleaseLinks(loaded);
  const benchmarks = loadBenchmarks(loaded);
  const unreadable: MchError[] = [];
  const work: CountryWork[] = [];
  for (const [ref_area, settings] of Object.entries(config.countries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!settings) continue;
    const files: CountryWork['files'] = [];
    for (const [i, file] of settings.files.entries()) {
      const field = `${configPath}: countries.${ref_area}.files.${i}.path`;
      try {
        files.push({ read: readInputFile(root, file, field), field });
      } catch (e) {
        if (!isMchError(e) || e.code !== 'file-unreadable') throw e;
        files.push({ refused: e, field });
      }
    }
    work.push({ ref_area, settings, files });
  }
  const computing = computeParts(loaded, work, { cache: options.cache !== false });
  computing.catch(() => {}); // awaited below, after the read
  // parsed while the worker threads ingest: the previous releases' observations are the largest read of a run
  const releases = await whileComputing(computing, () => readPreviousReleases(links, options.cache === false ? undefined : new ReleaseReadCache(root)));
  const [previous, ...history] = releases;
  const done = await computing;
  if (done.unreadable.length && !options.partial) {
    throw new MchError('file-unreadable', `${done.unreadable.length} file(s) named by ${configPath} cannot be read; nothing was checked or published`, {
      where: configPath,
      details: done.unreadable.flatMap((e) => [e.message, ...e.details]),
    });
  }
  for (const e of done.unreadable) unreadable.push(e);
  const compareWithPrevious = options.compareWithPrevious === true;
  const previousReport = compareWithPrevious && previous ? loadPreviousReport(root, previous.version) : undefined;
  const { files, metadata } = releaseRecords(done.parts);
  const cache = options.cache !== false ? { dir: cacheDir(root), code: codeFingerprint(root, QUALITY_CODE), partKeys: done.keys } : undefined;
  const input = { config, tableSet: loaded.tableSet, codelists: loaded.codelists, breaks: loaded.breaks, previous, history, benchmarks, previousReport, compareWithPrevious, files, metadata };
  const checks = checkParts(input, done.parts, cache);
  const report = checks.report;
  progress(`harmonise ${formatCount(checks.observations)} observations (${formatCount(checks.derived)} derived)`);
  if (checks.reused.length) progress(`cache    checks of ${checks.reused.length} unchanged countries reused`);
  progress(`check    ${report.rules.length} rules, ${formatCount(report.findings.length)} findings, gate ${report.gate.passed ? 'passed' : 'blocked'}`);
  // the release's observations as one list only when a writer asks (mch release): a check holds one country at a time
  let data: HarmonisedData | undefined;
  const parts = done.parts;
  return {
    inputs: done.inputs,
    countryFiles: done.countryFiles,
    unreadable,
    fileWarnings: done.fileWarnings,
    get data() {
      data ??= mergeParts(parts, 'origin');
      return data;
    },
    sourceOf: partSources(parts),
    report,
    previous: previous && { version: previous.version, observations: previous.observations, sha256: previous.sha256, ...(previous.code ? { code: previous.code } : {}) },
    cache: done.cache,
    onWorkers: done.onWorkers,
    observations: checks.observations,
  };
}

/** The whole source of the i-th observation of the countries' parts taken one after another (mergeParts' order). */
function partSources(parts: readonly CountryPart[]): (i: number) => Observation['source'] {
  const starts: number[] = [];
  let n = 0;
  for (const p of parts) {
    starts.push(n);
    n += p.observations.length;
  }
  // publish asks in order: the part of the last answer is where the next one starts looking
  let k = 0;
  return (i) => {
    if (i < 0 || i >= n) throw new RangeError(`no observation ${i} in a release of ${n}`);
    if (i < starts[k]!) k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= i) k++;
    return parts[k]!.observations.source(i - starts[k]!);
  };
}

/** `read()` while `computing` goes on; when it throws, the error once `computing` has settled (no worker is left running). */
async function whileComputing<T>(computing: Promise<unknown>, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    await computing.catch(() => {});
    throw e;
  }
}

/** The records of the release as a whole the report reads: every country's files and metadata, in country order. */
function releaseRecords(parts: readonly CountryPart[]): Pick<HarmonisedData, 'files' | 'metadata'> {
  const out: Pick<HarmonisedData, 'files' | 'metadata'> = { files: [], metadata: [] };
  for (const p of parts) {
    for (const f of p.rest.files) out.files.push(f);
    for (const m of p.rest.metadata) out.metadata.push(m);
  }
  return out;
}

/** Releases are chained by the previous_release each one's datapackage.json records; a loop or a very long chain stops here. */
const MAX_HISTORY = 20;

/**
 * The previous published release and the ones before it, newest first. The first link comes from
 * the configuration; every further link from the `mch.previous_release` that release's own
 * datapackage.json records, so the chain is what was published, whatever the configurations say now.
 */
export function loadPreviousReleases(loaded: LoadedConfig, cache: ReleaseReadCache | undefined): Promise<PublishedRelease[]> {
  return readPreviousReleases(previousReleaseLinks(loaded), cache);
}

/** One previous release found: its version and its observations.csv. */
interface ReleaseLink {
  version: string;
  csv: string;
  /** the csv as messages name it */
  shown: string;
  /** the package versions its manifest records */
  code?: Record<string, string>;
}

/** The chain of previous releases from their manifests alone (cheap: no observations are read). */
function previousReleaseLinks(loaded: LoadedConfig): ReleaseLink[] {
  const out: ReleaseLink[] = [];
  const seen = new Set<string>();
  let path = loaded.config.previous_release;
  let field = `${loaded.configPath}: previous_release`;
  while (path && out.length < MAX_HISTORY) {
    const dir = repoPath(loaded.root, path, field);
    if (seen.has(dir)) break;
    seen.add(dir);
    const shown = displayPath(loaded.root, dir);
    const csv = join(dir, 'data', 'observations.csv');
    if (!existsSync(csv)) {
      throw new MchError('config-invalid', `${field}: "${shown}" has no data/observations.csv; publish that release first`, { where: field });
    }
    assertReleaseCsvReadable(csv, `${shown}/data/observations.csv`);
    refuseIrregular(join(dir, 'datapackage.json'), `${shown}/datapackage.json`, field);
    let manifest: { version?: string; mch?: { previous_release?: string | null; code_version?: { packages?: Record<string, string> } } } = {};
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    } catch (e) {
      throw new MchError('manifest-invalid', `"${shown}/datapackage.json" cannot be read (${(e as Error).message})`, { where: `${shown}/datapackage.json` });
    }
    out.push({ version: manifest.version ?? shown, csv, shown: `${shown}/data/observations.csv`, code: manifest.mch?.code_version?.packages });
    field = `${shown}/datapackage.json: mch.previous_release`;
    path = manifest.mch?.previous_release ?? undefined;
  }
  return out;
}

/**
 * Each linked release's observations, parsed and checked (or from the cache), read in turns of
 * the event loop so that the worker threads ingesting meanwhile are handed their next country.
 */
async function readPreviousReleases(links: readonly ReleaseLink[], cache: ReleaseReadCache | undefined): Promise<PublishedRelease[]> {
  const out: PublishedRelease[] = [];
  for (const link of links) {
    const bytes = readFileSync(link.csv);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const parse = () =>
      readObservationsCsvInTurns(bytes).catch((e: unknown) => {
        throw namingRelease(e, link.shown);
      });
    out.push({ version: link.version, observations: await (cache ? cache.observations(sha256, parse) : parse()), sha256, ...(link.code ? { code: link.code } : {}) });
  }
  return out;
}

/**
 * The internal quality report of the previous release, where `mch check` left it
 * (data/reports/<version>/report.json), so this round's findings read as new, still open or
 * resolved. Absent or unreadable, the comparison is not made and quality says so as a run warning.
 */
function loadPreviousReport(root: string, version: string): Pick<QualityReport, 'version' | 'findings'> | undefined {
  const path = join(root, 'data', 'reports', version, 'report.json');
  // a named pipe there would never be read to its end
  if (!existsSync(path) || fileProblem(path)) return undefined;
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as Partial<QualityReport>;
    return report.version === version && Array.isArray(report.findings) ? { version, findings: report.findings } : undefined;
  } catch {
    return undefined;
  }
}

/** The benchmark series the configuration names (MCH-B01); none configured, none compared. */
export function loadBenchmarks(loaded: LoadedConfig): BenchmarkValue[] {
  const out: BenchmarkValue[] = [];
  for (const series of ['ims2019', 'wpp2024'] as const) {
    const path = loaded.config.benchmarks[series];
    if (!path) continue;
    const field = `${loaded.configPath}: benchmarks.${series}`;
    const full = repoPath(loaded.root, path, field);
    if (!existsSync(full)) throw new MchError('config-invalid', `${field}: "${path}" does not exist`, { where: field });
    for (const row of parseBenchmarkCsv(readFileSync(full, 'utf8'), series, displayPath(loaded.root, full))) out.push(row);
  }
  return out;
}
