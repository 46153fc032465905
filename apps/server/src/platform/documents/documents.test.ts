import { describe, expect, it } from 'vitest';
import { fitBarLabel } from './bar-chart.js';
import type { DocumentModel } from './document.js';
import { renderHtml } from './render-html.js';
import { renderPdf } from './render-pdf.js';

const model: DocumentModel = {
  title: '广州市"5G+工业互联网"融合应用试点城市季度进展报告',
  subtitle: '2026年第3季度',
  lang: 'zh-CN',
  meta: [{ label: '生成时间', value: '2026-10-08 10:00' }],
  blocks: [
    { kind: 'heading', text: '一、目标进度' },
    { kind: 'paragraph', text: '16 项目标中 9 项正常、4 项预警、3 项滞后。<script>' },
    {
      kind: 'table',
      columns: [{ title: '指标' }, { title: '完成率', align: 'right' }, { title: '进度' }],
      rows: Array.from({ length: 70 }, (_, i) => [
        `T-INF-${i} 5G基站`,
        `${i}.5%`,
        { text: i % 2 ? '滞后' : '正常', tone: i % 2 ? 'danger' : 'success' },
      ]),
    },
    { kind: 'keyValues', items: [{ label: '数据截至', value: '2026-09-30' }] },
  ],
  footer: '广州市工业和信息化局',
};

/** The text of every page, as a PDF reader extracts it (through the embedded font's ToUnicode map). */
async function extractText(pdf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await document.destroy();
  return pages;
}

describe('renderPdf', () => {
  it('writes Chinese text that a PDF reader extracts again, tables across pages with their header repeated', async () => {
    const pdf = await renderPdf(model);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await extractText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('广州市"5G+工业互联网"融合应用试点城市季度进展报告');
    expect(pages[0]).toContain('16 项目标中 9 项正常');
    expect(pages.join('')).toContain('T-INF-69 5G基站');
    expect(pages[1]).toContain('完成率'); // header row repeated
    expect(pages.at(-1)).toContain(`${pages.length} / ${pages.length}`);
  });

  it('embeds a subset of the font, not the 8 MB file', async () => {
    const pdf = await renderPdf(model);
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(text).toContain('/ToUnicode');
    expect(pdf.length).toBeLessThan(400_000);
  });
});

describe('renderHtml', () => {
  it('escapes text and carries print CSS', () => {
    const html = renderHtml(model);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('<thead><tr><th>指标</th><th class="r">完成率</th>');
    expect(html).toContain('style="color:#cf1322">滞后</td>');
  });
});

describe('bar chart labels', () => {
  it('cuts a long Chinese label to the label column with an ellipsis and keeps short ones whole', () => {
    expect(fitBarLabel('新建5G专网')).toBe('新建5G专网');
    const cut = fitBarLabel('产教融合载体（现代产业学院、校企协同育人示范基地、实训基地等）');
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.startsWith('产教融合载体')).toBe(true);
    expect([...cut].length).toBeLessThanOrEqual(13);
  });

  it('counts Latin letters and digits as half width, so a code-like label keeps more characters', () => {
    expect(fitBarLabel('ABCDEFGHIJKLMNOPQRST')).toBe('ABCDEFGHIJKLMNOPQRST');
  });

  it('shows the whole label as the row tooltip in HTML while the text is cut', () => {
    const label = '“5G+工业互联网”发展管理平台申报建成或在建项目';
    const html = renderHtml({
      title: 't',
      lang: 'zh-CN',
      meta: [],
      blocks: [{ kind: 'barChart', title: '完成率', bars: [{ label, value: 0.5, text: '50%' }] }],
    });
    expect(html).toContain(`<title>${label}</title>`);
    expect(html).toContain(`>${fitBarLabel(label)}</text>`);
  });
});
