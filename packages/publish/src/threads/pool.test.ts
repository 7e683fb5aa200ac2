import { MessageChannel, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { type JobKind, answerJobs, ownBuffers, poolInThisThread, poolWithWorker } from './pool';

/** Doubles a number in either thread; the worker says where it ran. */
const doubling = (log: string[], busy = { now: 0, most: 0 }): JobKind<number, string, number, string> => ({
  async here(n) {
    log.push(`here ${n}`);
    busy.most = Math.max(busy.most, ++busy.now);
    await new Promise((resolve) => setTimeout(resolve, 5));
    busy.now--;
    return `${n * 2}`;
  },
  toWorker(n) {
    if (n < 0) throw new Error(`cannot send ${n}`);
    return { message: n };
  },
  fromWorker: (a) => a,
  hereAtOnce: 2,
});

const ECHO = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => parentPort.postMessage(n === 13 ? { error: { message: 'unlucky' } } : { answer: String(n * 2) }));`;

describe('jobs shared by a worker thread and this one', () => {
  it('gives every job its own answer, in order, whichever thread did it', async () => {
    const log: string[] = [];
    const pool = poolWithWorker(doubling(log), new Worker(ECHO, { eval: true }));
    const jobs = [1, 2, 3, 4, 5].map((n) => pool.run(n));
    await pool.finish();
    expect(await Promise.all(jobs)).toEqual(['2', '4', '6', '8', '10']);
    // the worker took the first at once; this thread the rest it had not started
    expect(log).not.toContain('here 1');
  });

  it('rejects only the job that failed, in the worker or on the way to it', async () => {
    const pool = poolWithWorker(doubling([]), new Worker(ECHO, { eval: true }));
    const bad = pool.run(13);
    const unsendable = pool.run(-1);
    const good = pool.run(4);
    await expect(bad).rejects.toThrow('unlucky');
    await pool.finish();
    await expect(unsendable).rejects.toThrow('cannot send -1');
    expect(await good).toBe('8');
  });

  it('does here what a worker that cannot start leaves, each job keeping its own answer', async () => {
    const log: string[] = [];
    const pool = poolWithWorker(doubling(log), new Worker('process.exit(3)', { eval: true }));
    const jobs = [1, 2, 3].map((n) => pool.run(n));
    await pool.finish();
    expect(await Promise.all(jobs)).toEqual(['2', '4', '6']);
    // the job the worker was given comes back when it is lost, and is done here too
    expect([...log].sort()).toEqual(['here 1', 'here 2', 'here 3']);
  });

  it('in this thread, starts jobs as many at once as the kind allows, in order, at finish', async () => {
    const log: string[] = [];
    const busy = { now: 0, most: 0 };
    const pool = poolInThisThread(doubling(log, busy));
    const jobs = [1, 2, 3].map((n) => pool.run(n));
    expect(log).toEqual([]);
    await pool.finish();
    expect(await Promise.all(jobs)).toEqual(['2', '4', '6']);
    expect(log).toEqual(['here 1', 'here 2', 'here 3']);
    expect(busy.most).toBe(2);
  });

  it('sends the worker its next job before it answers this one, and does one job at a time here meanwhile', async () => {
    // the worker holds its first job until the next arrives (or 2 s pass) and says which it was
    const waiting = `const { parentPort } = require('node:worker_threads');
let held; let timer;
parentPort.on('message', (n) => {
  if (held === undefined && n === 1) { held = n; timer = setTimeout(() => { parentPort.postMessage({ answer: '2 alone' }); held = null; }, 2000); return; }
  if (held === 1) { clearTimeout(timer); held = null; parentPort.postMessage({ answer: '2 with the next' }); }
  parentPort.postMessage({ answer: String(n * 2) });
});`;
    const log: string[] = [];
    const busy = { now: 0, most: 0 };
    const pool = poolWithWorker(doubling(log, busy), new Worker(waiting, { eval: true }));
    const jobs = [1, 2, 3, 4, 5, 6].map((n) => pool.run(n));
    await pool.finish();
    const answers = await Promise.all(jobs);
    expect(answers[0]).toBe('2 with the next');
    expect(answers.slice(1)).toEqual(['4', '6', '8', '10', '12']);
    // while the worker lives, jobs held here at once would all finish late: one at a time
    expect(busy.most).toBe(1);
  });

  it('takes back, when the worker dies after answering the first of two jobs it was sent, only the second', async () => {
    const dying = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => { if (n === 2) process.exit(1); parentPort.postMessage({ answer: String(n * 2) }); });`;
    const log: string[] = [];
    const pool = poolWithWorker(doubling(log), new Worker(dying, { eval: true }));
    const jobs = [1, 2, 3].map((n) => pool.run(n));
    await pool.finish();
    expect(await Promise.all(jobs)).toEqual(['2', '4', '6']);
    expect([...log].sort()).toEqual(['here 2', 'here 3']);
  });

  it('answers in a worker in the order sent, however long each takes', async () => {
    const { port1, port2 } = new MessageChannel();
    answerJobs<number, number>(port1, async (n) => {
      await new Promise((resolve) => setTimeout(resolve, n === 1 ? 60 : 1));
      return n;
    });
    const answers: number[] = [];
    const all = new Promise<void>((resolve) =>
      port2.on('message', (m: { answer: number }) => {
        answers.push(m.answer);
        if (answers.length === 3) resolve();
      }),
    );
    for (const n of [1, 2, 3]) port2.postMessage(n);
    await all;
    port1.close();
    expect(answers).toEqual([1, 2, 3]);
  });

  it('hands over only memory a view owns whole (never a slice of the pool small Buffers share)', () => {
    const small = Buffer.from('abc');
    const whole = new Uint8Array(16);
    const slice = whole.subarray(2, 4);
    expect(ownBuffers([small, whole, slice, whole])).toEqual([whole.buffer]);
  });
});
