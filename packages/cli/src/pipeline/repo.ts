import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MchError } from '@mch/core';

/**
 * Where the user stands. `pnpm mch` (and `npm run mch`) start the script in the repository root
 * and keep the user's folder in INIT_CWD; elsewhere (tests, node bin.ts) it is the process's own.
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'mch' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

/** The repository root: the nearest folder above the user's holding pnpm-workspace.yaml, else the one this code lives in. */
export function findRepoRoot(from = userCwd()): string {
  const found = workspaceAbove(from) ?? workspaceAbove(fileURLToPath(new URL('.', import.meta.url)));
  if (!found) throw new MchError('usage', `no mch repository (pnpm-workspace.yaml) found above "${from}"; run mch from the repository`);
  return found;
}

function workspaceAbove(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Resolves a configuration path against the repository root and refuses anything that leaves it
 * through `..` or a symbolic link, and any link in data/ that leads out of it: a file of
 * data/raw/ linked to .git/config or the lockfile would otherwise be read (and published) as a
 * country's.
 */
export function repoPath(root: string, path: string, field: string): string {
  const full = isAbsolute(path) ? path : resolve(root, path);
  const rel = relative(root, full);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new MchError('path-outside-project', `${field}: "${path}" is outside the repository`, { where: field });
  }
  if (existsSync(full)) {
    const realRoot = realpathSync(root);
    const real = realpathSync(full);
    const data = join(realRoot, 'data');
    const lexical = join(realRoot, rel);
    // a link may lead anywhere inside the repository, except out of data/ and never out of the repository
    const allowed = real === lexical || (isInside(lexical, data) ? isInside(real, data) : isInside(real, realRoot));
    if (!allowed) {
      const to = isInside(real, realRoot) ? relative(realRoot, real).split(sep).join('/') : real;
      const rule = isInside(lexical, data) ? 'a link in data/ must stay in data/' : 'a link must stay in the repository';
      throw new MchError('path-outside-project', `${field}: "${path}" is a symbolic link to "${to}"; ${rule}`, { where: field });
    }
  } else if (isBrokenLink(full)) {
    throw new MchError('file-unreadable', `${field}: "${path}" is a symbolic link to nothing`, { where: field });
  }
  return full;
}

function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir + sep);
}

function isBrokenLink(full: string): boolean {
  try {
    return lstatSync(full).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Repo-relative form with forward slashes, as recorded in outputs; absolute when outside the repository. */
export function displayPath(root: string, full: string): string {
  const rel = relative(root, full);
  return rel.startsWith('..') || isAbsolute(rel) ? full : rel.split(sep).join('/');
}

/** A path the user typed on the command line: relative to where they stand, anywhere they choose. */
export function argPath(path: string): string {
  return resolve(userCwd(), path);
}
