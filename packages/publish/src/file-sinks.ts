import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileSink, ReleaseFile, WrittenFile } from './model';

/** The pieces of a file's bytes, read once. */
function pieces(bytes: ReleaseFile['bytes']): Iterable<Buffer> {
  return Buffer.isBuffer(bytes) ? [bytes] : bytes;
}

/**
 * Writes each file under `root` as it comes (never over an existing file), hashing the pieces on
 * the way: a file of millions of rows goes to disk piece by piece and is never whole in memory.
 */
export function diskSink(root: string): FileSink {
  return async (file) => {
    const path = join(root, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const handle = await open(path, 'wx');
    try {
      for (const piece of pieces(file.bytes)) {
        hash.update(piece);
        size += piece.length;
        await handle.write(piece);
      }
    } finally {
      await handle.close();
    }
    return { path: file.path, bytes: size, sha256: hash.digest('hex') };
  };
}

/** Keeps each file whole in memory (tests, comparisons): `files` in the order they came. */
export function memorySink(): { sink: FileSink; files: { path: string; bytes: Buffer }[] } {
  const files: { path: string; bytes: Buffer }[] = [];
  const sink: FileSink = async (file) => {
    const whole = Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.concat([...file.bytes]);
    files.push({ path: file.path, bytes: whole });
    return writtenOf({ path: file.path, bytes: whole });
  };
  return { sink, files };
}

/** Size and digest of a file made in memory. */
export function writtenOf(file: ReleaseFile): WrittenFile {
  const hash = createHash('sha256');
  let size = 0;
  for (const piece of pieces(file.bytes)) {
    hash.update(piece);
    size += piece.length;
  }
  return { path: file.path, bytes: size, sha256: hash.digest('hex') };
}
