import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HarmonisedData, MchError, type QualityReport, isMchError } from '@mch/core';
import { type IngestedFile, harmonise } from '@mch/harmonise';
import { ingestFile } from '@mch/ingest';
import { readObservationsCsv } from '@mch/publish';
import { type BenchmarkValue, parseBenchmarkCsv, type ReleaseObservations, type ReportInputFile, runQuality } from '@mch/quality';
import type { LoadedConfig } from './config';
import { type InputFileRead, readInputFile } from './inputs';
import { assertInputs } from './preflight';
import { counter, formatCount, progress } from './progress';
import { displayPath, repoPath } from './repo';

export interface ChainResult {
  inputs: InputFileRead[];
  /** the same files with the country that sent them, for the feedback workbooks */
  countryFiles: ReportInputFile[];
  /** files that could not be read at all; the rest of the run goes on without them (status only) */
  unreadable: MchError[];
  /** what ingest said about the files as a whole (a converted .xls …), each naming its file */
  fileWarnings: string[];
  data: HarmonisedData;
  report: QualityReport;
  previous?: ReleaseObservations;
}

/**
 * ingest → harmonise → quality, for every country of a release configuration. A file that turns
 * out unreadable stops the run after ingest (nothing is checked on part of the data), unless
 * `partial` asks to go on without it (`mch status`, which shows what was received).
 * `compareWithPrevious` (`mch check`) sets the findings against the previous release's internal
 * report; a release never does, so what it publishes depends on its inputs alone.
 */
export async function runChain(loaded: LoadedConfig, options: { partial?: boolean; compareWithPrevious?: boolean } = {}): Promise<ChainResult> {
  const { root, config, configPath } = loaded;
  assertInputs(loaded);
  const [previous, ...history] = loadPreviousReleases(loaded);
  const benchmarks = loadBenchmarks(loaded);
  const inputs: InputFileRead[] = [];
  const countryFiles: ReportInputFile[] = [];
  const unreadable: MchError[] = [];
  const fileWarnings: string[] = [];
  const total = Object.values(config.countries).reduce((n, c) => n + (c?.files.length ?? 0), 0);
  const step = counter('ingest', total);
  const countries: { ref_area: string; files: IngestedFile[] }[] = [];
  for (const [ref_area, settings] of Object.entries(config.countries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!settings) continue;
    const files: IngestedFile[] = [];
    for (const [i, file] of settings.files.entries()) {
      const field = `${configPath}: countries.${ref_area}.files.${i}.path`;
      try {
        const read = readInputFile(root, file, field);
        const result = await ingestFile({ path: read.path, bytes: read.bytes }, { ref_area, tableSet: loaded.tableSet, codelists: loaded.codelists, settings });
        inputs.push(read);
        countryFiles.push({ path: read.path, bytes: read.bytes, ref_area });
        files.push({ file, result });
        const s = result.files[0];
        for (const w of s?.warnings ?? []) fileWarnings.push(w);
        step.tick(`${ref_area} ${read.path}: ${formatCount(result.observations.length)} observations, ${formatCount(result.rejections.length)} rejected${s ? ` of ${formatCount(s.value_cells)} value cells` : ''}`);
      } catch (e) {
        if (!isMchError(e) || e.code !== 'file-unreadable') throw e;
        unreadable.push(new MchError(e.code, `${e.message} (${field})`, { where: e.where, details: e.details }));
        step.tick(`${ref_area} refused: ${e.message}`);
      }
    }
    countries.push({ ref_area, files });
  }
  if (unreadable.length && !options.partial) {
    throw new MchError('file-unreadable', `${unreadable.length} file(s) named by ${configPath} cannot be read; nothing was checked or published`, {
      where: configPath,
      details: unreadable.flatMap((e) => [e.message, ...e.details]),
    });
  }
  const data = harmonise({ config, tableSet: loaded.tableSet, codelists: loaded.codelists, breaks: loaded.breaks, countries });
  progress(`harmonise ${formatCount(data.observations.length)} observations (${formatCount(data.observations.filter((o) => o.derived).length)} derived)`);
  const compareWithPrevious = options.compareWithPrevious === true;
  const previousReport = compareWithPrevious && previous ? loadPreviousReport(root, previous.version) : undefined;
  const report = runQuality({ config, tableSet: loaded.tableSet, codelists: loaded.codelists, data, breaks: loaded.breaks, previous, history, benchmarks, previousReport, compareWithPrevious });
  progress(`check    ${report.rules.length} rules, ${formatCount(report.findings.length)} findings, gate ${report.gate.passed ? 'passed' : 'blocked'}`);
  return { inputs, countryFiles, unreadable, fileWarnings, data, report, previous };
}

/** Releases are chained by the previous_release each one's datapackage.json records; a loop or a very long chain stops here. */
const MAX_HISTORY = 20;

/**
 * The previous published release and the ones before it, newest first. The first link comes from
 * the configuration; every further link from the `mch.previous_release` that release's own
 * datapackage.json records, so the chain is what was published, whatever the configurations say now.
 */
function loadPreviousReleases(loaded: LoadedConfig): ReleaseObservations[] {
  const out: ReleaseObservations[] = [];
  const seen = new Set<string>();
  let path = loaded.config.previous_release;
  let field = `${loaded.configPath}: previous_release`;
  while (path && out.length < MAX_HISTORY) {
    const dir = repoPath(loaded.root, path, field);
    if (seen.has(dir)) break;
    seen.add(dir);
    const release = readRelease(loaded.root, dir, field);
    out.push(release.observations);
    field = `${displayPath(loaded.root, dir)}/datapackage.json: mch.previous_release`;
    path = release.previous;
  }
  return out;
}

function readRelease(root: string, dir: string, field: string): { observations: ReleaseObservations; previous?: string } {
  const shown = displayPath(root, dir);
  const csv = join(dir, 'data', 'observations.csv');
  if (!existsSync(csv)) {
    throw new MchError('config-invalid', `${field}: "${shown}" has no data/observations.csv; publish that release first`, { where: field });
  }
  let manifest: { version?: string; mch?: { previous_release?: string | null } } = {};
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
  } catch (e) {
    throw new MchError('manifest-invalid', `"${shown}/datapackage.json" cannot be read (${(e as Error).message})`, { where: `${shown}/datapackage.json` });
  }
  return {
    observations: { version: manifest.version ?? shown, observations: readObservationsCsv(readFileSync(csv, 'utf8')) },
    previous: manifest.mch?.previous_release ?? undefined,
  };
}

/**
 * The internal quality report of the previous release, where `mch check` left it
 * (data/reports/<version>/report.json), so this round's findings read as new, still open or
 * resolved. Absent or unreadable, the comparison is not made and quality says so as a run warning.
 */
function loadPreviousReport(root: string, version: string): Pick<QualityReport, 'version' | 'findings'> | undefined {
  const path = join(root, 'data', 'reports', version, 'report.json');
  if (!existsSync(path)) return undefined;
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as Partial<QualityReport>;
    return report.version === version && Array.isArray(report.findings) ? { version, findings: report.findings } : undefined;
  } catch {
    return undefined;
  }
}

/** The benchmark series the configuration names (MCH-B01); none configured, none compared. */
function loadBenchmarks(loaded: LoadedConfig): BenchmarkValue[] {
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
