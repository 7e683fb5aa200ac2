import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfJob } from './jobs';

/**
 * Lays out the PDFs of a release: `render` queues a job (its promise settles during `finish`, or
 * earlier on the worker), `finish` lays out what is left and ends the worker, `close` ends it
 * without waiting (after an error elsewhere).
 */
export interface PdfRenderer {
  render(job: PdfJob): Promise<Buffer>;
  finish(): Promise<void>;
  close(): Promise<void>;
  /** whether a worker thread was started */
  readonly threaded: boolean;
}

/** What the worker says: the bytes of the job it was sent, or the error it threw. */
export type PdfWorkerReply = { pdf: Uint8Array } | { error: { message: string; stack?: string } };

interface Pending {
  job: PdfJob;
  resolve: (pdf: Buffer) => void;
  reject: (e: unknown) => void;
}

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
  if (asked === false || process.env.MCH_THREADS === '1') return inThisThread();
  if (asked === undefined && availableParallelism() <= SPARE_CORES) return inThisThread();
  const start = workerEntry(asked === 'sources');
  return start ? threadedRenderer(start()) : inThisThread();
}

/** Cores this thread keeps busy by itself (its own work, garbage collection, compilation). */
const SPARE_CORES = 2;

function inThisThread(): PdfRenderer {
  const queue: Pending[] = [];
  return {
    threaded: false,
    render: (job) => queued(queue, job),
    // in order, after the other files: the same work as before, one document in memory at a time
    async finish() {
      for (let p = queue.shift(); p; p = queue.shift()) await settle(p);
    },
    async close() {
      queue.length = 0;
    },
  };
}

/** A job's promise, settled later: awaited only then, so its rejection is handled here until it is. */
function queued(queue: Pending[], job: PdfJob): Promise<Buffer> {
  const promise = new Promise<Buffer>((resolve, reject) => queue.push({ job, resolve, reject }));
  promise.catch(() => {});
  return promise;
}

/** Lays out one job in this thread; pdfmake is loaded only when this thread lays out a PDF. */
async function settle(p: Pending): Promise<void> {
  try {
    const { renderPdfJob } = await import('./jobs');
    p.resolve(await renderPdfJob(p.job));
  } catch (e) {
    p.reject(e);
  }
}

/** Jobs on this worker (which runs pdf-worker), in order; this thread takes over what it leaves. */
export function threadedRenderer(worker: Worker): PdfRenderer {
  return new ThreadedRenderer(worker);
}

class ThreadedRenderer implements PdfRenderer {
  readonly threaded = true;
  private readonly queue: Pending[] = [];
  private current: Pending | undefined;
  private alive = true;
  private idle: (() => void) | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: PdfWorkerReply) => {
      const p = this.current;
      this.current = undefined;
      if (p && 'pdf' in m) p.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
      else if (p && 'error' in m) p.reject(Object.assign(new Error(m.error.message), { stack: m.error.stack }));
      this.next();
    });
    // a worker that cannot start or dies leaves its job and the rest to this thread
    const lost = () => {
      this.alive = false;
      if (this.current) this.queue.unshift(this.current);
      this.current = undefined;
      this.idle?.();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
  }

  render(job: PdfJob): Promise<Buffer> {
    const promise = queued(this.queue, job);
    this.next();
    return promise;
  }

  private next(): void {
    const p = this.current || !this.alive ? undefined : this.queue.shift();
    if (!p) {
      this.idle?.();
      return;
    }
    this.current = p;
    this.worker.postMessage(p.job);
  }

  async finish(): Promise<void> {
    try {
      for (let p = this.queue.shift(); p; p = this.queue.shift()) await settle(p);
      while (this.current) await new Promise<void>((resolve) => (this.idle = resolve));
      // the worker may have been lost after this thread emptied the queue: its job came back
      for (let p = this.queue.shift(); p; p = this.queue.shift()) await settle(p);
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    this.alive = false;
    this.queue.length = 0;
    await this.worker.terminate();
  }
}

/**
 * How to start the worker on pdf-worker beside this module: the .js of a build as it is. Under
 * the sources a worker would compile its modules again with tsx (about as long as the documents
 * take), so there it starts only when asked (`'sources'`, the tests), with tsx registered in the
 * worker first. Undefined when it cannot start.
 */
function workerEntry(sources: boolean): (() => Worker) | undefined {
  const here = import.meta.url;
  if (!here) return undefined;
  const ts = here.endsWith('.ts');
  const entry = new URL(`./pdf-worker.${ts ? 'ts' : 'js'}`, here);
  if (!existsSync(fileURLToPath(entry))) return undefined;
  if (!ts) return () => new Worker(entry);
  if (!sources) return undefined;
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return () => new Worker(boot, { eval: true });
}
