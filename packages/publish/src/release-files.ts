import { changeLabels, changesMarkdown, releaseChanges } from './changes';
import { stableJson } from './hash';
import { jsonstatDataset } from './jsonstat/index';
import type { FileSink, ReleaseFile, ReleaseModel, WrittenFile } from './model';
import { observationsCsv } from './observations-csv';
import { methodologyPdfJob } from './pdf/notes';
import { pdfRenderer } from './pdf/threads';
import { ageOrder } from './publishable';
import { releaseFrame, tableWithCountries } from './published/build';
import { publishedSources } from './published/sources';
import type { PublishedTable, TableFrame } from './published/types';
import { checkedPxFile } from './px/index';
import { qualityReportHtml, qualityReportMarkup } from './quality-report';
import { publicQualitySummary } from './quality-summary';
import { sdmxCsv } from './sdmx';
import { type SiteTablePart, releaseIndex, siteTablePart } from './site/index';
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
    const release = releaseFrame(model);
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
    const sources = model.sourceOf && publishedSources(published, model.data.observations, model.sourceOf, ageOrder(model.codelists));
    await put({ path: 'data/observations.csv', bytes: observationsCsv(published, sources) });
    await put({ path: 'sdmx/mch.csv', bytes: sdmxCsv(published, model.tableSet) });
    await put(text('sdmx/structure.xml', sdmxStructure(model, release)));
    await put(text('quality/report.json', stableJson(summary)));
    await put(text('quality/report.html', qualityReportHtml(qualityMarkup, qualityTitle)));
    putPdf('quality/report.pdf', qualityPdf);
    await put(text('CHANGES.md', changesMarkdown(model.config.version, model.previous?.version, changes, model.config.release_notes, changeLabels(model), model.codeVersion)));
    // one table's cells at a time (and those of the few workbooks under way), let go once written
    const site: SiteTablePart[] = [];
    const workbooks = tableWorkbooks(model, release.tables);
    for (const frame of release.tables) {
      const { table, workbook } = await workbooks.next();
      await put({ path: `tables/${frame.table.id}.xlsx`, bytes: workbook });
      await put({ path: `px/${frame.table.id}.px`, bytes: checkedPxFile(model, table) });
      await put(text(`jsonstat/${frame.table.id}.json`, jsonstatDataset(model, table)));
      const part = siteTablePart(model, table);
      if (part.file) await put(part.file);
      site.push({ ...part, file: null });
    }
    for (const [path, pdf] of notesPdfs) putPdf(path, pdf);
    await pdfs.finish();
    const files = await Promise.all(written);
    // last: the page links to the files above, besides its own data scripts
    const scripts = new Set(site.map((p) => p.entry.script));
    const paths = files.map((f) => f.path).filter((path) => !scripts.has(path));
    for (const f of releaseIndex(model, site, summary, paths)) files.push(await sink(f));
    return files;
  } finally {
    await pdfs.close();
  }
}

/** Workbooks compressed while the next are built: exceljs deflates off this thread, so a few at a time keep it busy. */
const WORKBOOKS_IN_FLIGHT = 3;

/**
 * Each table with its cells and its workbook, in order, `next()` giving each as soon as the
 * workbook is done, with the next few already under way: only those few tables' cells and
 * workbooks are held at once (a tier M workbook is tens of megabytes).
 */
function tableWorkbooks(model: ReleaseModel, frames: readonly TableFrame[]): { next(): Promise<{ table: PublishedTable; workbook: Buffer }> } {
  const pending: Promise<{ table: PublishedTable; workbook: Buffer }>[] = [];
  let started = 0;
  const start = () => {
    const table = tableWithCountries(model, frames[started++]!);
    const done = tableWorkbook(model, table).then((workbook) => ({ table, workbook }));
    // awaited in turn, maybe after it fails: handled here so a failure is not an unhandled rejection meanwhile
    done.catch(() => {});
    pending.push(done);
  };
  while (started < Math.min(WORKBOOKS_IN_FLIGHT, frames.length)) start();
  return {
    next() {
      const done = pending.shift();
      if (!done) throw new Error('tableWorkbooks: asked for more workbooks than tables');
      if (started < frames.length) start();
      return done;
    },
  };
}
