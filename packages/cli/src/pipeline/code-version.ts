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
