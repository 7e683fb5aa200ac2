import { link, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { MchError } from '@mch/core';

/**
 * `<target>.lock`, created exclusively, holding the writer's pid. A lock whose process is gone
 * (a release killed with kill -9) is taken over, with that process's temporary folder, so a
 * crash never blocks the next release; a lock of a live process refuses the second writer.
 * Returns the function that releases the lock.
 */
export async function takeReleaseLock(target: string): Promise<() => Promise<void>> {
  const lock = `${target}.lock`;
  if (!(await tryCreate(lock))) {
    const holder = await lockHolder(lock);
    if (holder === null || isAlive(holder) || !(await takeOver(lock, holder, target)) || !(await tryCreate(lock))) {
      const who = holder === null ? 'an unreadable lock' : `process ${holder}`;
      throw new MchError('release-locked', `another release is being written to ${target} (${who}, lock file ${lock}); wait for it, or delete the lock file if no release is running`, {
        where: lock,
      });
    }
  }
  return () => unlink(lock).catch(() => undefined);
}

async function tryCreate(lock: string): Promise<boolean> {
  try {
    const handle = await open(lock, 'wx');
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function lockHolder(lock: string): Promise<number | null> {
  const text = await readFile(lock, 'utf8').catch(() => '');
  return /^\d+\n?$/.test(text) ? Number(text) : null;
}

/** Signal 0 checks that a process exists without touching it; EPERM means it exists under another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock aside (rename is atomic, so of two writers only one gets it) and checks
 * that what it moved is still the dead process's lock; if another writer took over first, its
 * fresh lock is put back and this writer is refused.
 */
async function takeOver(lock: string, holder: number, target: string): Promise<boolean> {
  const aside = `${lock}.stale-${process.pid}`;
  try {
    await rename(lock, aside);
  } catch {
    return false;
  }
  if ((await lockHolder(aside)) !== holder) {
    await link(aside, lock).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return false;
  }
  await unlink(aside);
  await rm(`${target}.tmp-${holder}`, { recursive: true, force: true });
  return true;
}
