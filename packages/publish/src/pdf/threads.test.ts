import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { memorySink } from '../file-sinks';
import { releaseFiles } from '../release-files';
import { fixtureModel } from '../testing/fixture';
import type { PdfJob } from './jobs';
import { pdfRenderer, threadedRenderer } from './threads';

const job = (text: string): PdfJob => ({ kind: 'quality', markup: `# Quality\n\n${text}\n`, title: 'Quality', date: '2013-11-15' });

describe('the PDFs of a release, on a worker thread or in this one', () => {
  it('gives the same files whichever thread lays the PDFs out', async () => {
    const model = fixtureModel();
    const here = memorySink();
    await releaseFiles(model, here.sink, { pdfWorker: false });
    const renderer = pdfRenderer({ worker: 'sources' });
    expect(renderer.threaded).toBe(true);
    // settled before finish: only the worker can have laid it out
    const viaWorker = await renderer.run(job('one'));
    await renderer.close();
    const alone = pdfRenderer({ worker: false });
    const inThread = alone.run(job('one'));
    await alone.finish();
    expect(Buffer.compare(viaWorker, await inThread)).toBe(0);
    const threaded = memorySink();
    const listed = await releaseFiles(model, threaded.sink, { pdfWorker: 'sources' });
    const byPath = (files: readonly { path: string }[]) => files.map((f) => f.path).sort();
    expect(byPath(threaded.files)).toEqual(byPath(here.files));
    expect(byPath(listed)).toEqual(byPath(here.files));
    const pdfs = listed.filter((f) => f.path.endsWith('.pdf'));
    expect(pdfs.map((f) => f.path)).toEqual(['quality/report.pdf', 'notes/methodology.en.pdf', 'notes/methodology.ru.pdf']);
    const mine = new Map(here.files.map((f) => [f.path, f.bytes]));
    for (const f of threaded.files) expect(Buffer.compare(f.bytes, mine.get(f.path)!), f.path).toBe(0);
  }, 120_000);

  it('lays out here what a worker that cannot start leaves, in order', async () => {
    const renderer = threadedRenderer(new Worker('process.exit(3)', { eval: true }));
    const jobs = [renderer.run(job('one')), renderer.run(job('two'))];
    await renderer.finish();
    const [one, two] = await Promise.all(jobs);
    const alone = pdfRenderer({ worker: false });
    const expected = [alone.run(job('one')), alone.run(job('two'))];
    await alone.finish();
    expect(Buffer.compare(one!, (await expected[0])!)).toBe(0);
    expect(Buffer.compare(two!, (await expected[1])!)).toBe(0);
    expect(Buffer.compare(one!, two!)).not.toBe(0);
  }, 60_000);

  it('keeps everything in this thread when asked', () => {
    expect(pdfRenderer({ worker: false }).threaded).toBe(false);
  });
});
