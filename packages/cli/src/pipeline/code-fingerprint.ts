import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The packages a country's part is made by (with the pipeline step of cli that composes them). */
export const COUNTRY_CODE = ['core', 'ingest', 'harmonise'] as const;
/** The packages a country's checks are made by (on top of its part, whose key holds the rest). */
export const QUALITY_CODE = ['core', 'quality'] as const;
/** The packages a feedback workbook is made by: office lends quality the exceljs it writes with. */
export const FEEDBACK_CODE = ['core', 'quality', 'office'] as const;
/** The packages that read a published release's observations.csv. */
export const RELEASE_READER_CODE = ['core', 'publish'] as const;

/**
 * The code a cached output depends on: the sources of the packages that make it and of cli's
 * pipeline step, any built bundles of these (what runs once the CLI is compiled), their
 * manifests, the lockfile (the libraries they read with) and Node.js. Any edit to one of them is
 * another fingerprint, so an output made by other code is never reused; an edit elsewhere (a
 * quality rule, a writer) keeps the outputs, since they do not depend on it.
 */
export function codeFingerprint(root: string, packages: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  const files = [
    ...packages.flatMap((p) => [...walk(join(root, 'packages', p, 'src')), ...walk(join(root, 'packages', p, 'dist'))]),
    ...walk(join(root, 'packages', 'cli', 'src', 'pipeline')),
    ...walk(join(root, 'packages', 'cli', 'dist')),
    ...[...packages, 'cli'].map((p) => join(root, 'packages', p, 'package.json')),
    join(root, 'pnpm-lock.yaml'),
  ].filter((f) => existsSync(f));
  for (const f of files.sort()) {
    const bytes = readFileSync(f);
    hash.update(`${relative(root, f)} ${bytes.length}\n`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Source and bundle files under a folder, tests and fixtures left out (they do not run). */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : walk(full);
    return /\.(ts|js|mjs|cjs|json)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}
