/** Printable documents: one model rendered to HTML (print CSS) and to PDF with Chinese text (ADR 0007). */
export type { BarChart, Block, Cell, Column, DocumentModel, Tone } from './document.js';
export { escapeHtml, renderHtml } from './render-html.js';
export { renderPdf } from './render-pdf.js';
