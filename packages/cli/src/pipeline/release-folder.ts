import { type Stats, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MchError, type Observation } from '@mch/core';
import { readObservationsCsv } from '@mch/publish';
import { systemReason } from '../report-error';
import { fileProblem, irregularKind } from './regular-file';
import { namingRelease, readReleaseCsv } from './release-csv';

/**
 * A release folder named on the command line, checked before anything in it is read: a folder
 * that holds `needs` (release-relative, such as "datapackage.json") as regular files. Says
 * plainly what the path is when it is no release. `label` goes before the path ("--prefill").
 */
export function checkReleaseFolder(dir: string, shown: string, needs: readonly string[], label = ''): void {
  const named = `${label ? `${label} ` : ''}"${shown}"`;
  let stat: Stats;
  try {
    stat = statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'a part of the path is a file' : systemReason(code);
    throw new MchError('file-unreadable', `${named} is not a release folder (${why})`, { where: shown });
  }
  if (stat.isFile()) throw new MchError('file-unreadable', `${named} is a file, not a release folder`, { where: shown });
  if (!stat.isDirectory()) throw new MchError('file-unreadable', `${named} is not a release folder (it is ${irregularKind(stat)})`, { where: shown });
  for (const part of needs) {
    const problem = fileProblem(join(dir, ...part.split('/')));
    if (problem === 'does not exist') throw new MchError('file-unreadable', `${named} is not a release folder: it has no ${part}`, { where: shown });
    if (problem) throw new MchError('file-unreadable', `"${shown}/${part}" ${problem}`, { where: `${shown}/${part}` });
  }
}

/**
 * Refuses a release folder holding a named pipe, a device or a socket (or a link to one), each
 * named, before a command reads every file of it: reading one would never end. Links to files or
 * folders pass: they are not the release's own files, which verify reports.
 */
export function refuseIrregularEntries(dir: string, shown: string): void {
  const odd: string[] = [];
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() || e.isDirectory()) continue;
    const path = join(e.parentPath, e.name);
    const kind = targetKind(path);
    if (kind) odd.push(`"${shown}/${relative(dir, path).split(sep).join('/')}" is not a regular file (${e.isSymbolicLink() ? `a symbolic link to ${kind}` : kind})`);
  }
  if (!odd.length) return;
  const more = odd.length > 1 ? ` (and ${odd.length - 1} more)` : '';
  throw new MchError('file-unreadable', `${odd[0]}; a release holds only regular files${more}`, { where: shown, details: odd.slice(1) });
}

/** What a path leads to when it is neither a file nor a folder; undefined for those and for a link to nothing. */
function targetKind(path: string): string | undefined {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  return stat.isDirectory() ? undefined : irregularKind(stat);
}

/** The observations of a release folder named on the command line; a problem in them names that release's file. */
export function readReleaseObservations(dir: string, shown: string, label = ''): Observation[] {
  checkReleaseFolder(dir, shown, [RELEASE_CSV], label);
  const csv = `${shown}/${RELEASE_CSV}`;
  const bytes = readReleaseCsv(join(dir, ...RELEASE_CSV.split('/')), csv);
  try {
    return readObservationsCsv(bytes);
  } catch (e) {
    throw namingRelease(e, csv);
  }
}

/** The file of a release its observations are read from. */
export const RELEASE_CSV = 'data/observations.csv';
