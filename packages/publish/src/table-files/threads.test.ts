import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { memorySink } from '../file-sinks';
import { releaseFrame } from '../published/build';
import { releaseFiles } from '../release-files';
import { fixtureModel } from '../testing/fixture';
import { poolWithWorker } from '../threads/pool';
import { decodeFrame, encodeFrame } from './codec';
import { tableFiles } from './files';
import { tableJobs, tableRenderer } from './threads';

const bytesOf = async (files: Promise<{ files: { path: string; bytes: Buffer }[] }>) => (await files).files.map((f) => [f.path, f.bytes.toString('base64')]);

describe('the files of a release table, on a worker thread or in this one', () => {
  it('sends a table to a worker as it is: every observation, source and cell note', async () => {
    const model = fixtureModel();
    const frames = releaseFrame(model).tables.filter((f) => f.observations.length);
    expect(frames.some((f) => f.cellNotes.size)).toBe(true);
    for (const frame of frames) {
      const back = decodeFrame(structuredClone(encodeFrame(frame)));
      expect(back.observations).toStrictEqual(frame.observations);
      const byPlace = (f: typeof frame) => [...f.cellNotes].map(([o, n]) => [f.observations.indexOf(o), n]);
      expect(byPlace(back)).toEqual(byPlace(frame));
      expect(await bytesOf(tableFiles(model, back))).toEqual(await bytesOf(tableFiles(model, frame)));
    }
  });

  it('would show a table whose cell notes were lost', async () => {
    const model = fixtureModel();
    const frame = releaseFrame(model).tables.find((f) => f.cellNotes.size)!;
    const lost = { ...frame, cellNotes: new Map() };
    expect(await bytesOf(tableFiles(model, lost))).not.toEqual(await bytesOf(tableFiles(model, frame)));
  });

  it('gives the same release whichever thread writes the tables', async () => {
    const model = fixtureModel();
    const here = memorySink();
    await releaseFiles(model, here.sink, { tableWorker: false });
    expect(tableRenderer(model, 0).threaded).toBe(false);
    const renderer = tableRenderer(model, 0, { worker: 'sources' });
    expect(renderer.threaded).toBe(true);
    await renderer.close();
    const threaded = memorySink();
    const listed = await releaseFiles(model, threaded.sink, { tableWorker: 'sources' });
    const paths = (files: readonly { path: string }[]) => files.map((f) => f.path).sort();
    expect(paths(threaded.files)).toEqual(paths(here.files));
    expect(paths(listed)).toEqual(paths(here.files));
    const mine = new Map(here.files.map((f) => [f.path, f.bytes]));
    for (const f of threaded.files) expect(Buffer.compare(f.bytes, mine.get(f.path)!), f.path).toBe(0);
  }, 120_000);

  it('tells the first error of a release only once no file is being written, the tables on a worker under way', async () => {
    const model = fixtureModel();
    let writing = 0;
    const sink = async (file: { path: string }) => {
      writing++;
      try {
        // the tables come back from the worker and are being written, slowly, when the SDMX file fails
        if (file.path === 'data/observations.csv') await new Promise((r) => setTimeout(r, 800));
        else if (file.path === 'sdmx/mch.csv') throw new Error('disk full at sdmx/mch.csv');
        else await new Promise((r) => setTimeout(r, 400));
        return { path: file.path, bytes: 0, sha256: '' };
      } finally {
        writing--;
      }
    };
    // before: the error came while table files were still being written, and the caller's removal
    // of the folder under them failed (ENOTEMPTY), exit 70 in place of the error
    const error = await releaseFiles(model, sink as never, { tableWorker: 'sources' }).catch((e: unknown) => e);
    expect(writing).toBe(0);
    expect((error as Error).message).toBe('disk full at sdmx/mch.csv');
  }, 120_000);

  it('writes here the tables a worker that cannot start leaves', async () => {
    const model = fixtureModel();
    const frames = releaseFrame(model).tables;
    const pool = poolWithWorker(tableJobs(model), new Worker('process.exit(3)', { eval: true }));
    const jobs = frames.map((f) => pool.run(f));
    await pool.finish();
    for (const [i, job] of jobs.entries()) expect(await bytesOf(job)).toEqual(await bytesOf(tableFiles(model, frames[i]!)));
  }, 60_000);
});
