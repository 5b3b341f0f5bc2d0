export { columnWidths, formatDanishDate, PdfDocument, PdfSection, renderPdf } from './render';
