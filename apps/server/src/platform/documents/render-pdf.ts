import PDFDocument from 'pdfkit';
import { type Block, type Cell, type Column, cellText, cellTone, type DocumentModel, TONE_COLOURS } from './document.js';
import { fontBytes } from './fonts.js';
import { drawBarChart } from './render-chart-pdf.js';

type Pdf = PDFKit.PDFDocument;

const MARGIN = { top: 54, bottom: 60, left: 48, right: 48 };
const TEXT = '#1f1f1f';
const GREY = '#8c8c8c';
const BORDER = '#d9d9d9';
const ACCENT = '#1677ff';
const CELL_PAD = 4;

/** Renders the document as an A4 PDF with the Chinese font embedded (subset); resolves to its bytes. */
export function renderPdf(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: model.lang,
    displayTitle: true,
    info: { Title: model.title, Author: '穗联 Suilian', Creator: 'Suilian', ...(model.subtitle ? { Subject: model.subtitle } : {}) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));

  const width = doc.page.width - MARGIN.left - MARGIN.right;
  doc.font('bold').fontSize(18).fillColor(TEXT).text(model.title, { align: 'center', width });
  if (model.subtitle) doc.moveDown(0.2).font('regular').fontSize(11).fillColor('#595959').text(model.subtitle, { align: 'center', width });
  if (model.meta?.length) {
    doc
      .moveDown(0.3)
      .font('regular')
      .fontSize(8.5)
      .fillColor(GREY)
      .text(model.meta.map((m) => `${m.label}：${m.value}`).join('    '), { align: 'center', width });
  }
  doc.moveDown(0.8);
  for (const block of model.blocks) drawBlock(doc, block, width);
  drawFooters(doc, model.footer);
  doc.end();
  return done;
}

function bottomLimit(doc: Pdf): number {
  return doc.page.height - MARGIN.bottom;
}

/** Starts a new page when less than `needed` points are left on this one. */
function ensureSpace(doc: Pdf, needed: number): void {
  if (doc.y + needed > bottomLimit(doc)) doc.addPage();
}

function drawBlock(doc: Pdf, block: Block, width: number): void {
  doc.x = MARGIN.left;
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 2 ? 11.5 : 13.5;
      ensureSpace(doc, size * 4);
      doc.moveDown(block.level === 2 ? 0.4 : 0.7);
      const y = doc.y;
      if (block.level !== 2) doc.rect(MARGIN.left, y + 1, 3, size + 2).fill(ACCENT);
      doc
        .font('bold')
        .fontSize(size)
        .fillColor(TEXT)
        .text(block.text, MARGIN.left + (block.level === 2 ? 0 : 9), y, { width: width - 9 });
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph':
      ensureSpace(doc, 30);
      doc
        .font('regular')
        .fontSize(10)
        .fillColor(block.tone ? TONE_COLOURS[block.tone] : TEXT)
        .text(block.text, MARGIN.left, doc.y, { width, lineGap: 2 });
      doc.moveDown(0.3);
      return;
    case 'keyValues':
      for (const item of block.items) {
        ensureSpace(doc, 16);
        const y = doc.y;
        doc.font('regular').fontSize(9.5).fillColor('#595959').text(item.label, MARGIN.left, y, { width: 120 });
        const afterLabel = doc.y;
        doc.fillColor(TEXT).text(item.value, MARGIN.left + 128, y, { width: width - 128 });
        doc.y = Math.max(afterLabel, doc.y);
      }
      doc.moveDown(0.3);
      return;
    case 'pageBreak':
      doc.addPage();
      return;
    case 'table':
      drawTable(doc, block, width);
      return;
    case 'barChart':
      drawBarChart(doc, block, { left: MARGIN.left, width, bottom: bottomLimit(doc) });
      return;
  }
}

function drawTable(doc: Pdf, table: Extract<Block, { kind: 'table' }>, width: number): void {
  const total = table.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const widths = table.columns.map((c) => (width * (c.width ?? 1)) / total);
  const fontSize = 8.5;
  if (table.caption) {
    ensureSpace(doc, 40);
    doc.font('regular').fontSize(9).fillColor('#595959').text(table.caption, MARGIN.left, doc.y, { width });
    doc.moveDown(0.2);
  }
  const header = (): void =>
    drawRow(
      doc,
      table.columns.map((c) => ({ text: c.title, bold: true })),
      table.columns,
      widths,
      fontSize,
      '#fafafa',
    );
  ensureSpace(doc, 40);
  header();
  const rows: ReadonlyArray<readonly Cell[]> = table.rows.length
    ? table.rows
    : [[{ text: table.empty ?? '—', tone: 'muted' }, ...table.columns.slice(1).map(() => '')]];
  for (const row of rows) {
    const height = rowHeight(doc, row, widths, fontSize);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      header(); // the header again on each page the table runs onto
    }
    drawRow(doc, row, table.columns, widths, fontSize, undefined, height);
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.6);
}

function rowHeight(doc: Pdf, row: readonly Cell[], widths: number[], fontSize: number): number {
  let height = 0;
  row.forEach((cell, i) => {
    const bold = typeof cell !== 'string' && cell.bold;
    doc.font(bold ? 'bold' : 'regular').fontSize(fontSize);
    height = Math.max(height, doc.heightOfString(cellText(cell) || ' ', { width: (widths[i] ?? 40) - 2 * CELL_PAD }));
  });
  return height + 2 * CELL_PAD;
}

function drawRow(
  doc: Pdf,
  row: readonly Cell[],
  columns: readonly Column[],
  widths: number[],
  fontSize: number,
  fill?: string,
  knownHeight?: number,
): void {
  const height = knownHeight ?? rowHeight(doc, row, widths, fontSize);
  const top = doc.y;
  let x = MARGIN.left;
  row.forEach((cell, i) => {
    const w = widths[i] ?? 40;
    if (fill) doc.rect(x, top, w, height).fill(fill);
    doc.lineWidth(0.5).rect(x, top, w, height).stroke(BORDER);
    const tone = cellTone(cell);
    const bold = typeof cell !== 'string' && cell.bold;
    doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(fontSize)
      .fillColor(tone ? TONE_COLOURS[tone] : TEXT)
      .text(cellText(cell), x + CELL_PAD, top + CELL_PAD, { width: w - 2 * CELL_PAD, align: columns[i]?.align ?? 'left' });
    x += w;
  });
  doc.x = MARGIN.left;
  doc.y = top + height;
}

/** The footer text and "page / pages" on every page, written below the bottom margin. */
function drawFooters(doc: Pdf, footer: string | undefined): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing into the margin must not start a new page
    const y = doc.page.height - MARGIN.bottom + 22;
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    doc.font('regular').fontSize(8).fillColor(GREY);
    if (footer) doc.text(footer, MARGIN.left, y, { width, align: 'left', lineBreak: false });
    doc.text(`${i + 1 - range.start} / ${range.count}`, MARGIN.left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
