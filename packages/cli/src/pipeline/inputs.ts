import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { MchError, type SubmittedFile } from '@mch/core';
import { fileProblem } from './regular-file';
import { argPath, displayPath, repoPath } from './repo';

export interface InputFileRead {
  configured: SubmittedFile;
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Country files are refused above this size before they are read into memory. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** Reads one submitted file, refusing paths that leave the repository and files too large to read. */
export function readInputFile(root: string, file: SubmittedFile, field: string): InputFileRead {
  const full = repoPath(root, file.path, field);
  return readFileAt(full, displayPath(root, full), file, field);
}

/** Reads a file the user named on the command line, wherever it is. */
export function readArgumentFile(root: string, path: string): InputFileRead {
  const full = argPath(path);
  const shown = full.startsWith(root + sep) ? displayPath(root, full) : full;
  return readFileAt(full, shown, { path: shown, round: 0, supersedes: false }, 'named on the command line');
}

function readFileAt(full: string, path: string, file: SubmittedFile, field: string): InputFileRead {
  const problem = fileProblem(full);
  if (problem) throw new MchError('file-unreadable', `"${path}" ${problem} (${field})`, { where: path });
  const size = statSync(full).size;
  if (size > MAX_INPUT_BYTES) throw new MchError('file-unreadable', `"${path}" is ${size} bytes, above the limit of ${MAX_INPUT_BYTES} (${field})`, { where: path });
  const bytes = readFileSync(full);
  return { configured: file, path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
