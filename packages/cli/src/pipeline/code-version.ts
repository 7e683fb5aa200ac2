import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Package versions and the lockfile hash: what "the same code version" means for reproduction. */
export function codeVersion(root: string): { packages: Record<string, string>; lockfile_sha256: string } {
  const packages: Record<string, string> = {};
  const dir = join(root, 'packages');
  for (const name of readdirSync(dir).sort()) {
    const manifest = join(dir, name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string };
    packages[pkg.name] = pkg.version;
  }
  const lock = join(root, 'pnpm-lock.yaml');
  const lockfile_sha256 = existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : '';
  return { packages, lockfile_sha256 };
}

/**
 * One version of a package as its CHANGELOG.md (written by `changeset version`) tells it: the
 * changesets it released; or, as version "unreleased", the changesets in .changeset/ that the
 * code holds but no version has released yet (the code that builds a release between versions).
 */
export interface CodeChange {
  package: string;
  version: string;
  entries: string[];
}

/**
 * The changesets not yet released, once each, in the order of their files: the packages each
 * names, then its first paragraph (what it changed; the rest of its text is the detail).
 */
function pendingChanges(root: string): CodeChange[] {
  const dir = join(root, '.changeset');
  if (!existsSync(dir)) return [];
  const entries: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') && n !== 'README.md').sort()) {
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/u.exec(readFileSync(join(dir, name), 'utf8'));
    if (!m) continue;
    const packages = [...m[1]!.matchAll(/^\s*["']?(@?[^"':\s]+)["']?\s*:/gmu)].map((x) => x[1]!).sort();
    const first = m[2]!.trim().split(/\r?\n\s*\r?\n/u)[0]!.replace(/\s*\r?\n\s*/gu, ' ').trim();
    if (first && packages.length) entries.push(`${packages.join(', ')}: ${first}`);
  }
  return entries.length ? [{ package: '', version: 'unreleased', entries }] : [];
}

/**
 * The changes each package released after the versions `since` names (the previous release's
 * code, from its manifest), newest first, from its CHANGELOG.md; every version when `since` does
 * not name the package. "Updated dependencies" lines say nothing of their own and are left out.
 */
export function codeChanges(root: string, since: Record<string, string> = {}): CodeChange[] {
  return [...releasedChanges(root, since), ...pendingChanges(root)];
}

function releasedChanges(root: string, since: Record<string, string>): CodeChange[] {
  const out: CodeChange[] = [];
  const dir = join(root, 'packages');
  for (const name of readdirSync(dir).sort()) {
    const manifest = join(dir, name, 'package.json');
    const log = join(dir, name, 'CHANGELOG.md');
    if (!existsSync(manifest) || !existsSync(log)) continue;
    const pkg = (JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name;
    const from = since[pkg];
    for (const v of changelogVersions(readFileSync(log, 'utf8'))) {
      if (from && !newer(v.version, from)) continue;
      if (v.entries.length) out.push({ package: pkg, ...v });
    }
  }
  return out;
}

/** The versions of a changesets CHANGELOG.md with their entries ("- abc1234: text", continued by indented lines). */
export function changelogVersions(text: string): { version: string; entries: string[] }[] {
  const versions: { version: string; entries: string[] }[] = [];
  let entry: string[] | undefined;
  const close = () => {
    const body = entry?.join('\n').trim();
    if (body && !/^Updated dependencies/u.test(body)) versions.at(-1)?.entries.push(body);
    entry = undefined;
  };
  for (const line of text.split(/\r?\n/u)) {
    const heading = /^## (\d+\.\d+\.\d+\S*)\s*$/u.exec(line);
    if (heading) {
      close();
      versions.push({ version: heading[1]!, entries: [] });
    } else if (/^#/u.test(line)) close();
    else if (line.startsWith('- ') && versions.length) {
      close();
      entry = [line.slice(2).replace(/^[0-9a-f]{7,40}: /u, '')];
    } else if (entry && (line.startsWith('  ') || line.trim() === '')) entry.push(line.replace(/^ {2}/u, ''));
    else close();
  }
  close();
  return versions;
}

/** a.b.c later than x.y.z */
function newer(a: string, b: string): boolean {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/u).slice(0, 3).map(Number)) as [number[], number[]];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}
