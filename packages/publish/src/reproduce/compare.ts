import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { cmp } from '@mch/core';
import { MANIFEST } from '../datapackage';
import { MANIFEST_DIGEST } from '../verify';
import { type CellDifference, contentDifferences } from './content';

export interface ReleaseComparison {
  /** 'bytes' when the code version is the same; 'content' otherwise */
  mode: 'bytes' | 'content';
  missing: string[];
  extra: string[];
  /** files whose bytes differ */
  differentBytes: string[];
  /** of those, the files whose content differs, and where */
  differentContent: string[];
  cells: CellDifference[];
  /** nothing of substance differs */
  ok: boolean;
}

/**
 * Compares a published release with its rebuild: every file by bytes, then, for the files whose
 * bytes differ, by content (cells, keywords, lines), so the report names the cells that changed.
 * With the same code version any byte difference counts; otherwise only differences of content.
 */
export async function compareReleases(published: string, rebuilt: string, mode: 'bytes' | 'content'): Promise<ReleaseComparison> {
  const a = new Set(await listFiles(published));
  const b = new Set(await listFiles(rebuilt));
  const missing = [...a].filter((p) => !b.has(p)).sort(cmp);
  const extra = [...b].filter((p) => !a.has(p)).sort(cmp);
  const differentBytes: string[] = [];
  const differentContent: string[] = [];
  const cells: CellDifference[] = [];
  for (const path of [...a].filter((p) => b.has(p)).sort(cmp)) {
    const x = await readFile(join(published, ...path.split('/')));
    const y = await readFile(join(rebuilt, ...path.split('/')));
    if (x.equals(y)) continue;
    differentBytes.push(path);
    const found = await contentDifferences(path, x, y);
    if (found.length) {
      differentContent.push(path);
      for (const f of found) cells.push(f);
    }
  }
  // the manifest records the Node.js version and platform: those bytes may differ in either mode
  const substance = mode === 'bytes' ? differentBytes.filter((p) => p !== MANIFEST || differentContent.includes(p)).length : differentContent.length;
  return { mode, missing, extra, differentBytes, differentContent, cells, ok: !missing.length && !extra.length && !substance };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  // the manifest's digest follows from the manifest, which is compared itself
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => p !== MANIFEST_DIGEST);
}
