// A worker thread's entry (pipeline/workers.ts): ingests and harmonises the countries it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { isMchError } from '@mch/core';
import { type ChainContext, computeCountry } from './country';
import { encodePart } from './part-codec';
import type { WorkerJob, WorkerMessage } from './workers';

const ctx = workerData as ChainContext;
const port = parentPort!;

port.on('message', async (job: WorkerJob) => {
  try {
    const part = encodePart(await computeCountry(ctx, job.ref_area, job.settings, job.files));
    port.postMessage({ part } satisfies WorkerMessage, [part.buffer as ArrayBuffer]);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    const extra = isMchError(error) ? { code: error.code, where: error.where, details: [...error.details] } : {};
    port.postMessage({ error: { name: error.name, message: error.message, stack: error.stack, ...extra } } satisfies WorkerMessage);
  }
});
port.postMessage({ ready: true } satisfies WorkerMessage);
