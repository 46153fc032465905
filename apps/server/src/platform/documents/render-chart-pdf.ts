import { barColour, barShares, CHART, fitBarLabel } from './bar-chart.js';
import type { BarChart } from './document.js';

const MUTED = '#8c8c8c';

/** Draws a bar chart as vector bars at the current position, on a new page if it does not fit. */
export function drawBarChart(doc: PDFKit.PDFDocument, chart: BarChart, box: { left: number; width: number; bottom: number }): void {
  const height = CHART.titleHeight + Math.max(1, chart.bars.length) * CHART.rowHeight + 8;
  if (doc.y + height > box.bottom) doc.addPage();
  doc.font('regular').fontSize(9).fillColor('#595959').text(chart.title, box.left, doc.y, { width: box.width });
  let y = doc.y + 4;
  if (chart.bars.length === 0) {
    doc.fillColor(MUTED).text(chart.empty ?? '—', box.left, y, { width: box.width, align: 'center' });
  }
  const shares = barShares(chart);
  const track = box.width - CHART.labelWidth - CHART.valueWidth;
  chart.bars.forEach((bar, i) => {
    const length = Math.max((shares[i] ?? 0) * track, bar.value > 0 ? 1 : 0);
    doc.font('regular').fontSize(8.5).fillColor('#1f1f1f');
    doc.text(fitBarLabel(bar.label), box.left, y + 1, { width: CHART.labelWidth - 6, align: 'right', lineBreak: false, ellipsis: true });
    if (length > 0) doc.rect(box.left + CHART.labelWidth, y, length, CHART.barHeight).fill(barColour(bar.tone));
    doc
      .fillColor('#1f1f1f')
      .text(bar.text, box.left + CHART.labelWidth + length + 6, y + 1, { width: CHART.valueWidth + track - length, lineBreak: false });
    y += CHART.rowHeight;
  });
  doc.x = box.left;
  doc.y = y + 6;
}
