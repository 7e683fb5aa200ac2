import { changeLabels, changesMarkdown, releaseChanges } from './changes';
import { stableJson } from './hash';
import type { FileSink, ReleaseFile, ReleaseModel, WrittenFile } from './model';
import { observationsCsv } from './observations-csv';
import { methodologyPdfJob } from './pdf/notes';
import { pdfRenderer } from './pdf/threads';
import { ageOrder } from './publishable';
import { releaseFrame } from './published/build';
import type { TableFrame } from './published/types';
import { publishedSources } from './published/sources';
import { qualityReportHtml, qualityReportMarkup } from './quality-report';
import { publicQualitySummary } from './quality-summary';
import { sdmxCsv } from './sdmx';
import { type SiteTablePart, releaseIndex } from './site/index';
import { sdmxStructure } from './sdmx-structure/index';
import type { TableFiles } from './table-files/files';
import { type TableRenderer, tableRenderer } from './table-files/threads';

/**
 * Every file of a release except the manifest, each handed to `sink` as soon as it is made (so
 * its bytes can go: a release of millions of observations is never whole in memory): the
 * published model is built once (published/) and every writer renders it. Publishes nothing
 * that is not free. Returns what the manifest states of each file, in the order they were made.
 */
export async function releaseFiles(
  model: ReleaseModel,
  sink: FileSink,
  options: { pdfWorker?: boolean | 'sources'; tableWorker?: boolean | 'sources' } = {},
): Promise<WrittenFile[]> {
  const pdfs = pdfRenderer({ worker: options.pdfWorker });
  let tables: TableRenderer | undefined;
  // every file under way, so that a failure waits for them before the caller removes the folder
  const underWay: Promise<unknown>[] = [];
  try {
    const release = releaseFrame(model);
    const published = release.observations;
    // the tables queued first: a worker writes them while this thread writes the files of the whole release (table-files/)
    tables = tableRenderer(model, published.length, { worker: options.tableWorker });
    const tableJobs = queuedLargestFirst(release.tables, (frame) => tables!.run(frame).then((t) => writeAll(t, sink)));
    for (const job of tableJobs) job.catch(() => {}); // awaited below, maybe after another file fails
    underWay.push(...tableJobs);
    const summary = publicQualitySummary(model.quality, model.data.observations, model.tableSet);
    const changes = releaseChanges(model.previous?.observations ?? [], published, ageOrder(model.codelists));
    const qualityMarkup = qualityReportMarkup(summary, model.codelists);
    const qualityTitle = `Quality summary of release ${model.config.version}`;
    // the PDFs first: a worker lays them out while this thread writes the rest (pdf/threads.ts)
    const qualityPdf = pdfs.run({ kind: 'quality', markup: qualityMarkup, title: qualityTitle, date: model.config.release_date });
    const notesPdfs: [string, Promise<Buffer>][] = [];
    for (const lang of ['en', 'ru'] as const) {
      notesPdfs.push([`notes/methodology.${lang}.pdf`, pdfs.run(await methodologyPdfJob(model, lang, published, summary, changes))]);
    }
    // in the order made; a file's place is kept while another thread may still be making it
    const written: Promise<WrittenFile | WrittenFile[]>[] = [];
    const put = async (file: ReleaseFile) => {
      const done = sink(file);
      written.push(done);
      underWay.push(done);
      await done;
    };
    const putPdf = (path: string, pdf: Promise<Buffer>) => {
      const done = pdf.then((bytes) => sink({ path, bytes }));
      done.catch(() => {}); // awaited below, maybe after another file fails
      written.push(done);
      underWay.push(done);
    };
    const text = (path: string, content: string): ReleaseFile => ({ path, bytes: Buffer.from(content, 'utf8') });
    const sources = model.sourceOf && publishedSources(release.origins, model.sourceOf);
    await put({ path: 'data/observations.csv', bytes: observationsCsv(published, sources) });
    await put({ path: 'sdmx/mch.csv', bytes: sdmxCsv(published, model.tableSet) });
    await put(text('sdmx/structure.xml', sdmxStructure(model, release)));
    await put(text('quality/report.json', stableJson(summary)));
    await put(text('quality/report.html', qualityReportHtml(qualityMarkup, qualityTitle)));
    putPdf('quality/report.pdf', qualityPdf);
    await put(text('CHANGES.md', changesMarkdown(model.config.version, model.previous?.version, changes, model.config.release_notes, changeLabels(model), model.codeVersion, model.codeChanges)));
    for (const job of tableJobs) written.push(job.then((t) => t.written));
    // what the worker has not taken, here, a few tables' cells at a time, each let go once written
    await tables.finish();
    for (const [path, pdf] of notesPdfs) putPdf(path, pdf);
    await pdfs.finish();
    const files = (await Promise.all(written)).flat();
    // last: the page links to the files above, besides its own data scripts
    const site = await Promise.all(tableJobs.map((job) => job.then((t) => t.site)));
    const scripts = new Set(site.map((p) => p.entry.script));
    const paths = files.map((f) => f.path).filter((path) => !scripts.has(path));
    for (const f of releaseIndex(model, site, summary, paths)) files.push(await sink(f));
    return files;
  } catch (error) {
    // the jobs not yet done are refused, then every file under way settles before the folder goes
    await Promise.all([pdfs.close(), tables?.close()]);
    await Promise.allSettled(underWay);
    throw error;
  } finally {
    await Promise.all([pdfs.close(), tables?.close()]);
  }
}

/**
 * `run` of each table, the largest first (a worker and this thread take them in that order, so
 * neither is left with a long one at the end while the other waits); the promises in the tables'
 * own order, which is the order of their files in the manifest.
 */
export function queuedLargestFirst<T>(frames: readonly TableFrame[], run: (frame: TableFrame) => Promise<T>): Promise<T>[] {
  const order = frames.map((_, i) => i).sort((a, b) => frames[b]!.observations.length - frames[a]!.observations.length || a - b);
  const jobs: Promise<T>[] = new Array(frames.length);
  for (const i of order) jobs[i] = run(frames[i]!);
  return jobs;
}

/** A table's files handed to the sink in order as soon as they are made, so their bytes can go. */
async function writeAll(t: TableFiles, sink: FileSink): Promise<{ written: WrittenFile[]; site: SiteTablePart }> {
  const written: WrittenFile[] = [];
  for (const file of t.files) written.push(await sink(file));
  return { written, site: t.site };
}
