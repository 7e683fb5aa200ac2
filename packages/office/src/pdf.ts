/// <reference path="./pdfmake.d.ts" />
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { useMeasureOnce } from './pdf-measure';
import { useFastStyleLookups } from './pdf-styles';

type PdfMake = typeof import('pdfmake').default;

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The font every PDF uses: DejaVu Sans has Cyrillic, and embedding it keeps text selectable. */
export const PDF_FONT = 'DejaVu';

let loaded: Promise<PdfMake> | undefined;

/**
 * pdfmake (with pdfkit and fontkit, some 130 ms to load) on the first PDF, not at the start of
 * every command that imports this package: `mch verify` and `mch diff` lay out none. It may read
 * only the DejaVu fonts and fetch nothing: documents are built offline.
 */
function pdfmakeReady(): Promise<PdfMake> {
  loaded ??= import('pdfmake').then(({ default: pdfmake }) => {
    useFastStyleLookups();
    useMeasureOnce();
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
    pdfmake.addFonts(PDF_FONTS);
    return pdfmake;
  });
  return loaded;
}

/** The files of PDF_FONT's four faces, as pdfmake's addFonts takes them. */
export const PDF_FONTS = {
  [PDF_FONT]: {
    normal: join(FONT_DIR, 'DejaVuSans.ttf'),
    bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
    italics: join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(FONT_DIR, 'DejaVuSans-BoldOblique.ttf'),
  },
};

/**
 * Lays out a pdfmake document definition. The caller fixes `info.creationDate` and `modDate`
 * (from configuration) so two builds give the same bytes.
 */
export async function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  const pdfmake = await pdfmakeReady();
  return pdfmake.createPdf(doc).getBuffer();
}
