import { releaseFormats } from '../formats';
import type { ReleaseModel, WholeFile } from '../model';
import type { PublishedRelease } from '../published/index';
import type { PublicQualitySummary } from '../quality-summary';
import { DASH_ZERO, SYMBOLS } from '../symbols';
import { safeText } from '../text';
import { releaseContents, tableFiles } from './contents';
import { siteTable, tableChoices } from './data';
import { siteMirror } from './mirror';
import { dataScript, pageHtml } from './page';

export type { SiteCell, SiteCountry, SiteRow, SiteTable } from './data';
export type { SiteMirror } from './mirror';

/**
 * The release page: index.html at the root, and beside it one data script per table
 * (site/T01.js …) and one for the mirror matrix, which the page loads only when the reader
 * chooses them, so a release at tier M opens as fast as one at tier S. `paths` are the release's
 * other files, which the page links to.
 */
export function releasePage(model: ReleaseModel, release: PublishedRelease, summary: PublicQualitySummary, paths: readonly string[]): WholeFile[] {
  const files: WholeFile[] = [];
  const text = (path: string, content: string): WholeFile => ({ path, bytes: Buffer.from(content, 'utf8') });
  const tables = release.tables.map((published) => {
    const t = published.table;
    const script = `site/${t.id}.js`;
    if (published.countries.length) files.push(text(script, dataScript('table', t.id, siteTable(published, model.codelists))));
    return {
      id: t.id,
      title: { en: t.title_en, ru: t.title_ru },
      kind: t.kind,
      breakdown: t.breakdown,
      script: published.countries.length ? script : null,
      files: tableFiles(paths, t.id),
      ...tableChoices(published, model.codelists),
    };
  });
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
