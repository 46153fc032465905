/**
 * A printable document as data: headings, paragraphs, key–value lists and tables. One model renders
 * to printable HTML (the browser's print dialog) and to PDF (pdfkit with an embedded Chinese font),
 * so both say the same thing without a browser on the server (ADR 0007).
 */
export interface DocumentModel {
  title: string;
  subtitle?: string;
  lang: 'zh-CN' | 'en-US';
  /** Small print under the title: generated at, by, data as of. */
  meta?: ReadonlyArray<{ label: string; value: string }>;
  blocks: readonly Block[];
  /** Footer on every page (e.g. the issuing office); page numbers are added. */
  footer?: string;
}

export type Tone = 'success' | 'info' | 'warning' | 'danger' | 'muted';

export type Cell = string | { text: string; tone?: Tone; bold?: boolean };

export interface Column {
  title: string;
  align?: 'left' | 'right' | 'center';
  /** Relative width (default 1). */
  width?: number;
}

export type Block =
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | { kind: 'paragraph'; text: string; tone?: Tone }
  | { kind: 'keyValues'; items: ReadonlyArray<{ label: string; value: string }> }
  | { kind: 'table'; columns: readonly Column[]; rows: ReadonlyArray<readonly Cell[]>; caption?: string; empty?: string }
  | { kind: 'pageBreak' }
  | BarChart;

/**
 * A horizontal bar chart drawn by the renderers themselves (inline SVG in HTML, vector bars in the
 * PDF): the same figures in both without a browser or a chart library on the server.
 */
export interface BarChart {
  kind: 'barChart';
  title: string;
  /** Each bar's label, its value (bar length, against the largest) and the text written after it. */
  bars: ReadonlyArray<{ label: string; value: number; text: string; tone?: Tone }>;
  empty?: string;
}

export function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

export function cellTone(cell: Cell): Tone | undefined {
  return typeof cell === 'string' ? undefined : cell.tone;
}

/** Colours of the console's status tags (green done, blue in progress, orange attention, red overdue, grey closed). */
export const TONE_COLOURS: Record<Tone, string> = {
  success: '#389e0d',
  info: '#0958d9',
  warning: '#d46b08',
  danger: '#cf1322',
  muted: '#8c8c8c',
};
