import type { Transferable, Worker } from 'node:worker_threads';
import { type PostedError, errorFromThread, postError } from '@mch/core';

/**
 * Jobs that one worker thread and this thread share: `run` queues a job (its promise settles on
 * the worker, or during `finish`), `finish` does here what the worker has not started and waits
 * for the worker's last job, `close` ends the worker without waiting (after an error elsewhere).
 * A job gives the same result in either thread, so what is made does not depend on which one
 * finished first.
 */
export interface JobPool<J, R> {
  run(job: J): Promise<R>;
  finish(): Promise<void>;
  close(): Promise<void>;
  /** whether a worker thread was started */
  readonly threaded: boolean;
}

/** How a kind of job is done here and handed to a worker and back. */
export interface JobKind<J, R, M, A> {
  /** the job done in this thread */
  here(job: J): Promise<R>;
  /** the message a worker is sent for a job (made only when the worker takes it), and what it may take over */
  toWorker(job: J): { message: M; transfer?: Transferable[] };
  /** the worker's answer as this thread's result */
  fromWorker(answer: A): R;
  /** jobs this thread does at once during `finish` (one that waits on I/O lets the next start); 1 if unset */
  hereAtOnce?: number;
}

/** What a worker of a pool says: its answer to the job it was sent, or the error that job threw. */
export type WorkerReply<A> = { answer: A } | { error: PostedError };

interface Pending<J, R> {
  job: J;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

/** Every job in this thread, during `finish`, in order. */
export function poolInThisThread<J, R>(kind: JobKind<J, R, unknown, unknown>): JobPool<J, R> {
  const queue: Pending<J, R>[] = [];
  return {
    threaded: false,
    run: (job) => queued(queue, job),
    finish: () => drain(queue, kind),
    async close() {
      abandon(queue.splice(0));
    },
  };
}

/** Jobs on this worker, one at a time in order; this thread takes over what it leaves (a worker that cannot start or dies leaves all). */
export function poolWithWorker<J, R, M, A>(kind: JobKind<J, R, M, A>, worker: Worker): JobPool<J, R> {
  return new WorkerPool(kind, worker);
}

/** Jobs a closed pool will not do: settled (refused), so nothing waiting on them waits for ever. */
function abandon<J, R>(left: Pending<J, R>[]): void {
  for (const p of left) p.reject(new Error('the job was not done: its pool was closed after an error elsewhere'));
}

/** A job's promise, settled later: awaited only then, so its rejection is handled here until it is. */
function queued<J, R>(queue: Pending<J, R>[], job: J): Promise<R> {
  const promise = new Promise<R>((resolve, reject) => queue.push({ job, resolve, reject }));
  promise.catch(() => {});
  return promise;
}

/**
 * Does the queued jobs here, `lanes` at once (the kind's hereAtOnce unless given), taking each
 * from the queue as it starts, while `going()` holds.
 */
async function drain<J, R>(queue: Pending<J, R>[], kind: JobKind<J, R, unknown, unknown>, lanes = kind.hereAtOnce ?? 1, going: () => boolean = () => true): Promise<void> {
  const take = () => (going() ? queue.shift() : undefined);
  const lane = async () => {
    for (let p = take(); p; p = take()) await settle(p, kind);
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
}

async function settle<J, R>(p: Pending<J, R>, kind: JobKind<J, R, unknown, unknown>): Promise<void> {
  try {
    p.resolve(await kind.here(p.job));
  } catch (e) {
    p.reject(e);
  }
}

/**
 * Jobs sent to the worker before it asks: the next one waits in its port while it does this one,
 * so it never idles until this thread, busy with a job of its own, hands it another (tier M's
 * tables' worker idled some 10 s that way).
 */
const SENT_AHEAD = 2;

class WorkerPool<J, R, M, A> implements JobPool<J, R> {
  readonly threaded = true;
  private readonly queue: Pending<J, R>[] = [];
  /** sent to the worker, oldest first: it answers them in that order */
  private sent: Pending<J, R>[] = [];
  private alive = true;
  private idle: (() => void) | undefined;

  constructor(
    private readonly kind: JobKind<J, R, M, A>,
    private readonly worker: Worker,
  ) {
    worker.on('message', (m: WorkerReply<A>) => {
      const p = this.sent.shift();
      if (p) {
        try {
          if ('answer' in m) p.resolve(kind.fromWorker(m.answer));
          else p.reject(errorFromThread(m.error));
        } catch (e) {
          p.reject(e);
        }
      }
      this.next();
    });
    const lost = () => {
      this.alive = false;
      // what it had not answered comes back to the front of the queue, in order
      this.queue.unshift(...this.sent);
      this.sent = [];
      this.idle?.();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    // an answer that cannot be read would put every later answer on the wrong job: the worker is lost
    worker.on('messageerror', lost);
  }

  run(job: J): Promise<R> {
    const promise = queued(this.queue, job);
    this.next();
    return promise;
  }

  private next(): void {
    while (this.alive && this.sent.length < SENT_AHEAD && this.queue.length) {
      const p = this.queue.shift()!;
      try {
        const { message, transfer } = this.kind.toWorker(p.job);
        this.worker.postMessage(message, transfer);
        // its answer comes in a later turn of the event loop, never during postMessage
        this.sent.push(p);
      } catch (e) {
        p.reject(e);
      }
    }
    if (!this.sent.length) this.idle?.();
  }

  async finish(): Promise<void> {
    const kind = this.kind as JobKind<J, R, unknown, unknown>;
    try {
      // one job at a time here while the worker lives: jobs held here at once finish together, late, while the worker idles
      await drain(this.queue, kind, 1, () => this.alive);
      while (this.sent.length) await new Promise<void>((resolve) => (this.idle = resolve));
      // once it is done, or lost (its jobs came back), what is left as many at once as the kind allows
      await drain(this.queue, kind);
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    this.alive = false;
    const left = [...this.sent, ...this.queue.splice(0)];
    this.sent = [];
    await this.worker.terminate();
    abandon(left);
  }
}

/**
 * A worker's side of a pool: answers each job it is sent, one after another in the order sent
 * (the pool sends the next before this one is answered, and matches answers to jobs by order),
 * handing over what `transfer` names of the answer.
 */
export function answerJobs<M, A>(port: import('node:worker_threads').MessagePort, answer: (message: M) => Promise<A>, transfer: (a: A) => Transferable[] = () => []): void {
  let last: Promise<void> = Promise.resolve();
  const reply = async (message: M) => {
    try {
      const a = await answer(message);
      port.postMessage({ answer: a } satisfies WorkerReply<A>, transfer(a));
    } catch (e) {
      port.postMessage({ error: postError(e) } satisfies WorkerReply<A>);
    }
  };
  port.on('message', (message: M) => {
    last = last.then(() => reply(message));
  });
}

/**
 * The memory of those bytes that own all of it, to hand over rather than copy: a small Buffer is
 * a view into a pool Node shares among many, which must never be taken from this thread.
 */
export function ownBuffers(views: readonly Uint8Array[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of views) {
    const b = v.buffer;
    if (b instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === b.byteLength) out.add(b);
  }
  return [...out];
}
