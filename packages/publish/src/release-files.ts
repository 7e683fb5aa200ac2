import { changeLabels, changesMarkdown, diffObservations } from './changes';
import { stableJson } from './hash';
import { jsonstatDataset } from './jsonstat/index';
import type { ReleaseFile, ReleaseModel } from './model';
import { observationsCsv } from './observations-csv';
import { methodologyPdf } from './pdf/notes';
import { ageOrder } from './publishable';
import { publishedRelease } from './published/index';
import { checkedPxFile } from './px/index';
import { qualityReportHtml, qualityReportMarkup, qualityReportPdf } from './quality-report';
import { publicQualitySummary } from './quality-summary';
import { sdmxCsv } from './sdmx';
import { releasePage } from './site/index';
import { sdmxStructure } from './sdmx-structure/index';
import { tableWorkbook } from './xlsx/workbook';

/**
 * Every file of a release except the manifest, in memory: the published model is built once
 * (published/) and every writer renders it. Publishes nothing that is not free.
 */
export async function releaseFiles(model: ReleaseModel): Promise<ReleaseFile[]> {
  const release = publishedRelease(model);
  const published = release.observations;
  const summary = publicQualitySummary(model.quality, model.data.observations, model.tableSet);
  const changes = diffObservations(model.previous?.observations ?? [], published, ageOrder(model.codelists));
  const qualityMarkup = qualityReportMarkup(summary, model.codelists);
  const qualityTitle = `Quality summary of release ${model.config.version}`;
  const text = (path: string, content: string): ReleaseFile => ({ path, bytes: Buffer.from(content, 'utf8') });
  const files: ReleaseFile[] = [
    text('data/observations.csv', observationsCsv(published)),
    text('sdmx/mch.csv', sdmxCsv(published, model.tableSet)),
    text('sdmx/structure.xml', sdmxStructure(model, release)),
    text('quality/report.json', stableJson(summary)),
    text('quality/report.html', qualityReportHtml(qualityMarkup, qualityTitle)),
    { path: 'quality/report.pdf', bytes: await qualityReportPdf(qualityMarkup, qualityTitle, model.config.release_date) },
    text('CHANGES.md', changesMarkdown(model.config.version, model.previous?.version, changes, model.config.release_notes, changeLabels(model), model.codeVersion)),
  ];
  for (const table of release.tables) {
    files.push({ path: `tables/${table.table.id}.xlsx`, bytes: await tableWorkbook(model, table) });
    files.push({ path: `px/${table.table.id}.px`, bytes: checkedPxFile(model, table) });
    files.push(text(`jsonstat/${table.table.id}.json`, jsonstatDataset(model, table)));
  }
  for (const lang of ['en', 'ru'] as const) {
    files.push({ path: `notes/methodology.${lang}.pdf`, bytes: await methodologyPdf(model, lang, published, summary, changes) });
  }
  // last: the page links to the files above
  for (const f of releasePage(model, release, summary, files.map((f) => f.path))) files.push(f);
  return files;
}
