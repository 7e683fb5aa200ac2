// A worker thread's entry (threads.ts): lays out the PDF jobs it is sent, one at a time, in order.
import { parentPort } from 'node:worker_threads';
import { type PdfJob, renderPdfJob } from './jobs';
import type { PdfWorkerReply } from './threads';

const port = parentPort!;

port.on('message', async (job: PdfJob) => {
  try {
    const pdf = await renderPdfJob(job);
    port.postMessage({ pdf } satisfies PdfWorkerReply);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ error: { message: error.message, stack: error.stack } } satisfies PdfWorkerReply);
  }
});
