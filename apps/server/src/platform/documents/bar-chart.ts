import { type BarChart, TONE_COLOURS } from './document.js';

const BAR_COLOUR = '#1677ff';
/** Layout shared by both renderers, in points (PDF) or SVG user units (HTML). */
export const CHART = { labelWidth: 130, valueWidth: 90, rowHeight: 18, barHeight: 11, titleHeight: 18 };

/** How many full-width characters fit the label column at the charts' label size (8.5–10 pt). */
const LABEL_EMS = 12;

/**
 * A bar's label shortened to the label column, with an ellipsis, by estimated width (Han and other
 * full-width characters one em, Latin letters and digits about half). Both renderers use it so the
 * HTML and the PDF cut at the same place; SVG text would otherwise run off the left edge.
 */
export function fitBarLabel(label: string): string {
  let ems = 0;
  let out = '';
  for (const ch of label) {
    const width = (ch.codePointAt(0) ?? 0) <= 0x24f ? 0.55 : 1;
    if (ems + width > LABEL_EMS) return `${out}…`;
    ems += width;
    out += ch;
  }
  return out;
}

/** Each bar's length as a share of the longest (0 when every value is 0 or less). */
export function barShares(chart: BarChart): number[] {
  const max = Math.max(0, ...chart.bars.map((b) => b.value));
  return chart.bars.map((b) => (max > 0 && b.value > 0 ? b.value / max : 0));
}

/** The colour of a bar: its tone, or the accent blue. */
export function barColour(tone: BarChart['bars'][number]['tone']): string {
  return tone ? TONE_COLOURS[tone] : BAR_COLOUR;
}
