import { type Stats, statSync } from 'node:fs';
import { MchError } from '@mch/core';
import { systemReason } from '../report-error';

/**
 * Files are looked at before they are opened: reading a named pipe waits for a writer that may
 * never come, and a device never ends, so anything but a regular file is refused by name.
 */

/** What a path is when it is not a regular file ("a named pipe"); undefined for a regular file. `stat` follows links, so a link is what it leads to. */
export function irregularKind(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** Why `full` cannot be read as a file, as words after its name ("is not a regular file (a named pipe)"), or undefined when it can be. */
export function fileProblem(full: string): string | undefined {
  let stat: Stats;
  try {
    stat = statSync(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'does not exist' : `cannot be read: ${systemReason(code)}`;
  }
  const kind = irregularKind(stat);
  return kind ? `is not a regular file (${kind})` : undefined;
}

/**
 * Refuses with exit 2, before it is read, a path that is there but is not a regular file; returns
 * its size. A path that is not there passes: the read that follows says so in its own words.
 */
export function refuseIrregular(full: string, shown: string, field?: string): number | undefined {
  let stat: Stats;
  try {
    stat = statSync(full);
  } catch {
    return undefined;
  }
  const kind = irregularKind(stat);
  if (kind) throw new MchError('file-unreadable', `"${shown}" is not a regular file (${kind})${field ? ` (${field})` : ''}`, { where: shown });
  return stat.size;
}
