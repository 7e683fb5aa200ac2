import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { releaseFiles } from '../release-files';
import { fixtureModel } from '../testing/fixture';
import type { PdfJob } from './jobs';
import { pdfRenderer, threadedRenderer } from './threads';

const job = (text: string): PdfJob => ({ kind: 'quality', markup: `# Quality\n\n${text}\n`, title: 'Quality', date: '2013-11-15' });

describe('the PDFs of a release, on a worker thread or in this one', () => {
  it('gives the same files whichever thread lays the PDFs out', async () => {
    const model = fixtureModel();
    const here = await releaseFiles(model, { pdfWorker: false });
    const renderer = pdfRenderer({ worker: 'sources' });
    expect(renderer.threaded).toBe(true);
    // settled before finish: only the worker can have laid it out
    const viaWorker = await renderer.render(job('one'));
    await renderer.close();
    const alone = pdfRenderer({ worker: false });
    const inThread = alone.render(job('one'));
    await alone.finish();
    expect(Buffer.compare(viaWorker, await inThread)).toBe(0);
    const threaded = await releaseFiles(model, { pdfWorker: 'sources' });
    expect(threaded.map((f) => f.path)).toEqual(here.map((f) => f.path));
    const pdfs = here.filter((f) => f.path.endsWith('.pdf'));
    expect(pdfs.map((f) => f.path)).toEqual(['quality/report.pdf', 'notes/methodology.en.pdf', 'notes/methodology.ru.pdf']);
    const whole = (b: Buffer | readonly Buffer[]) => (Buffer.isBuffer(b) ? b : Buffer.concat(b));
    for (const [i, f] of here.entries()) expect(Buffer.compare(whole(threaded[i]!.bytes), whole(f.bytes)), f.path).toBe(0);
  }, 120_000);

  it('lays out here what a worker that cannot start leaves, in order', async () => {
    const renderer = threadedRenderer(new Worker('process.exit(3)', { eval: true }));
    const jobs = [renderer.render(job('one')), renderer.render(job('two'))];
    await renderer.finish();
    const [one, two] = await Promise.all(jobs);
    const alone = pdfRenderer({ worker: false });
    const expected = [alone.render(job('one')), alone.render(job('two'))];
    await alone.finish();
    expect(Buffer.compare(one!, (await expected[0])!)).toBe(0);
    expect(Buffer.compare(two!, (await expected[1])!)).toBe(0);
    expect(Buffer.compare(one!, two!)).not.toBe(0);
  }, 60_000);

  it('keeps everything in this thread when asked', () => {
    expect(pdfRenderer({ worker: false }).threaded).toBe(false);
  });
});
