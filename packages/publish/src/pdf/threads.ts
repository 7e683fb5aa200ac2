import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { workerEntry } from '../threads/entry';
import { type JobKind, type JobPool, poolInThisThread, poolWithWorker } from '../threads/pool';
import type { PdfJob } from './jobs';

/**
 * Lays out the PDFs of a release: `run` queues a job (its promise settles during `finish`, or
 * earlier on the worker), `finish` lays out what is left and ends the worker, `close` ends it
 * without waiting (after an error elsewhere).
 */
export type PdfRenderer = JobPool<PdfJob, Buffer>;

/**
 * pdfmake takes about a second per document, in one thread. With cores to spare the PDFs are laid
 * out on a worker thread while this one writes the other files, and whatever the worker has not
 * started when this thread is done (`finish`) it lays out itself. A job gives the same bytes in
 * either thread, so the release does not depend on which one finished first.
 *
 * On its own the worker starts only from a build (the sources would compile again in it, see
 * workerEntry) and with more than two cores: on two, this thread's garbage collector and compiler
 * already keep the second core busy, and the worker measured no faster (BENCHMARKS.md). `worker:
 * true` (or `'sources'`, under the sources) asks for it anyway; `false` or MCH_THREADS=1 never.
 */
export function pdfRenderer(options: { worker?: boolean | 'sources' } = {}): PdfRenderer {
  const asked = options.worker;
  if (asked === false || process.env.MCH_THREADS === '1') return poolInThisThread(PDF_JOBS);
  if (asked === undefined && availableParallelism() <= SPARE_CORES) return poolInThisThread(PDF_JOBS);
  const start = workerEntry(import.meta.url, 'pdf-worker', asked === 'sources');
  return start ? threadedRenderer(start()) : poolInThisThread(PDF_JOBS);
}

/** Cores this thread keeps busy by itself (its own work, garbage collection, compilation). */
const SPARE_CORES = 2;

/** A PDF job is data already; its bytes come back as a Buffer over what the worker handed over. pdfmake loads only when this thread lays out a PDF. */
const PDF_JOBS: JobKind<PdfJob, Buffer, PdfJob, Uint8Array> = {
  async here(job) {
    const { renderPdfJob } = await import('./jobs');
    return renderPdfJob(job);
  },
  toWorker: (job) => ({ message: job }),
  fromWorker: (pdf) => Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
};

/** Jobs on this worker (which runs pdf-worker), in order; this thread takes over what it leaves. */
export function threadedRenderer(worker: Worker): PdfRenderer {
  return poolWithWorker(PDF_JOBS, worker);
}
