import { accessSync, constants, existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MchError } from '@mch/core';
import { removedOnInterrupt } from '../interrupt';
import { systemReason } from '../report-error';

/**
 * Where commands may write. Nothing they did not make in this run is overwritten, nothing is
 * written into a published release, an output that cannot be written is a usage error before
 * any work, and a failed write leaves nothing half-written: files appear whole or not at all.
 */

/** The published release folder (one holding datapackage.json) that `full` lies in or is, if any. */
export function publishedReleaseAround(full: string): string | undefined {
  for (let dir = full; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'datapackage.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Refuses an output path inside a published release or one that cannot be created; `shown` is what the user typed. */
export function checkOutputPlace(full: string, shown: string, option: string): void {
  const release = publishedReleaseAround(full);
  if (release) throw new MchError('usage', `${option} "${shown}" is inside the published release "${release}"; a published release is never modified`, { where: shown });
  let dir = dirname(full);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new MchError('usage', `${option} "${shown}" cannot be written: ${systemReason((e as NodeJS.ErrnoException).code)} ("${dir}")`, { where: shown });
  }
}

/** A new file to write: checked as a place, and refused if anything is there already. */
export function newOutputFile(full: string, shown: string, option: string): string {
  checkOutputPlace(full, shown, option);
  if (existsSync(full)) {
    const what = statSync(full).isDirectory() ? 'is a folder' : 'already exists; mch does not overwrite it (choose another name or delete it)';
    throw new MchError('usage', `${option} "${shown}" ${what}`, { where: shown });
  }
  return full;
}

/** An output folder for named files, none of which may exist in it yet. */
export function newOutputFiles(dir: string, shown: string, option: string, names: readonly string[]): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new MchError('usage', `${option} "${shown}" is a file; it must name a folder`, { where: shown });
  checkOutputPlace(join(dir, names[0] ?? 'x'), shown, option);
  const there = names.filter((n) => existsSync(join(dir, n)));
  if (there.length) throw new MchError('usage', `${option} "${shown}" already holds ${there.join(', ')}; mch does not overwrite them (choose another folder)`, { where: shown });
}

/**
 * Writes files so each appears whole or not at all: into temporary names first, then linked to
 * their names (a link, unlike a rename, never replaces a file that appeared meanwhile).
 */
export function writeWhole(files: readonly { path: string; bytes: string | Uint8Array }[]): void {
  const temps: string[] = [];
  const made: string[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const temp = join(dirname(f.path), `.${basename(f.path)}.tmp-${process.pid}`);
      temps.push(temp);
      writeFileSync(temp, f.bytes, { flag: 'wx' });
    }
    files.forEach((f, i) => {
      linkSync(temps[i]!, f.path);
      made.push(f.path);
    });
  } catch (e) {
    for (const p of made) rmSync(p, { force: true });
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' && made.length < files.length) {
      const path = files[made.length]!.path;
      throw new MchError('usage', `"${path}" appeared while mch was writing it; it was left as it is`, { where: path });
    }
    throw e;
  } finally {
    for (const t of temps) rmSync(t, { force: true });
  }
}

/** Refuses, before any work, a folder `replaceFolder` would not replace: one mch did not make. */
export function refuseForeignFolder(dir: string, shown: string, option: string, isOurs: (dir: string) => boolean): void {
  if (existsSync(dir) && !(statSync(dir).isDirectory() && isOurs(dir))) {
    throw new MchError('usage', `${option} "${shown}" exists and is not a folder of mch reports (it holds files mch did not write); mch does not overwrite it (choose another folder)`, { where: shown });
  }
}

/**
 * Replaces an mch-made folder (the internal reports) as a whole: `fill` writes into a fresh
 * temporary folder beside it, which then takes its place, so a failed run keeps the last reports
 * intact. A folder not made by mch (`isOurs` false) is refused, never replaced.
 */
export async function replaceFolder<T>(dir: string, shown: string, option: string, isOurs: (dir: string) => boolean, fill: (temp: string) => Promise<T>): Promise<T> {
  checkOutputPlace(dir, shown, option);
  refuseForeignFolder(dir, shown, option, isOurs);
  const temp = `${dir}.tmp-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  const forget = removedOnInterrupt(temp);
  try {
    mkdirSync(temp, { recursive: true });
    const result = await fill(temp);
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(temp, dir);
    rmSync(old, { recursive: true, force: true });
    return result;
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(dir)) renameSync(old, dir);
    throw e;
  } finally {
    forget();
  }
}
