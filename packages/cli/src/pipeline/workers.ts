import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { type CountrySettings, type PostedError, errorFromThread } from '@mch/core';
import { workerEntry } from '@mch/publish';
import { type ChainContext, type CountryFile, type CountryPart, computeCountry } from './country';
import { decodePart } from './part-codec';

/** Computes country parts, saying whether a worker thread did; `close` ends whatever it started. */
export interface CountryRunner {
  /** how many countries it computes at once */
  threads: number;
  compute(ref_area: string, settings: CountrySettings, files: readonly CountryFile[]): Promise<{ part: CountryPart; onWorker: boolean }>;
  close(): Promise<void>;
}

export interface WorkerJob {
  ref_area: string;
  settings: CountrySettings;
  files: readonly CountryFile[];
}

/** What a worker says: it has loaded; a part encoded (its buffer transferred, not copied); the error a job threw. */
export type WorkerMessage =
  | { ready: true }
  | { part: Uint8Array }
  | { error: PostedError };

export function inProcess(ctx: ChainContext): CountryRunner {
  return { threads: 1, compute: async (r, s, f) => ({ part: await computeCountry(ctx, r, s, f), onWorker: false }), close: async () => {} };
}

/**
 * Input below which, without MCH_THREADS, the countries stay in this thread: a worker's start
 * and the cold compilation of its own copy of the code cost more than it saves (BENCHMARKS.md:
 * `mch check` of tier S's 12 countries, 2.9 MB, is 14 % faster in one thread; of two tier M
 * countries, 19 MB, 10 % slower). Under the sources a worker also compiles them with tsx.
 */
const WORKER_MIN_BYTES = 8 * 1024 * 1024;

/**
 * Countries on worker threads, one worker per core up to the number of countries; MCH_THREADS=N
 * asks for N (1 keeps everything in this thread). Undefined where it cannot help: one core, little
 * input, or no worker entry beside this module. A worker that cannot start
 * leaves its countries to this thread. Each country's answer is the same bytes wherever it was
 * computed, and the chain merges in country order, so the output does not depend on which thread
 * finished first.
 */
export function workerRunner(ctx: ChainContext, jobs: number, inputBytes: number): CountryRunner | undefined {
  const asked = Number(process.env.MCH_THREADS) || undefined;
  const size = Math.min(asked ?? availableParallelism(), jobs);
  // from a build as it is; under the sources with tsx registered in the worker, which compiles them again
  const start = size >= 2 ? workerEntry(import.meta.url, 'country-worker', true) : undefined;
  if (!start || (!asked && inputBytes < WORKER_MIN_BYTES)) return undefined;
  const slots = Array.from({ length: size }, () => new Slot(start({ workerData: ctx })));
  const idle = [...slots];
  const waiting: ((s: Slot) => void)[] = [];
  const here = inProcess(ctx);
  const release = (s: Slot) => {
    const next = waiting.shift();
    if (next) next(s);
    else idle.push(s);
  };
  return {
    threads: size,
    async compute(ref_area, settings, files) {
      const slot = idle.pop() ?? (await new Promise<Slot>((resolve) => waiting.push(resolve)));
      try {
        // posted at once: the job waits on the port while the worker loads, and this thread may be busy meanwhile
        const running = slot.run({ ref_area, settings, files });
        running.catch(() => {}); // awaited below when the worker started; else it failed with the worker
        if (await slot.ready) return { part: await running, onWorker: true };
        // the worker could not start: its country is computed here
        return await here.compute(ref_area, settings, files);
      } finally {
        release(slot);
      }
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** One worker and the one job it is doing. */
class Slot {
  readonly ready: Promise<boolean>;
  private job: { resolve: (p: CountryPart) => void; reject: (e: unknown) => void } | undefined;

  constructor(readonly worker: Worker) {
    this.ready = new Promise((resolve) => {
      worker.on('message', (m: WorkerMessage) => {
        if ('ready' in m) return resolve(true);
        const job = this.job;
        this.job = undefined;
        if (!job) return;
        if ('part' in m) {
          try {
            job.resolve(decodePart(m.part));
          } catch (e) {
            job.reject(e);
          }
        } else job.reject(errorFromThread(m.error));
      });
      // before it is ready: it cannot start here, its countries are computed in this thread; after: a bug
      worker.on('error', (e) => {
        resolve(false);
        this.job?.reject(e);
        this.job = undefined;
      });
      worker.on('exit', (code) => {
        resolve(false);
        this.job?.reject(new Error(`a worker thread ended (exit code ${code}) before it answered`));
        this.job = undefined;
      });
    });
  }

  run(job: WorkerJob): Promise<CountryPart> {
    return new Promise((resolve, reject) => {
      this.job = { resolve, reject };
      this.worker.postMessage(job);
    });
  }
}
