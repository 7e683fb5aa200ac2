import { describe, expect, it } from 'vitest';
import { PDF_FONT, renderPdf } from './pdf';

const doc = (text: string) => {
  const date = new Date('2013-11-15T00:00:00Z');
  return { info: { title: 't', creationDate: date, modDate: date }, defaultStyle: { font: PDF_FONT }, content: [{ text }] };
};

describe('renderPdf', () => {
  it('embeds the DejaVu font so Cyrillic text is kept', async () => {
    const pdf = await renderPdf(doc('Информационный центр'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/FontFile2|DejaVu/);
  });

  it('gives the same bytes for the same document', async () => {
    expect(Buffer.compare(await renderPdf(doc('x')), await renderPdf(doc('x')))).toBe(0);
    expect(Buffer.compare(await renderPdf(doc('x')), await renderPdf(doc('y')))).not.toBe(0);
  });
});
