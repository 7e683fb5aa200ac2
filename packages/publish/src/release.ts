import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { MchError, cmp } from '@mch/core';
import { MANIFEST, dataPackage } from './datapackage';
import { takeReleaseLock } from './lock';
import { diskSink } from './file-sinks';
import type { ReleaseModel } from './model';
import { releaseFiles } from './release-files';
import { manifestDigestFile } from './verify';

/**
 * Writes a release atomically: every file goes to `<target>.tmp-<pid>` beside the target as soon
 * as it is made, the manifest last, and the folder is renamed into place, so a crash leaves no release or a whole
 * one. `<target>.lock` (lock.ts) keeps a second writer out. Returns the release-relative paths
 * written, sorted.
 */
export async function writeRelease(model: ReleaseModel, targetDir: string): Promise<string[]> {
  const target = resolve(targetDir);
  refuseExisting(target);
  await mkdir(dirname(target), { recursive: true });
  const release = await takeReleaseLock(target);
  const temp = `${target}.tmp-${process.pid}`;
  try {
    refuseExisting(target);
    await rm(temp, { recursive: true, force: true });
    await mkdir(temp, { recursive: true });
    const sink = diskSink(temp);
    const files = await releaseFiles(model, sink);
    const manifest = { path: MANIFEST, bytes: Buffer.from(dataPackage(model, files), 'utf8') };
    // the manifest's digest travels inside the release, so the release is whole or absent with it (verify.ts)
    const digest = manifestDigestFile(manifest.bytes);
    for (const file of [manifest, digest]) await sink(file);
    await testPause();
    // an empty folder made for the release beforehand is taken: the release replaces it whole
    if (isEmptyFolder(target)) await rmdir(target);
    await rename(temp, target);
    return [...files, manifest, digest].map((f) => f.path).sort(cmp);
  } catch (error) {
    // the first error is the one to tell: a cleanup that fails too (a file still being written) must not replace it
    await rm(temp, { recursive: true, force: true, maxRetries: 3 }).catch((e: unknown) => {
      process.emitWarning(`the unfinished release folder ${temp} could not be removed (${(e as Error).message}); remove it by hand`);
    });
    throw error;
  } finally {
    await release();
  }
}

/** A folder with nothing in it, such as one a user made for the release to go into. */
export function isEmptyFolder(path: string): boolean {
  // lstat: a link to an empty folder is no folder to replace (rmdir and rename would refuse it after the whole build)
  return existsSync(path) && lstatSync(path).isDirectory() && readdirSync(path).length === 0;
}

function refuseExisting(target: string): void {
  if (existsSync(target) && !isEmptyFolder(target)) {
    throw new MchError('release-exists', `the release folder ${target} already exists; a release is never overwritten (choose a new version)`, {
      where: target,
    });
  }
}

/**
 * Test only: MCH_TEST_PAUSE_BEFORE_RENAME=<ms> waits after the temporary folder is complete and
 * before the rename, so a test can kill the process at the worst moment. Unset in normal use.
 */
async function testPause(): Promise<void> {
  const ms = Number(process.env.MCH_TEST_PAUSE_BEFORE_RENAME ?? '');
  if (Number.isFinite(ms) && ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}
