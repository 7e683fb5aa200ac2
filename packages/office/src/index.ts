export { PDF_FONT, renderPdf } from './pdf';
