import { changeLabels, changesMarkdown, diffObservations } from './changes';
import { stableJson } from './hash';
import { jsonstatDataset } from './jsonstat/index';
import type { ReleaseFile, ReleaseModel } from './model';
import { observationsCsv } from './observations-csv';
import { methodologyPdfJob } from './pdf/notes';
import { pdfRenderer } from './pdf/threads';
import { ageOrder } from './publishable';
import { publishedRelease } from './published/index';
import type { PublishedTable } from './published/types';
import { checkedPxFile } from './px/index';
import { qualityReportHtml, qualityReportMarkup } from './quality-report';
import { publicQualitySummary } from './quality-summary';
import { sdmxCsv } from './sdmx';
import { releasePage } from './site/index';
import { sdmxStructure } from './sdmx-structure/index';
import { tableWorkbook } from './xlsx/workbook';

/**
 * Every file of a release except the manifest, in memory: the published model is built once
 * (published/) and every writer renders it. Publishes nothing that is not free.
 */
export async function releaseFiles(model: ReleaseModel, options: { pdfWorker?: boolean | 'sources' } = {}): Promise<ReleaseFile[]> {
  const pdfs = pdfRenderer({ worker: options.pdfWorker });
  try {
    const release = publishedRelease(model);
    const published = release.observations;
    const summary = publicQualitySummary(model.quality, model.data.observations, model.tableSet);
    const changes = diffObservations(model.previous?.observations ?? [], published, ageOrder(model.codelists));
    const qualityMarkup = qualityReportMarkup(summary, model.codelists);
    const qualityTitle = `Quality summary of release ${model.config.version}`;
    // the PDFs first: a worker lays them out while this thread writes the rest (pdf/threads.ts)
    const qualityPdf = pdfs.render({ kind: 'quality', markup: qualityMarkup, title: qualityTitle, date: model.config.release_date });
    const notesPdfs: [string, Promise<Buffer>][] = [];
    for (const lang of ['en', 'ru'] as const) {
      notesPdfs.push([`notes/methodology.${lang}.pdf`, pdfs.render(await methodologyPdfJob(model, lang, published, summary, changes))]);
    }
    const text = (path: string, content: string): ReleaseFile => ({ path, bytes: Buffer.from(content, 'utf8') });
    const files: (ReleaseFile | { path: string; pdf: Promise<Buffer> })[] = [
      { path: 'data/observations.csv', bytes: observationsCsv(published) },
      { path: 'sdmx/mch.csv', bytes: sdmxCsv(published, model.tableSet) },
      text('sdmx/structure.xml', sdmxStructure(model, release)),
      text('quality/report.json', stableJson(summary)),
      text('quality/report.html', qualityReportHtml(qualityMarkup, qualityTitle)),
      { path: 'quality/report.pdf', pdf: qualityPdf },
      text('CHANGES.md', changesMarkdown(model.config.version, model.previous?.version, changes, model.config.release_notes, changeLabels(model), model.codeVersion)),
    ];
    const workbooks = await tableWorkbooks(model, release.tables);
    release.tables.forEach((table, i) => {
      files.push({ path: `tables/${table.table.id}.xlsx`, bytes: workbooks[i]! });
      files.push({ path: `px/${table.table.id}.px`, bytes: checkedPxFile(model, table) });
      files.push(text(`jsonstat/${table.table.id}.json`, jsonstatDataset(model, table)));
    });
    for (const [path, pdf] of notesPdfs) files.push({ path, pdf });
    await pdfs.finish();
    const written: ReleaseFile[] = [];
    for (const f of files) written.push('pdf' in f ? { path: f.path, bytes: await f.pdf } : f);
    // last: the page links to the files above
    for (const f of releasePage(model, release, summary, written.map((f) => f.path))) written.push(f);
    return written;
  } finally {
    await pdfs.close();
  }
}

/** Workbooks compressed while the next are built: exceljs deflates off this thread, so a few at a time keep it busy. */
const WORKBOOKS_IN_FLIGHT = 3;

async function tableWorkbooks(model: ReleaseModel, tables: readonly PublishedTable[]): Promise<Buffer[]> {
  const done: Promise<Buffer>[] = [];
  for (const table of tables) {
    const workbook = tableWorkbook(model, table);
    // awaited below, maybe after it fails: handled here so a failure is not an unhandled rejection meanwhile
    workbook.catch(() => {});
    done.push(workbook);
    if (done.length >= WORKBOOKS_IN_FLIGHT) await done[done.length - WORKBOOKS_IN_FLIGHT];
  }
  return Promise.all(done);
}
