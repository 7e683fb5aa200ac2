import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPdftotext, pdfPageTexts } from '../testing/unpack';
import { KEEP_TOGETHER, headingEndsPage, markupToPdf } from './render';

const following = (n: number) => ({ getFollowingNodesOnPage: () => Array.from({ length: n }, () => ({})) });

describe('headingEndsPage', () => {
  it('moves a heading with nothing after it on its page, or one in the last tenth of the page', () => {
    expect(headingEndsPage({ headlineLevel: 2, startPosition: { verticalRatio: 0.97 } }, following(0))).toBe(true);
    expect(headingEndsPage({ headlineLevel: 2, startPosition: { verticalRatio: 0.93 } }, following(4))).toBe(true);
  });

  it('moves a block kept together that runs onto a second page, unless it already starts a page', () => {
    expect(headingEndsPage({ id: KEEP_TOGETHER, pageNumbers: [3, 4], startPosition: { verticalRatio: 0.6 } }, following(4))).toBe(true);
    expect(headingEndsPage({ id: KEEP_TOGETHER, pageNumbers: [3], startPosition: { verticalRatio: 0.6 } }, following(4))).toBe(false);
    expect(headingEndsPage({ id: KEEP_TOGETHER, pageNumbers: [3, 4], startPosition: { verticalRatio: 0.01 } }, following(4))).toBe(false);
  });

  it('leaves a heading with room below it, and any other node', () => {
    expect(headingEndsPage({ headlineLevel: 2, startPosition: { verticalRatio: 0.5 } }, following(4))).toBe(false);
    expect(headingEndsPage({ startPosition: { verticalRatio: 0.99 } }, following(0))).toBe(false);
  });
});

const missing = !hasPdftotext();
const skip = missing && process.env.CI !== 'true';

/**
 * Lays out `block` after `from` (38) to 52 paragraphs of filler, which move it down page 1 line by line
 * across its end, and returns the last line of every page of every layout (footers left out).
 */
async function lastLinesOfPages(block: string, from = 38): Promise<{ lines: number; last: string | undefined }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'mch-render-'));
  try {
    const out: { lines: number; last: string | undefined }[] = [];
    for (let lines = from; lines <= 52; lines++) {
      const filler = Array.from({ length: lines }, (_, i) => `Line ${i} of the filler.\n`).join('\n');
      const file = join(dir, `${lines}.pdf`);
      await writeFile(file, await markupToPdf(`${filler}\n${block}`, { title: 't', author: 'a', language: 'en-GB', date: '2013-11-15', charts: {} }));
      for (const page of pdfPageTexts(file)!) out.push({ lines, last: page.split('\n').filter((l) => l.trim() && !/^\d+\s*\/\s*\d+$/.test(l.trim())).at(-1) });
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('markupToPdf', () => {
  it.skipIf(skip)('never ends a page with a heading, wherever the heading falls (needs poppler pdftotext)', async () => {
    expect(missing, 'pdftotext is required in CI').toBe(false);
    for (const page of await lastLinesOfPages('## The heading\n\nThe text it introduces.\n')) expect(page.last, `${page.lines} lines of filler`).not.toBe('The heading');
  }, 60_000);

  it.skipIf(skip)('never splits a heading from its short list, nor a short list across pages; a long list still breaks (needs poppler pdftotext)', async () => {
    expect(missing, 'pdftotext is required in CI').toBe(false);
    const items = (n: number) => Array.from({ length: n }, (_, i) => `- Fact ${i} of the country.`).join('\n');
    for (const page of await lastLinesOfPages(`### Georgia\n\n${items(8)}\n`, 30)) {
      expect(page.last, `${page.lines} lines of filler`).not.toBe('Georgia');
      expect(page.last === undefined || !/^(•\s*)?Fact [0-6] /.test(page.last), `${page.lines} lines of filler: ${page.last}`).toBe(true);
    }
    // a list too long to move whole breaks where the page ends, its heading kept with its first lines by headingEndsPage
    const long = await lastLinesOfPages(`### Georgia\n\n${items(90)}\n`);
    expect(long.some((p) => /Fact \d+ of the country/.test(p.last ?? '') && !/Fact 89/.test(p.last ?? ''))).toBe(true);
  }, 60_000);

  it.skipIf(skip)('never ends a page with a sentence that introduces a table, wherever it falls (needs poppler pdftotext)', async () => {
    expect(missing, 'pdftotext is required in CI').toBe(false);
    const table = ['| Code | Label |', '|---|---|', ...Array.from({ length: 12 }, (_, i) => `| C${i} | label ${i} |`)].join('\n');
    for (const page of await lastLinesOfPages(`The codes used in this release:\n\n${table}\n`)) expect(page.last, `${page.lines} lines of filler`).not.toBe('The codes used in this release:');
    // and when a heading opens with that sentence
    for (const page of await lastLinesOfPages(`## Codes\n\nThe codes used in this release:\n\n${table}\n`)) expect(page.last, `${page.lines} lines of filler, under a heading`).not.toBe('The codes used in this release:');
  }, 60_000);
});
