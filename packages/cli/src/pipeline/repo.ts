import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MchError } from '@mch/core';

/** The repository root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function findRepoRoot(from = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new MchError('usage', `no mch repository (pnpm-workspace.yaml) found above ${from}; run mch from the repository`);
    dir = up;
  }
}

/**
 * Resolves a configuration path against the repository root and refuses anything that leaves it,
 * through `..` or through a symbolic link.
 */
export function repoPath(root: string, path: string, field: string): string {
  const full = isAbsolute(path) ? path : resolve(root, path);
  const rel = relative(root, full);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new MchError('path-outside-project', `${field}: ${path} is outside the repository`, { where: field });
  }
  if (existsSync(full)) {
    const real = realpathSync(full);
    const realRoot = realpathSync(root);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) {
      throw new MchError('path-outside-project', `${field}: ${path} is a link that leads outside the repository (${real})`, { where: field });
    }
  }
  return full;
}

/** Repo-relative form with forward slashes, as recorded in outputs; absolute when outside the repository. */
export function displayPath(root: string, full: string): string {
  const rel = relative(root, full);
  return rel.startsWith('..') || isAbsolute(rel) ? full : rel.split(sep).join('/');
}

/** A path the user typed on the command line: relative to the working directory, anywhere they choose. */
export function argPath(path: string): string {
  return resolve(process.cwd(), path);
}
