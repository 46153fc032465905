import { type Block, type Cell, cellText, cellTone, type DocumentModel, TONE_COLOURS } from './document.js';
import { escapeHtml } from './escape.js';
import { renderBarChartHtml } from './render-chart-html.js';

export { escapeHtml } from './escape.js';

const STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f1f1f;
  font-size: 10.5pt; line-height: 1.6; margin: 0 auto; max-width: 190mm; padding: 12mm 0; }
h1 { font-size: 20pt; margin: 0 0 4pt; text-align: center; }
.subtitle { text-align: center; color: #595959; margin: 0 0 8pt; }
.meta { display: flex; flex-wrap: wrap; justify-content: center; gap: 4pt 16pt; color: #8c8c8c; font-size: 9pt; margin-bottom: 14pt; }
h2 { font-size: 14pt; border-left: 4pt solid #1677ff; padding-left: 6pt; margin: 16pt 0 6pt; break-after: avoid; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
p { margin: 4pt 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 4pt 0; }
dt { color: #595959; } dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9pt; }
caption { text-align: left; color: #595959; padding-bottom: 2pt; }
th, td { border: 0.5pt solid #d9d9d9; padding: 3pt 5pt; vertical-align: top; }
th { background: #fafafa; font-weight: 600; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.r { text-align: right; white-space: nowrap; } .c { text-align: center; }
td:first-child { white-space: nowrap; }
.page-break { break-after: page; }
figure.chart { margin: 6pt 0 10pt; break-inside: avoid; } figcaption { color: #595959; font-size: 9pt; margin-bottom: 2pt; }
footer { margin-top: 16pt; color: #8c8c8c; font-size: 8.5pt; text-align: center; }
@media screen { body { padding: 16px 24px; max-width: 960px; } }
@media print { body { padding: 0; max-width: none; } }
`;

/** A complete printable HTML page (A4 print CSS, table headers repeated on each printed page). */
export function renderHtml(doc: DocumentModel): string {
  const parts = [
    '<!doctype html>',
    `<html lang="${doc.lang}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
  ];
  if (doc.subtitle) parts.push(`<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`);
  if (doc.meta?.length) {
    parts.push(`<div class="meta">${doc.meta.map((m) => `<span>${escapeHtml(m.label)}：${escapeHtml(m.value)}</span>`).join('')}</div>`);
  }
  for (const block of doc.blocks) parts.push(renderBlock(block));
  if (doc.footer) parts.push(`<footer>${escapeHtml(doc.footer)}</footer>`);
  parts.push('</body></html>');
  return parts.join('\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return block.level === 2 ? `<h3>${escapeHtml(block.text)}</h3>` : `<h2>${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p${block.tone ? ` style="color:${TONE_COLOURS[block.tone]}"` : ''}>${escapeHtml(block.text)}</p>`;
    case 'keyValues':
      return `<dl>${block.items.map((i) => `<dt>${escapeHtml(i.label)}</dt><dd>${escapeHtml(i.value)}</dd>`).join('')}</dl>`;
    case 'pageBreak':
      return '<div class="page-break"></div>';
    case 'barChart':
      return renderBarChartHtml(block);
    case 'table': {
      const align = block.columns.map((c) => (c.align === 'right' ? ' class="r"' : c.align === 'center' ? ' class="c"' : ''));
      const head = block.columns.map((c, i) => `<th${align[i]}>${escapeHtml(c.title)}</th>`).join('');
      const body =
        block.rows.length === 0
          ? `<tr><td colspan="${block.columns.length}" class="c">${escapeHtml(block.empty ?? '—')}</td></tr>`
          : block.rows.map((row) => `<tr>${row.map((cell, i) => renderCell(cell, align[i] ?? '')).join('')}</tr>`).join('\n');
      const caption = block.caption ? `<caption>${escapeHtml(block.caption)}</caption>` : '';
      const total = block.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
      const cols = block.columns.map((c) => `<col style="width:${(((c.width ?? 1) / total) * 100).toFixed(1)}%">`).join('');
      return `<table>${caption}<colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
  }
}

function renderCell(cell: Cell, align: string): string {
  const tone = cellTone(cell);
  const bold = typeof cell !== 'string' && cell.bold;
  const style = [tone ? `color:${TONE_COLOURS[tone]}` : '', bold ? 'font-weight:600' : ''].filter(Boolean).join(';');
  return `<td${align}${style ? ` style="${style}"` : ''}>${escapeHtml(cellText(cell))}</td>`;
}
