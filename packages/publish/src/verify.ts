import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MchError, cmp } from '@mch/core';
import { MANIFEST } from './datapackage';
import { sha256 } from './hash';

export interface VerifyResult {
  ok: boolean;
  missing: string[];
  extra: string[];
  changed: string[];
}

/** Recomputes every hash of a release's manifest: files missing, not in the manifest, or changed. */
export async function verifyRelease(dir: string): Promise<VerifyResult> {
  const resources = await manifestResources(dir);
  const listed = new Set(resources.map((r) => r.path));
  const present = new Set(await listFiles(dir));
  const missing: string[] = [];
  const changed: string[] = [];
  for (const r of resources) {
    if (!present.has(r.path)) {
      missing.push(r.path);
      continue;
    }
    const bytes = await readFile(join(dir, ...r.path.split('/')));
    if (`sha256:${sha256(bytes)}` !== r.hash || bytes.length !== r.bytes) changed.push(r.path);
  }
  const extra = [...present].filter((p) => p !== MANIFEST && !listed.has(p));
  const sort = (xs: string[]) => xs.sort(cmp);
  return { ok: !missing.length && !extra.length && !changed.length, missing: sort(missing), extra: sort(extra), changed: sort(changed) };
}

async function manifestResources(dir: string): Promise<{ path: string; hash: string; bytes: number }[]> {
  const where = join(dir, MANIFEST);
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(where, 'utf8'));
  } catch (error) {
    throw new MchError('manifest-invalid', `${where} cannot be read as JSON: ${(error as Error).message}`, { where, cause: error });
  }
  const resources = (manifest as { resources?: unknown }).resources;
  if (!Array.isArray(resources)) throw new MchError('manifest-invalid', `${where}: "resources" is not a list`, { where });
  return resources.map((r, i) => {
    const { path, hash, bytes } = (r ?? {}) as Record<string, unknown>;
    const ok = typeof path === 'string' && typeof hash === 'string' && typeof bytes === 'number' && isInside(path);
    if (!ok) throw new MchError('manifest-invalid', `${where}: resources.${i} needs a relative path inside the release, a hash and bytes`, { where });
    return { path: path as string, hash: hash as string, bytes: bytes as number };
  });
}

function isInside(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.includes('\\') && !path.split('/').includes('..');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}
