import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDF_FONT, PDF_FONTS, renderPdf } from './pdf';

const require = createRequire(import.meta.url);

interface Pdfmake {
  addFonts(fonts: unknown): void;
  setUrlAccessPolicy(f: () => boolean): void;
  setLocalAccessPolicy(f: () => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

/** A copy of pdfmake of its own, every module loaded afresh: its layout and measure, untouched. */
function untouchedPdfmake(): { pdfmake: Pdfmake; buildInlines: () => number } {
  const dir = dirname(require.resolve('pdfmake/js/index.js'));
  const ours = Object.keys(require.cache).filter((k) => k.startsWith(dir));
  const saved = ours.map((k) => [k, require.cache[k]] as const);
  for (const k of ours) delete require.cache[k];
  const pdfmake = require('pdfmake/js/index.js') as Pdfmake;
  const inlines = counted(require('pdfmake/js/TextInlines.js'));
  for (const k of Object.keys(require.cache)) if (k.startsWith(dir)) delete require.cache[k];
  for (const [k, m] of saved) require.cache[k] = m;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
  pdfmake.addFonts(PDF_FONTS);
  return { pdfmake, buildInlines: inlines };
}

/** Counts the calls of TextInlines.buildInlines (a text node measured) of that module. */
function counted(module: { default: { prototype: { buildInlines: (...a: unknown[]) => unknown } } }): () => number {
  const proto = module.default.prototype;
  const buildInlines = proto.buildInlines;
  let calls = 0;
  proto.buildInlines = function (this: unknown, ...a: unknown[]) {
    calls++;
    return buildInlines.apply(this, a);
  };
  return () => calls;
}

/**
 * Headings among long paragraphs, a long unbreakable word, a table: pageBreakBefore moves every
 * heading in the lower third of a page to the next, so pdfmake lays the document out several times.
 */
function document(moved: { count: number }): Record<string, unknown> {
  const date = new Date('2013-11-15T00:00:00Z');
  const words = 'Долгосрочные мигранты by country of previous residence, 2009–2012 '.repeat(14);
  const content: unknown[] = [];
  for (let i = 0; i < 14; i++) {
    content.push({ text: `Section ${i + 1}`, fontSize: 14, bold: true, headlineLevel: 1 });
    content.push({ text: i % 3 === 0 ? `${words}${'x'.repeat(140)}` : words, margin: [0, 0, 0, 6] });
    if (i % 4 === 1) content.push({ table: { body: [['Country', 'Total'], [{ text: 'Армения', bold: true }, '1 234']] } });
  }
  return {
    info: { title: 't', creationDate: date, modDate: date },
    defaultStyle: { font: PDF_FONT, fontSize: 9 },
    content,
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'center' }),
    pageBreakBefore: (node: { headlineLevel?: number; startPosition?: { verticalRatio?: number } }) => {
      const move = Boolean(node.headlineLevel) && (node.startPosition?.verticalRatio ?? 0) > 0.66;
      if (move) moved.count++;
      return move;
    },
  };
}

describe('useMeasureOnce', () => {
  it("lays a document out over several passes to the same bytes as pdfmake's own measure, measuring each text once", async () => {
    const untouched = untouchedPdfmake();
    const moved = { count: 0 };
    const reference = await untouched.pdfmake.createPdf(document(moved)).getBuffer();
    // the document does take several passes, each measuring every text node again
    expect(moved.count).toBeGreaterThanOrEqual(3);
    const perPass = untouched.buildInlines() / (moved.count + 1);

    const ours = counted(require('pdfmake/js/TextInlines.js'));
    const pdf = await renderPdf(document({ count: 0 }));
    expect(Buffer.compare(pdf, reference)).toBe(0);
    // once for the document's texts, besides the footers measured as each pass ends
    expect(ours()).toBeLessThan(perPass * 1.5);
  });
});
