import { availableParallelism } from 'node:os';
import type { TableModel } from '../model';
import type { TableFrame } from '../published/types';
import { workerEntry } from '../threads/entry';
import { type JobKind, type JobPool, ownBuffers, poolInThisThread, poolWithWorker } from '../threads/pool';
import { type EncodedFrame, encodeFrame } from './codec';
import { type TableFiles, tableFiles } from './files';

/** The files of a release's tables: `run` queues a table, `finish` writes what the worker has not taken, `close` ends the worker. */
export type TableRenderer = JobPool<TableFrame, TableFiles>;

/**
 * Published observations from which a worker thread writes tables beside this thread. Below, its
 * start and the cold compilation of exceljs and the writers in it cost more than it takes off
 * (the demo release, 132 673 observations, is done in this thread).
 */
export const TABLE_WORKER_MIN_OBSERVATIONS = 500_000;

/**
 * Where a release's tables are written. Publishing keeps one core busy and leaves the second some
 * 40 % idle (tier M, 2 cores): with two cores or more and a release this large, a worker thread
 * takes tables from the queue while this thread writes observations.csv and the SDMX file, and
 * then both take what is left. A table's files are the same bytes in either thread. From a build
 * only (the sources would compile again in the worker), unless asked: `worker: true` or
 * `'sources'` (the tests), or MCH_THREADS=2 or more, whatever the size; `false` or MCH_THREADS=1 never.
 */
export function tableRenderer(model: TableModel, observations: number, options: { worker?: boolean | 'sources' } = {}): TableRenderer {
  const kind = tableJobs(model);
  const threads = Number(process.env.MCH_THREADS) || undefined;
  const asked = options.worker ?? (threads === undefined ? undefined : threads > 1);
  if (asked === false) return poolInThisThread(kind);
  if (asked === undefined && (availableParallelism() < 2 || observations < TABLE_WORKER_MIN_OBSERVATIONS)) return poolInThisThread(kind);
  const start = workerEntry(import.meta.url, 'table-worker', asked === 'sources');
  if (!start) return poolInThisThread(kind);
  const { config, tableSet, codelists } = model;
  return poolWithWorker(kind, start({ workerData: { config, tableSet, codelists } satisfies TableModel }));
}

/** Workbooks compressed while the next are built: exceljs deflates off this thread, so a few at a time keep it busy. */
const WORKBOOKS_IN_FLIGHT = 3;

export function tableJobs(model: TableModel): JobKind<TableFrame, TableFiles, EncodedFrame, TableFiles> {
  return {
    here: (frame) => tableFiles(model, frame),
    hereAtOnce: WORKBOOKS_IN_FLIGHT,
    toWorker(frame) {
      const message = encodeFrame(frame);
      return { message, transfer: ownBuffers([message.observations]) };
    },
    // a Buffer crosses as a Uint8Array over the same bytes
    fromWorker: (t) => ({ ...t, files: t.files.map((f) => ({ path: f.path, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) })) }),
  };
}
