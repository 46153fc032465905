import { barColour, barShares, CHART, fitBarLabel } from './bar-chart.js';
import type { BarChart } from './document.js';
import { escapeHtml } from './escape.js';

const WIDTH = 640;

/** A bar chart as an inline SVG figure (prints as vectors, readable without scripts). */
export function renderBarChartHtml(chart: BarChart): string {
  const title = `<figcaption>${escapeHtml(chart.title)}</figcaption>`;
  if (chart.bars.length === 0)
    return `<figure class="chart">${title}<p class="c" style="color:#8c8c8c">${escapeHtml(chart.empty ?? '—')}</p></figure>`;
  const shares = barShares(chart);
  const track = WIDTH - CHART.labelWidth - CHART.valueWidth;
  const height = chart.bars.length * CHART.rowHeight + 4;
  const rows = chart.bars.map((bar, i) => {
    const y = i * CHART.rowHeight + 2;
    const length = Math.max((shares[i] ?? 0) * track, bar.value > 0 ? 1 : 0);
    const mid = y + CHART.barHeight / 2 + 4;
    return (
      // The full label stays readable as the row's tooltip when the column cuts it.
      `<g><title>${escapeHtml(bar.label)}</title>` +
      `<text x="${CHART.labelWidth - 6}" y="${mid}" text-anchor="end">${escapeHtml(fitBarLabel(bar.label))}</text>` +
      `<rect x="${CHART.labelWidth}" y="${y + 2}" width="${length.toFixed(1)}" height="${CHART.barHeight}" fill="${barColour(bar.tone)}"/>` +
      `<text x="${(CHART.labelWidth + length + 6).toFixed(1)}" y="${mid}">${escapeHtml(bar.text)}</text></g>`
    );
  });
  return (
    `<figure class="chart">${title}<svg role="img" aria-label="${escapeHtml(chart.title)}" viewBox="0 0 ${WIDTH} ${height}" ` +
    `width="100%" font-size="10" fill="#1f1f1f">${rows.join('')}</svg></figure>`
  );
}
