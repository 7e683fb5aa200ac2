import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MchError, isMchError } from '@mch/core';
import { systemReason } from '../report-error';
import type { LoadedConfig } from './config';
import { MAX_INPUT_BYTES } from './inputs';
import { fileProblem } from './regular-file';
import { RELEASE_CSV_LIMIT } from './release-csv';
import { repoPath } from './repo';

/**
 * Every file and folder a release configuration names, checked before any work: there, a
 * readable file (or release folder), inside the repository, links staying in data/. One line per
 * problem, "config: field: what is wrong with "path"".
 */
export function inputProblems({ root, configPath, config }: LoadedConfig): string[] {
  const problems: string[] = [];
  const check = (path: string, field: string, kind: 'file' | 'release') => {
    const where = `${configPath}: ${field}`;
    try {
      const full = repoPath(root, path, where);
      const problem = kind === 'file' ? inputProblem(full) : releaseProblem(full);
      if (problem) problems.push(`${where}: "${path}" ${problem}`);
    } catch (e) {
      if (!isMchError(e)) throw e;
      problems.push(e.message);
    }
  };
  for (const [iso, c] of Object.entries(config.countries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const seen = new Map<string, number>();
    c?.files.forEach((f, i) => {
      const field = `countries.${iso}.files.${i}.path`;
      if (seen.has(f.path)) problems.push(`${configPath}: ${field}: "${f.path}" is named twice (also files.${seen.get(f.path)})`);
      seen.set(f.path, i);
      check(f.path, field, 'file');
    });
  }
  for (const series of ['ims2019', 'wpp2024'] as const) {
    const path = config.benchmarks[series];
    if (path) check(path, `benchmarks.${series}`, 'file');
  }
  if (config.previous_release) check(config.previous_release, 'previous_release', 'release');
  return problems;
}

/** The guard at the start of the chain: it never runs on a configuration naming a file that is not there. */
export function assertInputs(loaded: LoadedConfig): void {
  const problems = inputProblems(loaded);
  if (problems.length) {
    throw new MchError('config-invalid', `${loaded.configPath} names ${problems.length} input(s) that cannot be used; nothing was run`, { where: loaded.configPath, details: problems });
  }
}

function inputProblem(full: string, limit = MAX_INPUT_BYTES): string | undefined {
  const problem = fileProblem(full);
  if (problem) return problem;
  try {
    const { size } = statSync(full);
    if (size > limit) return `is ${size} bytes, above the limit of ${limit}`;
    accessSync(full, constants.R_OK);
    return undefined;
  } catch (e) {
    return `cannot be read: ${systemReason((e as NodeJS.ErrnoException).code)}`;
  }
}

function releaseProblem(full: string): string | undefined {
  if (!existsSync(full)) return 'does not exist; publish that release first';
  // a release's own files are not country files: its observations.csv may be as large as mch reads (release-csv.ts)
  for (const part of ['data/observations.csv', 'datapackage.json']) {
    const problem = inputProblem(join(full, part), RELEASE_CSV_LIMIT);
    if (problem) return `is not a published release mch can read: ${part} ${problem}`;
  }
  return undefined;
}
