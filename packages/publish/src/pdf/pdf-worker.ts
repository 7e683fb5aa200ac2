// A worker thread's entry (threads.ts): lays out the PDF jobs it is sent, one at a time, in order.
import { parentPort } from 'node:worker_threads';
import { answerJobs, ownBuffers } from '../threads/pool';
import { type PdfJob, renderPdfJob } from './jobs';

answerJobs<PdfJob, Buffer>(parentPort!, renderPdfJob, (pdf) => ownBuffers([pdf]));
