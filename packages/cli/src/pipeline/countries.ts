import { resolve } from 'node:path';
import { type CountrySettings, MchError } from '@mch/core';
import type { ReportInputFile } from '@mch/quality';
import { CountryCache, countryKeys } from './cache';
import { COUNTRY_CODE, codeFingerprint } from './code-fingerprint';
import type { LoadedConfig } from './config';
import { type ChainContext, type CountryFile, type CountryPart, outcomeError } from './country';
import type { InputFileRead } from './inputs';
import { counter, formatCount, progress } from './progress';
import { type CountryRunner, inProcess, workerRunner } from './workers';

/** One reporting country's files, read (or refused when read), with the configuration field naming each. */
export interface CountryWork {
  ref_area: string;
  settings: CountrySettings;
  files: ({ read: InputFileRead; field: string } | { refused: MchError; field: string })[];
}

export interface PartsDone {
  /** one per country, in the order given */
  parts: CountryPart[];
  inputs: InputFileRead[];
  countryFiles: ReportInputFile[];
  unreadable: MchError[];
  fileWarnings: string[];
  cache: { reused: string[]; computed: string[] };
  /** the computed countries a worker thread computed */
  onWorkers: string[];
  /** each part's cache key, where it is cached (the checks of a country are keyed on it) */
  keys: (string | undefined)[];
}

/** Where cached stage outputs are kept: MCH_CACHE_DIR, else .cache/mch in the repository (git-ignored). */
export function cacheDir(root: string): string {
  return process.env.MCH_CACHE_DIR ? resolve(process.env.MCH_CACHE_DIR) : resolve(root, '.cache', 'mch');
}

/**
 * Every country's part: from the cache where its key is there, otherwise computed (on worker
 * threads where there are cores and work enough) and then cached. Progress lines come in country
 * order whichever finishes first, so the output of a run does not depend on timing.
 */
export async function computeParts(loaded: LoadedConfig, work: readonly CountryWork[], options: { cache: boolean }): Promise<PartsDone> {
  const ctx: ChainContext = { config: loaded.config, tableSet: loaded.tableSet, codelists: loaded.codelists, breaks: loaded.breaks };
  const cache = options.cache ? new CountryCache(cacheDir(loaded.root)) : undefined;
  const code = cache ? codeFingerprint(loaded.root, COUNTRY_CODE) : '';
  const keyOf = countryKeys(code, ctx);
  const keys = work.map((w) => (cache && cacheable(w) ? keyOf(w.ref_area, w.settings, readFiles(w)) : undefined));
  const parts: (CountryPart | undefined)[] = work.map((w, i) => (keys[i] ? cache!.read(w.ref_area, keys[i]) : undefined));
  const reused = work.filter((_, i) => parts[i]).map((w) => w.ref_area);
  const todo = work.map((_, i) => i).filter((i) => !parts[i]);
  const done: PartsDone = { parts: [], inputs: [], countryFiles: [], unreadable: [], fileWarnings: [], cache: { reused, computed: todo.map((i) => work[i]!.ref_area) }, onWorkers: [], keys };
  const step = counter('ingest', work.reduce((n, w) => n + w.files.length, 0));
  let next = 0;
  const flush = () => {
    for (; next < work.length && parts[next]; next++) report(work[next]!, parts[next]!, reused.includes(work[next]!.ref_area), done, step.tick);
  };
  flush();
  const inputBytes = todo.reduce((n, i) => n + readFiles(work[i]!).reduce((m, f) => m + f.bytes.byteLength, 0), 0);
  const runner: CountryRunner = todo.length > 1 ? (workerRunner(ctx, todo.length, inputBytes) ?? inProcess(ctx)) : inProcess(ctx);
  const one = async (i: number) => {
    const w = work[i]!;
    const { part, onWorker } = await runner.compute(w.ref_area, w.settings, readFiles(w));
    parts[i] = part;
    if (onWorker) done.onWorkers.push(w.ref_area);
    const key = keys[i];
    if (cache && key && part.outcomes.every((o) => !('error' in o))) cache.write(w.ref_area, key, part);
    flush();
  };
  try {
    // in this thread one country at a time, so only one country's ingest is ever held in memory
    if (runner.threads > 1) await Promise.all(todo.map(one));
    else for (const i of todo) await one(i);
  } finally {
    await runner.close();
  }
  if (reused.length) progress(`cache    ${reused.length} of ${work.length} countries unchanged, reused (${reused.join(' ')})`);
  done.parts = parts as CountryPart[];
  done.onWorkers.sort();
  return done;
}

/** A country whose every file was read; an old .xls is converted by whatever LibreOffice is installed, so it is not cached. */
function cacheable(w: CountryWork): boolean {
  return w.files.every((f) => 'read' in f && !/\.xls$/i.test(f.read.path));
}

function readFiles(w: CountryWork): (CountryFile & { sha256: string })[] {
  return w.files.flatMap((f) => ('read' in f ? [{ file: f.read.configured, path: f.read.path, bytes: f.read.bytes, sha256: f.read.sha256 }] : []));
}

/** The progress line of each file, and what the chain keeps of it, in the configured order. */
function report(w: CountryWork, part: CountryPart, cached: boolean, done: PartsDone, tick: (message: string) => void): void {
  let k = 0;
  for (const f of w.files) {
    if (!('read' in f)) {
      done.unreadable.push(new MchError(f.refused.code, `${f.refused.message} (${f.field})`, { where: f.refused.where, details: f.refused.details }));
      tick(`${w.ref_area} refused: ${f.refused.message}`);
      continue;
    }
    const outcome = part.outcomes[k++];
    if (!outcome || outcome.path !== f.read.path) throw new Error(`the part of ${w.ref_area} does not account for ${f.read.path}`);
    if ('error' in outcome) {
      const e = outcomeError(outcome)!;
      done.unreadable.push(new MchError(e.code, `${e.message} (${f.field})`, { where: e.where, details: e.details }));
      tick(`${w.ref_area} refused: ${e.message}`);
      continue;
    }
    done.inputs.push(f.read);
    done.countryFiles.push({ path: f.read.path, bytes: f.read.bytes, ref_area: w.ref_area, sha256: f.read.sha256 });
    for (const warning of outcome.warnings) done.fileWarnings.push(warning);
    const of = outcome.value_cells === undefined ? '' : ` of ${formatCount(outcome.value_cells)} value cells`;
    tick(`${w.ref_area} ${f.read.path}: ${formatCount(outcome.observations)} observations, ${formatCount(outcome.rejections)} rejected${of}${cached ? ' (cached)' : ''}`);
  }
}
