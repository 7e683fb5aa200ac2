import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { cmp } from '@mch/core';
import { MANIFEST } from '../datapackage';
import { MANIFEST_DIGEST, fileDigest } from '../verify';
import { type CellDifference, contentDifferences, figuresChanged } from './content';

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
  /**
   * Under another code version, the files of differentContent whose every difference is wording
   * (each such cell marked `wording`): a document the code words (WORDED_BY_CODE) whose figures
   * are the same, a table file whose notes alone read otherwise. Listed, with their cells, but no
   * failure to reproduce.
   */
  wording: string[];
  /** nothing of substance differs */
  ok: boolean;
}

/**
 * Compares a published release with its rebuild: every file by bytes, then, for the files whose
 * bytes differ, by content (cells, keywords, lines), so the report names the cells that changed.
 * With the same code version any byte difference counts; otherwise only differences of content.
 */
export async function compareReleases(
  published: string,
  rebuilt: string,
  mode: 'bytes' | 'content',
  /** the text of the release's inputs the documents may quote (its configuration: waivers' justifications) */
  inputsText = '',
): Promise<ReleaseComparison> {
  const a = new Set(await listFiles(published));
  const b = new Set(await listFiles(rebuilt));
  const missing = [...a].filter((p) => !b.has(p)).sort(cmp);
  const extra = [...b].filter((p) => !a.has(p)).sort(cmp);
  const differentBytes: string[] = [];
  const differentContent: string[] = [];
  const cells: CellDifference[] = [];
  const wording: string[] = [];
  for (const path of [...a].filter((p) => b.has(p)).sort(cmp)) {
    const [x, y] = [join(published, ...path.split('/')), join(rebuilt, ...path.split('/'))];
    // by digest first, a megabyte at a time: a rebuilt file the same to the byte is read no further
    const [dx, dy] = await Promise.all([fileDigest(x), fileDigest(y)]);
    if (dx.sha256 === dy.sha256 && dx.bytes === dy.bytes) continue;
    differentBytes.push(path);
    let found: CellDifference[];
    if (Math.max(dx.bytes, dy.bytes) > CELL_COMPARE_LIMIT) {
      found = [tooLargeToCompare(path, dx.bytes, dy.bytes)];
    } else {
      const before = await readFile(x);
      found = await contentDifferences(path, before, await readFile(y));
      if (found.length && WORDED_BY_CODE.test(path)) {
        const figures = new Set(await figuresChanged(path, before, found, inputsText));
        found = found.map((f) => (figures.has(f) ? f : { ...f, wording: true }));
      }
    }
    // the same code version words everything as it did: any difference is one of substance
    if (mode === 'bytes') found = found.map(({ wording: _, ...f }) => f);
    if (found.length) {
      differentContent.push(path);
      for (const f of found) cells.push(f);
      if (found.every((f) => f.wording)) wording.push(path);
    }
  }
  // the manifest records the Node.js version and platform: those bytes may differ in either mode
  const substance =
    mode === 'bytes' ? differentBytes.filter((p) => p !== MANIFEST || differentContent.includes(p)).length : differentContent.length - wording.length;
  return { mode, missing, extra, differentBytes, differentContent, cells, wording, ok: !missing.length && !extra.length && !substance };
}

/**
 * The documents whose words the code writes about the figures: the methodological notes and the
 * public quality summary. Rebuilt by a newer code version they may read differently (a sentence
 * made truer, a check that counts what it checked another way) while every published figure stays
 * the same, and the figures are what a reproduction proves. So under another code version their
 * differences are listed line by line as wording, not taken as a failure, unless a difference
 * brings a figure the published document does not hold (`figuresChanged`: a mirror value, an
 * IMEM estimate); under the same code version they count as any file's. Every figure file (data,
 * tables, PX, JSON-stat, SDMX, the page and its data, CHANGES.md, the manifest) is compared by
 * content in both modes; of the table files (workbooks, PX, JSON-stat, the page's scripts) the
 * notes are words the code writes too (content.ts `compareTables`), their grids, codes and labels
 * are not.
 */
const WORDED_BY_CODE = /^(notes|quality)\//;

/** Files compared cell by cell when their bytes differ: above this they are one difference, by size (one string holds at most 2^29 characters). */
const CELL_COMPARE_LIMIT = 256 * 1024 * 1024;

function tooLargeToCompare(path: string, published: number, rebuilt: number): CellDifference {
  return { path, where: 'the whole file (too large to compare cell by cell)', published: `${published.toLocaleString('en')} bytes`, rebuilt: `${rebuilt.toLocaleString('en')} bytes` };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  // the manifest's digest follows from the manifest, which is compared itself
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => p !== MANIFEST_DIGEST);
}
