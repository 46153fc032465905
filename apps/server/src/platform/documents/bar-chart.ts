import { type BarChart, TONE_COLOURS } from './document.js';

const BAR_COLOUR = '#1677ff';
/** Layout shared by both renderers, in points (PDF) or SVG user units (HTML). */
export const CHART = { labelWidth: 130, valueWidth: 90, rowHeight: 18, barHeight: 11, titleHeight: 18 };

/** Each bar's length as a share of the longest (0 when every value is 0 or less). */
export function barShares(chart: BarChart): number[] {
  const max = Math.max(0, ...chart.bars.map((b) => b.value));
  return chart.bars.map((b) => (max > 0 && b.value > 0 ? b.value / max : 0));
}

/** The colour of a bar: its tone, or the accent blue. */
export function barColour(tone: BarChart['bars'][number]['tone']): string {
  return tone ? TONE_COLOURS[tone] : BAR_COLOUR;
}
