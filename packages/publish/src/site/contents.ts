import type { ReleaseFormat } from '../formats';
import type { Bilingual } from '../published/index';

/** Written after every other file (release.ts), so never among the paths the page is given. */
const MANIFEST_FILES = ['datapackage.json', 'datapackage.json.sha256'];

export interface ContentsEntry {
  text: Bilingual;
  files: string[];
}

/**
 * "What is in this release": the one list of formats (formats.ts), each with links to the files
 * of it the release holds, so the page never links to a file that is not there. The page itself
 * is left out.
 */
export function releaseContents(formats: readonly ReleaseFormat[], paths: readonly string[]): ContentsEntry[] {
  const present = new Set([...paths, ...MANIFEST_FILES]);
  return formats
    .filter((f) => !f.path.startsWith('index.html'))
    .map((f) => ({ text: { en: f.en, ru: f.ru }, files: [...new Set(f.path.split(/, | … /).flatMap((token) => filesOf(token, f.path, paths, present)))] }))
    .filter((e) => e.files.length > 0);
}

/** "tables/T01.xlsx" in a range ("tables/T01.xlsx … tables/T11.xlsx") stands for every table's file. */
function filesOf(token: string, path: string, paths: readonly string[], present: ReadonlySet<string>): string[] {
  const perTable = /^([a-z]+)\/T\d{2}\.([a-z]+)$/.exec(token);
  if (perTable && path.includes(' … ')) return paths.filter((p) => new RegExp(`^${perTable[1]}/T\\d{2}\\.${perTable[2]}$`).test(p)).sort();
  return present.has(token) ? [token] : [];
}

/** The files of one table, for the links beside its figures. */
export function tableFiles(paths: readonly string[], table: string): string[] {
  return [`tables/${table}.xlsx`, `px/${table}.px`, `jsonstat/${table}.json`].filter((p) => paths.includes(p));
}
