// A worker thread's entry (pipeline/workers.ts): ingests and harmonises the countries it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { postError } from '@mch/core';
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
    port.postMessage({ error: postError(e) } satisfies WorkerMessage);
  }
});
port.postMessage({ ready: true } satisfies WorkerMessage);
