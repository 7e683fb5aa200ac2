import { changeLabels, changesMarkdown, releaseChanges } from './changes';
import { stableJson } from './hash';
import { jsonstatDataset } from './jsonstat/index';
import type { FileSink, ReleaseFile, ReleaseModel, WrittenFile } from './model';
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
 * Every file of a release except the manifest, each handed to `sink` as soon as it is made (so
 * its bytes can go: a release of millions of observations is never whole in memory): the
 * published model is built once (published/) and every writer renders it. Publishes nothing
 * that is not free. Returns what the manifest states of each file, in the order they were made.
 */
export async function releaseFiles(model: ReleaseModel, sink: FileSink, options: { pdfWorker?: boolean | 'sources' } = {}): Promise<WrittenFile[]> {
  const pdfs = pdfRenderer({ worker: options.pdfWorker });
  try {
    const release = publishedRelease(model);
    const published = release.observations;
    const summary = publicQualitySummary(model.quality, model.data.observations, model.tableSet);
    const changes = releaseChanges(model.previous?.observations ?? [], published, ageOrder(model.codelists));
    const qualityMarkup = qualityReportMarkup(summary, model.codelists);
    const qualityTitle = `Quality summary of release ${model.config.version}`;
    // the PDFs first: a worker lays them out while this thread writes the rest (pdf/threads.ts)
    const qualityPdf = pdfs.render({ kind: 'quality', markup: qualityMarkup, title: qualityTitle, date: model.config.release_date });
    const notesPdfs: [string, Promise<Buffer>][] = [];
    for (const lang of ['en', 'ru'] as const) {
      notesPdfs.push([`notes/methodology.${lang}.pdf`, pdfs.render(await methodologyPdfJob(model, lang, published, summary, changes))]);
    }
    // in the order made; a PDF's place is kept while a worker may still be laying it out
    const written: Promise<WrittenFile>[] = [];
    const put = async (file: ReleaseFile) => {
      const done = sink(file);
      written.push(done);
      await done;
    };
    const putPdf = (path: string, pdf: Promise<Buffer>) => {
      const done = pdf.then((bytes) => sink({ path, bytes }));
      done.catch(() => {}); // awaited below, maybe after another file fails
      written.push(done);
    };
    const text = (path: string, content: string): ReleaseFile => ({ path, bytes: Buffer.from(content, 'utf8') });
    await put({ path: 'data/observations.csv', bytes: observationsCsv(published) });
    await put({ path: 'sdmx/mch.csv', bytes: sdmxCsv(published, model.tableSet) });
    await put(text('sdmx/structure.xml', sdmxStructure(model, release)));
    await put(text('quality/report.json', stableJson(summary)));
    await put(text('quality/report.html', qualityReportHtml(qualityMarkup, qualityTitle)));
    putPdf('quality/report.pdf', qualityPdf);
    await put(text('CHANGES.md', changesMarkdown(model.config.version, model.previous?.version, changes, model.config.release_notes, changeLabels(model), model.codeVersion)));
    const workbooks = await tableWorkbooks(model, release.tables);
    for (const [i, table] of release.tables.entries()) {
      await put({ path: `tables/${table.table.id}.xlsx`, bytes: workbooks[i]! });
      await put({ path: `px/${table.table.id}.px`, bytes: checkedPxFile(model, table) });
      await put(text(`jsonstat/${table.table.id}.json`, jsonstatDataset(model, table)));
    }
    for (const [path, pdf] of notesPdfs) putPdf(path, pdf);
    await pdfs.finish();
    const files = await Promise.all(written);
    // last: the page links to the files above
    for (const f of releasePage(model, release, summary, files.map((f) => f.path))) files.push(await sink(f));
    return files;
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
