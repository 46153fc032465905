import type { IndicatorStatus } from '@suilian/contracts';
import type { StatusTone } from '../../shared/status';

/** Pace colours (glossary): 正常 and 已完成 green, 预警 orange, 滞后 red, 无数据 and 未分解 grey. */
export const INDICATOR_STATUS_TONES: Record<IndicatorStatus, StatusTone> = {
  on_track: 'done',
  achieved: 'done',
  at_risk: 'attention',
  behind: 'failed',
  no_data: 'closed',
  unallocated: 'closed',
};

/** The status colours for charts (antd's tag palette). */
export const TONE_HEX: Record<StatusTone, string> = {
  done: '#52c41a',
  progress: '#1677ff',
  attention: '#fa8c16',
  failed: '#ff4d4f',
  closed: '#bfbfbf',
};

/** A share (0–1+) as a bar position in per cent, kept within the bar. */
export function barPercent(value: number | null | undefined, target: number): number {
  if (value === null || value === undefined || !Number.isFinite(value) || target <= 0) return 0;
  return Math.max(0, Math.min(100, (value / target) * 100));
}

/** An indicator figure for people: integers grouped, otherwise one decimal (expected values are fractional). */
export function roundFigure(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 10) / 10;
}
