export { formatDanishDate, PdfDocument, PdfSection, renderPdf } from './render';
