import type { TableDef } from '@mch/core';
import { releaseFormats } from '../formats';
import type { ReleaseModel, TableModel, WholeFile } from '../model';
import type { Bilingual, PublishedRelease, PublishedTable } from '../published/index';
import type { PublicQualitySummary } from '../quality-summary';
import { DASH_ZERO, SYMBOLS } from '../symbols';
import { safeText } from '../text';
import { releaseContents, tableFiles } from './contents';
import { siteTable, tableChoices } from './data';
import { siteMirror } from './mirror';
import { dataScript, pageHtml } from './page';

export type { SiteCell, SiteCountry, SiteRow, SiteTable } from './data';
export type { SiteMirror } from './mirror';

/** One table's part of the release page: its data script (none for a table no country sent) and its entry in the page. */
export interface SiteTablePart {
  file: WholeFile | null;
  entry: { id: string; title: Bilingual; kind: TableDef['kind']; breakdown: TableDef['breakdown']; script: string | null };
  choices: ReturnType<typeof tableChoices>;
}

/** A table's data script and entry, made while its cells are at hand (release-files.ts lets them go after). */
export function siteTablePart(model: TableModel, published: PublishedTable): SiteTablePart {
  const t = published.table;
  const script = published.countries.length ? `site/${t.id}.js` : null;
  return {
    file: script ? text(script, dataScript('table', t.id, siteTable(published, model.codelists))) : null,
    entry: { id: t.id, title: { en: t.title_en, ru: t.title_ru }, kind: t.kind, breakdown: t.breakdown, script },
    choices: tableChoices(published, model.codelists),
  };
}

/**
 * The release page: index.html at the root, and beside it one data script per table
 * (site/T01.js …) and one for the mirror matrix, which the page loads only when the reader
 * chooses them, so a release at tier M opens as fast as one at tier S. `paths` are the release's
 * other files, which the page links to.
 */
export function releasePage(model: ReleaseModel, release: PublishedRelease, summary: PublicQualitySummary, paths: readonly string[]): WholeFile[] {
  const parts = release.tables.map((published) => siteTablePart(model, published));
  const [index, ...mirror] = releaseIndex(model, parts, summary, paths);
  return [index!, ...parts.flatMap((p) => (p.file ? [p.file] : [])), ...mirror];
}

/** index.html and the mirror matrix's data script, from every table's part (the tables' scripts are the parts' own). */
export function releaseIndex(model: ReleaseModel, parts: readonly SiteTablePart[], summary: PublicQualitySummary, paths: readonly string[]): WholeFile[] {
  const files: WholeFile[] = [];
  // in the page's key order: the table, its files, then what the reader may choose
  const tables = parts.map((p) => ({ ...p.entry, files: tableFiles(paths, p.entry.id), ...p.choices }));
  const mirror = siteMirror(summary, model.config, model.quality, model.codelists);
  if (mirror) files.push(text('site/mirror.js', dataScript('mirror', 'mirror', mirror)));
  const c = model.config;
  const page = {
    version: c.version,
    release_date: c.release_date,
    title: { en: safeText(c.metadata.title_en), ru: safeText(c.metadata.title_ru) },
    symbols: SYMBOLS.map((s) => ({ symbol: s.excel, text: { en: s.en, ru: s.ru } })),
    dash: { en: DASH_ZERO.en, ru: DASH_ZERO.ru },
    sex: model.codelists.sex.map((s) => ({ code: s.code, label: { en: s.label_en, ru: s.label_ru } })),
    tables,
    mirror: mirror ? { script: 'site/mirror.js' } : null,
    contents: releaseContents(releaseFormats(model.tableSet.tables), paths),
  };
  const title = `${safeText(c.metadata.title_en)} — ${c.version}`;
  return [text('index.html', pageHtml(model.templatesDir, title, page)), ...files];
}

function text(path: string, content: string): WholeFile {
  return { path, bytes: Buffer.from(content, 'utf8') };
}
