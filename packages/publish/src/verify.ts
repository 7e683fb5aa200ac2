import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MchError, cmp } from '@mch/core';
import { MANIFEST } from './datapackage';
import { sha256 } from './hash';
import type { WholeFile } from './model';

export interface VerifyResult {
  ok: boolean;
  missing: string[];
  extra: string[];
  changed: string[];
}

/**
 * The manifest's own digest, beside it: the manifest hashes every other file, and this file
 * hashes the manifest, so a byte changed anywhere (the manifest included) shows. It is written
 * into the release before the release appears (release.ts), so a release never exists without
 * it. In `sha256sum` format, so `sha256sum -c datapackage.json.sha256` checks it too. Whoever
 * rewrites the manifest can rewrite this line as well: the digest printed at publication, kept
 * elsewhere and given back with `mch verify --digest`, is what proves a release untouched.
 */
export const MANIFEST_DIGEST = `${MANIFEST}.sha256`;

export function manifestDigestFile(manifest: Buffer): WholeFile {
  return { path: MANIFEST_DIGEST, bytes: Buffer.from(`${sha256(manifest)}  ${MANIFEST}\n`, 'utf8') };
}

/** The sha256 of a release's datapackage.json, as printed at publication. */
export async function manifestDigest(dir: string): Promise<string> {
  return sha256(await readManifest(dir));
}

/**
 * Recomputes every hash of a release: files missing, not in the manifest, changed or not regular
 * files, and the manifest against its digest file and, when given, the digest recorded at
 * publication (`digest`, hex, with or without "sha256:").
 */
export async function verifyRelease(dir: string, options: { digest?: string } = {}): Promise<VerifyResult> {
  const manifestBytes = await readManifest(dir);
  const resources = manifestResources(manifestBytes, join(dir, MANIFEST));
  const listed = new Set(resources.map((r) => r.path));
  const { files, links } = await listFiles(dir);
  const present = new Set(files);
  const missing: string[] = [];
  // a link in place of a listed file is that file changed; a link the manifest does not list is extra
  const changed = new Set<string>(links.filter((l) => listed.has(l)));
  for (const r of resources) {
    if (!present.has(r.path)) {
      if (!links.includes(r.path)) missing.push(r.path);
      continue;
    }
    const file = await fileDigest(join(dir, ...r.path.split('/')));
    if (`sha256:${file.sha256}` !== r.hash || file.bytes !== r.bytes) changed.add(r.path);
  }
  const actual = sha256(manifestBytes);
  if (!present.has(MANIFEST_DIGEST)) missing.push(MANIFEST_DIGEST);
  else {
    const recorded = /^([0-9a-f]{64}) {2}datapackage\.json\n?$/.exec(await readFile(join(dir, MANIFEST_DIGEST), 'utf8'))?.[1];
    if (!recorded) changed.add(MANIFEST_DIGEST);
    else if (recorded !== actual) changed.add(MANIFEST);
  }
  if (options.digest !== undefined && options.digest.replace(/^sha256:/, '').toLowerCase() !== actual) changed.add(MANIFEST);
  const extra = [...files, ...links].filter((p) => p !== MANIFEST && p !== MANIFEST_DIGEST && !listed.has(p));
  const sort = (xs: Iterable<string>) => [...xs].sort(cmp);
  return { ok: !missing.length && !extra.length && !changed.size, missing: sort(missing), extra: sort(extra), changed: sort(changed) };
}

/**
 * A file's sha256 and size, read a megabyte at a time: a release's observations.csv can be larger
 * than one Buffer may be (2 GiB; tier L's is 4.3 GB).
 */
export async function fileDigest(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function readManifest(dir: string): Promise<Buffer> {
  const where = join(dir, MANIFEST);
  try {
    return await readFile(where);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `is not a release folder: it has no ${MANIFEST}` : `cannot be read (${code ?? (error as Error).message})`;
    throw new MchError('manifest-invalid', `"${code === 'ENOENT' ? dir : where}" ${why}`, { where, cause: error });
  }
}

function manifestResources(bytes: Buffer, where: string): { path: string; hash: string; bytes: number }[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new MchError('manifest-invalid', `"${where}" cannot be read as JSON: ${(error as Error).message}`, { where, cause: error });
  }
  const resources = (manifest as { resources?: unknown } | null)?.resources;
  if (!Array.isArray(resources)) throw new MchError('manifest-invalid', `"${where}": "resources" is not a list`, { where });
  return resources.map((r, i) => {
    const { path, hash, bytes } = (r ?? {}) as Record<string, unknown>;
    const ok = typeof path === 'string' && typeof hash === 'string' && typeof bytes === 'number' && isInside(path);
    if (!ok) throw new MchError('manifest-invalid', `"${where}": resources.${i} needs a relative path inside the release, a hash and bytes`, { where });
    return { path: path as string, hash: hash as string, bytes: bytes as number };
  });
}

function isInside(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.includes('\\') && !path.split('/').includes('..');
}

/** Regular files, and apart the symbolic links: a release holds only files, and a link's target is not the release's to vouch for. */
async function listFiles(dir: string): Promise<{ files: string[]; links: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const rel = (e: { parentPath: string; name: string }) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/');
  return { files: entries.filter((e) => e.isFile()).map(rel), links: entries.filter((e) => e.isSymbolicLink()).map(rel) };
}
